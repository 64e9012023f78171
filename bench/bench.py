#!/usr/bin/env python3
"""Whole-process benchmark driver (stdlib only). Runs every tool on the same input, alternating
(the tool order rotates each round), repeated; wall time by perf_counter around the process,
peak RSS and CPU from /usr/bin/time -v, load1 before each run. Appends raw rows to CSV and prints
a Markdown table: medians with min-max, CPU, peak RSS, the load during each tool's runs, the
single-core throughput (MB of input per CPU-second, user+sys, so that more threads do not count as
faster) and the ratios to the reference tool and to DuckDB of the same format and to Python.

    python3 bench.py --suite tools --data DIR --label 200k --reps 5 --csv OUT.csv [--run ID]
    python3 bench.py --suite flags --data DIR --label 10 --reps 10 --csv OUT.csv
    python3 bench.py --issue-table OUT.csv --run ID   # issue 11's table from one run's rows
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
DIST = os.path.join(WORK, "dist")
PY_VENV = os.path.join(HERE, ".venv", "bin", "python")
LAUNCHER = os.path.join(HERE, "qa-export-tuned")
BASE_FLAGS = ""  # the release launcher's own (qa-export-tuned adds QA_EXPORT_JVM_FLAGS after them)


def qa(fmt, flags=BASE_FLAGS, cds=True, extra="", jit="auto"):
    env = {"QA_EXPORT_DIST": DIST, "QA_EXPORT_JVM_FLAGS": flags, "QA_EXPORT_CDS": "1" if cds else "0",
           "QA_EXPORT_JAVA_OPTS": extra, "QA_EXPORT_JIT": jit}
    return (lambda d, o: [LAUNCHER, "--input-dir", d, "--output-dir", o, "--format", fmt, "--quiet"]), env


TOOLS = {
    "qa-export-jsonl": qa("jsonl"),
    "qa-export-parquet": qa("parquet"),
    "python": (lambda d, o: [sys.executable, os.path.join(HERE, "peers", "reference.py"), d, o], {}),
    "jq": (lambda d, o: [os.path.join(HERE, "peers", "jq.sh"), d, o], {}),
    "duckdb-json": (lambda d, o: [PY_VENV, os.path.join(HERE, "peers", "duckdb_export.py"), d, o, "json"], {}),
    "duckdb-parquet": (lambda d, o: [PY_VENV, os.path.join(HERE, "peers", "duckdb_export.py"), d, o, "parquet"], {}),
}

FLAG_VARIANTS = {
    "launcher (SerialGC -Xms16m MaxRAMPercentage=50 -XX:-UsePerfData + AppCDS)": qa("jsonl"),
    "without AppCDS": qa("jsonl", cds=False),
    "tiered (QA_EXPORT_JIT=tiered)": qa("jsonl", extra="", jit="tiered"),
    "-Xshare:off (no CDS at all)": qa("jsonl", cds=False, extra="-Xshare:off"),
    "SerialGC -Xmx256m": qa("jsonl", flags="-XX:+UseSerialGC -Xmx256m -XX:-UsePerfData"),
    "SerialGC -Xms16m -Xmx128m": qa("jsonl", flags="-XX:+UseSerialGC -Xms16m -Xmx128m -XX:-UsePerfData"),
    "SerialGC -Xms64m -Xmx1g, with PerfData": qa("jsonl", flags="-Xms64m -Xmx1g -XX:+UsePerfData"),
    "JVM defaults (G1, no -Xmx)": qa("jsonl", flags=" "),
    "ParallelGC -Xmx1g": qa("jsonl", flags="-XX:+UseParallelGC -Xmx1g -XX:-UsePerfData"),
    "parquet: launcher": qa("parquet"),
    "parquet: without AppCDS": qa("parquet", cds=False),
    "parquet: tiered (QA_EXPORT_JIT=tiered)": qa("parquet", jit="tiered"),
    "parquet: SerialGC -Xmx256m": qa("parquet", flags="-XX:+UseSerialGC -Xmx256m -XX:-UsePerfData"),
}
# Which DuckDB run does the same work (same output format) as each tool.
SAME_FORMAT = {"qa-export-jsonl": "duckdb-json", "qa-export-parquet": "duckdb-parquet", "python": "duckdb-json",
               "jq": "duckdb-json", "duckdb-json": "duckdb-json", "duckdb-parquet": "duckdb-parquet"}
# Issue 11's goals: wall time as a multiple of DuckDB (same format) at 200k/1M, of Python at 10 records.
GOALS = {("qa-export-jsonl", "duckdb"): 0.5, ("qa-export-parquet", "duckdb"): 0.8,
         ("qa-export-jsonl", "python"): 3.0, ("qa-export-parquet", "python"): 8.0}
FIELDS = ["suite", "label", "round", "tool", "wall_s", "rss_mib", "user_s", "sys_s", "load1", "run", "input_mb"]


def load1():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run_once(name, spec, data, out_root):
    make_cmd, env_extra = spec
    out = os.path.join(out_root, name.replace(" ", "_").replace("/", "_"))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    tfile = os.path.join(WORK, "time-v.txt")
    env = dict(os.environ, **env_extra)
    cmd = ["/usr/bin/time", "-v", "-o", tfile] + make_cmd(data, out)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"bench: {name} failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr.decode()[-2000:]}")
    tv = {}
    with open(tfile) as f:
        for line in f:
            k, _, v = line.strip().rpartition(": ")
            tv[k] = v
    return {"wall_s": wall, "rss_mib": int(tv["Maximum resident set size (kbytes)"]) / 1024,
            "user_s": float(tv["User time (seconds)"]), "sys_s": float(tv["System time (seconds)"])}


def med(rows, key):
    return statistics.median(key(r) for r in rows)


def cpu_s(r):
    return float(r["user_s"]) + float(r["sys_s"])


def per_cpu_second(mb, rows):
    """Single-core throughput: MB of input per CPU-second (user+sys), to 3 significant digits."""
    cpu = med(rows, cpu_s)
    return f"{mb / cpu:.3g}" if cpu > 0 else "–"


def group(rows):
    by = {}
    for r in rows:
        by.setdefault(r["tool"], []).append(r)
    return by


def summarize(rows, label, ref, input_mb):
    by = group(rows)
    wall = {t: med(rs, lambda r: float(r["wall_s"])) for t, rs in by.items()}

    def ratio(tool, other):
        return f"{wall[tool] / wall[other]:.2f}" if other in wall else "–"

    same = any(t in SAME_FORMAT for t in by)
    head = f"| {label} | wall median (s) | wall min–max (s) | × {ref} |"
    rule = "|---|---:|---:|---:|"
    if same:
        head += " × duckdb (same format) | × python |"
        rule += "---:|---:|"
    head += " CPU user+sys median (s) | MB input / CPU-s | peak RSS median (MiB) | RSS min–max | load1 min–max |"
    rule += "---:|---:|---:|---:|---:|"
    lines = [head, rule]
    for tool, rs in by.items():
        w = [float(r["wall_s"]) for r in rs]
        m = [float(r["rss_mib"]) for r in rs]
        loads = [float(r["load1"]) for r in rs]
        cpu = med(rs, cpu_s)
        line = f"| {tool} | {statistics.median(w):.3f} | {min(w):.3f}–{max(w):.3f} | {ratio(tool, ref)} |"
        if same:
            line += f" {ratio(tool, SAME_FORMAT.get(tool, ''))} | {ratio(tool, 'python')} |"
        throughput = per_cpu_second(input_mb, rs)
        line += (f" {cpu:.2f} | {throughput} | {statistics.median(m):.0f} | {min(m):.0f}–{max(m):.0f} "
                 f"| {min(loads):.2f}–{max(loads):.2f} |")
        lines.append(line)
    return "\n".join(lines)


def issue_table(csv_path, run):
    """Issue 11's table from one alternating run: qa-export against DuckDB (same format) at every
    size, and against the Python reference at 10 records, each with its goal."""
    with open(csv_path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("run") == run and r["suite"] == "tools"]
    labels = list(dict.fromkeys(r["label"] for r in rows))
    lines = ["| size | format | qa-export wall (s) | peer | peer wall (s) | ratio | goal | met | qa-export MB/CPU-s "
             "| peer MB/CPU-s | qa-export peak RSS (MiB) | load1 |",
             "|---|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"]
    for label in labels:
        by = group(r for r in rows if r["label"] == label)
        for tool, fmt in (("qa-export-jsonl", "JSONL"), ("qa-export-parquet", "Parquet")):
            peers = [SAME_FORMAT[tool]] + (["python"] if label == "10" else [])
            for peer in peers:
                if tool not in by or peer not in by:
                    continue
                mine, theirs = by[tool], by[peer]
                w, pw = med(mine, lambda r: float(r["wall_s"])), med(theirs, lambda r: float(r["wall_s"]))
                # The DuckDB goals are for the large inputs, the Python ones for start-up (10 records).
                kind = "python" if peer == "python" else "duckdb"
                goal = GOALS.get((tool, kind)) if (kind == "python") == (label == "10") else None
                met = "–" if goal is None else ("yes" if w / pw <= goal else "**no**")
                mb = float(mine[0]["input_mb"])
                loads = [float(r["load1"]) for r in mine + theirs]
                lines.append(
                    f"| {label} | {fmt} | {w:.3f} ({min(float(r['wall_s']) for r in mine):.3f}–"
                    f"{max(float(r['wall_s']) for r in mine):.3f}) | {peer} | {pw:.3f} | {w / pw:.2f}× "
                    f"| {'–' if goal is None else f'≤ {goal}×'} | {met} | {per_cpu_second(mb, mine)} "
                    f"| {per_cpu_second(mb, theirs)} | {med(mine, lambda r: float(r['rss_mib'])):.0f} "
                    f"| {min(loads):.2f}–{max(loads):.2f} |")
    return "\n".join(lines)


def input_megabytes(data):
    return sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data)
               if n.startswith("qa_") and n.endswith(".jsonl")) / 1e6


def open_csv(path):
    """Appends to path; an older file with other columns is moved aside rather than mixed."""
    if os.path.exists(path):
        with open(path, newline="") as f:
            header = next(csv.reader(f), None)
        if header != FIELDS:
            os.replace(path, path + f".old-{int(time.time())}")
    new_file = not os.path.exists(path)
    f = open(path, "a", newline="")
    w = csv.DictWriter(f, fieldnames=FIELDS)
    if new_file:
        w.writeheader()
    return f, w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", choices=["tools", "flags"], default="tools")
    ap.add_argument("--data")
    ap.add_argument("--label")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", help="comma-separated subset of tools/variants")
    ap.add_argument("--csv")
    ap.add_argument("--ref", default=None)
    ap.add_argument("--keep-outputs", help="leave the last round's outputs here (for verify.py)")
    ap.add_argument("--run", default=time.strftime("%Y%m%dT%H%M%S", time.gmtime()),
                    help="this run's id in the CSV (bench/run.sh passes one id to every size)")
    ap.add_argument("--issue-table", metavar="CSV", help="print issue 11's table for --run from CSV")
    args = ap.parse_args()
    if args.issue_table:
        print(issue_table(args.issue_table, args.run))
        return
    if not (args.data and args.label and args.csv):
        ap.error("--data, --label and --csv are needed to run a suite")
    table = TOOLS if args.suite == "tools" else FLAG_VARIANTS
    names = list(table) if not args.only else [n for n in table if n in args.only.split(",")]
    ref = args.ref or ("duckdb-json" if args.suite == "tools" else names[0])
    out_root = args.keep_outputs or os.path.join(WORK, "out-scratch")
    input_mb = input_megabytes(args.data)
    # Warm-up round (page cache, CDS archive dump, JIT-independent): not recorded.
    for n in names:
        run_once(n, table[n], args.data, out_root)
    rows = []
    f, w = open_csv(args.csv)
    with f:
        for rnd in range(args.reps):
            order = names[rnd % len(names):] + names[:rnd % len(names)]
            for n in order:
                l1 = load1()
                r = run_once(n, table[n], args.data, out_root)
                r.update(suite=args.suite, label=args.label, round=rnd, tool=n, load1=l1, run=args.run,
                         input_mb=round(input_mb, 3))
                rows.append(r)
                w.writerow(r)
                f.flush()
                print(f"  {args.label} round {rnd} {n:36} {r['wall_s']:7.3f} s {r['rss_mib']:6.0f} MiB (load {l1})",
                      file=sys.stderr)
    rows.sort(key=lambda r: names.index(r["tool"]))
    print(summarize(rows, args.label, ref, input_mb))


if __name__ == "__main__":
    main()
