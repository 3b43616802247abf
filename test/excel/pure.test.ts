import { parseRange, rectAddress, rowRuns, splitSheetAddress, verticalRuns } from "../../src/excel/addresses";
import { decideSheets, freeName } from "../../src/excel/sheets";
import { HostError, toHostError } from "../../src/excel/errors";
import { asTypedText, trimUndo, type UndoBatch } from "../../src/excel/fixes";
import { fillKeyOf, targetsBySheet } from "../../src/excel/highlight";
import { looksLikeFormula } from "../../src/excel/apply";
import { parseAreas } from "../../src/excel/read";
import { utf8Bytes } from "../../src/excel/payload";
import type { Finding } from "../../src/core/model";
import { SimRichApiError } from "../../src/sim";

describe("addresses", () => {
  it("parses and prints ranges", () => {
    expect(parseRange("B2:D9")).toEqual({ row: 2, col: 2, rows: 8, cols: 3 });
    expect(parseRange("$C$7")).toEqual({ row: 7, col: 3, rows: 1, cols: 1 });
    expect(rectAddress({ row: 2, col: 27, rows: 3, cols: 2 })).toBe("AA2:AB4");
    expect(rectAddress({ row: 5, col: 1, rows: 1, cols: 1 })).toBe("A5");
  });
  it("splits quoted sheet names", () => {
    expect(splitSheetAddress("'Cán bộ''s'!A1:C3")).toEqual({ sheet: "Cán bộ's", local: "A1:C3" });
    expect(splitSheetAddress("A1")).toEqual({ sheet: null, local: "A1" });
  });
  it("merges cells into vertical runs, per key, without duplicates", () => {
    const cells = [
      { row: 3, col: 2, k: "a" },
      { row: 2, col: 2, k: "a" },
      { row: 4, col: 2, k: "b" },
      { row: 2, col: 2, k: "a" },
      { row: 9, col: 2, k: "a" },
    ];
    const runs = verticalRuns(cells, (c) => c.k).map((r) => rectAddress(r.rect));
    expect(runs).toEqual(["B2:B3", "B4", "B9"]);
  });
  it("merges cells into row runs", () => {
    const runs = rowRuns([{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 1, col: 4 }, { row: 2, col: 1 }]).map((r) => rectAddress(r.rect));
    expect(runs).toEqual(["A1:B1", "D1", "A2"]);
  });
  it("reads RangeAreas addresses", () => {
    expect(parseAreas("Sheet1!A1:B1,'Chi bộ, xã'!C3:D3")).toEqual(["A1:B1", "C3:D3"]);
  });
});

describe("sheet markers", () => {
  const summary = { op: "sheet" as const, sheet: "Tổng hợp", purpose: "summary" as const };
  it("never reuses a user's sheet of the same name", () => {
    const d = decideSheets([summary], [{ id: "u1", name: "tổng hợp" }], []);
    expect(d.get("Tổng hợp")).toEqual({ kind: "create", actual: "Tổng hợp (2)" });
  });
  it("reuses our own sheet, even under the name it got last time", () => {
    const existing = [{ id: "u1", name: "Tổng hợp" }, { id: "ours", name: "Tổng hợp (2)" }];
    const d = decideSheets([summary], existing, [{ id: "ours", requested: "Tổng hợp", purpose: "summary" }]);
    expect(d.get("Tổng hợp")).toEqual({ kind: "reuse", actual: "Tổng hợp (2)", id: "ours" });
  });
  it("makes names Excel accepts", () => {
    expect(freeName("Lỗi [Quý 3/2025]: chi tiết?", [])).toBe("Lỗi -Quý 3-2025-- chi tiết-");
    expect(freeName("'Tổng hợp'", [])).toBe("Tổng hợp");
  });
  it("keeps free names within 31 characters", () => {
    const long = "Tổng hợp sinh hoạt chi bộ năm 2025";
    const name = freeName(long.slice(0, 31), [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("errors", () => {
  it("maps Excel codes to Vietnamese sentences", () => {
    const e = toHostError({ name: "RichApi.Error", code: "AccessDenied", message: "The sheet is protected" });
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe("protected");
    expect(e.userText.vi).toMatch(/bảo vệ/);
    expect(toHostError({ code: "InvalidOperationInCellEditMode" }).code).toBe("editMode");
    expect(toHostError({ code: "RequestPayloadSizeLimitExceeded" }).code).toBe("payloadTooLarge");
    expect(toHostError({ code: "ApiNotFound" }).userText.vi).toMatch(/Phiên bản Excel/);
    expect(toHostError(new Error("boom")).code).toBe("unknown");
    expect(toHostError(new SimRichApiError("ResponsePayloadSizeLimitExceeded", "too big")).code).toBe("payloadTooLarge");
    const passThrough = toHostError(new SimRichApiError("AccessDenied", "protected"));
    expect(toHostError(passThrough)).toBe(passThrough);
  });
});

describe("text that Excel would reinterpret", () => {
  it("is written with Excel's text prefix", () => {
    expect(asTypedText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(asTypedText("0123")).toBe("'0123");
    expect(asTypedText("12/05/2020")).toBe("'12/05/2020");
    expect(asTypedText("TRUE")).toBe("'TRUE");
    expect(asTypedText("Nguyễn Văn A")).toBe("Nguyễn Văn A");
    expect(asTypedText(12)).toBe(12);
    expect(looksLikeFormula("-abc")).toBe(true);
    expect(looksLikeFormula("Đại học")).toBe(false);
  });
});

describe("highlight helpers", () => {
  const f = (address: string, severity: Finding["severity"]): Finding => ({
    rule: "required", severity, sheet: "Cán bộ", address, row: 0, column: "", value: null, message: { vi: "", en: "" }, fix: null,
  });
  it("keeps the most severe finding per cell", () => {
    const t = targetsBySheet([f("B2", "info"), f("B2", "error"), f("C3", "warning")]).get("Cán bộ")!;
    expect(t).toHaveLength(2);
    expect(t.find((c) => c.row === 2)!.severity).toBe("error");
  });
  it("names fills", () => {
    expect(fillKeyOf("#ffff00", 0, "Solid")).toBe("#FFFF00");
    expect(fillKeyOf("#FFFFFF", null, "Solid")).toBe("");
    // Before 1.9 only the colour is known, and no fill answers solid white (office-js#6218): put back as no fill.
    expect(fillKeyOf("#FFFFFF")).toBe("");
    expect(fillKeyOf("#ffff00")).toBe("#FFFF00");
    expect(fillKeyOf("#FF0000", 0, "Gray50", "#000000")).toBe("#FF0000|Gray50|#000000");
  });
  it("counts UTF-8 bytes", () => {
    expect(utf8Bytes("Đảng")).toBe(Buffer.byteLength("Đảng"));
  });
});

describe("undo stack", () => {
  it("keeps at most 10 batches and about 2 million characters, but always the newest", () => {
    const batch = (v: string, n = 1): UndoBatch => ({ sheets: { "Cán bộ": Array.from({ length: n }, () => ["B2", v, v] as [string, string, string]) } });
    expect(trimUndo(Array.from({ length: 12 }, (_, i) => batch(String(i)))).map((b) => b.sheets["Cán bộ"][0][1])).toEqual(["2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    const big = batch("x".repeat(100), 9000);
    const kept = trimUndo([big, big, batch("new")]);
    expect(kept[kept.length - 1].sheets["Cán bộ"][0][1]).toBe("new");
    expect(kept.length).toBeLessThan(3);
  });
});
