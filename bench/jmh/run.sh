#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks (standalone project, not in the main reactor).
#   bench/jmh/run.sh [JMH args...]     e.g. bench/jmh/run.sh MappingBench -f 1
# Needs the io.qaexport 0.1.0 artifacts in ~/.m2 (bench/build-snapshot.sh installs them; or
# `mvn -q -o install -Dmaven.test.skip=true` from the repo root).
set -euo pipefail
jmh="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(cd "$jmh/.." && pwd)"
data="$bench/work/data/varied-20k"
if [[ ! -f "$data/.done" ]]; then
  python3 "$bench/generate.py" --records 20000 --out-dir "$data" && touch "$data/.done"
fi
[[ -f "$HOME/.m2/repository/io/qaexport/qa-export-core/0.1.0/qa-export-core-0.1.0.jar" ]] || "$bench/build-snapshot.sh"
(cd "$jmh" && mvn -B -q -Dstyle.color=never package)
cd "$jmh"
java -jar target/benchmarks.jar -p file="$data/qa_rejected.jsonl" -rf json -rff "$bench/work/jmh-result.json" "$@"
