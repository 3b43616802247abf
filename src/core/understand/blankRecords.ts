import { CellValue, RecordOfKind, TableKind } from "../model";

type Blank<R> = (sheet: string, row: number, cols: Record<string, number>, raw: Record<string, CellValue>, problems: never[]) => R;

/**
 * Every field present from the start, null until read: one object shape per kind. Written out as literals on
 * purpose: V8 builds a literal from its boilerplate, several times faster than any object put together from
 * the field list (a spread of a template, a loop of stores), which 160,000 rows feel. Each literal is held to
 * its record type, which is derived from FIELDS (model/records.ts): a field added there and not here, or here
 * and not there, does not compile.
 */
export const BLANK: { [K in TableKind]: Blank<RecordOfKind[K]> } = {
  cells: (sheet, row, cols, raw, problems) => ({ sheet, row, cols, raw, problems, cell: null, code: null, commune: null, cellType: null, members: null }),
  communes: (sheet, row, cols, raw, problems) => ({ sheet, row, cols, raw, problems, commune: null, code: null }),
  cadres: (sheet, row, cols, raw, problems) => ({
    sheet, row, cols, raw, problems, name: null, surname: null, givenName: null, birth: null, gender: null, ethnicity: null,
    religion: null, role: null, cell: null, commune: null, education: null, theory: null, joined: null, villageHead: null,
    trained: null, eHandbook: null, term: null, cardNo: null,
  }),
  meetings: (sheet, row, cols, raw, problems) => ({
    sheet, row, cols, raw, problems, cell: null, commune: null, date: null, kind: null, mode: null,
    minutes: null, total: null, exempt: null, present: null, excused: null, unexcused: null,
    upperAttended: null, topic: null, score: null, rating: null, minutesKept: null, fiveSteps: null,
    handbookPosted: null,
  }),
};

