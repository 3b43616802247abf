import {
  CADRE_FIELDS, CELL_FIELDS, CadreRecord, CellRecord, CommuneRecord, Dataset, FieldDef, MEETING_FIELDS, MeetingRecord, day,
} from "../../src/core/model";

/** A table that has a column for every field (one frozen object, shared, as understand makes it). */
function allColumns(fields: readonly FieldDef[]): Readonly<Record<string, number>> {
  return Object.freeze(Object.fromEntries(fields.map((f, i) => [f.key, i + 1])));
}
/** The columns of a full cadre / meeting sheet: every figure of the summary is recorded. */
export const CADRE_COLS = allColumns(CADRE_FIELDS) as CadreRecord["cols"];
export const MEETING_COLS = allColumns(MEETING_FIELDS) as MeetingRecord["cols"];
const CELL_COLS = allColumns(CELL_FIELDS) as CellRecord["cols"];

/** Columns of a sheet that lacks some fields: for "not recorded" cases. */
export function colsWithout<F extends string>(cols: Partial<Record<F, number>>, ...missing: F[]): Partial<Record<F, number>> {
  const out = { ...cols };
  for (const f of missing) delete out[f];
  return Object.freeze(out);
}

/** Small record factories: every field null unless the test says otherwise; every column present unless `cols` says otherwise. */
export function cadre(over: Partial<CadreRecord> = {}): CadreRecord {
  return {
    sheet: "Cán bộ", row: 2, cols: CADRE_COLS, raw: {}, problems: [],
    name: "Nguyễn Văn A", surname: null, givenName: null, birth: day(1980, 5, 1), gender: "Nam", ethnicity: "Kinh", religion: null,
    role: "Bí thư chi bộ", cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc", education: null, theory: null,
    joined: null, villageHead: null, trained: null, eHandbook: null, term: null, cardNo: null,
    ...over,
  };
}

export function meeting(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    sheet: "Sinh hoạt", row: 2, cols: MEETING_COLS, raw: {}, problems: [],
    cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc", date: day(2026, 7, 5), kind: "Thường kỳ", mode: "Trực tiếp",
    minutes: 120, total: 20, exempt: 0, present: 20, excused: 0, unexcused: 0, upperAttended: null,
    topic: null, score: null, rating: null, minutesKept: null, fiveSteps: null, handbookPosted: null,
    ...over,
  };
}

export function cellRec(cell: string, commune: string, row = 2): CellRecord {
  return { sheet: "Chi bộ", row, cols: CELL_COLS, raw: {}, problems: [], cell, code: null, commune, cellType: "Thôn", members: 20 };
}

export function communeRec(commune: string, row = 2): CommuneRecord {
  return { sheet: "Xã phường", row, cols: {}, raw: {}, problems: [], commune, code: null };
}

export function dataset(over: Partial<Dataset> = {}): Dataset {
  return { cells: [], cadres: [], meetings: [], communes: [], ...over };
}

/** A deterministic generator (mulberry32), so generated data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
