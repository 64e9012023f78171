#!/usr/bin/env python3
"""HuggingFace / DuckDB compatibility check for qa-export output (SPEC.md sections 2 and 3).

    python check_hf.py --input-dir IN --output-dir OUT [--format jsonl|parquet]
                       [--parquet-compression snappy|zstd|none|any] [--card auto|require|skip]

Reads IN/qa_passed.jsonl and IN/qa_rejected.jsonl (BOM, CRLF and whitespace-only lines
tolerated) and computes the expected dataset rows with an independent Python implementation
of the SPEC section 2 mapping. Then, for OUT/qa_pairs.<ext> and (when the rejected input exists)
OUT/qa_rejected_hf.<ext>, it checks

  * datasets.load_dataset(<builder>, data_files=..., split="train"): row count, column names
    and order, features (Value('string') / Value('float64')), every value (exact);
  * the file itself: for JSONL the raw bytes (UTF-8 without BOM, "\\n" line ends incl. the last,
    no "\\r", no blank lines, no \\uXXXX escape except for control characters, key order,
    validation_score written as a floating-point literal); for Parquet the physical/logical
    schema, nullability, the "huggingface" footer metadata, compression and row-group sizes;
  * DuckDB (read_json / read_json_auto or read_parquet): row count, column types
    (VARCHAR / DOUBLE) and every value;
  * the dataset card (OUT/README.md) when present (--card auto) or required (--card require).

Needs: datasets, pyarrow, duckdb (pyyaml comes with datasets). Exits 0 when everything
matches, 1 with a message naming file, row and column on the first mismatch, 2 on usage errors.
Set HF_DATASETS_OFFLINE=1 / HF_HUB_OFFLINE=1; a fresh datasets cache directory is used for
every run (unless --cache-dir is given), so a stale cache never hides a problem.
"""

import argparse
import json
import math
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter

TEXT_COLUMNS = ["question", "answer", "source", "persona"]
PASSED_COLUMNS = TEXT_COLUMNS + ["validation_score"]
REJECTED_COLUMNS = PASSED_COLUMNS + ["failure_reason"]

# (input file, output base name, is_rejected, required)
FILES = [
    ("qa_passed.jsonl", "qa_pairs", False, True),
    ("qa_rejected.jsonl", "qa_rejected_hf", True, False),
]

MAX_ROW_GROUP_BYTES = 100 * 1024 * 1024  # SPEC: row groups at or under ~100 MB uncompressed


class CheckError(Exception):
    pass


def fail(msg):
    raise CheckError(msg)


def columns_for(is_rejected):
    return REJECTED_COLUMNS if is_rejected else PASSED_COLUMNS


def expected_features_dict(columns):
    """The features dict as `datasets` serialises it (Features.to_dict())."""
    return {c: {"dtype": "float64" if c == "validation_score" else "string", "_type": "Value"} for c in columns}


def short(v, n=120):
    r = repr(v)
    return r if len(r) <= n else r[:n] + "...(%d chars)" % len(r)


# --------------------------------------------------------------------------- input + mapping


class InvalidRecord(Exception):
    pass


def _reject_constant(name):
    raise InvalidRecord("non-finite number %s" % name)


def map_record(obj, is_rejected, defaults):
    """Independent implementation of SPEC section 2. Returns the expected row as a tuple."""
    if not isinstance(obj, dict):
        raise InvalidRecord("not a JSON object")

    def text(key, out_name):
        v = obj.get(key)
        if v is None:
            defaults[out_name] += 1
            return ""
        if not isinstance(v, str):
            raise InvalidRecord("%s is %s, not a string" % (key, type(v).__name__))
        return v

    question = text("question", "question")
    answer = text("answer", "answer")
    source = text("source_document", "source")

    p = obj.get("persona")
    if p is None:
        defaults["persona"] += 1
        persona = "unknown"
    elif isinstance(p, str):
        if p == "":
            defaults["persona"] += 1
            persona = "unknown"
        else:
            persona = p
    elif isinstance(p, dict):
        parts = []
        for key in ("roll", "erfarenhet"):
            v = p.get(key)
            if v is None:
                defaults["persona." + key] += 1  # a part became "unknown"
                parts.append("unknown")
            elif isinstance(v, str):
                parts.append(v)
            else:
                raise InvalidRecord("persona.%s is %s, not a string" % (key, type(v).__name__))
        persona = "%s/%s" % tuple(parts)
    else:
        raise InvalidRecord("persona is %s" % type(p).__name__)

    val = obj.get("validation")
    if val is None:
        val = {}
    elif not isinstance(val, dict):
        raise InvalidRecord("validation is %s, not an object" % type(val).__name__)

    s = val.get("composite_score")
    if s is None:
        defaults["validation_score"] += 1
        score = 0.0
    elif isinstance(s, bool) or not isinstance(s, (int, float)):
        raise InvalidRecord("composite_score is %s, not a number" % type(s).__name__)
    else:
        score = float(s)
        if not math.isfinite(score):
            raise InvalidRecord("composite_score is not finite")

    row = [question, answer, source, persona, score]
    if is_rejected:
        fr = val.get("failure_reason")
        if fr is None:
            defaults["failure_reason"] += 1
            fr = "unknown"
        elif not isinstance(fr, str):
            raise InvalidRecord("failure_reason is %s, not a string" % type(fr).__name__)
        row.append(fr)
    return tuple(row)


def read_expected(path, is_rejected):
    """Expected rows of one input file. Fails if the input holds an invalid record."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("%s: input is not valid UTF-8 (%s)" % (path, e))
    # Split on "\n" only: str.splitlines() would also split at U+2028, U+0085, \x1c... inside strings.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows, defaults, blanks = [], Counter(), 0
    for lineno, line in enumerate(lines, 1):
        if line.endswith("\r"):
            line = line[:-1]
        if line.strip(" \t\r") == "":
            blanks += 1
            continue
        try:
            obj = json.loads(line, parse_constant=_reject_constant)
            rows.append(map_record(obj, is_rejected, defaults))
        except (ValueError, InvalidRecord) as e:
            fail("%s:%d: the INPUT holds an invalid record (%s); the default export must fail on it, "
                 "so this check cannot be used with it" % (path, lineno, e))
    return rows, defaults, blanks, len(lines)


# --------------------------------------------------------------------------- shared checks


def compare_rows(label, columns, expected, actual_rows, start=0):
    """actual_rows: iterable of sequences in column order; start: index of expected[0] in the file."""
    n = 0
    for i, (exp, act) in enumerate(zip(expected, actual_rows), start):
        n += 1
        act = tuple(act)
        if exp == act and all(type(a) is type(e) for a, e in zip(act, exp)):
            continue
        for c, e, a in zip(columns, exp, act):
            if e != a or type(e) is not type(a):
                if isinstance(e, str) and isinstance(a, str) and short(e) == short(a) or (
                        isinstance(e, str) and isinstance(a, str)
                        and unicodedata.normalize("NFC", e) == unicodedata.normalize("NFC", a)):
                    e, a = ascii(e), ascii(a)  # differ only invisibly (e.g. NFC vs NFD): show code points
                fail("%s: row %d (line %d), column %s: expected %s, got %s"
                     % (label, i, i + 1, c, short(e), short(a)))
        fail("%s: row %d differs: expected %s, got %s" % (label, i, short(exp), short(act)))
    if n != len(expected):
        fail("%s: compared %d rows, expected %d" % (label, n, len(expected)))


def check_hf_dataset(label, ds, columns, expected):
    import datasets

    if ds.num_rows != len(expected):
        fail("%s: datasets loaded %d rows, expected %d" % (label, ds.num_rows, len(expected)))
    if ds.column_names != columns:
        fail("%s: datasets column names %s, expected %s" % (label, ds.column_names, columns))
    want = datasets.Features({c: datasets.Value("float64" if c == "validation_score" else "string")
                              for c in columns})
    if ds.features != want or list(ds.features) != columns:
        fail("%s: datasets features %s, expected %s" % (label, ds.features, want))
    table = ds.data.table if hasattr(ds.data, "table") else ds.data
    cols = [table.column(c).to_pylist() for c in columns]
    compare_rows(label + " (datasets)", columns, expected, zip(*cols))


def duckdb_check(label, con, relation, columns, expected):
    described = con.execute("DESCRIBE SELECT * FROM " + relation).fetchall()
    names = [r[0] for r in described]
    types = [r[1] for r in described]
    if names != columns:
        fail("%s: DuckDB %s columns %s, expected %s" % (label, relation.split("(")[0], names, columns))
    want = ["DOUBLE" if c == "validation_score" else "VARCHAR" for c in columns]
    if types != want:
        fail("%s: DuckDB %s types %s, expected %s" % (label, relation.split("(")[0], dict(zip(names, types)),
                                                       dict(zip(columns, want))))
    count = con.execute("SELECT count(*) FROM " + relation).fetchone()[0]
    if count != len(expected):
        fail("%s: DuckDB %s counted %d rows, expected %d" % (label, relation.split("(")[0], count, len(expected)))
    rows = con.execute("SELECT * FROM " + relation).fetchall()
    compare_rows(label + " (DuckDB %s)" % relation.split("(")[0], columns, expected, rows)


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


# --------------------------------------------------------------------------- formats


class JsonlFormat:
    name = "jsonl"
    ext = "jsonl"
    builder = "json"

    # an escape: backslash + (u + 4 hex | any one char); scanning left to right consumes "\\\\" pairs,
    # so a literal backslash followed by "u" in the text (written \\u) is never taken for an escape.
    ESCAPE = re.compile(r"\\(u([0-9a-fA-F]{4})|.)", re.S)

    def __init__(self, args):
        self.args = args

    def check_file(self, label, path, columns, expected):
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(b"\xef\xbb\xbf"):
            fail("%s: starts with a UTF-8 byte-order mark" % label)
        try:
            text = data.decode("utf-8")  # strict: also rejects CESU-8 / encoded surrogates
        except UnicodeDecodeError as e:
            fail("%s: not valid UTF-8: %s" % (label, e))
        if not expected:
            if data:
                fail("%s: expected an empty file (no records), got %d bytes" % (label, len(data)))
            return
        pos = text.find("\r")
        if pos >= 0:
            fail("%s: contains a raw \\r at line %d (line ends must be \\n)" % (label, text.count("\n", 0, pos) + 1))
        if not text.endswith("\n"):
            fail("%s: the last line does not end with \\n" % label)
        lines = text[:-1].split("\n")
        if len(lines) != len(expected):
            fail("%s: %d lines, expected %d (one per record)" % (label, len(lines), len(expected)))

        def no_ints(s):
            raise CheckError("integer literal %s (validation_score must be written as a float, e.g. 1.0)" % s)

        def no_constants(s):
            raise CheckError("non-finite literal %s" % s)

        for i, line in enumerate(lines):
            where = "%s: line %d" % (label, i + 1)
            if line.strip(" \t") == "":
                fail("%s: blank line" % where)
            for m in self.ESCAPE.finditer(line):
                if m.group(2) is not None:
                    cp = int(m.group(2), 16)
                    if cp >= 0x20:
                        fail("%s, column %d: \\u%s escape for U+%04X, which JSON does not require to be escaped "
                             "(non-ASCII must be written as itself)" % (where, m.start() + 1, m.group(2), cp))
                elif m.group(1) not in '"\\bfnrt':
                    fail("%s, column %d: unnecessary or invalid escape \\%s" % (where, m.start() + 1, m.group(1)))
            try:
                pairs = json.loads(line, object_pairs_hook=lambda kv: kv,
                                   parse_int=no_ints, parse_constant=no_constants)
            except CheckError as e:
                fail("%s: %s" % (where, e))
            except ValueError as e:
                fail("%s: not valid JSON: %s" % (where, e))
            if not isinstance(pairs, list):
                fail("%s: not a JSON object" % where)
            keys = [k for k, _ in pairs]
            if keys != columns:
                fail("%s: keys %s, expected exactly %s in this order" % (where, keys, columns))
            m = re.search(r'"validation_score":\s*(-?[0-9][0-9.eE+-]*)', line)
            if not m or not re.search(r"[.eE]", m.group(1)):
                fail("%s: validation_score not written as a floating-point number literal: %s"
                     % (where, m.group(1) if m else "(not a number)"))
            compare_rows(label, columns, [expected[i]], [tuple(v for _, v in pairs)], start=i)

    def duckdb_relations(self, path):
        return ["read_json(%s, format='newline_delimited')" % sql_str(path),
                "read_json_auto(%s)" % sql_str(path)]


class ParquetFormat:
    name = "parquet"
    ext = "parquet"
    builder = "parquet"

    CODECS = {"snappy": "SNAPPY", "zstd": "ZSTD", "none": "UNCOMPRESSED", "uncompressed": "UNCOMPRESSED"}

    def __init__(self, args):
        self.args = args

    def check_file(self, label, path, columns, expected):
        import pyarrow as pa
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        md = pf.metadata
        if md.num_rows != len(expected):
            fail("%s: footer says %d rows, expected %d" % (label, md.num_rows, len(expected)))
        schema = pf.schema  # Parquet schema
        names = [schema.column(i).name for i in range(len(schema))]
        if names != columns:
            fail("%s: Parquet columns %s, expected %s" % (label, names, columns))
        for i, c in enumerate(columns):
            col = schema.column(i)
            if c == "validation_score":
                ok = col.physical_type == "DOUBLE"
                want = "DOUBLE"
            else:
                ok = col.physical_type == "BYTE_ARRAY" and str(col.logical_type) == "String"
                want = "BYTE_ARRAY with the STRING logical type"
            if not ok:
                fail("%s: column %s is %s/%s, expected %s" % (label, c, col.physical_type, col.logical_type, want))
            if col.max_definition_level != 1 or col.max_repetition_level != 0:
                fail("%s: column %s is not a top-level OPTIONAL column (definition level %d, repetition level %d)"
                     % (label, c, col.max_definition_level, col.max_repetition_level))
        arrow = pf.schema_arrow
        for c in columns:
            f = arrow.field(c)
            want = pa.float64() if c == "validation_score" else pa.string()
            if f.type != want or not f.nullable:
                fail("%s: Arrow field %s is %s (nullable=%s), expected %s nullable" % (label, c, f.type, f.nullable, want))

        kv = md.metadata or {}
        if b"huggingface" not in kv:
            fail("%s: footer has no 'huggingface' key/value metadata (keys: %s)" % (label, sorted(kv)))
        try:
            hf = json.loads(kv[b"huggingface"].decode("utf-8"))
            feats = hf["info"]["features"]
        except Exception as e:  # noqa: BLE001 - report any malformed metadata
            fail("%s: 'huggingface' metadata is not {\"info\": {\"features\": ...}} JSON: %s" % (label, e))
        want_feats = expected_features_dict(columns)
        if feats != want_feats or list(feats) != columns:
            fail("%s: 'huggingface' metadata features %s, expected %s" % (label, json.dumps(feats), json.dumps(want_feats)))

        codecs = set()
        for rg in range(md.num_row_groups):
            g = md.row_group(rg)
            if g.total_byte_size > MAX_ROW_GROUP_BYTES:
                fail("%s: row group %d holds %d uncompressed bytes, more than %d"
                     % (label, rg, g.total_byte_size, MAX_ROW_GROUP_BYTES))
            for ci in range(g.num_columns):
                codecs.add(g.column(ci).compression)
        want_codec = self.args.parquet_compression.lower()
        if want_codec != "any" and codecs and codecs != {self.CODECS[want_codec]}:
            fail("%s: compression %s, expected %s" % (label, sorted(codecs), self.CODECS[want_codec]))
        self.note = "%d row group(s), %s" % (md.num_row_groups, "/".join(sorted(codecs)) or "no data")

        table = pq.read_table(path)
        cols = [table.column(c).to_pylist() for c in columns]
        compare_rows(label + " (pyarrow)", columns, expected, zip(*cols))
        if expected:
            self.note += "; " + check_score_statistics(label, path, md, columns.index("validation_score"))

    def duckdb_relations(self, path):
        return ["read_parquet(%s)" % sql_str(path)]


def check_score_statistics(label, path, md, score_index):
    """pyarrow must see min/max on the score column and skip row groups a filter excludes."""
    import pyarrow.dataset as pads

    top = None
    for rg in range(md.num_row_groups):
        stats = md.row_group(rg).column(score_index).statistics
        if stats is None or not stats.has_min_max:
            fail("%s: row group %d: pyarrow sees no min/max statistics on validation_score "
                 "(has_min_max false), so filtered reads cannot skip row groups" % (label, rg))
        top = stats.max if top is None else max(top, stats.max)
    fragment = next(iter(pads.dataset(path, format="parquet").get_fragments()))
    kept = fragment.split_by_row_group(pads.field("validation_score") > top)
    if len(kept) != 0:
        fail("%s: a filter validation_score > %r (the largest max) still reads %d of %d row groups"
             % (label, top, len(kept), md.num_row_groups))
    return "score statistics used by pyarrow (filter > max skips all %d row groups)" % md.num_row_groups


FORMATS = {"jsonl": JsonlFormat, "parquet": ParquetFormat}

# What every card qa-export writes holds, as huggingface_hub reads it (DatasetCard.load).
HUB_KEYS = {"pretty_name", "license", "language", "annotations_creators", "language_creators",
            "multilinguality", "source_datasets", "task_categories", "task_ids", "size_categories",
            "tags", "configs", "dataset_info"}


def check_hub_card(path, task_category):
    """Loads the card with the real huggingface_hub and checks card.data; returns it as a dict."""
    from huggingface_hub import DatasetCard

    try:
        card = DatasetCard.load(path, repo_type="dataset")
    except Exception as e:  # noqa: BLE001
        fail("%s: huggingface_hub.DatasetCard.load failed: %s: %s" % (path, type(e).__name__, e))
    data = card.data.to_dict()
    missing = HUB_KEYS - set(data)
    if missing:
        fail("%s: card.data lacks %s (has %s)" % (path, sorted(missing), sorted(data)))
    if data["task_categories"] != [task_category]:
        fail("%s: task_categories %r, expected [%r]" % (path, data["task_categories"], task_category))
    if "synthetic" not in data["tags"]:
        fail("%s: tags %r lack 'synthetic'" % (path, data["tags"]))
    if data["license"] == "other" and not (data.get("license_name") and data.get("license_link")):
        fail("%s: license other without license_name and license_link" % path)
    return data


# --------------------------------------------------------------------------- dataset card

SIZE_CATEGORIES = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M",
                   "100M<n<1B", "1B<n<10B", "10B<n<100B", "100B<n<1T", "n>1T"]


def size_category(n):
    bound, i = 1000, 0
    while n >= bound and i < len(SIZE_CATEGORIES) - 1:
        bound *= 10
        i += 1
    return SIZE_CATEGORIES[i]


def as_list(v):
    return v if isinstance(v, list) else ([] if v is None else [v])


def check_card(out_dir, expected_by_config, cache_dir):
    """expected_by_config: {"default": (columns, rows), "rejected": (columns, rows)} (rejected optional)."""
    import datasets
    import yaml

    path = os.path.join(out_dir, "README.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    if not m:
        fail("%s: no YAML front matter (--- ... ---) at the start" % path)
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        fail("%s: YAML front matter does not parse: %s" % (path, e))
    for key in ("pretty_name", "license"):
        if not isinstance(meta.get(key), str) or not meta.get(key):
            fail("%s: %s is missing or not a string: %r" % (path, key, meta.get(key)))
    if "sv" not in as_list(meta.get("language")):
        fail("%s: language does not contain 'sv': %r" % (path, meta.get("language")))
    if "question-answering" not in as_list(meta.get("task_categories")):
        fail("%s: task_categories does not contain 'question-answering': %r" % (path, meta.get("task_categories")))
    sizes = as_list(meta.get("size_categories"))
    if not sizes or any(s not in SIZE_CATEGORIES + ["unknown"] for s in sizes):
        fail("%s: size_categories %r is not a valid value (%s)" % (path, sizes, ", ".join(SIZE_CATEGORIES)))
    total = sum(len(rows) for _, rows in expected_by_config.values())
    plausible = {size_category(len(expected_by_config["default"][1])), size_category(total)}
    size_note = "" if set(sizes) & plausible else " (note: size_categories %s, counts suggest %s)" % (sizes, sorted(plausible))

    check_hub_card(path, "question-answering")
    infos = {i.get("config_name", "default"): i for i in as_list(meta.get("dataset_info")) if isinstance(i, dict)}
    for config, (columns, rows) in expected_by_config.items():
        info = infos.get(config)
        if info is None:
            fail("%s: dataset_info has no entry for config %r (has %s)" % (path, config, sorted(infos)))
        feats = [(f.get("name"), f.get("dtype")) for f in as_list(info.get("features"))]
        want = [(c, "float64" if c == "validation_score" else "string") for c in columns]
        if feats != want:
            fail("%s: dataset_info features of config %r are %s, expected %s" % (path, config, feats, want))
        for split in as_list(info.get("splits")):
            if isinstance(split, dict) and "num_examples" in split and split["num_examples"] != len(rows):
                fail("%s: config %r split %r declares num_examples=%s, actual %d"
                     % (path, config, split.get("name"), split["num_examples"], len(rows)))

        label = "README.md config %r" % config
        try:
            dd = (datasets.load_dataset(out_dir, cache_dir=cache_dir) if config == "default"
                  else datasets.load_dataset(out_dir, config, cache_dir=cache_dir))
        except Exception as e:  # noqa: BLE001
            fail("%s: load_dataset(%r%s) failed: %s: %s" % (label, out_dir, "" if config == "default" else ", %r" % config,
                                                           type(e).__name__, e))
        if len(dd) != 1:
            fail("%s: expected one split, got %s" % (label, list(dd)))
        (split_name, ds), = dd.items()
        check_hf_dataset("%s split %r" % (label, split_name), ds, columns, rows)
        splits = [sp for sp in as_list(info.get("splits")) if isinstance(sp, dict)]
        if [sp.get("name") for sp in splits] != [split_name] or splits[0].get("num_examples") != len(rows):
            fail("%s: dataset_info splits %r, expected one %r split of %d examples" % (label, splits, split_name, len(rows)))
        table = ds.data.table if hasattr(ds.data, "table") else ds.data
        arrow_bytes = table.combine_chunks().nbytes
        if splits[0].get("num_bytes") != arrow_bytes:
            fail("%s: num_bytes %r, but the split is %d bytes as Arrow data" % (label, splits[0].get("num_bytes"), arrow_bytes))
    return "README.md: configs %s load, metadata OK%s" % (", ".join(expected_by_config), size_note)


# --------------------------------------------------------------------------- main


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check qa-export output against datasets, pyarrow and DuckDB.")
    ap.add_argument("--input-dir", required=True)
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--format", default="jsonl", choices=sorted(FORMATS))
    ap.add_argument("--parquet-compression", default="snappy", choices=["snappy", "zstd", "none", "any"],
                    help="expected Parquet compression (default snappy, the export's default)")
    ap.add_argument("--card", default="auto", choices=["auto", "require", "skip"],
                    help="check OUT/README.md: when present (auto), always (require) or never (skip)")
    ap.add_argument("--cache-dir", help="datasets cache dir (default: a fresh temporary directory)")
    args = ap.parse_args(argv)

    fmt = FORMATS[args.format](args)
    own_cache = args.cache_dir is None
    cache_dir = args.cache_dir or tempfile.mkdtemp(prefix="check_hf_cache_")
    try:
        import datasets
        import duckdb

        datasets.logging.set_verbosity_error()
        try:
            datasets.disable_progress_bars()
        except AttributeError:
            pass
        con = duckdb.connect()
        expected_by_config = {}
        for in_name, out_base, is_rejected, required in FILES:
            in_path = os.path.join(args.input_dir, in_name)
            if not os.path.exists(in_path):
                if required:
                    fail("%s: input missing" % in_path)
                print("%s: no %s in the input, not checked" % (out_base + "." + fmt.ext, in_name))
                continue
            columns = columns_for(is_rejected)
            expected, defaults, blanks, nlines = read_expected(in_path, is_rejected)
            expected_by_config["rejected" if is_rejected else "default"] = (columns, expected)
            out_name = "%s.%s" % (out_base, fmt.ext)
            out_path = os.path.join(args.output_dir, out_name)
            if not os.path.isfile(out_path):
                fail("%s: output missing (expected for %s)" % (out_path, in_path))

            fmt.check_file(out_name, out_path, columns, expected)
            if expected:
                ds = datasets.load_dataset(fmt.builder, data_files=out_path, split="train", cache_dir=cache_dir)
                check_hf_dataset(out_name, ds, columns, expected)
                for rel in fmt.duckdb_relations(out_path):
                    duckdb_check(out_name, con, rel, columns, expected)
                checked = "datasets + DuckDB"
            else:
                checked = "empty, not loaded"
            dflt = ", ".join("%s=%d" % kv for kv in sorted(defaults.items())) or "none"
            extra = ("; " + fmt.note) if getattr(fmt, "note", None) else ""
            print("%s: %d rows, features OK, values OK (%s%s); input: %d lines, %d blank; defaults expected: %s"
                  % (out_name, len(expected), checked, extra, nlines, blanks, dflt))

        if args.card != "skip":
            if os.path.exists(os.path.join(args.output_dir, "README.md")):
                print(check_card(args.output_dir, expected_by_config, cache_dir))
            elif args.card == "require":
                fail("%s: no README.md (dataset card)" % args.output_dir)
            else:
                print("README.md: not present, not checked")
    except CheckError as e:
        print("HF compatibility check FAILED: %s" % e, file=sys.stderr)
        return 1
    finally:
        if own_cache:
            shutil.rmtree(cache_dir, ignore_errors=True)
    print("OK: %s output in %s is compatible with datasets, pyarrow and DuckDB" % (args.format, args.output_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
