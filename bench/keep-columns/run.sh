#!/usr/bin/env bash
# Issue 23's cost check, one alternating run: the export before --keep-columns existed, after it
# (plain), and after it with five kept scalar columns. Each build is a launcher of its own tree
# (built once beforehand, so no run rebuilds): BEFORE and AFTER are their qa-export scripts.
#
#   bench/keep-columns/run.sh INPUT_DIR ROUNDS BEFORE AFTER > times.tsv
#
# Prints one line per run: variant, round, wall s, user s, sys s, peak RSS KiB, load1.
set -euo pipefail
in="$1"; rounds="$2"; before="$3"; after="$4"
keep=question_type,category,confidence:float64,coverage:float64,persona.situation
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for variant in before after keep5; do
    launcher="$after"; args=()
    [[ $variant == before ]] && launcher="$before"
    [[ $variant == keep5 ]] && args=(--keep-columns "$keep")
    rm -rf "$out/$variant"
    /usr/bin/time -o "$out/time" -f "%e %U %S %M" "$launcher" --input-dir "$in" \
      --output-dir "$out/$variant" --quiet --no-dataset-card "${args[@]}"
    printf '%s\t%s\t%s\t%s\n' "$variant" "$round" "$(tr ' ' '\t' < "$out/time")" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
