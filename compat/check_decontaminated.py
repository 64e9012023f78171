"""Checks a decontaminated export (README "From export to training set", --decontaminate) with a
real `datasets` client and huggingface_hub: no kept question equals a reference question once
normalised, the log lists every left-out pair with a real reference line (for Parquet, the row),
kept + left out = the passed pairs read, and the card names each reference file by file name and
sha256, never by path.

  python compat/check_decontaminated.py --input-dir GEN --output-dir OUT --reference REF \
          [--reference REF ...] --format jsonl|parquet --cache-dir DIR

Each REF is as given to qa-export: a text file of one question per line, a Parquet file with a
`question` column (read here with pyarrow), or an export directory (its qa_pairs* data files).
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys

# qa-export's own rule for an export directory's data files (ReferenceFiles.EXPORT_DATA_FILE).
EXPORT_DATA_FILE = re.compile(r"qa_pairs(-[A-Za-z0-9_.-]+)?\.(jsonl|parquet)")


def one_line(question):
    """The question as one line of a text reference."""
    return re.sub(r"[\r\n\x85\u2028\u2029]", " ", question)


def planted_variant(question):
    """The question as an evaluation set might spell it: ASCII letters upper-cased, "!!" added."""
    return re.sub(r"[a-z]", lambda m: m.group().upper(), question) + " !!"


def data_files(reference):
    """The files qa-export reads for a reference as given: itself, or an export's data files."""
    if not os.path.isdir(reference):
        return [reference]
    names = sorted(n for n in os.listdir(reference) if EXPORT_DATA_FILE.fullmatch(n))
    return [os.path.join(reference, n) for n in names]


def questions_of(path):
    """Per line or row (from 1, as reference_line counts), the file's question; None: blank."""
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq
        return pq.read_table(path, columns=["question"]).column("question").to_pylist()
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line)["question"] if line.strip() else None for line in f]
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n") or None for line in f]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input-dir", required=True)
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--reference", required=True, action="append")
    ap.add_argument("--format", required=True)
    ap.add_argument("--cache-dir", required=True)
    args = ap.parse_args()
    os.environ["HF_DATASETS_CACHE"] = args.cache_dir
    from datasets import load_dataset
    from huggingface_hub import DatasetCard

    files = {}  # each reference data file, as qa-export names it, to its questions by line/row
    for reference in args.reference:
        for path in data_files(reference):
            files[path] = questions_of(path)
    reference_set = {one_line(q).strip() for questions in files.values() for q in questions if q}

    passed = [json.loads(line) for line in open(os.path.join(args.input_dir, "qa_passed.jsonl"),
                                                encoding="utf-8") if line.strip()]
    ds = load_dataset(args.output_dir, cache_dir=args.cache_dir)
    kept = [row for split in ds.values() for row in split]
    for row in kept:
        line = one_line(row["question"]).strip()
        if line in reference_set or planted_variant(line).strip() in reference_set:
            sys.exit("a kept question was planted in the reference: %r" % row["question"])
    base = "qa_pairs.%s" % args.format
    log_path = os.path.join(args.output_dir, base + ".decontaminated.jsonl")
    log = [json.loads(line) for line in open(log_path, encoding="utf-8")]
    if not log:
        sys.exit("no pair was left out: the check needs planted matches")
    used = set()
    for entry in log:
        questions = files.get(entry["reference"])
        if questions is None:
            sys.exit("the log names a reference that was not given: %r" % entry)
        line = entry["reference_line"]
        if not 1 <= line <= len(questions) or questions[line - 1] != entry["reference_question"]:
            sys.exit("reference_line %d is not the reference question: %r" % (line, entry))
        if not 0.0 < entry["similarity"] <= 1.0:
            sys.exit("similarity out of range: %r" % entry)
        used.add(entry["reference"])
    if len(kept) + len(log) != len(passed):
        sys.exit("kept %d + decontaminated %d != %d passed pairs" % (len(kept), len(log), len(passed)))
    # The same rows through the files alone, as a user loading one file would see them.
    outputs = sorted(f for f in glob.glob(os.path.join(args.output_dir, "qa_pairs*." + args.format))
                     if not re.search(r"\.(errors|duplicates|decontaminated)\.jsonl$", f))
    builder = "json" if args.format == "jsonl" else "parquet"
    alone = load_dataset(builder, data_files=outputs, split="train", cache_dir=args.cache_dir)
    if alone.num_rows != len(kept):
        sys.exit("the files hold %d rows, the card's config %d" % (alone.num_rows, len(kept)))
    card = DatasetCard.load(os.path.join(args.output_dir, "README.md"))
    for path, questions in files.items():
        sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
        count = len([q for q in questions if q is not None])
        expected = "- `%s` (%s %s), sha256 `%s`" % (
            os.path.basename(path), "{:,}".format(count), "question" if count == 1 else "questions",
            sha)
        if expected not in card.text:
            sys.exit("the card does not name the reference as %r" % expected)
        if os.path.abspath(path) in card.content:
            sys.exit("the card names the reference %s by a local path" % path)
    if "{:,} pairs were left out because their question matches".format(len(log)) not in card.text:
        sys.exit("the card does not count the left-out pairs")
    print("decontaminated (%s): %d kept, %d left out by %d of %d reference files: %s"
          % (args.format, len(kept), len(log), len(used), len(files),
             ", ".join(os.path.basename(r) for r in args.reference)))


if __name__ == "__main__":
    main()
