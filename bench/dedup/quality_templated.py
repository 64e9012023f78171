#!/usr/bin/env python3
"""Recall (and a drop check) of qa-export --dedup near against brute-force Jaccard.

    quality_templated.py N OUT_DIR BRUTE_FORCE_PAIRS THRESHOLD

BRUTE_FORCE_PAIRS: BruteForce.java output ("i j similarity", 0-based) computed at a threshold
<= THRESHOLD; pairs below THRESHOLD are ignored. OUT_DIR: qa-export output with
qa_pairs.jsonl.duplicates.jsonl (fields line [1-based], duplicate_of, similarity).
Logic as bench/dedup/quality.py: a pair is missed when neither of its lines was dropped.
Also: dropped lines whose (line, duplicate_of) pair is NOT >= THRESHOLD by brute force
(exact grams) -- false drops.
"""
import json, os, sys
n, out, pairs_file, t = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
dup_of, logged_sim = {}, {}
log = os.path.join(out, "qa_pairs.jsonl.duplicates.jsonl")
for l in open(log, encoding="utf-8"):
    e = json.loads(l)
    dup_of[e["line"]] = e["duplicate_of"]
    logged_sim[e["line"]] = e["similarity"]
kept_lines = sum(1 for _ in open(os.path.join(out, "qa_pairs.jsonl"), encoding="utf-8"))
pairs = {}
for l in open(pairs_file):
    i, j, s = l.split()
    s = float(s)
    if s >= t:
        pairs[(int(i) + 1, int(j) + 1)] = s
missed = sum(1 for (a, b) in pairs if a not in dup_of and b not in dup_of)
false_drops = sum(1 for a, b in dup_of.items() if (min(a, b), max(a, b)) not in pairs)
print(json.dumps({"threshold": t, "records": n, "kept": kept_lines, "dropped": len(dup_of),
                  "kept+dropped": kept_lines + len(dup_of),
                  "pairs_at_or_above": len(pairs), "both_kept": missed,
                  "recall": 1 - missed / max(1, len(pairs)),
                  "drops_not_at_threshold_by_brute_force": false_drops,
                  "logged_similarity_below_threshold": sum(1 for v in logged_sim.values() if v < t)}))
