import { RULE_LABELS, type RuleId } from "../core/model";
import type { Lang } from "../app/errors";

/**
 * A rule's short name, shown beside its id in the findings list. From the
 * rule's declaration, through the data `npm run rules` writes beside RULE_IDS:
 * the pane's page does not load the rules themselves (they run in the engine).
 */
export function ruleLabel(rule: RuleId, lang: Lang): string {
  return RULE_LABELS[rule]?.[lang] ?? rule;
}
