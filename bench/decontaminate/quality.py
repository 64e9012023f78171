#!/usr/bin/env python3
"""Quality of --decontaminate against Truth.java's brute force.

    python3 quality.py extract LOG.decontaminated.jsonl CHECK.tsv
        -> CHECK.tsv rows "line \t reference_line \t similarity" for Truth.java's check mode
    python3 quality.py score THRESHOLD TRUTH.tsv LOG.decontaminated.jsonl CHECKED.tsv REFS.txt \
        SUMMARY.json [PLAN.jsonl]
        -> prints one JSON object: truth count, flagged, recall, false positives, similarity
           mismatches, matches that are not the best reference, and the misses by kind
"""
import json
import sys
from collections import Counter


def read_log(path):
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                rows.append(json.loads(line))
    except FileNotFoundError:
        pass
    return rows


def main():
    if sys.argv[1] == "extract":
        with open(sys.argv[3], "w", encoding="utf-8") as out:
            for r in read_log(sys.argv[2]):
                out.write("%d\t%d\t%r\n" % (r["line"], r["reference_line"], r["similarity"]))
        return
    t = float(sys.argv[2])
    truth_max, best_line = {}, {}
    with open(sys.argv[3], encoding="utf-8") as f:
        next(f)
        for row in f:
            line, mx, best, n8, n6 = row.rstrip("\n").split("\t")
            truth_max[int(line)] = -1.0 if mx.startswith("<") else float(mx)
            best_line[int(line)] = int(best)
    truth = {l for l, m in truth_max.items() if m >= t}
    log = read_log(sys.argv[4])
    flagged = {r["line"] for r in log}
    refs = {}
    with open(sys.argv[6], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            refs[n] = line.strip()
    text_mismatch = sum(1 for r in log if refs.get(r["reference_line"]) != r["reference_question"])
    checked = {}
    with open(sys.argv[5], encoding="utf-8") as f:
        next(f)
        for row in f:
            line, ref, logged, brute, equal = row.rstrip("\n").split("\t")
            checked[int(line)] = (float(logged), float(brute), equal == "true")
    sim_mismatch = sum(1 for v in checked.values() if not v[2])
    not_best = sum(1 for l, v in checked.items() if v[1] < truth_max.get(l, -1))
    below_threshold = sum(1 for v in checked.values() if v[1] < t)
    summary = json.load(open(sys.argv[7], encoding="utf-8"))
    hit = flagged & truth
    missed = sorted(truth - flagged)
    miss_sims = Counter("%.2f" % truth_max[l] for l in missed)
    out = {
        "threshold": t,
        "truth": len(truth),
        "truth_exact_1.0": sum(1 for l in truth if truth_max[l] == 1.0),
        "flagged": len(flagged),
        "log_rows": len(log),
        "summary_decontaminated": summary["decontaminated"],
        "true_positives": len(hit),
        "recall": len(hit) / len(truth) if truth else None,
        "missed": len(missed),
        "missed_by_max_similarity": dict(sorted(miss_sims.items())),
        "missed_lines_first": missed[:10],
        "false_positives": len(flagged - truth),
        "similarity_mismatches": sim_mismatch,
        "logged_similarity_below_threshold": below_threshold,
        "reference_question_text_mismatches": text_mismatch,
        "matched_reference_not_the_best": not_best,
    }
    if len(sys.argv) > 8:  # which planted kinds the truth and the misses come from
        plan = {}
        with open(sys.argv[8], encoding="utf-8") as f:
            for row in f:
                p = json.loads(row)
                plan[p["line"]] = p["origin"]
        out["truth_best_ref_origin"] = dict(Counter(plan.get(best_line[l], "?") for l in truth))
        out["missed_best_ref_origin"] = dict(Counter(plan.get(best_line[l], "?") for l in missed))
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
