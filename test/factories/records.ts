import {
  CADRE_FIELDS, CELL_FIELDS, COMMUNE_FIELDS, CadreField, CadreRecord, CellField, CellRecord, CellValue, CommuneField,
  CommuneRecord, Dataset, DayDate, FieldDef, MEETING_FIELDS, MeetingField, MeetingRecord, Period, Settings, day,
  defaultSettings, formatDay,
} from "../../src/core/model";
import { createRng, type Rng } from "../../src/core/sample/prng";

/**
 * The one set of record factories every test uses (docs/ARCHITECTURE.md, "Tests"), so a test does not depend
 * on the read and understand steps. A record reads like a row a clerk filled in well: every field the summary
 * counts has a value, every field of its table has a column (in DOMAIN.md order, from A, as understand makes
 * them: one frozen object per layout), `raw` holds each value as a person would have typed it, and each record
 * gets a row of its own. A test that needs a blank field, a missing column or a given row says so.
 *
 * Core only: core unit tests import this file (eslint.config.js allows test/factories and nothing else of test/).
 */

let nextRow = 100;

function layout(fields: readonly FieldDef[], leaveOut: readonly string[] = []): Readonly<Record<string, number>> {
  const cols: Record<string, number> = {};
  fields.forEach((f, i) => { if (!leaveOut.includes(f.key)) cols[f.key] = i + 1; });
  return Object.freeze(cols);
}

/** Each field's value as a person would have typed it: a date as dd/mm/yyyy, a number as a number. */
function rawOf(fields: readonly FieldDef[], values: Record<string, unknown>): Record<string, CellValue> {
  const raw: Record<string, CellValue> = {};
  for (const { key } of fields) {
    const v = values[key];
    if (v === null || v === undefined) continue;
    raw[key] = typeof v === "object" && "kind" in (v as object) ? formatDay(v as DayDate) : (v as CellValue);
  }
  return raw;
}

export const MEETING_COLS = layout(MEETING_FIELDS) as Readonly<Record<MeetingField, number>>;
/**
 * A cadre list heads the name "Họ và tên" and the birth "Ngày sinh": the split name ("Họ đệm" | "Tên") and the
 * "Nam" | "Nữ" birth-year pair are their alternatives, which a list has instead. The pair's columns (C, D) stay
 * counted, so the letters after them are those of a sheet that holds every field.
 */
export const CADRE_COLS = layout(CADRE_FIELDS.filter((f) => f.key !== "surname" && f.key !== "givenName"),
  ["birthYearMale", "birthYearFemale"]) as Readonly<Record<Exclude<CadreField, "surname" | "givenName" | "birthYearMale" | "birthYearFemale">, number>>;
export const CELL_COLS = layout(CELL_FIELDS) as Readonly<Record<CellField, number>>;
export const COMMUNE_COLS = layout(COMMUNE_FIELDS) as Readonly<Record<CommuneField, number>>;

/** Columns of a sheet that lacks some fields: for "not recorded" and "column missing" cases. */
export function colsWithout<F extends string>(cols: Partial<Record<F, number>>, ...missing: F[]): Partial<Record<F, number>> {
  const out = { ...cols };
  for (const f of missing) delete out[f];
  return Object.freeze(out);
}

/** A record from its values: the row's bookkeeping (sheet, row, columns, raw text, problems) filled in unless given. */
function record<R extends { sheet: string; row: number; cols: object; raw: object; problems: readonly unknown[] }>(
  values: R, fields: readonly FieldDef[], sheet: string, cols: R["cols"],
): R {
  const given = values as Partial<R>;
  return {
    ...values,
    sheet: given.sheet ?? sheet,
    row: given.row ?? nextRow++,
    cols: given.cols ?? cols,
    raw: given.raw ?? rawOf(fields, values as unknown as Record<string, unknown>),
    problems: given.problems ?? [],
  };
}

export function meeting(p: Partial<MeetingRecord> = {}): MeetingRecord {
  return record<MeetingRecord>({
    cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc", date: day(2026, 7, 5), kind: "Thường kỳ", mode: "Trực tiếp",
    minutes: 120, total: 20, exempt: 0, present: 19, excused: 1, unexcused: 0, upperAttended: false, topic: null,
    score: 92, rating: "Tốt", minutesKept: true, fiveSteps: true, handbookPosted: true,
    ...p,
  } as MeetingRecord, MEETING_FIELDS, "Sinh hoạt", MEETING_COLS);
}

export function cadre(p: Partial<CadreRecord> = {}): CadreRecord {
  return record<CadreRecord>({
    name: "Nguyễn Văn An", surname: null, givenName: null, birth: day(1975, 3, 12), gender: "Nam", ethnicity: "Kinh",
    religion: null, role: "Bí thư chi bộ", cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc", education: "Đại học",
    theory: "Trung cấp", joined: day(1998, 5, 19), villageHead: false, trained: true, eHandbook: true, term: "2025-2030",
    cardNo: null,
    ...p,
  } as CadreRecord, CADRE_FIELDS, "Cán bộ", CADRE_COLS);
}

/** A row of the CELLS register. */
export function cell(p: Partial<CellRecord> = {}): CellRecord {
  return record<CellRecord>({
    cell: "Chi bộ Thôn 1", code: null, commune: "Xã Yên Lạc", cellType: "Thôn", members: 20, ...p,
  } as CellRecord, CELL_FIELDS, "Chi bộ", CELL_COLS);
}

/** A row of the COMMUNES register. */
export function commune(p: Partial<CommuneRecord> = {}): CommuneRecord {
  return record<CommuneRecord>({ commune: "Xã Yên Lạc", code: null, ...p } as CommuneRecord, COMMUNE_FIELDS, "Xã phường", COMMUNE_COLS);
}

export function dataset(p: Partial<Dataset> = {}): Dataset {
  return { cells: [], cadres: [], meetings: [], communes: [], ...p };
}

/** Today is after the whole of 2026, unless a test says otherwise, so no month is "not over yet". */
export function settings(p: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(day(2027, 2, 1)), ...p };
}

export const Q3_2026: Period = { kind: "quarter", year: 2026, quarter: 3 };
export const YEAR_2026: Period = { kind: "year", year: 2026 };

/** A full year of regular meetings (and a thematic one per quarter) for one cell: a cell that does everything right. */
export function fullYear(cell: string, commune: string | null, year = 2026, extra: Partial<MeetingRecord> = {}): MeetingRecord[] {
  const rows: MeetingRecord[] = [];
  for (let m = 1; m <= 12; m++) {
    rows.push(meeting({ cell, commune, date: day(year, m, 5), kind: "Thường kỳ", ...extra }));
    if (m % 3 === 0) rows.push(meeting({ cell, commune, date: day(year, m, 20), kind: "Chuyên đề", topic: "Học tập Nghị quyết", ...extra }));
  }
  return rows;
}

/** A seeded generator (the sample's own mulberry32), so records a test generates are the same on every run. */
export function rng(seed: number): Rng {
  return createRng(seed);
}
