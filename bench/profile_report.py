#!/usr/bin/env python3
"""Summarises `jfr print --json --events jdk.ExecutionSample`: the top (self) frames, and each
sample charged to the innermost qa-export frame on its stack (so Jackson's time inside
PairParser counts as PairParser's), plus stage buckets."""
import collections
import json
import sys

STAGES = [  # (stage, any frame containing) - checked from the top of the stack down
    ("UTF-8 validation", "Utf8Validation."),
    ("line splitting (LineSplitter)", "LineSplitter."),
    ("JSON parse (PairParser + Jackson)", "PairParser."),
    ("mapping (RecordMapper)", "RecordMapper."),
    ("JSONL writer (JsonlRecordWriter + Jackson generator)", "JsonlRecordWriter."),
    ("Parquet writer", "adapter/out/parquet/"),
    ("reader loop (JsonlQaPairSource: BOM/blank/copier)", "JsonlQaPairSource."),
    ("export loop (FileExport, service)", "io/qaexport/application/"),
    # JFR sometimes records a partial stack without the qa-export frames; charge by library.
    ("JSON parse (PairParser + Jackson)", "UTF8StreamJsonParser."),
    ("JSON parse (PairParser + Jackson)", "tools/jackson/core/json/DupDetector."),
    ("JSON parse (PairParser + Jackson)", "tools/jackson/core/sym/"),
    ("JSONL writer (JsonlRecordWriter + Jackson generator)", "UTF8JsonGenerator."),
]


def frames(ev):
    return [f"{f['method']['type']['name']}.{f['method']['name']}" for f in ev["values"]["stackTrace"]["frames"]]


def main():
    events = json.load(open(sys.argv[1]))["recording"]["events"]
    n = len(events)
    top = collections.Counter()
    own = collections.Counter()
    stage = collections.Counter()
    for ev in events:
        fs = frames(ev)
        if not fs:
            continue
        top[fs[0]] += 1
        own[next((f for f in fs if f.startswith("io/qaexport/")), "(no qa-export frame: JVM/startup)")] += 1
        stage[next((s for f in fs for s, key in STAGES if key in f), "other (startup, class loading, ...)")] += 1
    print(f"{n} execution samples\n\nstage (innermost qa-export frame decides)")
    for k, v in stage.most_common():
        print(f"  {100 * v / n:5.1f}%  {k}")
    dup = sum(1 for ev in events if any("DupDetector" in f for f in frames(ev)))
    print(f"\n  of which Jackson STRICT_DUPLICATE_DETECTION (DupDetector): {100 * dup / n:.1f}%")
    print("\ninnermost qa-export method (inclusive of library code it calls)")
    for k, v in own.most_common(15):
        print(f"  {100 * v / n:5.1f}%  {k}")
    print("\ntop frames (self time)")
    for k, v in top.most_common(25):
        print(f"  {100 * v / n:5.1f}%  {k}")


if __name__ == "__main__":
    main()
