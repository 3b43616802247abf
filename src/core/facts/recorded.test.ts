import { isRecorded } from "./recorded";
import type { RecordBase } from "../model";

const rec = (cols: Partial<Record<"a" | "b" | "c", number>>, derived?: RecordBase<"a" | "b" | "c">["derived"]): RecordBase<"a" | "b" | "c"> =>
  ({ sheet: "S", row: 2, cols, raw: {}, problems: [], derived });

describe("isRecorded", () => {
  it("is true for a field with a column, even when the cell is blank", () => {
    expect(isRecorded(rec({ a: 1 }), "a")).toBe(true);
  });
  it("is true for a field the layout gives", () => {
    expect(isRecorded(rec({}, { b: "sheet" }), "b")).toBe(true);
  });
  it("is false for a field nothing gives", () => {
    expect(isRecorded(rec({ a: 1 }, { b: "title" }), "c")).toBe(false);
  });
});
