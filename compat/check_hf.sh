#!/usr/bin/env bash
# HuggingFace / DuckDB compatibility check of qa-export's output (SPEC.md sections 2 and 3).
#
# Run from the repo root after building the launcher:   compat/check_hf.sh
#
# For every format in COMPAT_FORMATS it exports
#   1. examples/qa                                   (hand-written, realistic pairs),
#   2. COMPAT_RECORDS generated records (default 20000; compat/generate_input.py, seed 42),
#   3. 300 generated records with CRLF line ends, a BOM and no final newline (seed 7),
# checks each output with compat/check_hf.py (datasets.load_dataset, pyarrow, DuckDB, raw bytes,
# dataset card when written) and checks that a second export of the same input is byte-identical.
#
# Environment:
#   COMPAT_VENV     venv with datasets, pyarrow, duckdb (default .venv-compat; created if missing)
#   COMPAT_FORMATS  space-separated formats to check (default "jsonl"; e.g. "jsonl parquet")
#   COMPAT_RECORDS  size of the large generated input (default 20000)
#   QA_EXPORT       the exporter to run (default ./qa-export)
#   COMPAT_KEEP=1   keep the temporary directory (it is always kept when a check fails)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV="${COMPAT_VENV:-.venv-compat}"
FORMATS="${COMPAT_FORMATS:-jsonl}"
RECORDS="${COMPAT_RECORDS:-20000}"
EXPORT="${QA_EXPORT:-./qa-export}"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'HF compatibility: FAILED: %s\n' "$*" >&2; exit 1; }

[[ -e "$EXPORT" ]] || command -v "$EXPORT" >/dev/null 2>&1 \
  || die "exporter '$EXPORT' not found (build the project first, or set QA_EXPORT)"

# --- venv --------------------------------------------------------------------------------------
if [[ ! -x "$VENV/bin/python" ]]; then
  say "creating venv $VENV"
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"
if ! "$PY" -c 'import datasets, pyarrow, duckdb, polars' >/dev/null 2>&1; then
  say "installing datasets, pyarrow, duckdb, polars into $VENV"
  "$VENV/bin/pip" install --quiet --retries 0 --timeout 5 datasets pyarrow duckdb polars \
    || die "could not install datasets, pyarrow, duckdb, polars into $VENV"
fi
"$PY" -c 'import datasets, pyarrow, duckdb; print("datasets %s, pyarrow %s, duckdb %s" % (datasets.__version__, pyarrow.__version__, duckdb.__version__))' >&2

# --- isolated, offline HF environment ----------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/qa-export-compat.XXXXXX")"
cleanup() {
  local rc=$?
  if [[ $rc -ne 0 || "${COMPAT_KEEP:-0}" == 1 ]]; then
    printf 'kept %s for inspection\n' "$tmp" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
export HF_HOME="$tmp/hf-home"
export HF_DATASETS_CACHE="$tmp/hf-cache"
export HF_DATASETS_OFFLINE=1
export HF_HUB_OFFLINE=1
export HF_HUB_DISABLE_TELEMETRY=1
mkdir -p "$HF_HOME" "$HF_DATASETS_CACHE"

# --- inputs ------------------------------------------------------------------------------------
say "generating $RECORDS records into $tmp/gen"
"$PY" compat/generate_input.py --records "$RECORDS" --out-dir "$tmp/gen" --seed 42
say "generating 300 records with CRLF, BOM, no final newline into $tmp/gen-crlf"
"$PY" compat/generate_input.py --records 300 --out-dir "$tmp/gen-crlf" --seed 7 --crlf --bom --no-final-newline

runs=0
check_case() {  # name input-dir format
  local name="$1" in="$2" fmt="$3"
  local out="$tmp/$name-out-$fmt" again="$tmp/$name-out-$fmt-again"
  say "$name ($fmt): $EXPORT --input-dir $in --output-dir $out --format $fmt --quiet"
  local rc=0
  "$EXPORT" --input-dir "$in" --output-dir "$out" --format "$fmt" --quiet || rc=$?
  [[ $rc -eq 0 ]] || die "$name ($fmt): qa-export exited with $rc"
  "$PY" compat/check_hf.py --input-dir "$in" --output-dir "$out" --format "$fmt" --card require \
        --cache-dir "$HF_DATASETS_CACHE/$name-$fmt" \
    || die "$name ($fmt): output in $out does not pass check_hf.py (see above)"
  # determinism: the same input gives byte-identical files
  rc=0
  "$EXPORT" --input-dir "$in" --output-dir "$again" --format "$fmt" --quiet || rc=$?
  [[ $rc -eq 0 ]] || die "$name ($fmt): second qa-export run exited with $rc"
  diff -r "$out" "$again" >/dev/null \
    || die "$name ($fmt): two exports of the same input differ: diff -r $out $again"
  echo "$name ($fmt): deterministic (second export byte-identical)"
  runs=$((runs + 1))
}

for fmt in $FORMATS; do
  check_case example examples/qa "$fmt"
  check_case gen "$tmp/gen" "$fmt"
  check_case gen-crlf "$tmp/gen-crlf" "$fmt"
done

# Training set (SPEC section 6): score threshold, deduplication, splits and shards, checked with
# load_dataset(dir) as a DatasetDict with exact counts; a re-export with pairs appended keeps
# every earlier pair in its split.
ts_args=(--min-score 0.5 --split train=0.8,validation=0.1,test=0.1 --max-shard-size 300KB)
head -n 7000 "$tmp/gen/qa_passed.jsonl" > "$tmp/gen-half.jsonl"
for fmt in $FORMATS; do
  for dedup in exact near; do
    out="$tmp/ts-$dedup-$fmt"
    say "training set ($fmt, --dedup $dedup): $EXPORT --input-dir $tmp/gen --output-dir $out ${ts_args[*]}"
    "$EXPORT" --input-dir "$tmp/gen" --output-dir "$out" --format "$fmt" --dedup "$dedup" \
      "${ts_args[@]}" --quiet || die "training-set export ($fmt, $dedup) failed"
    "$EXPORT" --input-dir "$tmp/gen" --output-dir "$out-again" --format "$fmt" --dedup "$dedup" \
      "${ts_args[@]}" --quiet || die "second training-set export ($fmt, $dedup) failed"
    diff -r "$out" "$out-again" >/dev/null \
      || die "training set ($fmt, $dedup): two exports of the same input differ"
    "$PY" compat/check_training_set.py --input-dir "$tmp/gen" --output-dir "$out" --format "$fmt" \
      --min-score 0.5 --dedup "$dedup" --splits train,validation,test --expect-shards \
      --cache-dir "$HF_DATASETS_CACHE/ts-$dedup-$fmt" \
      || die "training set ($fmt, $dedup): output in $out does not pass check_training_set.py"
    runs=$((runs + 1))
  done
  say "training set ($fmt, --stratify persona)"
  "$EXPORT" --input-dir "$tmp/gen" --output-dir "$tmp/ts-strat-$fmt" --format "$fmt" --dedup exact \
    --split train=0.8,validation=0.1,test=0.1 --stratify persona --quiet \
    || die "stratified training-set export ($fmt) failed"
  "$PY" compat/check_training_set.py --input-dir "$tmp/gen" --output-dir "$tmp/ts-strat-$fmt" \
    --format "$fmt" --min-score -1 --dedup exact --splits train,validation,test \
    --fractions 0.8,0.1,0.1 --stratified --cache-dir "$HF_DATASETS_CACHE/ts-strat-$fmt" \
    || die "training set ($fmt): --stratify persona does not give each persona its share"
  say "training set ($fmt): a re-export with pairs appended keeps every pair in its split"
  "$EXPORT" --passed "$tmp/gen-half.jsonl" --output-dir "$tmp/ts-half-$fmt" --format "$fmt" \
    --split train=0.8,validation=0.1,test=0.1 --quiet || die "half export failed"
  "$EXPORT" --passed "$tmp/gen/qa_passed.jsonl" --output-dir "$tmp/ts-full-$fmt" --format "$fmt" \
    --split train=0.8,validation=0.1,test=0.1 --quiet || die "full export failed"
  "$PY" compat/check_training_set.py --input-dir "$tmp/gen" --output-dir "$tmp/ts-full-$fmt" \
    --format "$fmt" --min-score -1 --dedup none --splits train,validation,test \
    --stable-against "$tmp/ts-half-$fmt" --cache-dir "$HF_DATASETS_CACHE/ts-full-$fmt" \
    || die "training set ($fmt): split not stable under appended pairs"
  runs=$((runs + 1))
done

# Decontamination (README "From export to training set"): a reference of planted questions (some
# changed in case and punctuation) is kept out of every split; checked with datasets and the card.
"$PY" - "$tmp/gen/qa_passed.jsonl" "$tmp/reference.txt" <<'PYEOF'
import json, re, sys
sys.path.insert(0, "compat")
from check_decontaminated import one_line, planted_variant
questions = [json.loads(l).get("question") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
questions = [q for q in questions if isinstance(q, str)]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, q in enumerate(q for q in questions[::25] if one_line(q).strip()):
        line = one_line(q).strip()
        out.write((planted_variant(line) if i % 2 else line) + "\n")
PYEOF
for fmt in $FORMATS; do
  out="$tmp/decontaminated-$fmt"
  say "decontamination ($fmt): $EXPORT --input-dir $tmp/gen --output-dir $out --decontaminate $tmp/reference.txt"
  "$EXPORT" --input-dir "$tmp/gen" --output-dir "$out" --format "$fmt" \
    --decontaminate "$tmp/reference.txt" --split train=0.9,test=0.1 --quiet \
    || die "decontaminated export ($fmt) failed"
  "$PY" compat/check_decontaminated.py --input-dir "$tmp/gen" --output-dir "$out" \
    --reference "$tmp/reference.txt" --format "$fmt" --cache-dir "$HF_DATASETS_CACHE/decon-$fmt" \
    || die "decontaminated export ($fmt) in $out does not pass check_decontaminated.py"
  runs=$((runs + 1))
done

# Parquet references: the planted questions as pyarrow writes a HuggingFace dataset file
# (dictionary-encoded, zstd, data page v2, several row groups, nested columns beside them), and an
# earlier release exported as Parquet with splits and shards, read through every data file.
"$PY" - "$tmp/reference.txt" "$tmp/reference.parquet" <<'PYEOF'
import sys
import pyarrow as pa, pyarrow.parquet as pq
questions = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8", newline="\n")]
n = len(questions)
table = pa.table({
    "id": pa.array(range(n), pa.int64()),
    "question": pa.array(questions, pa.large_string()),
    "answers": [{"text": ["x"] * (i % 3), "answer_start": [i] * (i % 3)} for i in range(n)],
})
pq.write_table(table, sys.argv[2], use_dictionary=True, compression="zstd",
               data_page_version="2.0", row_group_size=max(1, n // 4))
PYEOF
mkdir -p "$tmp/release-in"
awk 'NR % 10 == 7' "$tmp/gen/qa_passed.jsonl" > "$tmp/release-in/qa_passed.jsonl"
say "release for decontamination: $EXPORT --input-dir $tmp/release-in --output-dir $tmp/release --format parquet --split ... --max-shard-size 8KB"
"$EXPORT" --input-dir "$tmp/release-in" --output-dir "$tmp/release" --format parquet \
  --split train=0.5,test=0.5 --max-shard-size 8KB --quiet || die "release export failed"
compgen -G "$tmp/release/qa_pairs-*-of-*.parquet" >/dev/null \
  || die "the release has no shards: $(ls "$tmp/release")"
for fmt in $FORMATS; do
  out="$tmp/decontaminated-parquet-refs-$fmt"
  say "decontamination ($fmt): $EXPORT --input-dir $tmp/gen --output-dir $out --decontaminate $tmp/reference.parquet --decontaminate $tmp/release"
  "$EXPORT" --input-dir "$tmp/gen" --output-dir "$out" --format "$fmt" \
    --decontaminate "$tmp/reference.parquet" --decontaminate "$tmp/release" \
    --split train=0.9,test=0.1 --quiet \
    || die "decontaminated export ($fmt) with Parquet references failed"
  "$PY" compat/check_decontaminated.py --input-dir "$tmp/gen" --output-dir "$out" \
    --reference "$tmp/reference.parquet" --reference "$tmp/release" --format "$fmt" \
    --cache-dir "$HF_DATASETS_CACHE/decon-parquet-$fmt" \
    || die "decontaminated export ($fmt) in $out does not pass check_decontaminated.py"
  runs=$((runs + 1))
done

# Kept columns (README "Keeping input fields as columns"): every type, in JSONL and Parquet, loaded
# by datasets, pyarrow, DuckDB and polars; a split stratified by a kept string column.
"$PY" compat/check_kept.py --augment "$tmp/gen" "$tmp/gen-kept"
keep="$("$PY" compat/check_kept.py --print-keep)"
for fmt in jsonl parquet; do
  say "kept columns ($fmt): $EXPORT --input-dir $tmp/gen-kept --keep-columns $keep"
  "$EXPORT" --input-dir "$tmp/gen-kept" --output-dir "$tmp/kept-$fmt" --format "$fmt" \
    --keep-columns "$keep" --quiet || die "kept-columns export ($fmt) failed"
done
"$EXPORT" --input-dir "$tmp/gen-kept" --output-dir "$tmp/kept-strat" --keep-columns "$keep" \
  --dedup exact --split train=0.8,test=0.2 --stratify question_type --quiet \
  || die "kept-columns export stratified by question_type failed"
"$PY" compat/check_kept.py --input-dir "$tmp/gen-kept" --jsonl-out "$tmp/kept-jsonl" \
  --parquet-out "$tmp/kept-parquet" --stratified-out "$tmp/kept-strat" \
  --cache-dir "$HF_DATASETS_CACHE/kept" || die "kept columns do not load as declared"
runs=$((runs + 1))

# The example chat plugin (README: "Adding an output format", plugin path): a jar in a plugin
# directory, used by name; its conversations must load as a list of {role, content} strings.
chat_jar="examples/chat-plugin/target/qa-export-chat-plugin.jar"
if [[ -f "$chat_jar" ]]; then
  mkdir -p "$tmp/plugins" && cp "$chat_jar" "$tmp/plugins/"
  for in in examples/qa "$tmp/gen"; do
    out="$tmp/chat-out-$(basename "$in")"
    say "chat plugin: $EXPORT --input-dir $in --output-dir $out --plugin-dir $tmp/plugins --format chat"
    "$EXPORT" --input-dir "$in" --output-dir "$out" --plugin-dir "$tmp/plugins" --format chat \
      --format-option "system_prompt=Du är en handledare för undersköterskor." --quiet \
      || die "chat plugin export of $in failed"
    "$PY" compat/check_chat.py --input-dir "$in" --output-dir "$out" \
      --system-prompt "Du är en handledare för undersköterskor." \
      || die "chat output in $out does not load as expected"
    runs=$((runs + 1))
  done
else
  die "the example chat plugin was not built ($chat_jar is missing)"
fi

# A published card after the user's edits and a re-export in another format (README "Publishing
# to the Hub"): edits kept, configs current, the earlier format's files gone, license other valid.
out="$tmp/republish"
say "republish: $EXPORT --input-dir examples/qa --output-dir $out --license other ... then --format parquet"
"$EXPORT" --input-dir examples/qa --output-dir "$out" --license other --license-name "Vårdens licens" \
  --license-link LICENSE --repo-id my-org/vardfragor --quiet || die "republish: first export failed"
sed -i 's/^language:$/homepage: https:\/\/example.org\/vard\nlanguage:/' "$out/README.md"
printf '\n## Kontakt\n\nvard@example.org\n' >> "$out/README.md"
"$EXPORT" --input-dir examples/qa --output-dir "$out" --format parquet --quiet \
  || die "republish: re-export failed"
"$PY" compat/check_hf.py --input-dir examples/qa --output-dir "$out" --format parquet --card require \
      --cache-dir "$HF_DATASETS_CACHE/republish" || die "republish: $out does not pass check_hf.py"
grep -qx 'homepage: https://example.org/vard' "$out/README.md" || die "republish: the user's key was lost"
[[ "$(tail -n 3 "$out/README.md")" == $'## Kontakt\n\nvard@example.org' ]] || die "republish: the user's text was lost"
grep -qx 'license_name: Vårdens licens' "$out/README.md" || die "republish: license_name was lost"
[[ ! -e "$out/qa_pairs.jsonl" ]] || die "republish: the earlier JSONL is still there"
echo "republish: user's edits kept, card current, earlier format's files removed"
runs=$((runs + 1))

# The same directory re-exported with no passed pair kept: no card is written for it, and the
# earlier card must not go on declaring files and counts that are gone (the Hub would show them).
say "withdrawn card: $EXPORT --input-dir examples/qa --output-dir $out --format parquet --min-score 99"
"$EXPORT" --input-dir examples/qa --output-dir "$out" --format parquet --min-score 99 --quiet \
  || die "withdrawn card: re-export failed"
"$PY" - "$out" <<'PY' || die "withdrawn card: $out/README.md still describes the earlier export"
import sys, pathlib
from huggingface_hub import DatasetCard
import datasets
out = pathlib.Path(sys.argv[1])
card = DatasetCard.load(out / "README.md")
meta = card.data.to_dict()
for key in ("configs", "dataset_info", "size_categories"):
    assert key not in meta, f"{key} is still declared: {meta.get(key)}"
assert meta.get("license_name") == "Vårdens licens", meta
assert "wrote no dataset card: it kept no passed pair" in card.text, card.text
assert card.text.rstrip().endswith("vard@example.org"), "the user's text was lost"
rejected = datasets.load_dataset(
    "parquet", data_files=str(out / "qa_rejected_hf.parquet"), split="train"
)
assert rejected.num_rows == 14, rejected.num_rows
PY
echo "withdrawn card: no configs or counts of the earlier export, user's text kept, rejected loads"

echo "HF compatibility: all checks passed ($runs exports; formats: $FORMATS, chat plugin)"
