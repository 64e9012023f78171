#!/usr/bin/env bash
# Records everything a user can observe of qa-export on a fixed set of runs: output bytes (data,
# errors logs, card, summary JSON), stdout, stderr and exit codes. Two snapshots of two builds,
# compared with `diff -r`, prove a refactoring changed no behaviour.
#
#   compat/behaviour_snapshot.sh SNAPSHOT_DIR [CLASSPATH]
#
# CLASSPATH defaults to this tree's built jar (app-cli/target/qa-export.jar:app-cli/target/lib/*);
# copy a build elsewhere first to snapshot it while the tree changes. Elapsed times and rates are
# replaced by placeholders; everything else is kept byte for byte.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

snap="$(mkdir -p "$1" && cd "$1" && pwd)"
cp="${2:-$root/app-cli/target/qa-export.jar:$root/app-cli/target/lib/*}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/plugins"
if [[ -f examples/chat-plugin/target/qa-export-chat-plugin.jar ]]; then
  cp examples/chat-plugin/target/qa-export-chat-plugin.jar "$work/plugins/"
fi

python3 compat/generate_input.py --records 3000 --out-dir "$work/gen" --seed 42 >/dev/null
python3 compat/generate_input.py --records 300 --out-dir "$work/crlf" --seed 7 --crlf --bom \
  --no-final-newline >/dev/null
mkdir -p "$work/bad" "$work/empty" "$work/foreign"
cp examples/qa/qa_passed.jsonl "$work/bad/qa_passed.jsonl"
printf '{"question": 5}\nnot json\n\n{"question":"q","validation":{"composite_score":NaN}}\n' \
  >> "$work/bad/qa_passed.jsonl"
printf '\xff\xfe{"question":"x"}\n' > "$work/bad/qa_rejected.jsonl"
: > "$work/empty/qa_passed.jsonl"
cp examples/qa/*.jsonl "$work/foreign/"
echo "# my own readme" > "$work/foreign/README.md"

case_no=0
run() {  # run NAME ARGS...: runs in $work, keeps exit code, streams and the output directory
  local name="$1"; shift
  case_no=$((case_no + 1))
  local dir="$snap/$name"
  mkdir -p "$dir"
  set +e
  (cd "$work" && java -Dqa-export.plugin-dir="$work/plugins" -cp "$cp" io.qaexport.bootstrap.Main \
    "$@" >"$dir/stdout" 2>"$dir/stderr.raw")
  echo $? > "$dir/exit"
  set -e
  sed -E -e 's/in [0-9.]+ s \([0-9,]+ records\/s\)/in T s (R records\/s)/' \
    -e "s#$work#WORK#g" -e "s#$root#ROOT#g" "$dir/stderr.raw" > "$dir/stderr"
  rm "$dir/stderr.raw"
  sed -i -e "s#$work#WORK#g" -e "s#$root#ROOT#g" "$dir/stdout"
  if [[ -d "$work/out" ]]; then
    mkdir -p "$dir/out"
    (cd "$work/out" && find . -type f | sort | while read -r f; do
      mkdir -p "$dir/out/$(dirname "$f")"
      cp "$f" "$dir/out/$f"
    done)
    rm -rf "$work/out"
  fi
  if [[ -f "$work/summary.json" ]]; then
    sed -E -e 's/"elapsed_seconds":[0-9.eE-]+/"elapsed_seconds":T/' \
      -e 's/"records_per_second":[0-9.eE-]+/"records_per_second":R/' \
      -e "s#$work#WORK#g" -e "s#$root#ROOT#g" "$work/summary.json" > "$dir/summary.json"
    rm "$work/summary.json"
  fi
}

run examples-jsonl --input-dir "$root/examples/qa" --output-dir out --summary-json summary.json
run examples-parquet --input-dir "$root/examples/qa" --output-dir out --format parquet
run examples-parquet-zstd --input-dir "$root/examples/qa" --output-dir out --format parquet --compression zstd
run examples-parquet-none --input-dir "$root/examples/qa" --output-dir out --format parquet --compression none
run examples-chat --input-dir "$root/examples/qa" --output-dir out --format chat --format-option "system_prompt=Du är en hjälpsam kollega."
run generated-jsonl --input-dir gen --output-dir out --summary-json summary.json
run generated-parquet --input-dir gen --output-dir out --format parquet
run generated-strict --input-dir gen --output-dir out --strict
run generated-strict-skip --input-dir gen --output-dir out --strict --on-error skip --summary-json summary.json
run crlf-bom --input-dir crlf --output-dir out
run bad-fail --input-dir bad --output-dir out
run bad-skip --input-dir bad --output-dir out --on-error skip --summary-json summary.json
run bad-skip-parquet --input-dir bad --output-dir out --on-error skip --format parquet
run empty --input-dir empty --output-dir out
run foreign-readme --input-dir foreign
run no-card --input-dir "$root/examples/qa" --output-dir out --no-dataset-card
run card-elsewhere --input-dir "$root/examples/qa" --output-dir out --dataset-card out/card/README.md
run passed-only --passed "$root/examples/qa/qa_passed.jsonl" --output-dir out
run missing-passed --input-dir nowhere --output-dir out
run unknown-format --input-dir "$root/examples/qa" --output-dir out --format csv
run compression-on-jsonl --input-dir "$root/examples/qa" --output-dir out --compression zstd
run unknown-compression --input-dir "$root/examples/qa" --output-dir out --format parquet --compression lz4
run prompt-on-jsonl --input-dir "$root/examples/qa" --output-dir out --format-option system_prompt=hi
run bad-on-error --input-dir "$root/examples/qa" --output-dir out --on-error ignore
run bad-max-line --input-dir "$root/examples/qa" --output-dir out --max-line-bytes 0
run small-max-line --input-dir "$root/examples/qa" --output-dir out --max-line-bytes 200 --on-error skip
run unknown-option --frobnicate
run stray-argument examples
run help --help
run version --version
run list-formats --list-formats
run quiet --input-dir "$root/examples/qa" --output-dir out --quiet
echo "snapshot of $case_no runs in $snap" >&2
