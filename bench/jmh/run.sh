#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks (module bench/jmh of the reactor, profile `bench`).
#   bench/jmh/run.sh [JMH args...]     e.g. bench/jmh/run.sh MappingBench -f 1
set -euo pipefail
jmh="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(cd "$jmh/.." && pwd)"
root="$(cd "$bench/.." && pwd)"
data="$bench/work/data/varied-20k"
if [[ ! -f "$data/.done" ]]; then
  python3 "$bench/generate.py" --records 20000 --out-dir "$data" && touch "$data/.done"
fi
(cd "$root" && mvn -B -q -Dstyle.color=never -Pbench -Dmaven.test.skip=true package -pl bench/jmh -am)
cd "$jmh"
java -jar target/benchmarks.jar -p file="$data/qa_rejected.jsonl" -rf json -rff "$bench/work/jmh-result.json" "$@"
