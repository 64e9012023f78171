#!/usr/bin/env bash
# Dedup quality: planted paraphrases in 20k Swedish questions, qa-export --dedup near against the
# brute-force Jaccard of every pair (about 2·10^8 pairs; ~2 CPU-minutes).
#   bench/dedup/quality.sh [WORK_DIR] [THRESHOLD]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work="${1:-bench/work/dedup}"; threshold="${2:-0.8}"
cp="${QA_EXPORT_CP:-app-cli/target/qa-export.jar:app-cli/target/lib/*}"
python3 bench/dedup/planted.py --groups 14000 --out-dir "$work/all" --seed 3
mkdir -p "$work/s20k"
head -n 20000 "$work/all/qa_passed.jsonl" > "$work/s20k/qa_passed.jsonl"
head -n 20000 "$work/all/truth.jsonl" > "$work/s20k/truth.jsonl"
python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"): print(json.loads(l)["question"].replace("\n", " "))' \
  "$work/s20k/qa_passed.jsonl" > "$work/s20k/questions.txt"
java -cp core/target/classes bench/dedup/BruteForce.java "$work/s20k/questions.txt" "$threshold" \
  "$work/s20k/bf-$threshold.txt"
rm -rf "$work/s20k/out"
/usr/bin/time -f "qa-export --dedup near: %e s, peak RSS %M KB" java -XX:+UseSerialGC -Xmx1g -cp "$cp" \
  io.qaexport.bootstrap.Main --passed "$work/s20k/qa_passed.jsonl" --output-dir "$work/s20k/out" \
  --dedup near --dedup-threshold "$threshold" --no-dataset-card --quiet
python3 bench/dedup/quality.py "$work/s20k" "$work/s20k/out" "$work/s20k/bf-$threshold.txt" "$threshold"
