#!/usr/bin/env python3
"""Issue 21's peer comparison in one alternating run (stdlib only; the peers run in a venv).

Three inputs by default (bench/generate.py's varied, swedish and llm-escapes styles, same size),
each exported by qa-export (JSONL and Parquet, through the launcher as users run it), DuckDB
(COPY ... TO), polars (scan_ndjson -> select -> sink_ndjson / sink_parquet) and the Python
reference (stdlib json, one thread). Every round runs every tool once on every input, the tools
in an order that rotates from round to round (so a noisy minute hits each tool in turn). Each
run: wall time (perf_counter around the process), user+sys CPU-seconds and peak RSS
(`/usr/bin/time -f`), the load averages before and after. Then the bundled examples/qa
(14 records) for start-up, every output of the last round checked against qa-export's JSONL
(verify.py), and a Markdown summary: medians, MB of input per CPU-second and the ratios
qa-export / peer.

    python3 bench/compare.py                                  # 200k records, 3 rounds, ~25 min
    python3 bench/compare.py --records 20k --rounds 1         # a quick look
    python3 bench/compare.py --variant 'keep5=--keep-columns question_type,category,section,confidence:float64,generated_at'
    python3 bench/compare.py --qa-args '--compression zstd' --tools qa-export-parquet,duckdb-parquet

--qa-args adds arguments to every qa-export run; --variant LABEL=ARGS (repeatable) adds the
tools qa-export-jsonl+LABEL and qa-export-parquet+LABEL, which run with ARGS added, alternating
with the others, and the summary gives their CPU as a ratio to the plain runs. The launcher is
../qa-export (the source tree's: a build or class-data archive it makes happens in the untimed
warm-up; the run stops if the jar changes during the run) unless --launcher names another.

Results in --work-dir (default bench/work/compare): runs.csv (one row per run, appended),
summary-RUN.md, out/STYLE/TOOL/ (the last round's outputs). Inputs in --data-dir (default
bench/work/data), generated when missing. Peers: --python (default bench/.venv/bin/python, made
from requirements.txt when missing).
"""
import argparse
import csv
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXAMPLES = os.path.join(ROOT, "examples", "qa")
STYLES = ["varied", "swedish", "llm-escapes"]
FIELDS = ["run", "suite", "input", "round", "position", "tool", "wall_s", "time_wall_s", "user_s", "sys_s",
          "cpu_s", "rss_mib", "load1", "load5", "load15", "load1_after", "input_mb", "started_utc"]


def records(text):
    t = text.strip().lower()
    mult = {"k": 1000, "m": 1000000}.get(t[-1:], 1)
    return int(float(t.rstrip("km")) * mult)


def label(n):
    return f"{n // 1000000}M" if n % 1000000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def tool_table(args):
    """name -> (format, function(input_dir, output_dir) -> argv)."""
    py = args.python
    peers = os.path.join(HERE, "peers")
    qa_extra = shlex.split(args.qa_args or "")

    def qa(fmt, extra):
        fmt_args = ["--format", "parquet"] if fmt == "parquet" else []
        return lambda d, o: ([args.launcher, "--input-dir", d, "--output-dir", o] + fmt_args
                             + ["--quiet", "--no-dataset-card"] + qa_extra + extra)

    table = {
        "qa-export-jsonl": ("jsonl", qa("jsonl", [])),
        "qa-export-parquet": ("parquet", qa("parquet", [])),
    }
    for spec in args.variant:
        name, _, rest = spec.partition("=")
        if not name or not rest:
            sys.exit(f"compare: --variant wants LABEL=ARGS, got {spec!r}")
        for fmt in ("jsonl", "parquet"):
            table[f"qa-export-{fmt}+{name}"] = (fmt, qa(fmt, shlex.split(rest)))
    table.update({
        "duckdb-jsonl": ("jsonl", lambda d, o: [py, os.path.join(peers, "duckdb_export.py"), d, o, "json"]),
        "duckdb-parquet": ("parquet", lambda d, o: [py, os.path.join(peers, "duckdb_export.py"), d, o, "parquet"]),
        "polars-jsonl": ("jsonl", lambda d, o: [py, os.path.join(peers, "polars_export.py"), d, o, "json"]),
        "polars-parquet": ("parquet", lambda d, o: [py, os.path.join(peers, "polars_export.py"), d, o, "parquet"]),
        # The seed's algorithm: stdlib json, line by line, one thread (system python3, no venv needed).
        "python-jsonl": ("jsonl", lambda d, o: [args.reference_python, os.path.join(peers, "reference.py"), d, o]),
        "jq-jsonl": ("jsonl", lambda d, o: [os.path.join(peers, "jq.sh"), d, o]),
    })
    return table


def run_once(argv, out, tfile, errfile):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    os.sync()  # the previous run's dirty pages are not written back during this one
    before = loadavg()
    cmd = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tfile] + argv
    with open(errfile, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - t0
    if p.returncode != 0:
        with open(errfile, errors="replace") as f:
            tail = f.read()[-3000:]
        sys.exit(f"compare: failed ({p.returncode}): {shlex.join(argv)}\n{tail}")
    with open(tfile) as f:
        e, user, system, rss_kb = f.read().split()[-4:]
    return {"wall_s": round(wall, 4), "time_wall_s": float(e), "user_s": float(user), "sys_s": float(system),
            "cpu_s": round(float(user) + float(system), 2), "rss_mib": round(int(rss_kb) / 1024, 1),
            "load1": before[0], "load5": before[1], "load15": before[2], "load1_after": loadavg()[0]}


def input_mb(d):
    return sum(os.path.getsize(os.path.join(d, n)) for n in ("qa_passed.jsonl", "qa_rejected.jsonl")
               if os.path.exists(os.path.join(d, n))) / 1e6


def ensure_python(args):
    if args.python:
        return
    venv = os.path.join(HERE, ".venv")
    args.python = os.path.join(venv, "bin", "python")
    ok = os.path.exists(args.python) and subprocess.run(
        [args.python, "-c", "import duckdb, polars"], capture_output=True).returncode == 0
    if not ok:
        print("compare: making bench/.venv from requirements.txt", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([args.python, "-m", "pip", "install", "-q", "--retries", "0", "--timeout", "5", "-r",
                        os.path.join(HERE, "requirements.txt")], check=True)


def ensure_inputs(args, n):
    dirs = {}
    for style in args.styles:
        d = os.path.join(args.data_dir, f"{style}-{label(n)}")
        if not os.path.exists(os.path.join(d, ".done")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--style", style, "--records", str(n),
                            "--out-dir", d, "--seed", str(args.seed)], check=True)
            open(os.path.join(d, ".done"), "w").close()
        dirs[style] = d
    return dirs


def versions(args):
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip() or \
                subprocess.run(cmd, capture_output=True, text=True).stderr.strip()
        except OSError:
            return "?"
    peer = out([args.python, "-c", "import duckdb, polars, platform; print('duckdb', duckdb.__version__, "
                "'/ polars', polars.__version__, '/ Python', platform.python_version())"])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    head = out(["git", "-C", ROOT, "log", "-1", "--format=%h"])
    # The last commit that changed the product (bench/ goes into no jar).
    product = out(["git", "-C", ROOT, "log", "-1", "--format=%h (%cd, \"%<(60,trunc)%s\")", "--date=short",
                   "--", ".", ":!bench"]).replace("  ", "")
    commit = f"HEAD {head}, product code as of {product}"
    dirty = out(["git", "-C", ROOT, "status", "--porcelain", "--", ".", ":!bench"])
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1048576
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"commit": commit + (" (+ uncommitted changes outside bench/)" if dirty else ""), "java": java,
            "peers": peer, "reference": f"Python {platform.python_version()} ({args.reference_python})",
            "machine": f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB", "jq": out(["jq", "--version"])}


def jar_stamp(launcher):
    jar = os.path.join(os.path.dirname(os.path.abspath(launcher)), "app-cli", "target", "qa-export.jar")
    return os.path.getmtime(jar) if os.path.exists(jar) else None


def run_suite(args, suite, inputs, tools, table, rounds, run_id, writer, f, out_root):
    rows = []
    tfile = os.path.join(args.work_dir, "time.txt")
    errfile = os.path.join(args.work_dir, "stderr.txt")
    names = list(inputs)
    for rnd in range(rounds):
        wait_quiet(args)
        k = rnd % len(names)
        for name in names[k:] + names[:k]:
            d = inputs[name]
            mb = input_mb(d)
            j = rnd % len(tools)
            order = tools[j:] + tools[:j]
            for pos, tool in enumerate(order):
                out = os.path.join(out_root, name, tool)
                r = run_once(table[tool][1](d, out), out, tfile, errfile)
                r.update(run=run_id, suite=suite, input=name, round=rnd, position=pos, tool=tool,
                         input_mb=round(mb, 3), started_utc=time.strftime("%H:%M:%S", time.gmtime()))
                rows.append(r)
                writer.writerow(r)
                f.flush()
                print(f"  {suite} {name:12} round {rnd} {tool:28} {r['wall_s']:7.2f} s wall {r['cpu_s']:6.2f} CPU-s "
                      f"{r['rss_mib']:6.0f} MiB  load {r['load1']:.2f}", file=sys.stderr)
    return rows


def wait_quiet(args):
    """With --wait-quiet: before a round, wait (up to --wait-max minutes) until load1 < LOAD1. Per
    round, not per run, so every tool of a round meets the same machine."""
    if not args.wait_quiet:
        return
    deadline = time.time() + args.wait_max * 60
    while loadavg()[0] >= args.wait_quiet and time.time() < deadline:
        print(f"compare: waiting for load1 < {args.wait_quiet}: {loadavg()}", file=sys.stderr)
        time.sleep(20)


def med(rows, key):
    return statistics.median(float(r[key]) for r in rows)


def span(rows, key, fmt="{:.2f}"):
    vals = [float(r[key]) for r in rows]
    return (fmt + "–" + fmt).format(min(vals), max(vals))


def tool_rows_table(rows, tools, mb):
    lines = ["| tool | wall median (s) | wall min–max | CPU-s median | CPU-s min–max | MB / CPU-s | peak RSS median "
             "(MiB) | RSS min–max | load1 before, min–max |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in tools:
        rs = [r for r in rows if r["tool"] == t]
        if not rs:
            continue
        cpu = med(rs, "cpu_s")
        lines.append(f"| {t} | {med(rs, 'wall_s'):.2f} | {span(rs, 'wall_s')} | {cpu:.2f} | {span(rs, 'cpu_s')} "
                     f"| {mb / cpu:.1f} | {med(rs, 'rss_mib'):.0f} | {span(rs, 'rss_mib', '{:.0f}')} "
                     f"| {span(rs, 'load1')} |")
    return "\n".join(lines)


def ratio_table(rows_by_input, table):
    """qa-export / peer for wall, CPU and RSS, per input and format."""
    lines = ["| input | format | peer | wall × | CPU × | RSS × | qa-export MB/CPU-s | peer MB/CPU-s |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for name, rows in rows_by_input.items():
        by = {}
        for r in rows:
            by.setdefault(r["tool"], []).append(r)
        mb = float(rows[0]["input_mb"])
        for fmt in ("jsonl", "parquet"):
            mine = by.get(f"qa-export-{fmt}")
            if not mine:
                continue
            peers = [t for t in by if table[t][0] == fmt and not t.startswith("qa-export")]
            for peer in peers:
                theirs = by[peer]
                lines.append(
                    f"| {name} | {fmt} | {peer} | {med(mine, 'wall_s') / med(theirs, 'wall_s'):.2f} "
                    f"| {med(mine, 'cpu_s') / med(theirs, 'cpu_s'):.2f} | {med(mine, 'rss_mib') / med(theirs, 'rss_mib'):.2f} "
                    f"| {mb / med(mine, 'cpu_s'):.1f} | {mb / med(theirs, 'cpu_s'):.1f} |")
    return "\n".join(lines)


def variant_table(rows_by_input):
    lines = ["| input | variant | CPU-s median | × plain (CPU) | wall × plain | RSS × plain |", "|---|---|---:|---:|---:|---:|"]
    found = False
    for name, rows in rows_by_input.items():
        by = {}
        for r in rows:
            by.setdefault(r["tool"], []).append(r)
        for t in by:
            if "+" not in t:
                continue
            base = by.get(t.split("+", 1)[0])
            if not base:
                continue
            found = True
            v = by[t]
            lines.append(f"| {name} | {t} | {med(v, 'cpu_s'):.2f} | {med(v, 'cpu_s') / med(base, 'cpu_s'):.2f} "
                         f"| {med(v, 'wall_s') / med(base, 'wall_s'):.2f} | {med(v, 'rss_mib') / med(base, 'rss_mib'):.2f} |")
    return "\n".join(lines) if found else ""


def startup_table(rows, tools):
    ref = [r for r in rows if r["tool"] == "python-jsonl"]
    lines = ["| tool | wall median (s) | wall min–max | × python (wall) | CPU-s median | peak RSS median (MiB) | load1 min–max |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for t in tools:
        rs = [r for r in rows if r["tool"] == t]
        if not rs:
            continue
        x = f"{med(rs, 'wall_s') / med(ref, 'wall_s'):.2f}" if ref else "–"
        lines.append(f"| {t} | {med(rs, 'wall_s'):.3f} | {span(rs, 'wall_s', '{:.3f}')} | {x} | {med(rs, 'cpu_s'):.2f} "
                     f"| {med(rs, 'rss_mib'):.0f} | {span(rs, 'load1')} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--records", default="200k", help="records per input (200k, 1M, 20000); default 200k")
    ap.add_argument("--styles", default=",".join(STYLES), help="generate.py styles (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tools", help="comma-separated subset (default: all but jq-jsonl)")
    ap.add_argument("--qa-args", default="", help="extra arguments for every qa-export run (one string)")
    ap.add_argument("--variant", action="append", default=[], metavar="LABEL=ARGS",
                    help="also run qa-export with ARGS added, as qa-export-{jsonl,parquet}+LABEL (repeatable)")
    ap.add_argument("--launcher", default=os.path.join(ROOT, "qa-export"))
    ap.add_argument("--python", help="Python with duckdb and polars (default: bench/.venv, made when missing)")
    ap.add_argument("--reference-python", default=shutil.which("python3") or sys.executable,
                    help="the interpreter for the Python reference (default: python3)")
    ap.add_argument("--startup-rounds", type=int, default=10, help="rounds on examples/qa (0: none)")
    ap.add_argument("--data-dir", default=os.path.join(HERE, "work", "data"))
    ap.add_argument("--work-dir", default=os.path.join(HERE, "work", "compare"))
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--verify-stride", type=int, default=1)
    ap.add_argument("--wait-quiet", type=float, metavar="LOAD1",
                    help="before each round, wait until the 1-minute load is below LOAD1")
    ap.add_argument("--wait-max", type=float, default=20, help="minutes to wait at most, per round (default 20)")
    args = ap.parse_args()

    if not os.path.exists("/usr/bin/time"):
        sys.exit("compare: needs GNU time (/usr/bin/time; apt-get install -y time)")
    ensure_python(args)
    n = records(args.records)
    args.styles = [s for s in args.styles.split(",") if s]
    os.makedirs(args.work_dir, exist_ok=True)
    table = tool_table(args)
    tools = [t for t in table if t != "jq-jsonl"] if not args.tools else args.tools.split(",")
    tools += [t for t in table if "+" in t and t not in tools]
    unknown = [t for t in tools if t not in table]
    if unknown:
        sys.exit(f"compare: unknown tools {unknown}; known: {list(table)}")
    if "jq-jsonl" in tools and not shutil.which("jq"):
        sys.exit("compare: jq-jsonl needs jq")
    for var in ("QA_EXPORT_JAVA_OPTS", "QA_EXPORT_C1_BELOW", "QA_EXPORT_JVM_FLAGS"):
        os.environ.pop(var, None)  # the launcher as users run it
    inputs = ensure_inputs(args, n)

    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out_root = os.path.join(args.work_dir, "out")
    shutil.rmtree(out_root, ignore_errors=True)
    info = versions(args)
    # Warm-up, untimed: the launcher's build and class-data archive if due, .pyc files, the page cache.
    print("compare: warm-up (examples/qa through every tool; inputs read once)", file=sys.stderr)
    for t in tools:
        subprocess.run(table[t][1](EXAMPLES, os.path.join(args.work_dir, "warmup", t)), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
    for d in inputs.values():
        for name in ("qa_passed.jsonl", "qa_rejected.jsonl"):
            with open(os.path.join(d, name), "rb") as fin:
                while fin.read(1 << 24):
                    pass
    stamp = jar_stamp(args.launcher)

    csv_path = os.path.join(args.work_dir, "runs.csv")
    new = not os.path.exists(csv_path)
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    load_start = loadavg()
    with open(csv_path, "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        if new:
            w.writeheader()
        rows = run_suite(args, "peers", inputs, tools, table, args.rounds, run_id, w, f, out_root)
        startup = []
        if args.startup_rounds:
            startup = run_suite(args, "startup", {"examples-14": EXAMPLES}, tools, table, args.startup_rounds,
                                run_id, w, f, os.path.join(args.work_dir, "out-startup"))
    finished = time.strftime("%H:%M:%S UTC", time.gmtime())
    if jar_stamp(args.launcher) != stamp:
        print("compare: WARNING: qa-export's jar changed during the run (the launcher rebuilt it)", file=sys.stderr)

    verify_text = {}
    if not args.no_verify:
        for name in inputs:
            p = subprocess.run([args.python, os.path.join(HERE, "verify.py"), os.path.join(out_root, name),
                                "--stride", str(args.verify_stride), "--expect", ",".join(tools)],
                               capture_output=True, text=True)
            verify_text[name] = (p.returncode, p.stdout + p.stderr)
            print(p.stdout, file=sys.stderr)

    cmd = "python3 bench/compare.py " + shlex.join(sys.argv[1:])
    md = [f"## Run {run_id}: {len(inputs)} inputs × {len(tools)} tools × {args.rounds} rounds, alternating",
          "",
          f"- **When:** {started} – {finished}; 1-minute load at the start {load_start[0]:.2f} "
          f"(5-min {load_start[1]:.2f}); every run's load is in the tables and in `runs.csv`",
          f"- **qa-export:** commit {info['commit']}, run through `{os.path.relpath(args.launcher, ROOT)}`"
          f"{' with ' + repr(args.qa_args) if args.qa_args else ''}; {info['java']}",
          f"- **Peers:** {info['peers']}; reference: {info['reference']}; {info['jq']}",
          f"- **Machine:** {info['machine']}",
          f"- **Command:** `{cmd}`",
          ""]
    by_input = {}
    for r in rows:
        by_input.setdefault(r["input"], []).append(r)
    for name, rs in by_input.items():
        mb = float(rs[0]["input_mb"])
        md += [f"### {name}: {label(n)} records, {mb:.0f} MB ({mb * 1e6 / 1048576:.0f} MiB), {args.rounds} rounds", "",
               tool_rows_table(rs, tools, mb), ""]
    md += ["### Ratios qa-export / peer (medians; below 1 = qa-export faster or smaller)", "",
           ratio_table(by_input, table), ""]
    vt = variant_table(by_input)
    if vt:
        md += ["### qa-export variants against the plain run", "", vt, ""]
    if startup:
        md += [f"### Start-up: examples/qa (14 records), {args.startup_rounds} rounds", "",
               startup_table(startup, tools), ""]
    for name, (rc, text) in verify_text.items():
        md += [f"### verify.py, {name} (last round's outputs against qa-export-jsonl): "
               f"{'all OK' if rc == 0 else '**MISMATCH**'}", "", "```", text.strip(), "```", ""]
    summary = os.path.join(args.work_dir, f"summary-{run_id}.md")
    with open(summary, "w") as f:
        f.write("\n".join(md))
    print("\n".join(md))
    print(f"compare: summary in {summary}; raw rows in {csv_path}", file=sys.stderr)
    if any(rc for rc, _ in verify_text.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
