import { CadreRecord, CellRecord, CommuneRecord, Dataset, MeetingRecord, day } from "../../src/core/model";

/** Small record factories: every field null unless the test says otherwise. */
export function cadre(over: Partial<CadreRecord> = {}): CadreRecord {
  return {
    sheet: "Cán bộ", row: 2, cols: {}, raw: {}, problems: [],
    name: "Nguyễn Văn A", birth: day(1980, 5, 1), gender: "Nam", ethnicity: "Kinh", religion: null,
    role: "Bí thư chi bộ", cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc", education: null, theory: null,
    joined: null, villageHead: null, trained: null, eHandbook: null, term: null, cardNo: null,
    ...over,
  };
}

export function meeting(over: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    sheet: "Sinh hoạt", row: 2, cols: {}, raw: {}, problems: [],
    cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc", date: day(2026, 7, 5), kind: "Thường kỳ", mode: "Trực tiếp",
    minutes: 120, total: 20, exempt: 0, present: 20, excused: 0, unexcused: 0, upperAttended: null,
    topic: null, score: null, rating: null, minutesKept: null, fiveSteps: null, handbookPosted: null,
    ...over,
  };
}

export function cellRec(cell: string, commune: string, row = 2): CellRecord {
  return { sheet: "Chi bộ", row, cols: {}, raw: {}, problems: [], cell, code: null, commune, cellType: "Thôn", members: 20 };
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
