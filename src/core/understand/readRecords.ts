import {
  COMMITTEE_ROLES, CELL_LEVEL_ROLES, CadreRecord, CellRecord, CellValue, CommuneRecord, Dataset, DerivedFrom, DetectedTable,
  FIELDS, FieldDef, Gender, MeetingRecord, ParseProblem, ROLES, ROLES_BY_LEVEL, RecordBase, Role, TableKind, WorkbookData, isBlank,
} from "../model";
import { enumKey } from "../cells/enum";
import { parseField } from "../cells/field";
import { BirthMark } from "../cells/misc";
import { ParseResult } from "../cells/result";
import { FieldValue } from "../cells/field";
import { SheetReader, sheetReader } from "./sheetReader";
import { BLANK } from "./blankRecords";
import { readTracker } from "./tracker";

/**
 * Days between Excel's two date systems: a workbook counting from 1904 (old
 * Mac files) stores every date 1,462 days lower than one counting from 1900.
 */
export const DATE_1904_SHIFT = 1462;

/** Field types whose numbers can be date serials. */
const DATE_TYPES: ReadonlySet<FieldDef["type"]> = new Set(["date", "birth", "birthYearMale", "birthYearFemale", "yesnoOrDate"]);

/**
 * A serial of a 1904 workbook as the 1900 system counts it. Whole numbers that
 * read as a year (1900-2100) or a mark (0, 1) are not serials, in either system.
 */
function shiftSerial(v: CellValue, shift: number): CellValue {
  if (shift === 0 || typeof v !== "number" || v <= 1 || (Number.isInteger(v) && v >= 1900 && v <= 2100)) return v;
  return v + shift;
}

/** A column of the table, with its field and a cache of readings: the same text is parsed once per column. */
interface ColumnReader {
  key: string;
  def: FieldDef;
  col: number;
  memo: Map<CellValue, ParseResult<FieldValue>>;
  /** The previous row's value and reading: names and communes repeat row after row. */
  lastValue: CellValue | undefined;
  lastResult: ParseResult<FieldValue> | undefined;
}

/**
 * Most columns repeat a few values (cell names, dates, "x"), so a cache per
 * column makes 160,000 meeting rows cheap. Free text such as topics can be
 * all different: past this many entries the cache stops growing.
 */
const MEMO_LIMIT = 50_000;

function read(c: ColumnReader, v: CellValue): ParseResult<FieldValue> {
  if (v === c.lastValue) return c.lastResult as ParseResult<FieldValue>;
  let r = c.memo.get(v);
  if (r === undefined) {
    r = parseField(c.def, v);
    if (c.memo.size < MEMO_LIMIT) c.memo.set(v, r);
  }
  c.lastValue = v;
  c.lastResult = r;
  return r;
}

type AnyRecord = RecordBase<string> & Record<string, unknown>;

function blankRecord(kind: TableKind, sheet: string, row: number, cols: Record<string, number>, rawShape: Record<string, CellValue>): AnyRecord {
  // A copy of a template with the table's keys: every row's raw object gets one shape, allocated once.
  return BLANK[kind](sheet, row, cols, { ...rawShape }, []) as unknown as AnyRecord;
}

function addProblems(rec: AnyRecord, c: ColumnReader, value: CellValue, r: ParseResult<FieldValue>, shift: number): void {
  for (const p of r.problems) {
    const problem: ParseProblem<string> = { code: p.code, field: c.key, col: c.col, value };
    // A date's fix is a serial: in a 1904 workbook, one of its own system.
    if (p.fix !== undefined) problem.fix = shift !== 0 && typeof p.fix === "number" && DATE_TYPES.has(c.def.type) ? p.fix - shift : p.fix;
    if (p.detail !== undefined) problem.detail = p.detail;
    rec.problems.push(problem);
  }
}

/**
 * The "Nam" | "Nữ" birth-year pair gives the birth and the gender, unless a
 * birth or gender column says so already. Both columns filled is a
 * contradiction a person must settle: neither is taken.
 */
function applyBirthMarks(rec: AnyRecord, marks: Array<{ mark: BirthMark; col: number; key: string }>): void {
  if (marks.length === 0) return;
  if (marks.length > 1) {
    const last = marks[marks.length - 1];
    rec.problems.push({
      code: "enum", field: last.key, col: last.col, value: rec.raw[last.key] ?? "",
      detail: { vi: "cả hai cột Nam và Nữ đều có giá trị", en: "both the Nam (male) and Nữ (female) columns are filled" },
    });
    return;
  }
  const { mark, col, key } = marks[0];
  if (rec.birth === null) rec.birth = mark.birth;
  const gender = rec.gender as Gender | null;
  if (gender === null) rec.gender = mark.gender;
  else if (gender !== mark.gender) {
    rec.problems.push({
      code: "enum", field: key, col, value: rec.raw[key] ?? "",
      detail: { vi: `cột Giới tính ghi ${gender}`, en: `the gender column says ${gender}` },
    });
  }
}

function readTable(table: DetectedTable, reader: SheetReader, out: AnyRecord[], shift: number): void {
  const defs = FIELDS[table.kind];
  const columns: ColumnReader[] = [];
  const cols: Record<string, number> = {};
  for (const def of defs) {
    const match = (table.columns as Record<string, { col: number } | undefined>)[def.key];
    if (!match) continue;
    columns.push({ key: def.key, def, col: match.col, memo: new Map(), lastValue: undefined, lastResult: undefined });
    cols[def.key] = match.col;
  }
  Object.freeze(cols); // shared by every record of the table
  const rawShape: Record<string, CellValue> = {};
  for (const c of columns) rawShape[c.key] = ""; // every key is overwritten on every row
  const titleCommune = table.titleCommune ?? null;
  const hasCommuneColumn = cols.commune !== undefined;
  // What the layout gives instead of a column: one frozen object for the whole table, like `cols`.
  const derived: Partial<Record<string, DerivedFrom>> | undefined = !hasCommuneColumn && titleCommune !== null
    ? Object.freeze({ commune: table.communeFrom ?? "title" })
    : undefined;
  const splitName = table.kind === "cadres" && cols.name === undefined && cols.givenName !== undefined;
  const start = out.length;

  const plainRow = reader.plainRow;
  const offsets = columns.map((c) => c.col - reader.originCol);
  for (const row of table.dataRows) {
    const rec = blankRecord(table.kind, table.sheet, row, cols, rawShape);
    let marks: Array<{ mark: BirthMark; col: number; key: string }> | null = null;
    const values = plainRow === null ? null : plainRow(row);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      // Straight from the row array unless merged areas need the slower lookup.
      const v = plainRow === null ? reader.value(row, c.col) : (values?.[offsets[i]] ?? "");
      rec.raw[c.key] = v;
      if (c.key === "commune" && titleCommune !== null && isBlank(v)) {
        // A blank commune under a title that names the commune: the title says it.
        rec.commune = titleCommune;
        continue;
      }
      const r = read(c, shift !== 0 && DATE_TYPES.has(c.def.type) ? shiftSerial(v, shift) : v);
      if (r.problems.length > 0) addProblems(rec, c, v, r, shift);
      if (r.kind !== "value") continue;
      if (c.def.type === "birthYearMale" || c.def.type === "birthYearFemale") {
        (marks ??= []).push({ mark: r.value as BirthMark, col: c.col, key: c.key });
      } else {
        rec[c.key] = r.value;
      }
    }
    if (marks !== null) applyBirthMarks(rec, marks);
    if (!hasCommuneColumn && titleCommune !== null) rec.commune = titleCommune;
    if (derived !== undefined) rec.derived = derived;
    if (splitName) rec.name = joinName(rec.surname as string | null, rec.givenName as string | null);
    out.push(rec);
  }
  if (table.kind === "cadres" && cols.role !== undefined) settleRoleLevel(out, start);
}

/** "Nguyễn Văn" + "An" -> "Nguyễn Văn An"; either half alone is still the name as far as it goes. */
function joinName(surname: string | null, given: string | null): string | null {
  if (surname === null) return given;
  return given === null ? surname : `${surname} ${given}`;
}

/**
 * "Bí thư" or "Phó Bí thư" with no level reads as the cell's (ROLES' synonyms).
 * In a list of the grassroots committee, where other rows name committee posts
 * ("ĐUV", "UV BTV", "Đảng ủy viên") and none names a cell post, it is the
 * committee's: those rows are moved to that level, and their fix says so.
 */
function settleRoleLevel(rows: AnyRecord[], from: number): void {
  let committee = false;
  const bare: Array<{ rec: AnyRecord; roles: { cell: Role; committee: Role } }> = [];
  for (let i = from; i < rows.length; i++) {
    const rec = rows[i];
    const role = rec.role as Role | null;
    if (role === null) continue;
    const raw = rec.raw.role;
    const levels = typeof raw === "string" ? ROLES_BY_LEVEL[enumKey(ROLES, raw.split(/\s+kiêm\s+|[,;/]/i)[0])] : undefined;
    if (levels !== undefined) bare.push({ rec, roles: levels });
    else if (COMMITTEE_ROLES.includes(role)) committee = true;
    else if (CELL_LEVEL_ROLES.includes(role)) return;
  }
  if (!committee) return;
  for (const { rec, roles } of bare) {
    rec.role = roles.committee;
    for (const p of rec.problems) if (p.field === "role" && p.code === "enum" && p.fix === roles.cell) p.fix = roles.committee;
  }
}

/**
 * The understand step's second half: every data row of every detected table
 * becomes a typed record that keeps its sheet, row, columns, the values as
 * read, and the problems found while reading them. Nothing is dropped: a row
 * whose cells cannot be read is still a record, with nulls and problems.
 * A wide meeting tracker gives one record per filled month (understand/tracker),
 * and, when the workbook has no other list of cells or meetings, its rows as
 * the commune's cells. A 1904 workbook's serials are read in the 1900 system.
 */
export function readRecords(workbook: WorkbookData, tables: readonly DetectedTable[]): Dataset {
  const byKind: Record<TableKind, AnyRecord[]> = { cells: [], cadres: [], meetings: [], communes: [] };
  const shift = workbook.date1904 ? DATE_1904_SHIFT : 0;
  // A tracker lists its commune's cells, one per row; it is the list of cells only when there is no other.
  const trackerCells = !tables.some((t) => t.kind === "cells" || (t.kind === "meetings" && !t.tracker));
  for (const table of tables) {
    const sheet = workbook.sheets.find((s) => s.name === table.sheet);
    if (!sheet || table.dataRows.length === 0) continue;
    const from = table.dataRows[0];
    const to = table.dataRows[table.dataRows.length - 1];
    const reader = sheetReader(sheet, { from, to });
    if (table.tracker) {
      const out = { meetings: byKind.meetings as unknown as MeetingRecord[], cells: byKind.cells as unknown as CellRecord[] };
      readTracker(table, reader, { withCells: trackerCells, serialShift: shift }, out);
    } else readTable(table, reader, byKind[table.kind], shift);
  }
  return {
    cells: byKind.cells as unknown as CellRecord[],
    cadres: byKind.cadres as unknown as CadreRecord[],
    meetings: byKind.meetings as unknown as MeetingRecord[],
    communes: byKind.communes as unknown as CommuneRecord[],
  };
}
