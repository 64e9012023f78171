#!/usr/bin/env python3
"""Near-duplicate leakage across splits: split_leak.py INPUT OUT_DIR BRUTE_FORCE_PAIRS THRESHOLD
Maps each output record back to its input line by (question, answer), then counts brute-force
pairs >= THRESHOLD whose two lines landed in different splits."""
import json, os, sys, glob, collections
inp, out, pairs_file, t = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
lines = collections.defaultdict(list)
for n, l in enumerate(open(inp, encoding="utf-8"), 1):
    r = json.loads(l)
    lines[(r["question"], r["answer"])].append(n)
split_of = {}
for f in sorted(glob.glob(os.path.join(out, "qa_pairs-*.jsonl"))):
    name = os.path.basename(f)[len("qa_pairs-"):-len(".jsonl")]
    for l in open(f, encoding="utf-8"):
        r = json.loads(l)
        split_of[lines[(r["question"], r["answer"])].pop(0)] = name
total = cross = 0
for l in open(pairs_file):
    i, j, s = l.split()
    if float(s) >= t:
        total += 1
        cross += split_of[int(i) + 1] != split_of[int(j) + 1]
print(json.dumps({"threshold": t, "records_mapped": len(split_of),
                  "splits": dict(collections.Counter(split_of.values())),
                  "pairs_at_or_above": total, "pairs_in_different_splits": cross}))
