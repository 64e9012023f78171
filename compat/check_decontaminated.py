"""Checks a decontaminated export (README "From export to training set", --decontaminate) with a
real `datasets` client and huggingface_hub: no kept question equals a reference question once
normalised, the log lists every left-out pair with a real reference line, kept + left out = the
passed pairs read, and the card names each reference by file name and sha256, never by path.

  python compat/check_decontaminated.py --input-dir GEN --output-dir OUT --reference REF.txt \
          --format jsonl|parquet --cache-dir DIR
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys


def one_line(question):
    """The question as one line of a text reference."""
    return re.sub(r"[\r\n\x85\u2028\u2029]", " ", question)


def planted_variant(question):
    """The question as an evaluation set might spell it: ASCII letters upper-cased, "!!" added."""
    return re.sub(r"[a-z]", lambda m: m.group().upper(), question) + " !!"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input-dir", required=True)
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--reference", required=True)
    ap.add_argument("--format", required=True)
    ap.add_argument("--cache-dir", required=True)
    args = ap.parse_args()
    os.environ["HF_DATASETS_CACHE"] = args.cache_dir
    from datasets import load_dataset
    from huggingface_hub import DatasetCard

    with open(args.reference, encoding="utf-8", newline="\n") as f:
        references = [line.rstrip("\n") for line in f]
    reference_set = set(references)

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
    for entry in log:
        line = entry["reference_line"]
        if references[line - 1] != entry["reference_question"]:
            sys.exit("reference_line %d is not the reference question: %r" % (line, entry))
        if not 0.0 < entry["similarity"] <= 1.0:
            sys.exit("similarity out of range: %r" % entry)
    if len(kept) + len(log) != len(passed):
        sys.exit("kept %d + decontaminated %d != %d passed pairs" % (len(kept), len(log), len(passed)))
    # The same rows through the files alone, as a user loading one file would see them.
    files = sorted(f for f in glob.glob(os.path.join(args.output_dir, "qa_pairs*." + args.format))
                   if not re.search(r"\.(errors|duplicates|decontaminated)\.jsonl$", f))
    builder = "json" if args.format == "jsonl" else "parquet"
    alone = load_dataset(builder, data_files=files, split="train", cache_dir=args.cache_dir)
    if alone.num_rows != len(kept):
        sys.exit("the files hold %d rows, the card's config %d" % (alone.num_rows, len(kept)))
    card = DatasetCard.load(os.path.join(args.output_dir, "README.md"))
    sha = hashlib.sha256(open(args.reference, "rb").read()).hexdigest()
    expected = "- `%s` (%s questions), sha256 `%s`" % (
        os.path.basename(args.reference), "{:,}".format(len([q for q in references if q])), sha)
    if expected not in card.text:
        sys.exit("the card does not name the reference as %r" % expected)
    if "{:,} pairs were left out because their question matches".format(len(log)) not in card.text:
        sys.exit("the card does not count the left-out pairs")
    if os.path.abspath(args.reference) in card.content:
        sys.exit("the card names the reference by a local path")
    print("decontaminated (%s): %d kept, %d left out, card names %s"
          % (args.format, len(kept), len(log), os.path.basename(args.reference)))


if __name__ == "__main__":
    main()
