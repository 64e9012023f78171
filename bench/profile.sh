#!/usr/bin/env bash
# CPU profile of one qa-export JSONL export (default: the 200k-record bench input) with JFR
# (settings=profile: Java execution samples every 10 ms), then a breakdown by qa-export's own code.
#   bench/profile.sh [DATA_DIR] [jsonl|parquet]
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:-$bench/work/data/varied-200k}"
fmt="${2:-jsonl}"
out="$bench/work/profile-$fmt"
jfr="$bench/work/profile-$fmt.jfr"
rm -rf "$out" "$jfr"
# The JDK's profile settings with Java sampling every 1 ms instead of 10 ms (more samples).
jfc="$bench/work/profile-1ms.jfc"
sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$jfc"
QA_EXPORT_DIST="$bench/work/dist" \
QA_EXPORT_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=settings=$jfc,filename=$jfr,dumponexit=true -Xlog:jfr*=off" \
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "$bench/qa-export-tuned" --input-dir "$data" --output-dir "$out" --format "$fmt" --quiet
jfr print --json --events jdk.ExecutionSample "$jfr" > "$bench/work/profile-$fmt.json"
python3 "$bench/profile_report.py" "$bench/work/profile-$fmt.json"
