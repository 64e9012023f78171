#!/usr/bin/env python3
"""Whole-process benchmark driver (stdlib only). Runs every tool on the same input, alternating
(the tool order rotates each round), repeated; wall time by perf_counter around the process,
peak RSS and CPU from /usr/bin/time -v. Appends raw rows to CSV and prints a Markdown table with
medians, min-max and the ratio to a reference tool.

    python3 bench.py --suite tools --data DIR --label 200k --reps 5 --csv OUT.csv
    python3 bench.py --suite flags --data DIR --label 10 --reps 10 --csv OUT.csv
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
BASE_FLAGS = "-XX:+UseSerialGC -Xms64m -Xmx1g"  # exactly ../qa-export's


def qa(fmt, flags=BASE_FLAGS, cds=False, extra=""):
    env = {"QA_EXPORT_DIST": DIST, "QA_EXPORT_JVM_FLAGS": flags, "QA_EXPORT_CDS": "1" if cds else "0",
           "QA_EXPORT_JAVA_OPTS": extra}
    return (lambda d, o: [LAUNCHER, "--input-dir", d, "--output-dir", o, "--format", fmt, "--quiet"]), env


TOOLS = {
    "qa-export-jsonl": qa("jsonl"),
    "qa-export-parquet": qa("parquet"),
    "python": (lambda d, o: [sys.executable, os.path.join(HERE, "peers", "reference.py"), d, o], {}),
    "jq": (lambda d, o: [os.path.join(HERE, "peers", "jq.sh"), d, o], {}),
    "duckdb-json": (lambda d, o: [PY_VENV, os.path.join(HERE, "peers", "duckdb_export.py"), d, o, "json"], {}),
    "duckdb-parquet": (lambda d, o: [PY_VENV, os.path.join(HERE, "peers", "duckdb_export.py"), d, o, "parquet"], {}),
}

C1 = "-XX:TieredStopAtLevel=1"
FLAG_VARIANTS = {
    "launcher (SerialGC -Xms64m -Xmx1g)": qa("jsonl"),
    "+ AppCDS": qa("jsonl", cds=True),
    "+ TieredStopAtLevel=1": qa("jsonl", extra=C1),
    "+ AppCDS + TieredStopAtLevel=1": qa("jsonl", cds=True, extra=C1),
    "-Xshare:off (no CDS at all)": qa("jsonl", extra="-Xshare:off"),
    "SerialGC -Xmx256m": qa("jsonl", flags="-XX:+UseSerialGC -Xmx256m"),
    "SerialGC -Xms16m -Xmx128m": qa("jsonl", flags="-XX:+UseSerialGC -Xms16m -Xmx128m"),
    "SerialGC -Xms256m -Xmx1g": qa("jsonl", flags="-XX:+UseSerialGC -Xms256m -Xmx1g"),
    "+ AppCDS + C1 + -XX:-UsePerfData": qa("jsonl", cds=True, extra=C1 + " -XX:-UsePerfData"),
    "JVM defaults (G1, no -Xmx)": qa("jsonl", flags=" "),
    "ParallelGC -Xmx1g": qa("jsonl", flags="-XX:+UseParallelGC -Xmx1g"),
    "proposed: SerialGC -Xms16m -Xmx1g -XX:-UsePerfData + AppCDS":
        qa("jsonl", flags="-XX:+UseSerialGC -Xms16m -Xmx1g -XX:-UsePerfData", cds=True),
    "parquet: launcher": qa("parquet"),
    "parquet: proposed (as above)":
        qa("parquet", flags="-XX:+UseSerialGC -Xms16m -Xmx1g -XX:-UsePerfData", cds=True),
    "parquet: + AppCDS + C1": qa("parquet", cds=True, extra=C1),
    "parquet: SerialGC -Xmx256m": qa("parquet", flags="-XX:+UseSerialGC -Xmx256m"),
}


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


def summarize(rows, label, ref):
    by = {}
    for r in rows:
        by.setdefault(r["tool"], []).append(r)
    ref_med = statistics.median(r["wall_s"] for r in by[ref]) if ref in by else None
    lines = [f"| {label} | wall median (s) | wall min–max (s) | × {ref} | CPU user+sys median (s) | peak RSS median (MiB) | RSS min–max |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for tool, rs in by.items():
        w = [r["wall_s"] for r in rs]
        m = [r["rss_mib"] for r in rs]
        cpu = statistics.median(r["user_s"] + r["sys_s"] for r in rs)
        ratio = f"{statistics.median(w) / ref_med:.2f}" if ref_med else "–"
        lines.append(f"| {tool} | {statistics.median(w):.3f} | {min(w):.3f}–{max(w):.3f} | {ratio} | {cpu:.2f} "
                     f"| {statistics.median(m):.0f} | {min(m):.0f}–{max(m):.0f} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", choices=["tools", "flags"], default="tools")
    ap.add_argument("--data", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", help="comma-separated subset of tools/variants")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--ref", default=None)
    ap.add_argument("--keep-outputs", help="leave the last round's outputs here (for verify.py)")
    args = ap.parse_args()
    table = TOOLS if args.suite == "tools" else FLAG_VARIANTS
    names = list(table) if not args.only else [n for n in table if n in args.only.split(",")]
    ref = args.ref or ("duckdb-json" if args.suite == "tools" else names[0])
    out_root = args.keep_outputs or os.path.join(WORK, "out-scratch")
    # Warm-up round (page cache, CDS archive dump, JIT-independent): not recorded.
    for n in names:
        run_once(n, table[n], args.data, out_root)
    rows = []
    new_file = not os.path.exists(args.csv)
    with open(args.csv, "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["suite", "label", "round", "tool", "wall_s", "rss_mib", "user_s", "sys_s", "load1"])
        if new_file:
            w.writeheader()
        for rnd in range(args.reps):
            order = names[rnd % len(names):] + names[:rnd % len(names)]
            for n in order:
                l1 = load1()
                r = run_once(n, table[n], args.data, out_root)
                r.update(suite=args.suite, label=args.label, round=rnd, tool=n, load1=l1)
                rows.append(r)
                w.writerow(r)
                f.flush()
                print(f"  {args.label} round {rnd} {n:36} {r['wall_s']:7.3f} s {r['rss_mib']:6.0f} MiB (load {l1})",
                      file=sys.stderr)
    rows.sort(key=lambda r: names.index(r["tool"]))
    print(summarize(rows, args.label, ref))


if __name__ == "__main__":
    main()
