# Sourced by the qa-export launchers (the source tree's ./qa-export, the release's bin/qa-export,
# bench/qa-export-tuned): what a launcher must know of the arguments before java starts, the
# input's size (which JIT) and the output format (which class-data archive).
#
# In bash builtins, without subshells, and at most one external command (`stat`, or the caller's
# own `find`): each fork costs ~10 ms of CPU on the 2-core machine, and the launcher's bash once
# took 0.21 CPU-s of a 14-record run's 0.81 (issue 21). A command substitution runs its command
# with `exec`: given a redirection, bash would otherwise fork a subshell and then the command.
#
# The JIT: on two cores the C2 compiler competes with the export for CPU: at 200k records
# (284 MiB) it took 2.2 s of a 5.3 s run's CPU. C1 alone (-XX:TieredStopAtLevel=1) was 18 % faster
# at 200k records (2.32-2.45 s vs 2.81-3.07 s, 3 alternating rounds) and ~12 % at 10, but 34 %
# slower at 1M records (16.2 s vs 12.1 s), where C2's faster code pays for its compiling; a line
# through the two sizes puts the break-even near 400 MB. So C1 alone below QA_EXPORT_C1_BELOW bytes
# of input (default 384 MiB), C2 as well above it or when the size is unknown (stdin, a pipe).
# Only speed depends on it, never a result. A near-duplicate stage (--dedup near, --split-groups
# near) always gets C2: its grouping is a CPU-bound loop that C2 compiles to vector instructions,
# and at 200k templated questions C1 alone took 15.4 CPU-s for --dedup near against 10.0 with C2
# (the split 16.0 against 11.0; issue 22, bench/RESULTS.md).
#
# Below 256 KiB of input (a few hundred records) a run is mostly start-up, and C1 compiling ~500
# methods, most of them the JDK's, took a quarter of its CPU: there the compile thresholds are
# 10x (-XX:CompileThresholdScaling=10). Measured with C1 alone (issue 21; 8-15 alternating runs,
# CPU-s): 14 records 0.455 -> 0.370, 150 records (220 KB) 0.67 -> 0.56, 150 records against 100k
# --decontaminate references no worse (6 s runs); but 1,000 records (1.5 MB) +11 % and 10,000
# +11 %, hence the limit (x5 was neutral there and worth less below).

# Reads the arguments as the program will: sets qa_export_format to --format's value (jsonl if
# none), qa_export_near_stage to whether a near-duplicate stage runs, and qa_export_inputs to the
# input files they name that exist (--input-dir, --passed, --rejected, with a space or =).
# Returns 1 when the input's size cannot be known (stdin, a pipe, a device).
qa_export_read_arguments() {
  local dir="qa" dir_named=false passed="" rejected="" want="" arg file
  qa_export_format=jsonl
  qa_export_near_stage=false
  qa_export_inputs=()
  for arg in "$@"; do
    case "$want" in
      dir) dir="$arg"; dir_named=true; want=""; continue ;;
      passed) passed="$arg"; want=""; continue ;;
      rejected) rejected="$arg"; want=""; continue ;;
      format) qa_export_format="$arg"; want=""; continue ;;
      grouping) [[ "$arg" == near ]] && qa_export_near_stage=true; want=""; continue ;;
    esac
    case "$arg" in
      --dedup | --split-groups) want=grouping ;;
      --dedup=near | --split-groups=near) qa_export_near_stage=true ;;
      --input-dir) want=dir ;;
      --input-dir=*) dir="${arg#*=}"; dir_named=true ;;
      --passed) want=passed ;;
      --passed=*) passed="${arg#*=}" ;;
      --rejected) want=rejected ;;
      --rejected=*) rejected="${arg#*=}" ;;
      --format) want=format ;;
      --format=*) qa_export_format="${arg#*=}" ;;
    esac
  done
  # As the program does: a passed file named without --input-dir has its rejected file beside it.
  if [[ -n "$passed" && "$dir_named" == false ]]; then
    dir=.
    [[ "$passed" == */* ]] && dir="${passed%/*}"
    dir="${dir:-/}"
  fi
  for file in "${passed:-$dir/qa_passed.jsonl}" "${rejected:-$dir/qa_rejected.jsonl}"; do
    [[ "$file" == - ]] && return 1
    [[ -e "$file" ]] || continue
    [[ -f "$file" ]] || return 1
    qa_export_inputs+=("$file")
  done
  return 0
}

# Sets qa_export_input_bytes to the size of qa_export_inputs, compressed files counted at 8x; -1
# when it cannot be known. The sizes come as arguments, in the same order (a caller that runs
# `find` anyway has it print them), else from one `stat` for all the files.
qa_export_count_bytes() {
  local sizes=("$@") size magic i
  if ((${#sizes[@]} == 0 && ${#qa_export_inputs[@]} > 0)); then
    if ! size="$(exec stat -Lc %s -- "${qa_export_inputs[@]}" 2>/dev/null)"; then
      qa_export_input_bytes=-1
      return 0
    fi
    read -r -d '' -a sizes <<<"$size" || true
  fi
  qa_export_input_bytes=0
  if ((${#sizes[@]} != ${#qa_export_inputs[@]})); then
    qa_export_input_bytes=-1
    return 0
  fi
  for ((i = 0; i < ${#sizes[@]}; i++)); do
    size="${sizes[i]}"
    [[ "$size" =~ ^[0-9]+$ ]] || { qa_export_input_bytes=-1; return 0; }
    # gzip, zstd, bzip2, xz: told by the first bytes, as the reader does (read byte-wise: LC_ALL=C).
    magic=""
    { LC_ALL=C read -r -N 4 magic; } 2>/dev/null <"${qa_export_inputs[i]}" || true
    case "$magic" in
      $'\x1f\x8b'* | $'\x28\xb5\x2f\xfd' | BZh* | $'\xfd7zX') size=$((size * 8)) ;;
    esac
    qa_export_input_bytes=$((qa_export_input_bytes + size))
  done
  return 0
}

# Sets qa_export_jit_flags for qa_export_input_bytes.
qa_export_choose_jit() {
  local limit="${QA_EXPORT_C1_BELOW:-402653184}"
  [[ "$limit" =~ ^[0-9]+$ ]] || limit=402653184 # a limit that is no number of bytes is ignored
  qa_export_jit_flags=()
  if [[ "${qa_export_near_stage:-false}" == false ]] \
    && ((qa_export_input_bytes >= 0 && qa_export_input_bytes < limit)); then
    qa_export_jit_flags=(-XX:TieredStopAtLevel=1)
    if ((qa_export_input_bytes < 262144)); then
      qa_export_jit_flags+=(-XX:CompileThresholdScaling=10)
    fi
  fi
  return 0
}
