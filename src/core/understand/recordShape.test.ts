import { CellValue, DetectedTable, FIELDS, TABLE_KINDS, WorkbookData } from "../model";
import { readRecords } from "./readRecords";

/**
 * The records' types are derived from FIELDS and the reader's blank records
 * are held to them by the compiler; this holds the records as read to the
 * same list, whatever columns the table has: one property per field (the
 * Nam / Nữ birth-year marks give other fields), none missing, none extra.
 */
describe("records have the fields of their table", () => {
  const BASE = ["sheet", "row", "cols", "raw", "problems"];
  for (const kind of TABLE_KINDS) {
    it(kind, () => {
      const first = FIELDS[kind][0];
      const values: CellValue[][] = [[first.label.vi], ["x"]];
      const wb: WorkbookData = { sheets: [{ name: "S", originRow: 1, originCol: 1, values }] };
      const table = {
        kind, sheet: "S", headerTop: 1, headerBottom: 1, dataRows: [2], skippedRows: [],
        columns: { [first.key]: { col: 1, header: first.label.vi, confidence: 1 } }, unmapped: [], confidence: 1, source: "detected",
      } as DetectedTable;
      const [rec] = readRecords(wb, [table])[kind] as unknown as Array<Record<string, unknown>>;
      const fields = FIELDS[kind].filter((f) => f.type !== "birthYearMale" && f.type !== "birthYearFemale").map((f) => f.key);
      expect(Object.keys(rec).sort()).toEqual([...BASE, ...fields].sort());
    });
  }
});
