#!/usr/bin/env python3
"""Checks a training-set export of qa-export (SPEC.md section 6) with the real clients.

    check_training_set.py --input-dir IN --output-dir OUT --format jsonl|parquet
        --min-score X --dedup exact|near [--threshold J] --splits train,validation,test
        [--fractions 0.8,0.1,0.1] [--expect-shards] [--cache-dir DIR]

What it checks, computing what to expect from the input on its own (check_hf.py's mapping):
  * passed pairs below --min-score are in the rejected output with the reason, after nothing
    else than the other moved pairs, followed by the rejected input's rows;
  * exact: one pair per normalised question (NFC, case-folded, punctuation and [source:...]
    markers left out, whitespace collapsed), the best-scored, the earliest on a tie; near: each
    dropped pair's similarity, recomputed here from the same grams, reaches the threshold and
    names a kept pair that scores at least as high;
  * <output>.duplicates.jsonl holds exactly the dropped pairs, with their lines;
  * the split files are named as the Hub expects (NAME or NAME-00000-of-0000N), shards complete
    and in order, every row in exactly one split, a normalised question never in two splits,
    the fractions roughly kept (large inputs);
  * the card lists every split's files, declares exact num_examples, and load_dataset(dir)
    returns a DatasetDict with exactly those splits and rows (and the rejected config too);
  * every file passes check_hf.py's byte-level checks for its format.
"""

import argparse
import glob
import json
import os
import re
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_hf  # noqa: E402
from check_hf import CheckError, fail  # noqa: E402

WHITESPACE = set("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85")  # with Zs/Zl/Zp: Unicode White_Space


def normalise(question):
    """The normalised question, defined as in SPEC.md section 6 (written here independently)."""
    # Upper then lower, twice: the capital sharp s lowers to ß, which the second round folds to ss.
    folded = unicodedata.normalize(
        "NFC", unicodedata.normalize("NFC", question).upper().lower().upper().lower())
    folded = re.sub(r"\[source:[^\]]*\]", " ", folded)
    words, word = [], []
    for ch in folded:
        cat = unicodedata.category(ch)
        if ch in WHITESPACE or cat in ("Zs", "Zl", "Zp"):
            if word:
                words.append("".join(word))
                word = []
        elif not cat.startswith("P") and cat != "Cf":
            word.append(ch)
    if word:
        words.append("".join(word))
    return " ".join(words)


def grams(normalised, k=4):
    out = set()
    for w in normalised.split(" "):
        if not w:
            continue
        padded = " " + w + " "
        if len(padded) <= k:
            out.add(padded)
        else:
            out.update(padded[i:i + k] for i in range(len(padded) - k + 1))
    return out


def jaccard(a, b):
    union = len(a | b)
    return 1.0 if union == 0 else len(a & b) / union


def read_pairs(path, is_rejected):
    """[(line number, row)] of the input's valid records."""
    rows = []
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        line = line[:-1] if line.endswith("\r") else line
        if line.strip(" \t\r") == "":
            continue
        obj = json.loads(line, parse_constant=check_hf._reject_constant)
        rows.append((number, check_hf.map_record(obj, is_rejected, check_hf.Counter())))
    return rows


def load_rows(builder, files, cache_dir):
    import datasets
    ds = datasets.load_dataset(builder, data_files=files, split="train", cache_dir=cache_dir)
    table = ds.data.table if hasattr(ds.data, "table") else ds.data
    columns = ds.column_names
    return [tuple(r) for r in zip(*[table.column(c).to_pylist() for c in columns])]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--input-dir", required=True)
    ap.add_argument("--output-dir", required=True)
    ap.add_argument("--format", default="jsonl", choices=sorted(check_hf.FORMATS))
    ap.add_argument("--min-score", type=float, required=True)
    ap.add_argument("--dedup", choices=["none", "exact", "near"], required=True)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--splits", required=True)
    ap.add_argument("--fractions")
    ap.add_argument("--expect-shards", action="store_true")
    ap.add_argument("--stratified", action="store_true",
                    help="--stratify persona: each persona's rows per split within 2 of its share")
    ap.add_argument("--cache-dir")
    ap.add_argument("--stable-against", metavar="EARLIER_OUT",
                    help="an export of a prefix of this input: each of its rows must be in the same split here")
    args = ap.parse_args(argv)
    args.parquet_compression = "snappy"
    fmt = check_hf.FORMATS[args.format](args)
    cache_dir = args.cache_dir or tempfile.mkdtemp(prefix="check_ts_cache_")
    out = args.output_dir
    split_names = args.splits.split(",")
    try:
        import datasets
        import yaml
        datasets.logging.set_verbosity_error()

        passed = read_pairs(os.path.join(args.input_dir, "qa_passed.jsonl"), False)
        rejected_path = os.path.join(args.input_dir, "qa_rejected.jsonl")
        rejected = read_pairs(rejected_path, True) if os.path.exists(rejected_path) else []
        score = check_hf.PASSED_COLUMNS.index("validation_score")
        below = [(n, r) for n, r in passed if r[score] < args.min_score]
        candidates = [(n, r) for n, r in passed if r[score] >= args.min_score]

        # --- the rejected output: moved pairs first, with their reason, then the rejected input
        # One file, or Hub-named shards 0..N-1 of N when it is larger than --max-shard-size.
        rej_single = os.path.join(out, "qa_rejected_hf." + fmt.ext)
        rej_files = [rej_single] if os.path.exists(rej_single) else sorted(
            glob.glob(os.path.join(out, "qa_rejected_hf-*-of-*." + fmt.ext)))
        if not rej_files:
            fail("rejected output: no qa_rejected_hf file in %s" % out)
        if rej_files != [rej_single]:
            want = ["qa_rejected_hf-%05d-of-%05d.%s" % (i, len(rej_files), fmt.ext)
                    for i in range(len(rej_files))]
            if [os.path.basename(f) for f in rej_files] != want or len(rej_files) < 2:
                fail("rejected output: shards %s are not %s" % (rej_files, want))
            print("rejected output: %d shards" % len(rej_files))
        rej_rows = load_rows(fmt.builder, rej_files, cache_dir)
        if len(rej_rows) != len(below) + len(rejected):
            fail("rejected output: %d rows, expected %d moved + %d rejected"
                 % (len(rej_rows), len(below), len(rejected)))
        for (n, row), got in zip(below, rej_rows):
            m = re.fullmatch(r"validation_score (\S+) is below the export threshold (\S+)", got[-1])
            if got[:-1] != row or not m or float(m.group(1)) != row[score] \
                    or float(m.group(2)) != args.min_score:
                fail("rejected output: moved pair from line %d is %s" % (n, check_hf.short(got)))
        if rej_rows[len(below):] != [r for _, r in rejected]:
            fail("rejected output: the rejected input's rows do not follow the moved pairs")
        offset = 0
        for f in rej_files:
            shard_rows = load_rows(fmt.builder, f, cache_dir)
            fmt.check_file(os.path.basename(f), f, check_hf.REJECTED_COLUMNS,
                           rej_rows[offset:offset + len(shard_rows)])
            offset += len(shard_rows)

        # --- deduplication
        dup_path = os.path.join(out, "qa_pairs.%s.duplicates.jsonl" % fmt.ext)
        logged = {}
        if os.path.exists(dup_path):
            with open(dup_path, encoding="utf-8") as f:
                for line in f:
                    entry = json.loads(line)
                    logged[entry["line"]] = entry
        by_line = dict(candidates)
        norm = {n: normalise(r[0]) for n, r in candidates}
        if args.dedup == "none":
            dropped = {}
        elif args.dedup == "exact":
            best = {}
            for n, r in candidates:
                key = norm[n]
                if key not in best or r[score] > by_line[best[key]][score]:
                    best[key] = n
            dropped = {n: best[norm[n]] for n, _ in candidates if best[norm[n]] != n}
            for n, kept in dropped.items():
                entry = logged.get(n)
                if entry is None or entry["duplicate_of"] != kept or entry["similarity"] != 1.0:
                    fail("duplicates log: line %d should be logged as a duplicate of line %d, got %s"
                         % (n, kept, entry))
        else:
            dropped = {}
            for n, entry in logged.items():
                kept = entry["duplicate_of"]
                if n not in by_line or kept not in by_line:
                    fail("duplicates log: line %d or line %d is not a passed pair above the threshold" % (n, kept))
                sim = jaccard(grams(norm[n]), grams(norm[kept]))
                if sim < args.threshold - 1e-9 or abs(sim - entry["similarity"]) > 1e-6:
                    fail("duplicates log: line %d ~ line %d has similarity %.4f here, %.4f logged, threshold %s"
                         % (n, kept, sim, entry["similarity"], args.threshold))
                if by_line[kept][score] < by_line[n][score]:
                    fail("duplicates log: line %d (score %s) was dropped for line %d (score %s)"
                         % (n, by_line[n][score], kept, by_line[kept][score]))
                dropped[n] = kept
            if any(kept in dropped for kept in dropped.values()):
                fail("duplicates log: a pair names a dropped pair as the one it duplicates")
        if set(logged) != set(dropped):
            fail("duplicates log: lines %s logged, %s expected"
                 % (sorted(set(logged) - set(dropped))[:5], sorted(set(dropped) - set(logged))[:5]))
        for n, entry in logged.items():
            if tuple(entry[c] for c in check_hf.PASSED_COLUMNS) != by_line[n]:
                fail("duplicates log: line %d's columns differ from the input" % n)
        kept = [(n, r) for n, r in candidates if n not in dropped]

        # --- split files, as named on disk
        pattern = re.compile(r"qa_pairs-(\w+?)(?:-(\d{5})-of-(\d{5}))?\." + re.escape(fmt.ext) + "$")
        files = {}
        for name in sorted(os.listdir(out)):
            m = pattern.fullmatch(name)
            if m:
                files.setdefault(m.group(1), []).append((m.group(2), m.group(3), name))
        if os.path.exists(os.path.join(out, "qa_pairs." + fmt.ext)):
            fail("a plain qa_pairs.%s was written beside the splits" % fmt.ext)
        sharded = False
        for split, shards in files.items():
            if split not in split_names:
                fail("split file for unknown split %r: %s" % (split, shards))
            if shards[0][0] is not None:
                total = int(shards[0][1])
                want = ["%05d" % i for i in range(total)]
                if [s[0] for s in shards] != want or {s[1] for s in shards} != {"%05d" % total} or total < 2:
                    fail("split %r: shards %s are not 00000..%05d of %05d" % (split, [s[2] for s in shards], total - 1, total))
                sharded = True
            elif len(shards) != 1:
                fail("split %r: several files without shard numbers: %s" % (split, shards))
        if args.expect_shards and not sharded:
            fail("expected at least one sharded split, got %s" % {k: len(v) for k, v in files.items()})

        # --- rows per split: every kept pair in exactly one split, in input order, no question in two
        index = {}
        for i, (_, r) in enumerate(kept):
            index.setdefault(r, []).append(i)
        seen, split_rows, question_split = [], {}, {}
        for split, shards in files.items():
            paths = [os.path.join(out, s[2]) for s in shards]
            rows = []
            for p in paths:
                shard_rows = load_rows(fmt.builder, p, cache_dir)
                fmt.check_file(os.path.basename(p), p, check_hf.PASSED_COLUMNS, shard_rows)
                rows.extend(shard_rows)
            positions = []
            for r in rows:
                if not index.get(r):
                    fail("split %r holds a row that should not be kept (or holds it too often): %s"
                         % (split, check_hf.short(r)))
                positions.append(index[r].pop(0))
                q = normalise(r[0])
                if question_split.setdefault(q, split) != split:
                    fail("question %r is in splits %r and %r" % (q, question_split[q], split))
            if positions != sorted(positions):
                fail("split %r: rows are not in input order" % split)
            seen.extend(positions)
            split_rows[split] = rows
        if len(seen) != len(kept):
            fail("%d kept pairs expected, %d found in the splits" % (len(kept), len(seen)))
        if args.fractions and len(kept) >= 5000:
            for split, fraction in zip(split_names, map(float, args.fractions.split(","))):
                share = len(split_rows.get(split, [])) / len(kept)
                if abs(share - fraction) > 0.02:
                    fail("split %r holds %.3f of the pairs, asked %.3f" % (split, share, fraction))

        if args.stratified:
            fractions = list(map(float, args.fractions.split(",")))
            persona = check_hf.PASSED_COLUMNS.index("persona")
            per = {}
            for split, rows in split_rows.items():
                for r in rows:
                    per.setdefault(r[persona], {}).setdefault(split, 0)
                    per[r[persona]][split] += 1
            for who, counts in per.items():
                n = sum(counts.values())
                cumulative, done = 0.0, 0
                for split, fraction in zip(split_names, fractions):
                    cumulative += fraction
                    want = round(n * cumulative) - done
                    done += want
                    if abs(counts.get(split, 0) - want) > 2:
                        fail("persona %r: %d rows in %r, its share is %d of %d" % (who, counts.get(split, 0), split, want, n))
            print("stratified: %d personas each follow the fractions (within 2 rows)" % len(per))

        # --- the card and load_dataset(dir)
        with open(os.path.join(out, "README.md"), encoding="utf-8") as f:
            meta = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", f.read(), re.S).group(1))
        configs = {c["config_name"]: c for c in meta["configs"]}
        # A split's shards are listed as one glob (qa_pairs-train-*-of-00003.jsonl): expand it.
        listed = {d["split"]: sorted(os.path.basename(p) for x in check_hf.as_list(d["path"])
                                     for p in glob.glob(os.path.join(out, x)))
                  for d in configs["default"]["data_files"]}
        want_listed = {s: sorted(x[2] for x in shards) for s, shards in files.items()}
        if listed != want_listed:
            fail("card: default config lists %s, files on disk are %s" % (listed, want_listed))
        infos = {i["config_name"]: i for i in meta["dataset_info"]}
        declared = {s["name"]: s["num_examples"] for s in infos["default"]["splits"]}
        if declared != {s: len(r) for s, r in split_rows.items()}:
            fail("card: num_examples %s, files hold %s" % (declared, {s: len(r) for s, r in split_rows.items()}))
        dd = datasets.load_dataset(out, cache_dir=cache_dir)
        if not isinstance(dd, datasets.DatasetDict) or sorted(dd) != sorted(split_rows):
            fail("load_dataset(dir) gave %s, expected splits %s" % (dd, sorted(split_rows)))
        for split, rows in split_rows.items():
            check_hf.check_hf_dataset("load_dataset(dir)[%r]" % split, dd[split],
                                      check_hf.PASSED_COLUMNS, rows)
        rej = datasets.load_dataset(out, "rejected", cache_dir=cache_dir)
        if list(rej) != ["train"] or rej["train"].num_rows != len(rej_rows):
            fail("load_dataset(dir, 'rejected') gave %s, expected one train split of %d" % (rej, len(rej_rows)))
        if {s["name"]: s["num_examples"] for s in infos["rejected"]["splits"]} != {"train": len(rej_rows)}:
            fail("card: rejected num_examples differ from %d" % len(rej_rows))
        if args.stable_against:
            here = {r: split for split, rows in split_rows.items() for r in rows}
            # Rows equal in every column are one row here: they share a question, so a split.
            moved = 0
            for name in sorted(os.listdir(args.stable_against)):
                m = pattern.fullmatch(name)
                if m:
                    for r in load_rows(fmt.builder, os.path.join(args.stable_against, name), cache_dir):
                        if r in here and here[r] != m.group(1):
                            moved += 1
            if moved:
                fail("%d rows of the earlier export are in another split now" % moved)
            print("re-export with pairs appended: every earlier row kept its split")
    except CheckError as e:
        print("training-set check FAILED: %s" % e, file=sys.stderr)
        return 1
    print("OK: %s training set in %s: %d passed -> %d below %s, %d %s duplicates, splits %s%s; rejected %d; "
          "load_dataset(dir) is a DatasetDict with exact counts"
          % (args.format, out, len(passed), len(below), args.min_score, len(dropped), args.dedup,
             {s: len(r) for s, r in split_rows.items()}, " (sharded)" if sharded else "", len(rej_rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
