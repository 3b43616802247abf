import {
  CADRE_FIELDS, CELL_FIELDS, CadreRecord, CellRecord, CellValue, Dataset, DayDate, MEETING_FIELDS, MeetingRecord,
  Settings, day, defaultSettings, formatDay,
} from "../../src/core/model";

/**
 * Small record factories, so rule tests do not depend on the parse step. Every
 * field of the table is mapped to a column (in DOMAIN.md order, from A), and
 * `raw` holds the value as a person would have typed it.
 */
let nextRow = 100;

function layout(fields: readonly { key: string }[]): Record<string, number> {
  const cols: Record<string, number> = {};
  fields.forEach((f, i) => { cols[f.key] = i + 1; });
  return cols;
}

function rawOf(values: Record<string, unknown>): Record<string, CellValue> {
  const raw: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue;
    if (typeof v === "object" && "kind" in (v as object)) raw[k] = formatDay(v as DayDate);
    else raw[k] = v as CellValue;
  }
  return raw;
}

export const MEETING_COLS = layout(MEETING_FIELDS);
// The split name ("Họ đệm" | "Tên") is the alternative to "Họ và tên": a list has one or the other.
export const CADRE_COLS = layout(CADRE_FIELDS.filter((f) => f.key !== "surname" && f.key !== "givenName"));
export const CELL_COLS = layout(CELL_FIELDS);

export function meeting(p: Partial<MeetingRecord> = {}): MeetingRecord {
  const values = {
    cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc", date: day(2026, 7, 5), kind: "Thường kỳ" as const,
    mode: "Trực tiếp" as const, minutes: 120, total: 20, exempt: 0, present: 19, excused: 1, unexcused: 0,
    upperAttended: false, topic: null, score: 92, rating: "Tốt" as const, minutesKept: true, fiveSteps: true,
    handbookPosted: true, ...p,
  };
  const { sheet, row, cols, raw, problems, ...fields } = values as MeetingRecord;
  return {
    ...fields,
    sheet: sheet ?? "Sinh hoạt",
    row: row ?? nextRow++,
    cols: cols ?? { ...MEETING_COLS },
    raw: raw ?? rawOf(fields as unknown as Record<string, unknown>),
    problems: problems ?? [],
  } as MeetingRecord;
}

export function cadre(p: Partial<CadreRecord> = {}): CadreRecord {
  const values = {
    name: "Nguyễn Văn An", surname: null, givenName: null, birth: day(1975, 3, 12), gender: "Nam" as const, ethnicity: "Kinh", religion: null,
    role: "Bí thư chi bộ" as const, cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc", education: "Đại học" as const,
    theory: "Trung cấp" as const, joined: day(1998, 5, 19), villageHead: false, trained: true, eHandbook: true,
    term: "2025-2030", cardNo: null, ...p,
  };
  const { sheet, row, cols, raw, problems, ...fields } = values as CadreRecord;
  const defaultCols: Record<string, number> = { ...CADRE_COLS };
  delete defaultCols.birthYearMale;
  delete defaultCols.birthYearFemale;
  return {
    ...fields,
    sheet: sheet ?? "Cán bộ",
    row: row ?? nextRow++,
    cols: cols ?? defaultCols,
    raw: raw ?? rawOf(fields as unknown as Record<string, unknown>),
    problems: problems ?? [],
  } as CadreRecord;
}

export function cellRow(p: Partial<CellRecord> = {}): CellRecord {
  const values = { cell: "Chi bộ Thôn 1", code: null, commune: "Xã Yên Lạc", cellType: "Thôn" as const, members: 20, ...p };
  const { sheet, row, cols, raw, problems, ...fields } = values as CellRecord;
  return {
    ...fields,
    sheet: sheet ?? "Chi bộ",
    row: row ?? nextRow++,
    cols: cols ?? { ...CELL_COLS },
    raw: raw ?? rawOf(fields as unknown as Record<string, unknown>),
    problems: problems ?? [],
  } as CellRecord;
}

export function dataset(p: Partial<Dataset> = {}): Dataset {
  return { cells: [], cadres: [], meetings: [], communes: [], ...p };
}

/** Today is after the whole of 2026, unless a test says otherwise, so no month is "not over yet". */
export function settings(p: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(day(2027, 2, 1)), ...p };
}

/** A full year of regular meetings (and a thematic one per quarter) for one cell: a cell that does everything right. */
export function fullYear(cell: string, commune: string | null, year = 2026, extra: Partial<MeetingRecord> = {}): MeetingRecord[] {
  const rows: MeetingRecord[] = [];
  for (let m = 1; m <= 12; m++) {
    rows.push(meeting({ cell, commune, date: day(year, m, 5), kind: "Thường kỳ", ...extra }));
    if (m % 3 === 0) rows.push(meeting({ cell, commune, date: day(year, m, 20), kind: "Chuyên đề", topic: "Học tập Nghị quyết", ...extra }));
  }
  return rows;
}

import { Finding, Period } from "../../src/core/model";
import { CheckContext, makeContext } from "../../src/core/rules/context";
import { Rule, Runs } from "../../src/core/rules/rule";

export const Q3_2026: Period = { kind: "quarter", year: 2026, quarter: 3 };
export const YEAR_2026: Period = { kind: "year", year: 2026 };

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
