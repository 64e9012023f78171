#!/usr/bin/env python3
"""Scores qa-export --dedup near against brute-force Jaccard and the planted truth.

    quality.py SAMPLE_DIR OUT_DIR BRUTE_FORCE_PAIRS THRESHOLD

SAMPLE_DIR holds qa_passed.jsonl and truth.jsonl (planted.py); OUT_DIR is qa-export's output
(its qa_pairs.jsonl.duplicates.jsonl); BRUTE_FORCE_PAIRS is BruteForce.java's output (0-based
line indexes). Prints one markdown table row block.
"""
import json
import os
import sys
from collections import defaultdict


def main():
    sample, out, pairs_file, threshold = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    truth = [json.loads(l) for l in open(os.path.join(sample, "truth.jsonl"))]
    n = sum(1 for _ in open(os.path.join(sample, "qa_passed.jsonl")))
    truth = truth[:n]
    dup_of = {}
    log = os.path.join(out, "qa_pairs.jsonl.duplicates.jsonl")
    below = 0
    if os.path.exists(log):
        for l in open(log, encoding="utf-8"):
            e = json.loads(l)
            dup_of[e["line"]] = e["duplicate_of"]
            below += e["similarity"] < threshold
    group = {line: dup_of.get(line, line) for line in range(1, n + 1)}
    true_pairs = [tuple(map(int, l.split()[:2])) for l in open(pairs_file)]
    missed = sum(1 for i, j in true_pairs if (i + 1) not in dup_of and (j + 1) not in dup_of)
    same = sum(1 for i, j in true_pairs if group[i + 1] == group[j + 1])
    true_set = {(i + 1, j + 1) for i, j in true_pairs}
    by_group = defaultdict(list)
    for t in truth:
        by_group[t["group"]].append(t)
    # planted pairs; one logged as the other's duplicate; both kept; at/above threshold
    kinds = defaultdict(lambda: [0, 0, 0, 0])
    for members in by_group.values():
        bases = [m for m in members if m["kind"] == "base"]
        if not bases:
            continue
        b = bases[0]["line"]
        for m in members:
            if m["kind"] == "base":
                continue
            k = kinds[m["kind"]]
            v = m["line"]
            k[0] += 1
            k[1] += dup_of.get(v) == b or dup_of.get(b) == v
            k[2] += v not in dup_of and b not in dup_of
            k[3] += (min(b, v), max(b, v)) in true_set
    print("questions: %d; dropped: %d; logged below the threshold: %d" % (n, len(dup_of), below))
    print("brute force: %d pairs with Jaccard >= %s; both kept (missed): %d -> recall %.4f;"
          " in one output group: %.4f" % (len(true_pairs), threshold, missed,
                                           1 - missed / max(1, len(true_pairs)),
                                           same / max(1, len(true_pairs))))
    print()
    print("| planted pair (base, variant) | pairs | Jaccard >= %s (brute force) | one dropped as the"
          " other's duplicate | both kept |" % threshold)
    print("|---|---:|---:|---:|---:|")
    for kind in ["edit", "reorder", "inflection", "similar"]:
        p, linked, both, above = kinds[kind]
        print("| %s | %d | %.1f %% | %.1f %% | %.1f %% |" % (kind, p, 100 * above / max(1, p),
                                                          100 * linked / max(1, p), 100 * both / max(1, p)))


if __name__ == "__main__":
    main()
