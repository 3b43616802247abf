import type { Finding, Severity } from "../core/model";
import { SEVERITIES, type RuleGroup, type SeveritySection } from "../app/findingsView";
import { QUOTED_VALUE_MAX } from "../core/rules/finding";

/**
 * The findings list as a clerk reads it: errors first, then warnings, then
 * notes; inside each, one group per rule (the largest first); inside a group,
 * sheets in Vietnamese order and rows in order. Notes are many (a province has
 * tens of thousands of dates typed as text) and come collapsed.
 *
 * Pure data, so the order, what is open and what a key press does are tested
 * without a browser; FindingsList draws it.
 */

export { SEVERITIES, groupFindings } from "../app/findingsView";

/** A group as the pane holds it: its count, and in `items` the findings fetched from the engine so far. */
export type { RuleGroup, SeveritySection } from "../app/findingsView";

/** The engine's groups (already in drawing order) under their severity's heading. */
export function sectionsOf(groups: readonly RuleGroup[]): SeveritySection[] {
  const sections: SeveritySection[] = [];
  for (const severity of SEVERITIES) {
    const mine = groups.filter((g) => g.severity === severity);
    if (mine.length) sections.push({ key: severity, severity, count: mine.reduce((n, g) => n + g.count, 0), groups: mine });
  }
  return sections;
}

/** A message longer than this is cut in the list, with the whole text one key press away. */
export const MESSAGE_MAX = 300;

/** True when the list cuts something of this finding, so it offers the whole text. */
export function isCut(f: Finding, message: string): boolean {
  return message.length > MESSAGE_MAX || (typeof f.value === "string" && f.value.length > QUOTED_VALUE_MAX && f.valueText === undefined);
}

export type Row =
  | { kind: "section"; key: string; level: 1; section: SeveritySection; open: boolean }
  | { kind: "group"; key: string; level: 2; group: RuleGroup; open: boolean }
  | { kind: "item"; key: string; level: 3; finding: Finding; groupKey: string }
  | { kind: "whole"; key: string; level: 4; finding: Finding; open: boolean }
  | { kind: "more"; key: string; level: 3; groupKey: string; next: number; left: number };

export interface TreeState {
  /** What the user opened or closed; anything not here is at its default. */
  open: Readonly<Record<string, boolean>>;
  /** How many items of a group are drawn. */
  shown: Readonly<Record<string, number>>;
}

export const EMPTY_STATE: TreeState = { open: {}, shown: {} };

/** Items drawn at first, and added by each "show more": opening a group never draws more than this. */
export const PAGE = 50;

/**
 * Open by default: errors and warnings. Notes are closed, unless they are all
 * there is (the severity filter set to notes). Groups are open: opening a
 * section shows its findings, a page per group.
 */
export function isOpen(state: TreeState, row: { key: string; severity?: Severity }, onlySection: boolean): boolean {
  return state.open[row.key] ?? (row.severity !== "info" || onlySection);
}

/** The rows on screen, top to bottom; `message` gives the text a row shows, to know when it is cut. */
export function visibleRows(sections: readonly SeveritySection[], state: TreeState, message: (f: Finding) => string): Row[] {
  const rows: Row[] = [];
  const only = sections.length === 1;
  for (const section of sections) {
    const open = isOpen(state, section, only);
    rows.push({ kind: "section", key: section.key, level: 1, section, open });
    if (!open) continue;
    for (const group of section.groups) {
      const gOpen = state.open[group.key] ?? true;
      rows.push({ kind: "group", key: group.key, level: 2, group, open: gOpen });
      if (!gOpen) continue;
      // Items not fetched yet are not drawn: "more" stays until they come.
      const limit = Math.min(group.items.length, state.shown[group.key] ?? PAGE);
      for (let i = 0; i < limit; i++) {
        const f = group.items[i];
        const key = `${group.key}#${i}`;
        rows.push({ kind: "item", key, level: 3, finding: f, groupKey: group.key });
        if (isCut(f, message(f))) {
          const wholeKey = `${key}:whole`;
          rows.push({ kind: "whole", key: wholeKey, level: 4, finding: f, open: state.open[wholeKey] ?? false });
        }
      }
      if (group.count > limit) {
        rows.push({ kind: "more", key: `${group.key}:more`, level: 3, groupKey: group.key, next: limit, left: group.count - limit });
      }
    }
  }
  return rows;
}

export function toggle(state: TreeState, row: Row): TreeState {
  if (row.kind !== "section" && row.kind !== "group" && row.kind !== "whole") return state;
  return { ...state, open: { ...state.open, [row.key]: !row.open } };
}

export function setOpen(state: TreeState, row: Row, open: boolean): TreeState {
  if ((row.kind !== "section" && row.kind !== "group" && row.kind !== "whole") || row.open === open) return state;
  return { ...state, open: { ...state.open, [row.key]: open } };
}

export function showMore(state: TreeState, row: Extract<Row, { kind: "more" }>): TreeState {
  return { ...state, shown: { ...state.shown, [row.groupKey]: row.next + PAGE } };
}

/** What a key does on a row: where the focus goes next, and what changes. */
export type KeyAction =
  | { type: "focus"; index: number }
  | { type: "toggle"; open?: boolean }
  | { type: "select" }
  | { type: "more" }
  | { type: "none" };

/** The tree pattern of WAI-ARIA: arrows walk, Right/Left open and close or move in and out, Enter acts. */
export function keyAction(rows: readonly Row[], index: number, key: string): KeyAction {
  const row = rows[index];
  if (!row) return { type: "none" };
  const folds = row.kind === "section" || row.kind === "group";
  switch (key) {
    case "ArrowDown": return index + 1 < rows.length ? { type: "focus", index: index + 1 } : { type: "none" };
    case "ArrowUp": return index > 0 ? { type: "focus", index: index - 1 } : { type: "none" };
    case "Home": return { type: "focus", index: 0 };
    case "End": return { type: "focus", index: rows.length - 1 };
    case "ArrowRight":
      if (folds && !row.open) return { type: "toggle", open: true };
      return folds && index + 1 < rows.length ? { type: "focus", index: index + 1 } : { type: "none" };
    case "ArrowLeft": {
      if (folds && row.open) return { type: "toggle", open: false };
      for (let i = index - 1; i >= 0; i--) if (rows[i].level < row.level) return { type: "focus", index: i };
      return { type: "none" };
    }
    case "Enter":
    case " ":
      if (row.kind === "item") return { type: "select" };
      if (row.kind === "more") return { type: "more" };
      return { type: "toggle" };
    default: return { type: "none" };
  }
}
