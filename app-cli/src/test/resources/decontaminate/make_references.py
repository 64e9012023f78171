"""Writes the pyarrow references that DecontaminationTest gives to --decontaminate.

  /path/to/venv/bin/python make_references.py     # pyarrow 25 (in this directory)

eval.parquet: an evaluation set as a HuggingFace dataset file might hold it: its rows are the
questions of DecontaminationTest.evaluationQuestions() after "Något helt annat?", in two row groups
(row 3 opens the second), dictionary-encoded, zstd, data page v2, beside columns of other types.
The others are references that end the run: no question column, a list of int64 as the question
column, a null question in row 2.
"""
import os
import unicodedata

import pyarrow as pa
import pyarrow.parquet as pq

QUESTIONS = [
    "Något helt annat?",
    "Vad gör jag om vårdtagaren har ramlat?",
    unicodedata.normalize("NFD", "När ska jag tvätta händerna?"),
    "Hur förvarar jag livsmedel hos vårdtagaren?",
]


def main():
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    n = len(QUESTIONS)
    evaluation = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "question": pa.array(QUESTIONS, pa.string()),
        "answers": [{"text": ["x"], "answer_start": [0]}] * n,
    })
    pq.write_table(evaluation, "eval.parquet", row_group_size=2, use_dictionary=True,
                   compression="zstd", data_page_version="2.0")
    pq.write_table(pa.table({"id": [1], "text": ["Vad gör jag om vårdtagaren har ramlat?"]}),
                   "no_question.parquet")
    pq.write_table(pa.table({"question": pa.array([[1, 2]], pa.list_(pa.int64()))}),
                   "list_question.parquet")
    pq.write_table(pa.table({"question": ["Vem rapporterar jag till?", None]}),
                   "null_question.parquet")

# corrupt_page.parquet is not made here: it is a small pyarrow file with bytes overwritten at a tenth
# of its length, kept as an adversarial pass found it; parquet-java meets a null dictionary page in
# it and throws a NullPointerException, which the reader reports as corrupt data.


if __name__ == "__main__":
    main()
