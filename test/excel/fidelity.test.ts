/**
 * The adapter against limits of the real Excel JavaScript API that the simulator
 * learnt in the fidelity review (src/excel/README.md).
 */
import type { WorkbookData } from "../../src/core/model";
import { fillKeyOf } from "../../src/excel/highlight";
import { dropdownProblem } from "../../src/excel/apply";
import { setup } from "./helpers";

/** A header row of `n` two-column merged labels, then one data row. */
function manyMerges(n: number): WorkbookData {
  const header: string[] = [];
  const data: number[] = [];
  for (let i = 0; i < n; i++) header.push(`Cột ${i + 1}`, "");
  for (let i = 0; i < 2 * n; i++) data.push(i);
  const merges = Array.from({ length: n }, (_, i) => `${colName(2 * i + 1)}1:${colName(2 * i + 2)}1`);
  // 20 more merged rows further down, beyond the header rows read in the fallback.
  const rows: Array<Array<string | number>> = [header, data];
  for (let r = 0; r < 80; r++) rows.push(data);
  for (let r = 0; r < 20; r++) merges.push(`A${r + 60}:B${r + 60}`);
  return { sheets: [{ name: "Rộng", originRow: 1, originCol: 1, values: rows, merges }] };
}

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe("merged areas over Excel's 512", () => {
  it("a sheet with few merges reads them all: sheets, used ranges, merges of sheets that have one, data", async () => {
    const { sim, ops } = setup(manyMerges(10), "1.17");
    const wb = await ops.readWorkbook();
    expect(wb.sheets[0].merges).toHaveLength(30);
    expect(wb.sheets[0].values).toHaveLength(82);
    expect(sim.counters.syncs).toBeLessThanOrEqual(4);
  });

  it("a sheet with 600 merged headers still reads, with the merges of its first 50 rows", async () => {
    const { ops } = setup(manyMerges(600), "1.17");
    const wb = await ops.readWorkbook();
    const merges = wb.sheets[0].merges ?? [];
    expect(wb.sheets[0].values).toHaveLength(82);
    // 600 header merges are over the limit even in the first rows: read goes on without them.
    expect(merges).toEqual([]);
  });

  it("keeps the header merges when only the whole range is over the limit", async () => {
    const book = manyMerges(500);
    // 500 header merges plus 20 lower down: 520 in the used range, 500 in its first 50 rows.
    const { ops } = setup(book, "1.17");
    const wb = await ops.readWorkbook();
    const merges = wb.sheets[0].merges ?? [];
    expect(merges).toHaveLength(500);
    expect(merges[0]).toBe("A1:B1");
    expect(merges.some((m) => m === "A60:B60")).toBe(false);
  });
});

describe("dropdown sources Excel cannot take as text", () => {
  it("names the problem: a comma inside a value, or a list over 255 characters", () => {
    expect(dropdownProblem(["Thôn", "Bản"])).toBeNull();
    expect(dropdownProblem(["Bí thư, phó bí thư", "Đảng viên"])?.en).toMatch(/comma/);
    expect(dropdownProblem(Array.from({ length: 40 }, (_, i) => `Tổ dân phố số ${i + 1}`))?.vi).toMatch(/255/);
  });

  it("writes the rest of the plan and explains the dropdown it left out", async () => {
    const { sim, ops } = setup({ sheets: [] }, "1.17");
    const long = Array.from({ length: 40 }, (_, i) => `Tổ dân phố số ${i + 1}`);
    const report = await ops.applyPlan({
      ops: [
        { op: "sheet", sheet: "Mẫu", purpose: "template" },
        { op: "values", sheet: "Mẫu", address: "A1:B1", values: [["Họ và tên", "Tổ"]] },
        { op: "dropdown", sheet: "Mẫu", address: "B2:B100", values: long },
        { op: "dropdown", sheet: "Mẫu", address: "C2:C100", values: ["Bí thư, phó bí thư", "Đảng viên"] },
        { op: "dropdown", sheet: "Mẫu", address: "D2:D100", values: ["Có", "Không"] },
      ],
    });
    expect(sim.sheetInfo("Mẫu").dropdowns).toEqual([{ address: "D2:D100", source: "Có,Không" }]);
    expect(report.notes?.map((n) => n.message.vi)).toEqual([
      expect.stringContaining("Mẫu!B2:B100 (danh sách dài quá 255 ký tự)"),
      expect.stringContaining("Mẫu!C2:C100 (có giá trị chứa dấu phẩy)"),
    ]);
  });
});

describe("no fill reads as solid white (office-js#6218); tintAndShade tells them apart (#4900)", () => {
  it("before ExcelApi 1.9 (no tintAndShade) puts white back as no fill; from 1.9 white stays white", () => {
    expect(fillKeyOf("#FFFFFF")).toBe("");
    expect(fillKeyOf("#ffffff", undefined)).toBe("");
    expect(fillKeyOf("#FFFFFF", null, "Solid")).toBe("");
    expect(fillKeyOf("#FFFFFF", 0, "Solid")).toBe("#FFFFFF");
    expect(fillKeyOf("#FFC7CE", 0)).toBe("#FFC7CE");
    expect(fillKeyOf("#FFFF00", 0, "Gray25", "#000000")).toBe("#FFFF00|Gray25|#000000");
  });
});
