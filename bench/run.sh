#!/usr/bin/env bash
# Whole-process benchmark: qa-export (jsonl, parquet) vs the Python reference, jq and DuckDB on the
# same generated input, alternating and repeated; then output verification, issue 11's table (every
# size of this run: ratios to DuckDB of the same format and, at 10 records, to Python, with the
# goals) and launcher flags.
#
#   bench/run.sh                      # everything (about 25 minutes on 2 cores)
#   SIZES="10 200k" bench/run.sh      # a subset
#   WAIT_QUIET=1 bench/run.sh         # first wait (up to WAIT_MAX_MIN minutes) for load1 < 0.7
#   SKIP_BUILD=1 / BENCH_SOURCE=worktree / STYLE=compat  (see build-snapshot.sh, generate.py)
#   REPS=5 REPS_SMALL=10 REPS_1M=3 FLAGS=0 FLAG_REPS=N  (rounds per size; skip the flags tables)
#
# Results: bench/work/results/{tools,flags}.csv (raw rows) and summary.md (tables).
#
# Issue 21's comparison (three input styles incl. all-Swedish and LLM-style escapes, polars as a
# peer, the launcher as users run it, qa-export variants) is bench/compare.py: python3 bench/compare.py
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$bench"
SIZES="${SIZES:-10 200k 1M}"
STYLE="${STYLE:-varied}"
results="$bench/work/results"
run_id="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"

for tool in jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install -y jq time)" >&2; exit 1; }
done
if [[ ! -x .venv/bin/python ]] || ! .venv/bin/python -c 'import duckdb' 2>/dev/null; then
  python3 -m venv .venv && .venv/bin/pip install -q --retries 0 --timeout 5 -r requirements.txt
fi
[[ "${SKIP_BUILD:-0}" == 1 && -f work/dist/qa-export.jar ]] || ./build-snapshot.sh

records() { case "$1" in *k) echo $(( ${1%k} * 1000 ));; *M) echo $(( ${1%M} * 1000000 ));; *) echo "$1";; esac; }
reps() { case "$1" in 10) echo "${REPS_SMALL:-10}";; 1M) echo "${REPS_1M:-3}";; *) echo "${REPS:-5}";; esac; }

for size in $SIZES; do
  data="work/data/$STYLE-$size"
  if [[ ! -f "$data/.done" ]]; then
    python3 generate.py --style "$STYLE" --records "$(records "$size")" --out-dir "$data"
    touch "$data/.done"
  fi
done

if [[ "${WAIT_QUIET:-0}" == 1 ]]; then
  deadline=$(( $(date +%s) + ${WAIT_MAX_MIN:-40} * 60 ))
  until awk '{exit !($1 < 0.7)}' /proc/loadavg || (( $(date +%s) > deadline )); do
    echo "bench: waiting for a quiet machine: $(cut -d' ' -f1-3 /proc/loadavg)" >&2; sleep 60
  done
fi

{
  echo "## Run $(date -u +%FT%TZ): $(nproc) cores, $(java -version 2>&1 | head -1), qa-export $(cat work/dist/SOURCE), duckdb $(.venv/bin/python -c 'import duckdb; print(duckdb.__version__)'), $(jq --version), Python $(python3 -c 'import platform; print(platform.python_version())')"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg); input style: $STYLE"
} >> "$results/summary.md"

for size in $SIZES; do
  data="work/data/$STYLE-$size"
  bytes=$(cat "$data"/qa_*.jsonl | wc -c)
  keep="work/out-$STYLE-$size"
  echo "bench: tools on $size records ($((bytes / 1048576)) MiB input)" >&2
  { echo; echo "### $size records ($((bytes / 1048576)) MiB input), $(reps "$size") rounds"; echo; } >> "$results/summary.md"
  python3 bench.py --suite tools --data "$data" --label "$size" --reps "$(reps "$size")" \
    --csv "$results/tools.csv" --keep-outputs "$keep" --run "$run_id" | tee -a "$results/summary.md"
  stride=1; [[ "$size" == 1M ]] && stride=50
  { echo; echo '```'; .venv/bin/python verify.py "$keep" --stride "$stride"; echo '```'; } | tee -a "$results/summary.md"
done

{ echo; echo "### Issue 11's table (run $run_id; wall medians, min–max; MB of input per CPU-second)"; echo
  python3 bench.py --issue-table "$results/tools.csv" --run "$run_id"; } | tee -a "$results/summary.md"

if [[ "${FLAGS:-1}" == 1 ]]; then
  for size in $SIZES; do
    [[ "$size" == 1M ]] && continue
    data="work/data/$STYLE-$size"
    freps="${FLAG_REPS:-$(reps "$size")}"
    { echo; echo "### launcher flags, $size records, $freps rounds"; echo; } >> "$results/summary.md"
    python3 bench.py --suite flags --data "$data" --label "$size" --reps "$freps" \
      --csv "$results/flags.csv" --run "$run_id" | tee -a "$results/summary.md"
  done
fi
echo "bench: done; tables in $results/summary.md" >&2
