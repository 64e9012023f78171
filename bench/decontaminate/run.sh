#!/bin/bash
# Alternating 200k runs: A plain, B --decontaminate ref10k.txt, C --decontaminate ref100k.txt.
# usage: run.sh ROUNDS [FIRST_ROUND]
set -u
B="${BENCH_DIR:-bench/work/decontaminate}"  # work directory: a clone in $B/qa, references, runs
Q=$B/qa
CP="$Q/app-cli/target/qa-export.jar:$Q/app-cli/target/lib/*"
IN="${INPUT:-bench/work/dedup/qa200k.jsonl}"  # bench/dedup/gen_templated.py --n 200000 --seed 22
cd $B
rounds=${1:-3}; first=${2:-1}
for r in $(seq $first $((first + rounds - 1))); do
  for s in A B C; do
    case $s in
      A) extra=() ;;
      B) extra=(--decontaminate $B/ref10k.txt) ;;
      C) extra=(--decontaminate $B/ref100k.txt) ;;
    esac
    out=$B/runs/$s$r; rm -rf $out; mkdir -p $out
    log=$B/logs/$s$r.log
    { echo "run $s$r $(date -Is)"; echo "before: $(uptime)";
      echo "cmd: java ... --passed $IN --output-dir $out --no-dataset-card --quiet --summary-json $out.summary.json ${extra[*]}"; } > $log
    /usr/bin/time -f "%e s wall, %U+%S CPU, %M KB RSS, exit %x" -o $log.time \
      java -XX:+UseSerialGC -Xmx1g -cp "$CP" io.qaexport.bootstrap.Main --passed $IN --output-dir $out \
        --no-dataset-card --quiet --summary-json $out.summary.json "${extra[@]}" >> $log 2>&1
    cat $log.time >> $log
    echo "after: $(uptime)" >> $log
    ls -la $out >> $log
    wc -l $out/*.decontaminated.jsonl >> $log 2>/dev/null
    # keep the decontaminated log of round 1 only; drop the big outputs
    if [ "$r" != 1 ]; then rm -rf $out; else rm -f $out/qa_pairs.jsonl; fi
    tail -n +1 $log.time
  done
done
