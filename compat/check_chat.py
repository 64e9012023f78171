#!/usr/bin/env python3
"""HuggingFace check of the example chat plugin's output (TRL conversational JSONL).

    python check_chat.py --input-dir IN --output-dir OUT [--system-prompt TEXT]

Loads OUT/qa_pairs.chat.jsonl with datasets.load_dataset("json") and asserts: one row per passed
pair; features messages = List({role: string, content: string}), source, persona (string) and
validation_score (float64); every message has exactly role and content; user/assistant contents
equal the input's question/answer and the other columns the SPEC §2 mapping (computed by
check_hf.py's independent implementation); no rejected output was written.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_hf  # noqa: E402  (the independent SPEC §2 mapping)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input-dir", required=True)
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--system-prompt")
    args = ap.parse_args()

    import datasets

    path = os.path.join(args.output_dir, "qa_pairs.chat.jsonl")
    expected, _, _, _ = check_hf.read_expected(os.path.join(args.input_dir, "qa_passed.jsonl"), False)
    ds = datasets.load_dataset("json", data_files=path, split="train")
    errors = []
    if len(ds) != len(expected):
        errors.append("%d rows, expected %d" % (len(ds), len(expected)))
    features = ds.features
    message = features["messages"]
    inner = getattr(message, "feature", None)
    if inner is None or set(inner) != {"role", "content"} or any(
            getattr(inner[k], "dtype", None) != "string" for k in ("role", "content")):
        errors.append("messages feature is %r, expected a list of {role: string, content: string}" % (message,))
    for col, dtype in (("source", "string"), ("persona", "string"), ("validation_score", "float64")):
        if getattr(features.get(col), "dtype", None) != dtype:
            errors.append("feature %s is %r, expected %s" % (col, features.get(col), dtype))
    roles = ["user", "assistant"] if not args.system_prompt else ["system", "user", "assistant"]
    columns = check_hf.columns_for(False)
    for i, (row, values) in enumerate(zip(ds, expected)):
        want = dict(zip(columns, values))
        msgs = row["messages"]
        if [m["role"] for m in msgs] != roles:
            errors.append("row %d: roles %r, expected %r" % (i, [m["role"] for m in msgs], roles))
            break
        contents = [m["content"] for m in msgs]
        wanted = ([args.system_prompt] if args.system_prompt else []) + [want["question"], want["answer"]]
        if contents != wanted:
            errors.append("row %d: contents %r, expected %r" % (i, contents, wanted))
            break
        for col in ("source", "persona", "validation_score"):
            if row[col] != want[col]:
                errors.append("row %d: %s = %r, expected %r" % (i, col, row[col], want[col]))
                break
    # The card: huggingface_hub reads it, and load_dataset(dir) restores the same rows and features.
    try:
        data = check_hf.check_hub_card(os.path.join(args.output_dir, "README.md"), "text-generation")
        by_dir = datasets.load_dataset(args.output_dir, split="train")
        if by_dir.features != ds.features or by_dir.to_list() != ds.to_list():
            errors.append("load_dataset(dir) gives %r, not the file's rows and features %r" % (by_dir.features, features))
        split = data["dataset_info"]["splits"][0] if isinstance(data["dataset_info"], dict) else data["dataset_info"][0]["splits"][0]
        if split.get("num_examples") != len(expected):
            errors.append("card declares %r, expected %d examples" % (split, len(expected)))
    except check_hf.CheckError as e:
        errors.append(str(e))
    if os.path.exists(os.path.join(args.output_dir, "qa_rejected_hf.chat.jsonl")):
        errors.append("rejected pairs were exported in the chat format")
    if errors:
        print("chat: FAILED: " + "; ".join(errors[:5]), file=sys.stderr)
        return 1
    print("qa_pairs.chat.jsonl: %d rows, values OK (datasets); features: %r; README.md: huggingface_hub"
          " card OK, load_dataset(dir) restores them" % (len(ds), features))
    return 0


if __name__ == "__main__":
    sys.exit(main())
