#!/usr/bin/env python3
"""The SPEC section 2 mapping in DuckDB SQL, written with COPY ... TO (JSON or Parquet/snappy).

    python duckdb_export.py INPUT_DIR OUTPUT_DIR json|parquet

DuckDB runs with its defaults (all cores, its own memory limit). `persona` is read as JSON
(it is an object, a string or null); `validation` as a STRUCT of the two fields we need.
Row order is kept (preserve_insertion_order is on by default).
"""
import os
import sys

import duckdb

PERSONA = """CASE json_type(persona)
    WHEN 'OBJECT' THEN coalesce(persona->>'$.roll', 'unknown') || '/' || coalesce(persona->>'$.erfarenhet', 'unknown')
    WHEN 'VARCHAR' THEN coalesce(nullif(persona->>'$', ''), 'unknown')
    ELSE 'unknown' END"""

COLUMNS = """{question: 'VARCHAR', answer: 'VARCHAR', source_document: 'VARCHAR', persona: 'JSON',
  validation: 'STRUCT(composite_score DOUBLE, failure_reason VARCHAR)'}"""


def select(path, rejected):
    cols = f"""coalesce(question, '') AS question, coalesce(answer, '') AS answer,
      coalesce(source_document, '') AS source, {PERSONA} AS persona,
      coalesce(validation.composite_score, 0.0)::DOUBLE AS validation_score"""
    if rejected:
        cols += ", coalesce(validation.failure_reason, 'unknown') AS failure_reason"
    return (f"SELECT {cols} FROM read_json('{path}', format='newline_delimited', "
            f"columns={COLUMNS}, maximum_object_size=67108864)")


def main():
    src, dst, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(dst, exist_ok=True)
    ext, options = {"json": ("jsonl", "FORMAT JSON"),
                    "parquet": ("parquet", "FORMAT PARQUET, COMPRESSION SNAPPY")}[fmt]
    con = duckdb.connect()
    jobs = [("qa_passed.jsonl", "qa_pairs", False), ("qa_rejected.jsonl", "qa_rejected_hf", True)]
    for name, out, rejected in jobs:
        path = os.path.join(src, name)
        if os.path.exists(path):
            con.execute(f"COPY ({select(path, rejected)}) TO '{os.path.join(dst, out + '.' + ext)}' ({options})")


if __name__ == "__main__":
    main()
