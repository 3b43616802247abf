import { RULE_IDS, type Finding, type RuleId, type Severity, type SeverityCounts } from "../core/model";
import { compareVi } from "../core/text/collate";
import type { FixRequest } from "../excel/operations";
import type { FindingsQuery, FindingsView, FixScope, FixSelection, HighlightTarget } from "./engine";

/** Findings shown per rule before "Xem thêm". */
export const GROUP_PAGE = 50;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function matchesQuery(f: Finding, q: FindingsQuery): boolean {
  return (!q.sheet || f.sheet === q.sheet) && (!q.severity || f.severity === q.severity) && (!q.rule || f.rule === q.rule);
}

export function filterFindings(findings: readonly Finding[], q: FindingsQuery): Finding[] {
  return q.sheet || q.severity || q.rule ? findings.filter((f) => matchesQuery(f, q)) : findings.slice();
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface RuleGroup {
  /** "severity:rule": a rule with errors and notes has a group in each section. */
  key: string;
  severity: Severity;
  rule: RuleId;
  count: number;
  items: Finding[];
}

export interface SeveritySection {
  key: string;
  severity: Severity;
  count: number;
  groups: RuleGroup[];
}

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));

/** Column letters compare by length first, so "Z" < "AA". */
function compareColumns(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The findings as a clerk reads them: errors first, then warnings, then
 * notes; inside each, one group per rule (the largest first); inside a group,
 * sheets in Vietnamese order and rows in order. The engine groups once per
 * query and the pane draws pages of it.
 */
export function groupFindings(findings: readonly Finding[]): SeveritySection[] {
  // One collator call per sheet, not per finding: 70,000 findings share a handful of sheets.
  const sheetRank = new Map<string, number>();
  [...new Set(findings.map((f) => f.sheet))].sort(compareVi).forEach((s, i) => sheetRank.set(s, i));
  const bySeverity = new Map<Severity, Map<RuleId, Finding[]>>(SEVERITIES.map((s) => [s, new Map()]));
  for (const f of findings) {
    const rules = bySeverity.get(f.severity)!;
    const list = rules.get(f.rule);
    if (list) list.push(f);
    else rules.set(f.rule, [f]);
  }
  const order = (a: Finding, b: Finding) =>
    sheetRank.get(a.sheet)! - sheetRank.get(b.sheet)! || a.row - b.row || compareColumns(a.column, b.column);
  const sections: SeveritySection[] = [];
  for (const severity of SEVERITIES) {
    const rules = bySeverity.get(severity)!;
    if (rules.size === 0) continue;
    const groups = [...rules.entries()]
      // The check gives findings in sheet and row order already: the sort only moves sheets, and is near linear.
      .map(([rule, items]) => ({ key: groupKey(severity, rule), severity, rule, count: items.length, items: items.sort(order) }))
      .sort((a, b) => b.items.length - a.items.length || (RULE_ORDER.get(a.rule) ?? 99) - (RULE_ORDER.get(b.rule) ?? 99));
    sections.push({ key: severity, severity, count: groups.reduce((n, g) => n + g.items.length, 0), groups });
  }
  return sections;
}

export function groupKey(severity: Severity, rule: RuleId): string {
  return `${severity}:${rule}`;
}

/** The groups in drawing order, flat. */
export function groupsInOrder(findings: readonly Finding[]): RuleGroup[] {
  return groupFindings(findings).flatMap((s) => s.groups);
}

export function isFixable(f: Finding): boolean {
  return f.fix !== null && f.fix !== undefined && f.value !== null;
}

/** Counts per key, largest first or in the given order. */
function countCells(fixable: readonly Finding[]): FindingsView["fixCells"] {
  const m = new Map<string, FindingsView["fixCells"][number]>();
  for (const f of fixable) {
    const k = `${f.rule}\u0000${f.sheet}`;
    const c = m.get(k);
    if (c) c.count++;
    else m.set(k, { rule: f.rule, sheet: f.sheet, count: 1 });
  }
  return [...m.values()];
}

function countBy<K>(items: readonly Finding[], key: (f: Finding) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const f of items) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/** The counts, the sheets and each group's first page: all Kiểm tra draws of a check. */
export function findingsView(all: readonly Finding[], query: FindingsQuery, perGroup = GROUP_PAGE): FindingsView {
  const matching = filterFindings(all, query);
  const fixable = matching.filter(isFixable);
  return {
    query,
    counts: countBySeverity(all),
    sheets: [...new Set(all.map((f) => f.sheet))].sort(compareVi),
    matching: matching.length,
    fixable: fixable.length,
    fixRules: [...countBy(fixable, (f) => f.rule).entries()].sort((a, b) => b[1] - a[1]).map(([rule, count]) => ({ rule, count })),
    fixSheets: [...countBy(fixable, (f) => f.sheet).entries()].sort((a, b) => compareVi(a[0], b[0])).map(([sheet, count]) => ({ sheet, count })),
    fixCells: countCells(fixable),
    groups: groupsInOrder(matching).map((g) => ({ key: g.key, rule: g.rule, severity: g.severity, count: g.items.length, items: g.items.slice(0, perGroup) })),
  };
}

export function fixableFindings(all: readonly Finding[], query: FindingsQuery): Finding[] {
  return all.filter((f) => matchesQuery(f, query) && isFixable(f));
}

/** What tells one fix from another across the panel's scopes: its rule and its cell. */
export function fixKey(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.address}`;
}

/** Whether a fix (or every fix of a narrower scope) is in a scope. */
export function inFixScope(x: FixScope, scope: FixScope): boolean {
  return (!scope.rule || x.rule === scope.rule) && (!scope.sheet || x.sheet === scope.sheet);
}

/** Ticked or not before the user's one-by-one ticks: the last scope ticked or cleared as a whole that holds it says. */
export function tickedByDefault(selection: Pick<FixSelection, "all" | "scopes">, fix: { rule: RuleId; sheet: string }): boolean {
  const scopes = selection.scopes ?? [];
  for (let i = scopes.length - 1; i >= 0; i--) if (inFixScope(fix, scopes[i])) return scopes[i].ticked;
  return selection.all;
}

export function selectFixes(fixable: readonly Finding[], selection: FixSelection): Finding[] {
  const toggled = new Set(selection.toggled);
  return fixable.filter((f) => tickedByDefault(selection, f) !== toggled.has(fixKey(f)));
}

/** The fixes the user ticked, as the host's requests: the host re-reads each cell and skips one that changed. */
export function fixRequests(findings: readonly Finding[]): FixRequest[] {
  const seen = new Set<string>();
  const out: FixRequest[] = [];
  for (const f of findings) {
    if (!f.fix || f.value === null) continue;
    // Two rules can propose a fix for the same cell (spaces and enum); the first one wins and the next check shows the rest.
    const key = `${f.sheet}!${f.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A date fix writes a serial: the host gives the cell a date format with it, or it would show 31779.
    const kind = f.rule === "type/date" && typeof f.fix.value === "number" ? { kind: "date" as const } : {};
    out.push({ sheet: f.sheet, address: f.address, expected: f.value, value: f.fix.value, ...kind });
  }
  return out;
}

export function highlightTargets(all: readonly Finding[], query: FindingsQuery): HighlightTarget[] {
  const out: HighlightTarget[] = [];
  for (const f of all) if (matchesQuery(f, query)) out.push({ sheet: f.sheet, address: f.address, severity: f.severity, value: f.value });
  return out;
}
