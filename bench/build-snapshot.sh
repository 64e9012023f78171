#!/usr/bin/env bash
# Builds a frozen copy of qa-export for benchmarking, so colleagues' edits (and the launcher's
# rebuild-on-change) cannot change the binary in the middle of a run.
#
#   BENCH_SOURCE=head (default): `git archive HEAD` -> $TMPDIR/qa-export-bench-src, built there
#   BENCH_SOURCE=worktree:       the current working tree (uncommitted edits included) is copied
#
# Result: bench/work/dist, the release layout (bin/qa-export, lib/ with the class list, plugins/),
# and bench/work/dist/SOURCE (commit and mode).
# (bench/jmh builds in the reactor with -Pbench; see bench/jmh/run.sh.)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
# Outside the repo: ../qa-export rebuilds whenever a *.java or pom.xml under the repo (bench/
# included) is newer than its stamp.
src="${BENCH_SRC_DIR:-${TMPDIR:-/tmp}/qa-export-bench-src}"
dist="$bench/work/dist"
mode="${BENCH_SOURCE:-head}"

rm -rf "$src" && mkdir -p "$src"
commit="$(git -C "$root" rev-parse --short HEAD)"
if [[ "$mode" == head ]]; then
  git -C "$root" archive HEAD | tar -x -C "$src"
else
  (cd "$root" && tar --exclude=./bench --exclude='./.venv*' --exclude=./.git --exclude='*/target' -cf - .) | tar -x -C "$src"
  commit="$commit+worktree"
fi
rm -rf "$src/bench"
echo "bench: building qa-export ($mode, $commit) in $src ..." >&2
# package, not install: the reactor resolves the modules from each other; ~/.m2 stays untouched.
(cd "$src" && mvn -B -q -o -Dstyle.color=never -Dmaven.test.skip=true -Dassembly.skipAssembly=true package) >"$bench/work/build.log" 2>&1 \
  || { tail -40 "$bench/work/build.log" >&2; exit 1; }
rm -rf "$dist" && mkdir -p "$(dirname "$dist")"
cp -r "$src"/dist/target/qa-export-*/ "$dist"
echo "$commit ($mode)" > "$dist/SOURCE"
echo "bench: snapshot in $dist ($commit)" >&2
