#!/usr/bin/env python3
"""Checks that every tool produced the same dataset as qa-export, so the timings compare like
with like: same row count per file, the same columns in the same order, and the same values
(scores compared as doubles) on every row (or every STRIDE-th row for big files), in the same
order. Parquet files are also checked for their column types (strings, score DOUBLE).

    .venv/bin/python verify.py OUT_ROOT [--stride N] [--expect TOOL,...]
OUT_ROOT holds one directory per tool (bench.py: qa-export-jsonl, qa-export-parquet, python, jq,
duckdb-json, duckdb-parquet; compare.py: qa-export-{jsonl,parquet}[+VARIANT], duckdb-{jsonl,parquet},
polars-{jsonl,parquet}, python-jsonl, jq-jsonl); qa-export-jsonl is the baseline. A qa-export
variant (a directory named qa-export-FORMAT+LABEL, run with extra arguments such as
--keep-columns) may write more columns after the fixed ones: those are listed, not compared.
--expect names the tools whose directories must be there. Exit 1 on any mismatch.
"""
import argparse
import itertools
import json
import os
import sys

import duckdb

FILES = ["qa_pairs", "qa_rejected_hf"]
BASELINE = "qa-export-jsonl"


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


def parquet_types(path):
    con = duckdb.connect()
    return {name: typ for name, typ, *_ in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}


def rows(tool_dir, name):
    for ext, reader in (("jsonl", jsonl_rows), ("parquet", parquet_rows)):
        path = os.path.join(tool_dir, f"{name}.{ext}")
        if os.path.exists(path):
            return path, reader(path)
    return None, None


def same(a, b, keys):
    for k in keys:
        if k not in b:
            return False
        if k == "validation_score":
            if float(a[k]) != float(b[k]):
                return False
        elif a[k] != b[k]:
            return False
    return True


def columns_ok(a, b, variant):
    """The same columns in the same order; a variant may add columns after the fixed ones."""
    ka, kb = list(a), list(b)
    return kb[:len(ka)] == ka and (variant or len(kb) == len(ka))


def check(tool, tool_dir, base_dir, name, stride):
    variant = tool.startswith("qa-export-") and "+" in tool
    bpath, base = rows(base_dir, name)
    path, other = rows(tool_dir, name)
    if base is None or other is None:
        print(f"verify: {tool}/{name}: missing ({bpath}, {path})")
        return False
    n = checked = 0
    bad = []
    extra = None
    for i, (a, b) in enumerate(itertools.zip_longest(base, other)):
        if a is None or b is None:
            bad.append((i, "row count differs", a, b))
            break
        n += 1
        if i == 0:
            if not columns_ok(a, b, variant):
                bad.append((i, f"columns differ: {list(a)} vs {list(b)}", a, b))
                break
            extra = list(b)[len(a):]
        if i % stride == 0 or i < 100:
            checked += 1
            if not same(a, b, list(a)) and len(bad) < 3:
                bad.append((i, "values differ", a, b))
    if path.endswith(".parquet") and not bad:
        types = parquet_types(path)
        want = {k: ("DOUBLE" if k == "validation_score" else "VARCHAR") for k in types if k not in (extra or [])}
        wrong = {k: t for k, t in types.items() if k in want and t != want[k]}
        if wrong:
            bad.append((0, f"Parquet column types {wrong}, want {want}", None, None))
    status = "OK" if not bad else "MISMATCH"
    more = f"  (+ columns {extra}, not compared)" if extra else ""
    print(f"verify: {tool:28} {name:15} rows {n:>8}  values checked {checked:>8}  {status}{more}")
    for i, why, a, b in bad:
        print(f"   row {i}: {why}\n     qa-export: {a}\n     {tool}: {b}")
    return not bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_root")
    ap.add_argument("--stride", type=int, default=1)
    ap.add_argument("--expect", default="", help="comma-separated tools whose outputs must be there")
    args = ap.parse_args()
    base_dir = os.path.join(args.out_root, BASELINE)
    present = sorted(os.listdir(args.out_root))
    failed = False
    for tool in [t for t in args.expect.split(",") if t and t not in present]:
        print(f"verify: {tool}: no output directory in {args.out_root}")
        failed = True
    for tool in present:
        if tool == BASELINE:
            continue
        for name in FILES:
            failed |= not check(tool, os.path.join(args.out_root, tool), base_dir, name, args.stride)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
