#!/usr/bin/env python3
"""Checks --keep-columns end to end with real readers: datasets, pyarrow, DuckDB and polars.

Usage: check_kept.py --input-dir IN --jsonl-out DIR --parquet-out DIR [--stratified-out DIR]

IN holds qa_passed.jsonl and qa_rejected.jsonl (made by `check_kept.py --augment`), both outputs
were written with KEEP (below). Checks that every kept column loads with its declared feature in
JSONL and Parquet, that nulls stay nulls, that both formats give the same rows, that every value
equals the input's, and that the card's num_bytes is what datasets counts.
"""
import argparse
import json
import os
import random
import re
import sys

KEEP = ("question_type,category,confidence:float64,citations:json,persona.situation,"
        "turns:int64,grounded=validation.source_verification.is_grounded:bool,"
        "claims=validation.source_verification.ungrounded_claims:list<string>,never.there:int64")

# name, input path, type
COLUMNS = [
    ("question_type", "question_type", "string"),
    ("category", "category", "string"),
    ("confidence", "confidence", "float64"),
    ("citations", "citations", "json"),
    ("persona_situation", "persona.situation", "string"),
    ("turns", "turns", "int64"),
    ("grounded", "validation.source_verification.is_grounded", "bool"),
    ("claims", "validation.source_verification.ungrounded_claims", "list<string>"),
    ("never_there", "never.there", "int64"),
]


def fail(msg):
    print("check_kept: FAILED: " + msg, file=sys.stderr)
    sys.exit(1)


def augment(src, dst):
    """Copies the generated input, adding an int64 field that is sometimes null or missing."""
    rng = random.Random(11)
    os.makedirs(dst, exist_ok=True)
    for name in ("qa_passed.jsonl", "qa_rejected.jsonl"):
        with open(os.path.join(src, name), encoding="utf-8") as f, \
                open(os.path.join(dst, name), "w", encoding="utf-8") as out:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                r = rng.random()
                if r < 0.8:
                    rec["turns"] = rng.choice([0, 1, 7, -3, 2 ** 62, -(2 ** 63)])
                elif r < 0.9:
                    rec["turns"] = None
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def at(rec, path):
    value = rec
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def expected_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            row = {}
            for name, src, kind in COLUMNS:
                v = at(rec, src)
                if v is not None and kind == "float64":
                    v = float(v)
                row[name] = v
            rows.append(row)
    return rows


def same(kind, got, want):
    if want is None or got is None:
        return got is None and want is None
    if kind == "json":
        return json.loads(got) == want
    if kind == "float64":
        return float(got) == want
    if kind == "list<string>":
        return list(got) == want
    return got == want


FEATURES = {"string": ("Value", "string"), "json": ("Value", "string"), "float64": ("Value", "float64"),
            "int64": ("Value", "int64"), "bool": ("Value", "bool"), "list<string>": ("List", "string")}
ARROW = {"string": "string", "json": "string", "float64": "double", "int64": "int64", "bool": "bool",
         "list<string>": "list<element: string>"}


def check(in_dir, out_dirs, cache):
    import datasets
    import duckdb
    import pyarrow.parquet as pq
    datasets.logging.set_verbosity_error()
    loaded = {}
    for fmt, out in out_dirs.items():
        for config, input_name in (("default", "qa_passed.jsonl"), ("rejected", "qa_rejected.jsonl")):
            want = expected_rows(os.path.join(in_dir, input_name))
            ds = datasets.load_dataset(out, config, split="train", cache_dir=os.path.join(cache, fmt + config))
            label = "%s %s" % (fmt, config)
            for name, _, kind in COLUMNS:
                feature = ds.features[name]
                ftype, dtype = FEATURES[kind]
                got = (type(feature).__name__, getattr(feature, "dtype", None) or feature.feature.dtype)
                if got != (ftype, dtype):
                    fail("%s: column %s has feature %r, expected %s(%s)" % (label, name, feature, ftype, dtype))
            if len(ds) != len(want):
                fail("%s: %d rows, expected %d" % (label, len(ds), len(want)))
            for i, (row, exp) in enumerate(zip(ds, want)):
                for name, _, kind in COLUMNS:
                    if not same(kind, row[name], exp[name]):
                        fail("%s row %d: %s is %r, input has %r" % (label, i, name, row[name], exp[name]))
            if all(r["never_there"] is not None for r in ds):
                fail("%s: never_there is not null" % label)
            table = ds.data.table.combine_chunks()
            card = open(os.path.join(out, "README.md"), encoding="utf-8").read()
            meta = __import__("yaml").safe_load(re.match(r"---\n(.*?)\n---", card, re.S).group(1))
            info = [i for i in meta["dataset_info"] if i.get("config_name", "default") == config][0]
            if info["splits"][0]["num_bytes"] != table.nbytes:
                fail("%s: card num_bytes %s, datasets counts %d" % (label, info["splits"][0]["num_bytes"], table.nbytes))
            loaded[(fmt, config)] = [dict(r) for r in ds]
    for config in ("default", "rejected"):
        if loaded[("jsonl", config)] != loaded[("parquet", config)]:
            fail("%s: JSONL and Parquet rows differ" % config)
    # pyarrow and DuckDB on the Parquet file itself, DuckDB and polars on the JSONL file
    pfile = os.path.join(out_dirs["parquet"], "qa_pairs.parquet")
    schema = pq.read_schema(pfile)
    for name, _, kind in COLUMNS:
        if str(schema.field(name).type) != ARROW[kind]:
            fail("pyarrow: %s is %s, expected %s" % (name, schema.field(name).type, ARROW[kind]))
    con = duckdb.connect()
    types = dict(con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [pfile]).fetchall() and
                 [(r[0], r[1]) for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [pfile]).fetchall()])
    duck = {"string": "VARCHAR", "json": "VARCHAR", "float64": "DOUBLE", "int64": "BIGINT", "bool": "BOOLEAN",
            "list<string>": "VARCHAR[]"}
    for name, _, kind in COLUMNS:
        if types[name] != duck[kind]:
            fail("DuckDB: %s is %s, expected %s" % (name, types[name], duck[kind]))
    nulls = con.execute("SELECT count(*) FROM read_parquet(?) WHERE never_there IS NULL", [pfile]).fetchone()[0]
    if nulls != len(loaded[("parquet", "default")]):
        fail("DuckDB: never_there is not null in every row")
    try:
        import polars as pl
    except ImportError:
        fail("polars is not installed in the compatibility venv")
    frame = pl.read_parquet(pfile)
    pol = {"string": pl.String, "json": pl.String, "float64": pl.Float64, "int64": pl.Int64,
           "bool": pl.Boolean, "list<string>": pl.List(pl.String)}
    for name, _, kind in COLUMNS:
        if frame.schema[name] != pol[kind]:
            fail("polars: %s is %s, expected %s" % (name, frame.schema[name], pol[kind]))
    if frame.to_dicts() != loaded[("parquet", "default")]:
        fail("polars: the Parquet rows differ from datasets'")
    return len(loaded[("parquet", "default")])


def check_stratified(out, cache):
    import datasets
    datasets.logging.set_verbosity_error()
    dd = datasets.load_dataset(out, cache_dir=os.path.join(cache, "strat"))
    total = {}
    per = {}
    for split, ds in dd.items():
        for t in ds["question_type"]:
            total[t] = total.get(t, 0) + 1
            per[(split, t)] = per.get((split, t), 0) + 1
    for t, n in total.items():
        # Exported with --dedup exact: every question once, so pairs follow the fractions.
        if abs(per.get(("train", t), 0) - round(n * 0.8)) > 2:
            fail("--stratify question_type: %s has %d of its %d pairs in train, its share is %d"
                 % (t, per.get(("train", t), 0), n, round(n * 0.8)))
    return len(total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--augment", nargs=2, metavar=("SRC", "DST"))
    ap.add_argument("--input-dir")
    ap.add_argument("--jsonl-out")
    ap.add_argument("--parquet-out")
    ap.add_argument("--stratified-out")
    ap.add_argument("--cache-dir", default="/tmp/check-kept-cache")
    ap.add_argument("--print-keep", action="store_true")
    a = ap.parse_args()
    if a.print_keep:
        print(KEEP)
        return
    if a.augment:
        augment(*a.augment)
        return
    rows = check(a.input_dir, {"jsonl": a.jsonl_out, "parquet": a.parquet_out}, a.cache_dir)
    types = check_stratified(a.stratified_out, a.cache_dir) if a.stratified_out else 0
    print("kept columns: %d types in JSONL and Parquet load alike in datasets, pyarrow, DuckDB and"
          " polars (%d passed rows); stratified by a kept column over %d values" % (len(COLUMNS), rows, types))


if __name__ == "__main__":
    main()
