#!/usr/bin/env bash
# Wall time and peak RSS of the training-set stages against the plain export, alternating runs.
#   bench/dedup/stages.sh DATA_DIR [ROUNDS]      (DATA_DIR from bench/generate.py)
# Uses the built jar (app-cli/target) with the launcher's JVM flags; prints a markdown table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
data="$1"; rounds="${2:-3}"
cp="${QA_EXPORT_CP:-app-cli/target/qa-export.jar:app-cli/target/lib/*}"  # a copy, if the tree may rebuild
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
declare -a names=("plain" "--min-score 0.8" "--split train=0.8,validation=0.1,test=0.1"
  "--dedup exact" "--dedup near" "--min-score 0.8 --dedup near --split train=0.9,test=0.1")
declare -A walls rss
for ((r = 0; r < rounds; r++)); do
  for name in "${names[@]}"; do
    args=(); [[ "$name" != plain ]] && read -r -a args <<< "$name"
    rm -rf "$out/o"
    m=$( { /usr/bin/time -f "%e %M" java -XX:+UseSerialGC -Xms16m -Xmx1g -XX:-UsePerfData -cp "$cp" \
      io.qaexport.bootstrap.Main --input-dir "$data" --output-dir "$out/o" --quiet "${args[@]}" ; } 2>&1 | tail -1)
    walls[$name]+="${m% *} "; rss[$name]+="${m#* } "
  done
done
med() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(echo "${walls[plain]}" | med)
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds; input $(du -sh "$data" | cut -f1)"
echo
echo "| options | wall median (s) | × plain | all walls (s) | peak RSS median (MiB) |"
echo "|---|---:|---:|---|---:|"
for name in "${names[@]}"; do
  w=$(echo "${walls[$name]}" | med); k=$(echo "${rss[$name]}" | med)
  printf '| `%s` | %.2f | %.2f | %s | %d |\n' "$name" "$w" "$(echo "$w / $base" | bc -l)" "${walls[$name]% }" "$((k / 1024))"
done
