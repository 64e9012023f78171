# Sourced by the qa-export launchers (the source tree's ./qa-export, the release's bin/qa-export,
# bench/qa-export-tuned): chooses the JIT for the input at hand.
#
# On two cores the C2 compiler competes with the export for CPU: at 200k records (284 MiB) it took
# 2.2 s of a 5.3 s run's CPU. C1 alone (-XX:TieredStopAtLevel=1) was 18 % faster at 200k records
# (2.32-2.45 s vs 2.81-3.07 s, 3 alternating rounds) and ~12 % at 10, but 34 % slower at 1M
# records (16.2 s vs 12.1 s), where C2's faster code pays for its compiling; a line through the
# two sizes puts the break-even near 400 MB. So C1 alone below QA_EXPORT_C1_BELOW bytes of input
# (default 384 MiB), C2 as well above it or when the size is unknown (stdin, a pipe). Only speed
# depends on it, never a result.

# The input's size in bytes as the arguments name it (--input-dir, --passed, --rejected, with a
# space or =), compressed files counted at 8x; -1 when it cannot be known.
qa_export_input_bytes() {
  local dir="qa" dir_named=false passed="" rejected="" want="" arg
  for arg in "$@"; do
    case "$want" in
      dir) dir="$arg"; dir_named=true; want=""; continue ;;
      passed) passed="$arg"; want=""; continue ;;
      rejected) rejected="$arg"; want=""; continue ;;
    esac
    case "$arg" in
      --input-dir) want=dir ;;
      --input-dir=*) dir="${arg#*=}"; dir_named=true ;;
      --passed) want=passed ;;
      --passed=*) passed="${arg#*=}" ;;
      --rejected) want=rejected ;;
      --rejected=*) rejected="${arg#*=}" ;;
    esac
  done
  # As the program does: a passed file named without --input-dir has its rejected file beside it.
  if [[ -n "$passed" && "$dir_named" == false ]]; then
    dir="$(dirname -- "$passed")"
  fi
  local total=0 file size magic
  for file in "${passed:-$dir/qa_passed.jsonl}" "${rejected:-$dir/qa_rejected.jsonl}"; do
    [[ "$file" == - ]] && { echo -1; return; }
    [[ -e "$file" ]] || continue
    [[ -f "$file" ]] || { echo -1; return; }
    size="$(stat -Lc %s -- "$file" 2>/dev/null)" || { echo -1; return; }
    # gzip, zstd, bzip2, xz: told by the first bytes, as the reader does.
    magic="$(head -c 4 -- "$file" 2>/dev/null | od -An -tx1 | tr -d ' \n')" || magic=""
    case "$magic" in
      1f8b* | 28b52ffd | 425a68* | fd377a58) size=$((size * 8)) ;;
    esac
    total=$((total + size))
  done
  echo "$total"
}

# Sets qa_export_jit_flags for the arguments.
qa_export_choose_jit() {
  local bytes limit="${QA_EXPORT_C1_BELOW:-402653184}"
  [[ "$limit" =~ ^[0-9]+$ ]] || limit=402653184 # a limit that is no number of bytes is ignored
  bytes="$(qa_export_input_bytes "$@")"
  qa_export_jit_flags=()
  if ((bytes >= 0 && bytes < limit)); then
    qa_export_jit_flags=(-XX:TieredStopAtLevel=1)
  fi
}
