"""Writes the Parquet references that ParquetQuestionReaderTest reads: files as pyarrow (and so
HuggingFace datasets) writes them, in the variants a reader meets, and broken ones.

  /path/to/venv/bin/python make_references.py     # pyarrow 25, datasets 5 (in this directory)

Every good file holds ROWS rows whose `question` is question(i) (mirrored in the test), among
other columns of other types, nested ones too; several row groups.
"""
import os

import pyarrow as pa
import pyarrow.parquet as pq

ROWS = 900
ROW_GROUP = 300
BASES = [
    "Hur ofta ska jag byta handskar?",
    "Vad gör jag om vårdtagaren har ramlat? \U0001F469\u200d\u2695\ufe0f",
    "Får jag krossa tabletter?\nNej.",
    "e\u0301 \u2028 tab\there",
]


def question(i):
    return "%s #%d" % (BASES[i % len(BASES)], i % 500)


def table(question_type=pa.string(), nullable=True):
    n = range(ROWS)
    schema = pa.schema([
        pa.field("id", pa.int64()),
        pa.field("answers", pa.struct([("text", pa.list_(pa.string())),
                                       ("answer_start", pa.list_(pa.int32()))])),
        pa.field("question", question_type, nullable=nullable),
        pa.field("tags", pa.list_(pa.string())),
        pa.field("meta", pa.map_(pa.string(), pa.int64())),
        pa.field("score", pa.float64()),
    ])
    return pa.table({
        "id": [i % 100 for i in n],
        "answers": [{"text": ["svar"] * (i % 2), "answer_start": [i % 7] * (i % 2)} for i in n],
        "question": [question(i) for i in n],
        "tags": [["a", "b"][: i % 3] for i in n],
        "meta": [[("k", i % 3)] for i in n],
        "score": [None if i % 11 == 0 else (i % 10) / 10 for i in n],
    }, schema=schema)


def write(name, data, **options):
    options.setdefault("row_group_size", ROW_GROUP)
    pq.write_table(data, name, **options)


def main():
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    good = table()
    write("dict_snappy_v1.parquet", good)
    write("dict_zstd_v2.parquet", good, compression="zstd", data_page_version="2.0")
    write("plain_gzip_v1.parquet", good, compression="gzip", use_dictionary=False)
    # Only the question uncompressed (the other columns zstd), to keep the file small.
    codecs = {name: "none" if name == "question" else "zstd" for name in good.column_names}
    write("plain_none_v2.parquet", good, use_dictionary=False, data_page_version="2.0",
          compression=codecs)
    write("large_string_lz4.parquet", table(pa.large_string()), compression="lz4")
    # A dictionary too small for the values: pyarrow falls back to plain pages mid-chunk.
    write("dict_fallback_zstd.parquet", good, compression="zstd", dictionary_pagesize_limit=256,
          write_batch_size=16, data_page_size=512)
    write("delta_byte_array_v2.parquet", good, use_dictionary=False, data_page_version="2.0",
          column_encoding={"question": "DELTA_BYTE_ARRAY"})
    write("delta_length_v1.parquet", good, use_dictionary=False,
          column_encoding={"question": "DELTA_LENGTH_BYTE_ARRAY"})
    write("checksummed_snappy.parquet", good, write_page_checksum=True)
    write("required_question.parquet", table(nullable=False))

    # As HuggingFace datasets writes a dataset's file (Dataset.to_parquet).
    from datasets import Dataset
    Dataset(good.drop_columns(["meta"])).to_parquet("hf_datasets.parquet", batch_size=ROW_GROUP)

    bad = {"id": [1, 2, 3, 4]}
    write("no_question.parquet",
          pa.table({**bad, "Question": ["a", "b", "c", "d"], "context": ["x"] * 4}))
    write("int_question.parquet", pa.table({**bad, "question": pa.array([1, 2, 3, 4], pa.int64())}))
    write("list_question.parquet", pa.table({**bad, "question": [["a"], ["b"], [], None]}))
    write("binary_question.parquet",
          pa.table({**bad, "question": pa.array([b"a", b"b", b"c", b"d"], pa.binary())}))
    write("null_question.parquet", pa.table({**bad, "question": ["a", "b", None, "d"]}))
    write("brotli_question.parquet", pa.table({**bad, "question": ["a", "b", "c", "d"]}),
          compression="brotli")
    write("empty.parquet", pa.table({"id": pa.array([], pa.int64()),
                                     "question": pa.array([], pa.string())}))
    # Bytes that are not UTF-8 in a string column: pyarrow writes what it is given.
    not_utf8 = pa.array([b"ok?", b"ok?", b"caf\xe9?", b"ok?"], pa.binary()).view(pa.string())
    write("not_utf8.parquet", pa.table({**bad, "question": not_utf8}), use_dictionary=False)


if __name__ == "__main__":
    main()
