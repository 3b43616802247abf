import type { RuleId, Text } from "../core/model";
import { RULES } from "../core/rules/registry";
import type { Lang } from "../app/errors";

/** Each rule's short name, from its declaration, shown beside its id in the findings list. */
const LABELS = new Map<RuleId, Text>(RULES.map((r) => [r.id, r.label]));

export function ruleLabel(rule: RuleId, lang: Lang): string {
  return LABELS.get(rule)?.[lang] ?? rule;
}
