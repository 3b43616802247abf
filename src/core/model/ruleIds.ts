// Written by `npm run rules` from the rule declarations of src/core/rules (defineRule). Do not edit.

/** Every rule's id, in the order of docs/RULES.md. */
export const RULE_IDS = [
  "required",
  "type/date",
  "type/integer",
  "type/number",
  "enum",
  "text/spaces",
  "text/legacy-encoding",
  "text/unicode-form",
  "cadre/age",
  "cadre/joined",
  "meeting/attendance-sum",
  "meeting/present-gt-total",
  "meeting/future",
  "meeting/duration",
  "meeting/topic-missing",
  "meeting/rating-score",
  "meeting/quality",
  "cadre/duplicate",
  "cell/secretary-count",
  "xref/cell",
  "meeting/duplicate",
  "cell/monthly",
  "cell/quarterly-thematic",
  "sheet/not-understood",
  "sheet/unreadable",
] as const;
export type RuleId = (typeof RULE_IDS)[number];
