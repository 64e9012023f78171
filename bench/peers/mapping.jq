# SPEC section 2 mapping in jq. Use: jq -c [--arg rejected 1] -f mapping.jq
def persona:
  if type == "object" then "\(.roll // "unknown")/\(.erfarenhet // "unknown")"
  elif type == "string" and . != "" then .
  else "unknown" end;
{
  question: (.question // ""),
  answer: (.answer // ""),
  source: (.source_document // ""),
  persona: (.persona | persona),
  validation_score: ((.validation.composite_score // 0.0) + 0.0)
}
+ (if $rejected == "1" then {failure_reason: (.validation.failure_reason // "unknown")} else {} end)
