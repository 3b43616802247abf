import { Dataset, DetectedTable, Finding, Period, SeverityCounts, Settings } from "../model";
import { makeContext } from "./context";
import { compareFindings } from "./finding";
import { checkCellProblems } from "./cellProblems";
import { RULES } from "./registry";
import { Runs } from "./rule";

export { attendancePct, meetsQuality } from "../facts";
export { ratingForScore } from "./ratingScore";
export { defaultPeriod } from "./defaultPeriod";
export { PROBLEM_RULES } from "./cellProblems";
export { RULES } from "./registry";
export { type Rule, type Scope, SCOPES, scopesOf } from "./rule";

/** The functions of every rule that looks at `scope`, in the registry's order. */
function runsOf<S extends "cadre" | "meeting" | "table">(scope: S): ReadonlyArray<Runs[S]> {
  const out: Array<Runs[S]> = [];
  for (const rule of RULES) {
    const run = (rule.run as Partial<Runs>)[scope];
    if (run) out.push(run);
  }
  return out;
}

export const CADRE_ROW_RULES = runsOf("cadre");
export const MEETING_ROW_RULES = runsOf("meeting");
export const TABLE_RULES = runsOf("table");

/**
 * Runs every rule of DOMAIN.md over what the understand step produced and
 * returns all findings, sorted by sheet, row, column and rule. Nothing stops
 * at the first error. Row rules run in one pass per table; table rules group
 * with hash maps.
 */
export function checkDataset(dataset: Dataset, tables: DetectedTable[], settings: Settings, period: Period): Finding[] {
  const ctx = makeContext(dataset, tables, settings, period);
  const out: Finding[] = [];
  checkCellProblems(dataset, out);
  for (const c of dataset.cadres) for (const rule of CADRE_ROW_RULES) rule(c, ctx, out);
  for (const m of dataset.meetings) for (const rule of MEETING_ROW_RULES) rule(m, ctx, out);
  for (const rule of TABLE_RULES) rule(dataset, ctx, out);
  out.sort(compareFindings);
  return dedupe(out);
}

/** Two routes can reach the same verdict (the parse step and a context rule both saying `required`): keep one. */
function dedupe(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    const sameCell = last && last.rule === f.rule && last.row === f.row && last.column === f.column && last.sheet === f.sheet;
    // Several months missing for one cell share an anchor cell: those differ by message and all stay.
    if (sameCell && (f.rule === "required" || last.message.vi === f.message.vi)) continue;
    out.push(f);
  }
  return out;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
