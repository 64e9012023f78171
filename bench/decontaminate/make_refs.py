#!/usr/bin/env python3
"""Reference (evaluation-set) question files for the --decontaminate benchmark.

    python3 make_refs.py [--input qa200k.jsonl] [--seed 5150] [--outdir DIR]

Writes ref10k.txt (10,000 questions) and ref100k.txt (100,000 questions), one question per line
(newlines in a question replaced by spaces), and ref*.plan.jsonl describing each line's origin.
Each file: 20 % planted from the input's questions (half verbatim, half lightly perturbed: one
word dropped, two adjacent words swapped, case changed, or punctuation added) and 80 % NEW
questions from the same care-work vocabulary, made by gen_templated.py with another seed
(--gen-seed), keeping only texts that are not exactly an input question (and distinct among
themselves). Lines are shuffled. Everything is drawn from random.Random(seed).
"""
import argparse
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def one_line(q):
    return " ".join(q.replace("\r", " ").replace("\n", " ").replace("\u2028", " ")
                    .replace("\u2029", " ").replace("\x85", " ").split(" ")).strip()


def perturb(rng, q):
    words = q.split(" ")
    kind = rng.choice(["drop", "swap", "case", "punct"])
    if kind == "drop" and len(words) > 3:
        i = rng.randrange(len(words))
        del words[i]
        out = " ".join(words)
        if i == len(words):  # dropped the last word: keep the question mark
            out = out.rstrip("?") + "?"
        return out, "drop"
    if kind == "swap" and len(words) > 2:
        i = rng.randrange(len(words) - 2)  # not the last word (carries the "?")
        words[i], words[i + 1] = words[i + 1], words[i]
        return " ".join(words), "swap"
    if kind == "case":
        r = rng.random()
        if r < 0.34:
            return q.lower(), "case"
        if r < 0.67:
            return q.upper(), "case"
        i = rng.randrange(len(words))
        words[i] = words[i].swapcase()
        return " ".join(words), "case"
    # punctuation: a comma after a word, an extra ?/!, or quotes around a word
    r = rng.random()
    if r < 0.4 and len(words) > 2:
        i = rng.randrange(len(words) - 1)
        words[i] = words[i] + ","
        return " ".join(words), "punct"
    if r < 0.7:
        return q.rstrip("?") + rng.choice(["??", "?!", "!", "..."]), "punct"
    i = rng.randrange(len(words))
    words[i] = '"' + words[i] + '"'
    return " ".join(words), "punct"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default="bench/work/dedup/qa200k.jsonl")
    ap.add_argument("--seed", type=int, default=5150)
    ap.add_argument("--gen-seed", type=int, default=777)
    ap.add_argument("--gen", default="bench/dedup/gen_templated.py")
    ap.add_argument("--outdir", default=HERE)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    inputs = []
    with open(args.input, encoding="utf-8") as f:
        for line in f:
            inputs.append(json.loads(line)["question"])
    input_set = set(inputs)
    distinct_inputs = sorted(input_set)  # sorted: independent of set iteration order
    print("input: %d questions, %d distinct" % (len(inputs), len(distinct_inputs)))

    pool_path = os.path.join(args.outdir, "newpool.jsonl")
    if not os.path.exists(pool_path):
        subprocess.run([sys.executable, args.gen, "--n", "150000", "--seed", str(args.gen_seed),
                        "--out", pool_path], check=True)
    new, seen, dropped_equal, dropped_dup = [], set(), 0, 0
    with open(pool_path, encoding="utf-8") as f:
        for line in f:
            q = json.loads(line)["question"]
            if q in input_set:
                dropped_equal += 1
                continue
            if q in seen:
                dropped_dup += 1
                continue
            seen.add(q)
            new.append(q)
    print("new pool (gen seed %d): %d kept, %d dropped as equal to an input question, "
          "%d as repeats" % (args.gen_seed, len(new), dropped_equal, dropped_dup))

    for name, total in (("ref10k", 10000), ("ref100k", 100000)):
        planted = total // 5
        verbatim = planted // 2
        perturbed = planted - verbatim
        picked = rng.sample(distinct_inputs, planted)
        rows = []
        for q in picked[:verbatim]:
            rows.append((one_line(q), {"origin": "verbatim", "source": q}))
        kinds = {}
        for q in picked[verbatim:]:
            p, kind = perturb(rng, q)
            kinds[kind] = kinds.get(kind, 0) + 1
            rows.append((one_line(p), {"origin": "perturbed:" + kind, "source": q}))
        for q in rng.sample(new, total - planted):
            rows.append((one_line(q), {"origin": "new"}))
        rng.shuffle(rows)
        with open(os.path.join(args.outdir, name + ".txt"), "w", encoding="utf-8",
                  newline="\n") as out, \
                open(os.path.join(args.outdir, name + ".plan.jsonl"), "w", encoding="utf-8",
                     newline="\n") as plan:
            for n, (q, meta) in enumerate(rows, 1):
                assert q and "\n" not in q
                out.write(q + "\n")
                meta["line"] = n
                plan.write(json.dumps(meta, ensure_ascii=False) + "\n")
        print("%s: %d lines = %d verbatim + %d perturbed %s + %d new"
              % (name, len(rows), verbatim, perturbed, dict(sorted(kinds.items())),
                 total - planted))


if __name__ == "__main__":
    main()
