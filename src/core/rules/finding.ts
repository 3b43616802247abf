import { CellValue, DayDate, FIELDS, Finding, Fix, RuleId, Severity, Text, columnLetter, formatDay } from "../model";
import { clipText } from "../text/visible";

/** Where a record sits: enough to point a finding at one of its cells. */
export interface RowLocation<F extends string = string> {
  sheet: string;
  row: number;
  cols: Partial<Record<F, number>>;
  raw: Partial<Record<F, CellValue>>;
}

/**
 * The column of the first field the record's table has, so a finding points at
 * the cell a person should look at, and falls back to the row's first mapped
 * column when none of them is mapped (it still names the right row).
 */
export function colOf<F extends string>(rec: RowLocation<F>, ...fields: F[]): number {
  for (const f of fields) {
    const c = rec.cols[f];
    if (c !== undefined) return c;
  }
  let min = Infinity;
  for (const k in rec.cols) {
    const c = rec.cols[k as F];
    if (c !== undefined && c < min) min = c;
  }
  return min === Infinity ? 1 : min;
}

/** The raw value of the first of `fields` that is mapped, or null. */
export function rawOf<F extends string>(rec: RowLocation<F>, ...fields: F[]): CellValue | null {
  for (const f of fields) {
    if (rec.cols[f] !== undefined) {
      const v = rec.raw[f];
      return v === undefined ? null : v;
    }
  }
  return null;
}

function isDay(v: unknown): v is DayDate {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "day";
}

/**
 * The raw value of the first of `fields` that is mapped, and, when that cell
 * holds a date serial, the day it means as the record parsed it (records keep
 * each parsed field under its key: `birth`, `joined`, `date`). Every display
 * of the finding (pane, findings sheet, JSON) then shows "15/08/2026", not 46250.
 */
export function valueOf<F extends string>(rec: RowLocation<F>, ...fields: F[]): { value: CellValue | null; valueText?: string } {
  const value = rawOf(rec, ...fields);
  if (typeof value !== "number") return { value };
  const valueText = dateTextOf(rec, fields);
  return valueText === undefined ? { value } : { value, valueText };
}

/** Fields whose parsed value can be a day, from the one field table: other numbers (counts, scores) skip the look-up. */
const DAY_FIELDS: ReadonlySet<string> = new Set(
  Object.values(FIELDS).flatMap((defs) => defs.filter((d) => d.type === "date" || d.type === "birth").map((d) => d.key)),
);

/** The day a date cell's serial means, from the parsed record; undefined for anything else. Call it for numbers only. */
function dateTextOf<F extends string>(rec: RowLocation<F>, fields: readonly F[]): string | undefined {
  for (const f of fields) {
    if (rec.cols[f] === undefined) continue;
    if (!DAY_FIELDS.has(f)) return undefined;
    const parsed = (rec as unknown as Record<string, unknown>)[f];
    return isDay(parsed) ? formatDay(parsed) : undefined;
  }
  return undefined;
}

export interface FindingInput {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  row: number;
  col: number;
  value: CellValue | null;
  valueText?: string;
  message: Text;
  fix?: Fix | null;
  relatedRows?: number[];
}

// Tens of thousands of findings share a few dozen columns.
const LETTERS: string[] = [];
export function letters(col: number): string {
  return LETTERS[col] ?? (LETTERS[col] = columnLetter(col));
}

export function makeFinding(i: FindingInput): Finding {
  const column = letters(i.col);
  const f: Finding = {
    rule: i.rule,
    severity: i.severity,
    sheet: i.sheet,
    address: column + i.row,
    row: i.row,
    column,
    value: i.value,
    message: i.message,
    fix: i.fix ?? null,
  };
  if (i.valueText !== undefined) f.valueText = i.valueText;
  if (i.relatedRows && i.relatedRows.length > 0) f.relatedRows = i.relatedRows;
  return f;
}

/** Shorthand for a finding on one field of one record; built directly, as row rules make many. */
export function fieldFinding<F extends string>(
  rule: RuleId,
  severity: Severity,
  rec: RowLocation<F>,
  fields: F[],
  message: Text,
  fix: Fix | null = null,
): Finding {
  const column = letters(colOf(rec, ...fields));
  const value = rawOf(rec, ...fields);
  const f: Finding = { rule, severity, sheet: rec.sheet, address: column + rec.row, row: rec.row, column, value, message, fix };
  // Only a number can be a date serial: text and blanks (most findings) skip the look-up.
  if (typeof value === "number") {
    const valueText = dateTextOf(rec, fields);
    if (valueText !== undefined) f.valueText = valueText;
  }
  return f;
}

/** Column letters compare by length first, so "Z" < "AA". */
function compareColumns(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  const c = compareColumns(a.column, b.column);
  if (c !== 0) return c;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/**
 * A quoted value stays this short in a message: a 30,000-character cell would
 * otherwise make one finding pages tall. The finding's `value` keeps it whole.
 */
export const QUOTED_VALUE_MAX = 120;

/**
 * Quotes a cell value for a message: text in quotes (long text cut in the
 * middle), numbers as they are, TRUE/FALSE as Excel shows them. Hidden
 * characters stay in the message: each display shows them its own way (the
 * pane and the findings sheet as ⟨RLM⟩, a terminal as \u200F).
 */
export function show(v: CellValue | null | undefined): string {
  if (v === null || v === undefined || v === "") return "(trống)";
  return typeof v === "string" ? `"${clipText(v, QUOTED_VALUE_MAX, "vi")}"` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

export function showEn(v: CellValue | null | undefined): string {
  if (v === null || v === undefined || v === "") return "(blank)";
  return typeof v === "string" ? `"${clipText(v, QUOTED_VALUE_MAX, "en")}"` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}
