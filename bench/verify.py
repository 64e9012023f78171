#!/usr/bin/env python3
"""Checks that every tool produced the same dataset as qa-export, so the timings compare like
with like: same row count per file, and the same values (scores compared as doubles) on every
row (or every STRIDE-th row for big files), in the same order.

    .venv/bin/python verify.py OUT_ROOT [--stride N]
OUT_ROOT holds one directory per tool (qa-export-jsonl, qa-export-parquet, python, jq,
duckdb-json, duckdb-parquet); qa-export-jsonl is the baseline. Exit 1 on any mismatch.
"""
import argparse
import itertools
import json
import os
import sys

import duckdb

FILES = ["qa_pairs", "qa_rejected_hf"]


def jsonl_rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def parquet_rows(path):
    con = duckdb.connect()
    cur = con.execute(f"SELECT * FROM read_parquet('{path}')")
    names = [d[0] for d in cur.description]
    while True:
        batch = cur.fetchmany(10000)
        if not batch:
            return
        for row in batch:
            yield dict(zip(names, row))


def rows(tool_dir, name):
    for ext, reader in (("jsonl", jsonl_rows), ("parquet", parquet_rows)):
        path = os.path.join(tool_dir, f"{name}.{ext}")
        if os.path.exists(path):
            return path, reader(path)
    return None, None


def same(a, b):
    if a.keys() != b.keys():
        return False
    for k in a:
        if k == "validation_score":
            if float(a[k]) != float(b[k]):
                return False
        elif a[k] != b[k]:
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_root")
    ap.add_argument("--stride", type=int, default=1)
    args = ap.parse_args()
    base_dir = os.path.join(args.out_root, "qa-export-jsonl")
    failed = False
    for tool in sorted(os.listdir(args.out_root)):
        if tool == "qa-export-jsonl":
            continue
        for name in FILES:
            bpath, base = rows(base_dir, name)
            path, other = rows(os.path.join(args.out_root, tool), name)
            if base is None or other is None:
                print(f"verify: {tool}/{name}: missing ({bpath}, {path})")
                failed = True
                continue
            n = checked = 0
            bad = []
            for i, (a, b) in enumerate(itertools.zip_longest(base, other)):
                if a is None or b is None:
                    bad.append((i, "row count differs", a, b))
                    break
                n += 1
                if i % args.stride == 0 or i < 100:
                    checked += 1
                    if not same(a, b) and len(bad) < 3:
                        bad.append((i, "values differ", a, b))
            status = "OK" if not bad else "MISMATCH"
            print(f"verify: {tool:18} {name:15} rows {n:>8}  values checked {checked:>8}  {status}")
            for i, why, a, b in bad:
                print(f"   row {i}: {why}\n     qa-export: {a}\n     {tool}: {b}")
            failed |= bool(bad)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
