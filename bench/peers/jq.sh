#!/usr/bin/env bash
# The SPEC section 2 mapping with jq (Debian package), one jq process per file.
#   jq.sh INPUT_DIR OUTPUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$2"
jq -c --arg rejected 0 -f "$here/mapping.jq" "$1/qa_passed.jsonl" > "$2/qa_pairs.jsonl"
if [[ -f "$1/qa_rejected.jsonl" ]]; then
  jq -c --arg rejected 1 -f "$here/mapping.jq" "$1/qa_rejected.jsonl" > "$2/qa_rejected_hf.jsonl"
fi
