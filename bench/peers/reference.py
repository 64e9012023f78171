#!/usr/bin/env python3
"""The reference Python approach (SPEC section 2 mapping): stdlib json, line by line.

    python3 reference.py INPUT_DIR OUTPUT_DIR
writes OUTPUT_DIR/qa_pairs.jsonl and OUTPUT_DIR/qa_rejected_hf.jsonl.
"""
import json
import os
import sys


def persona(p):
    if isinstance(p, dict):
        roll, erf = p.get("roll"), p.get("erfarenhet")
        return f"{'unknown' if roll is None else roll}/{'unknown' if erf is None else erf}"
    if isinstance(p, str) and p:
        return p
    return "unknown"


def export(src, dst, rejected):
    with open(src, encoding="utf-8-sig") as fin, open(dst, "w", encoding="utf-8", newline="\n") as fout:
        for line in fin:
            if not line.strip():
                continue
            r = json.loads(line)
            v = r.get("validation") or {}
            score = v.get("composite_score")
            out = {
                "question": r.get("question") or "",
                "answer": r.get("answer") or "",
                "source": r.get("source_document") or "",
                "persona": persona(r.get("persona")),
                "validation_score": 0.0 if score is None else float(score),
            }
            if rejected:
                reason = v.get("failure_reason")
                out["failure_reason"] = "unknown" if reason is None else reason
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    export(os.path.join(src, "qa_passed.jsonl"), os.path.join(dst, "qa_pairs.jsonl"), False)
    rej = os.path.join(src, "qa_rejected.jsonl")
    if os.path.exists(rej):
        export(rej, os.path.join(dst, "qa_rejected_hf.jsonl"), True)


if __name__ == "__main__":
    main()
