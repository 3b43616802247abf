import { CadreRecord, Dataset, Finding, MeetingRecord, Period, Settings } from "../../src/core/model";
import { CheckContext, makeContext } from "../../src/core/rules/context";
import { Rule, Runs } from "../../src/core/rules/rule";
import { YEAR_2026, dataset, settings } from "./records";

/** A rule run on records from ./records, with the check's own context: period 2026 and settings() unless given. */
export function context(ds: Dataset = dataset(), s: Settings = settings(), period: Period = YEAR_2026): CheckContext {
  return makeContext(ds, [], s, period);
}

/**
 * What a rule found, held to its declaration: every finding carries the rule's
 * id and one of the severities it declares, so a rule test also proves
 * docs/RULES.md right about that rule.
 */
function declared(rule: Rule, out: Finding[]): Finding[] {
  for (const f of out) {
    if (f.rule !== rule.id) throw new Error(`${rule.id} gave a finding of ${f.rule}`);
    if (!rule.severities.includes(f.severity)) throw new Error(`${rule.id} gave a ${f.severity}; it declares ${rule.severities.join(", ")}`);
  }
  return out;
}

function runOf<S extends keyof Runs>(rule: Rule, scope: S): Runs[S] {
  const run = (rule.run as Partial<Runs>)[scope];
  if (!run) throw new Error(`${rule.id} does not look at ${scope}`);
  return run;
}

export function runMeetingRule(rule: Rule, m: MeetingRecord, s: Settings = settings(), period: Period = YEAR_2026): Finding[] {
  const out: Finding[] = [];
  runOf(rule, "meeting")(m, context(dataset({ meetings: [m] }), s, period), out);
  return declared(rule, out);
}

export function runCadreRule(rule: Rule, c: CadreRecord, s: Settings = settings(), period: Period = YEAR_2026): Finding[] {
  const out: Finding[] = [];
  runOf(rule, "cadre")(c, context(dataset({ cadres: [c] }), s, period), out);
  return declared(rule, out);
}

export function runTableRule(rule: Rule, ds: Dataset, s: Settings = settings(), period: Period = YEAR_2026): Finding[] {
  const out: Finding[] = [];
  runOf(rule, "table")(ds, context(ds, s, period), out);
  return declared(rule, out);
}
