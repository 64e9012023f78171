#!/usr/bin/env python3
"""The SPEC section 2 mapping in polars, lazily: scan_ndjson -> select -> sink_ndjson / sink_parquet.

    python polars_export.py INPUT_DIR OUTPUT_DIR json|parquet

polars runs with its defaults (all cores, the streaming engine that sink_* uses, rows kept in
input order). The schema is given, as DuckDB's columns are, so nothing is inferred and the other
fields are skipped: `persona` is read as a String, which polars fills with the value of a JSON
string and with the JSON text of an object; an object's roll/erfarenhet are taken from that text
with json_path_match. (So a string persona that itself starts with "{" would be taken for an
object; the benchmark's generators write none.) `validation` is read as a struct of the two
fields the mapping needs. Parquet is written with snappy, qa-export's and DuckDB's default.
"""
import os
import sys

import polars as pl

SCHEMA = {
    "question": pl.String,
    "answer": pl.String,
    "source_document": pl.String,
    "persona": pl.String,
    "validation": pl.Struct({"composite_score": pl.Float64, "failure_reason": pl.String}),
}


def as_json(p):
    """polars writes an object read as a String back as JSON text, but leaves control characters
    other than \\n and \\r raw (invalid JSON, on which json_path_match gives null): escape them."""
    codes = [c for c in range(0x20) if c not in (0x0A, 0x0D)]
    return p.str.replace_many([chr(c) for c in codes], ["\\u%04x" % c for c in codes])


def persona():
    p = pl.col("persona")
    part = lambda name: pl.col("_persona_json").str.json_path_match("$." + name).fill_null("unknown")  # noqa: E731
    return (pl.when(p.str.starts_with("{")).then(pl.concat_str([part("roll"), pl.lit("/"), part("erfarenhet")]))
            .when(p.is_null() | (p == "")).then(pl.lit("unknown"))
            .otherwise(p)
            .alias("persona"))


def select(path, rejected):
    v = pl.col("validation")
    cols = [
        pl.col("question").fill_null(""),
        pl.col("answer").fill_null(""),
        pl.col("source_document").fill_null("").alias("source"),
        persona(),
        v.struct.field("composite_score").fill_null(0.0).alias("validation_score"),
    ]
    if rejected:
        cols.append(v.struct.field("failure_reason").fill_null("unknown").alias("failure_reason"))
    # The escaped text once, for both parts.
    return (pl.scan_ndjson(path, schema=SCHEMA)
            .with_columns(as_json(pl.col("persona")).alias("_persona_json"))
            .select(cols))


def main():
    src, dst, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(dst, exist_ok=True)
    jobs = [("qa_passed.jsonl", "qa_pairs", False), ("qa_rejected.jsonl", "qa_rejected_hf", True)]
    for name, out, rejected in jobs:
        path = os.path.join(src, name)
        if not os.path.exists(path):
            continue
        lf = select(path, rejected)
        if fmt == "json":
            lf.sink_ndjson(os.path.join(dst, out + ".jsonl"))
        elif fmt == "parquet":
            lf.sink_parquet(os.path.join(dst, out + ".parquet"), compression="snappy")
        else:
            sys.exit(f"polars_export: unknown format {fmt}")


if __name__ == "__main__":
    main()
