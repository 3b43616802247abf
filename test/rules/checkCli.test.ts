import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateSample } from "../../src/core/sample";
import { checkWorkbook, exitCodeFor, formatText, groupByRule, jsonDocument } from "../../src/cli/check";
import { main } from "../../src/cli/main";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { day } from "../../src/core/model";

const today = day(2026, 11, 23);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    const code = await main(["node", "chibo", "check", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("chibo check: one workbook in memory", () => {
  const defective = generateSample({ size: "commune", seed: 5, defects: true }).workbook;
  const clean = generateSample({ size: "commune", seed: 5, defects: false }).workbook;

  it("reports errors with exit code 1, and says the period was chosen by default", () => {
    const r = checkWorkbook("x.xlsx", defective, { period: null, today });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.period).toEqual({ kind: "year", year: 2025 });
    expect(r.periodIsDefault).toBe(true);
    expect(r.counts.error).toBeGreaterThan(0);
    expect(exitCodeFor([r])).toBe(1);
    const text = formatText([r], "vi", 100);
    expect(text).toContain("kỳ mặc định");
    expect(text).toMatch(/Lỗi: \d+ {3}Cảnh báo: \d+ {3}Thông tin: \d+/);
    expect(text).toMatch(/\[cell\/monthly\] Lỗi: 2\n {2}'Sinh hoạt'!D\d+ {2}Chi bộ /);
    // Inside a rule, errors come before infos: the unreadable dates lead the text dates.
    expect(text).toMatch(/\[type\/date\] Lỗi: \d+, Thông tin: \d+\n {2}'[^']+'!\w+ {2}.*(không hợp lệ|không phải là|lỗi công thức)/);
  });

  it("gives exit code 0 for a clean workbook, and groups findings in DOMAIN.md order", () => {
    const r = checkWorkbook("x.xlsx", clean, { period: { kind: "quarter", year: 2025, quarter: 3 }, today });
    expect(r.ok && r.counts.error === 0 && r.counts.warning === 0).toBe(true);
    expect(exitCodeFor([r])).toBe(0);
    if (!r.ok) return;
    const order = groupByRule(r.findings).map((g) => g.rule);
    expect(order.indexOf("type/date")).toBeLessThan(order.indexOf("meeting/quality"));
  });

  it("prints the JSON document of issue 3", () => {
    const r = checkWorkbook("x.xlsx", defective, { period: null, today });
    const doc = jsonDocument([r], "vi") as { files: Array<{ file: string; findings: Array<Record<string, unknown>>; counts: object }> };
    expect(doc.files[0].file).toBe("x.xlsx");
    const f = doc.files[0].findings.find((x) => x.rule === "text/spaces")!;
    expect(Object.keys(f)).toEqual(expect.arrayContaining(["rule", "severity", "sheet", "address", "row", "column", "value", "message", "messageEn", "fix"]));
    expect(f.fix).toMatchObject({ value: expect.any(String), description: "Bỏ khoảng trắng thừa" });
    expect(doc.files[0].findings.some((x) => x.fix === null)).toBe(true);
  });

  it("gives a date cell's serial with the day it means, in the finding and in a date fix", () => {
    const r = checkWorkbook("x.xlsx", defective, { period: null, today });
    const doc = jsonDocument([r], "vi") as { files: Array<{ findings: Array<Record<string, unknown>> }> };
    const monthly = doc.files[0].findings.find((x) => x.rule === "cell/monthly" && typeof x.value === "number")!;
    expect(monthly.valueText).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const textDate = doc.files[0].findings.find((x) => x.rule === "type/date" && x.fix !== null)!;
    expect((textDate.fix as { valueText: string }).valueText).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // Anything that is not a date carries no valueText.
    expect(doc.files[0].findings.find((x) => x.rule === "text/spaces")!).not.toHaveProperty("valueText");
  });

  it("refuses an empty workbook and one without the expected tables, with a sentence", () => {
    const empty = checkWorkbook("e.xlsx", { sheets: [{ name: "Sheet1", originRow: 1, originCol: 1, values: [] }] }, { period: null, today });
    expect(empty).toMatchObject({ ok: false, error: { vi: expect.stringContaining("trống") } });
    const other = checkWorkbook("o.xlsx", { sheets: [{ name: "Lương", originRow: 1, originCol: 1, values: [["Tháng", "Lương"], [1, 1000]] }] }, { period: null, today });
    expect(other).toMatchObject({ ok: false, error: { vi: expect.stringContaining("Không tìm thấy bảng") } });
    expect(exitCodeFor([other])).toBe(2);
  });
});

describe("chibo check: the command", () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-check-")); });
  afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it("checks an .xlsx file and prints exactly one JSON document", async () => {
    const file = path.join(dir, "d.xlsx");
    const sample = generateSample({ size: "commune", seed: 2, defects: true });
    await writeWorkbookFile(file, sample.workbook, { boldRows: sample.headerRows });
    const r = await run([file, "--json", "--period", "2025"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files).toHaveLength(1);
    const found = new Set(doc.files[0].findings.map((f: { sheet: string; row: number; rule: string }) => `${f.sheet}!${f.row}|${f.rule}`));
    // A sheet the reader cannot read exists only in memory (WorkbookData.problems): a written file has no broken part.
    const inFile = sample.defects.filter((d) => d.rule !== "sheet/unreadable");
    expect(inFile.filter((d) => !found.has(`${d.sheet}!${d.row}|${d.rule}`))).toEqual([]);
  });

  it("exits 2 with a sentence for a missing file, and for a wrong period", async () => {
    const missing = await run([path.join(dir, "nope.xlsx"), "--json"]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).files[0].error).toContain("Không tìm thấy tệp");
    expect(missing.err).toContain("Không tìm thấy tệp");
    const bad = await run([path.join(dir, "nope.xlsx"), "--period", "2026-Q5"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Kỳ báo cáo không hợp lệ");
    expect(bad.out).toBe("");
  });
});

describe("chibo check names why each sheet gave no table", () => {
  it("says it in the one-line error when no sheet holds a table", () => {
    const wb = { sheets: [{ name: "ĐV mới", originRow: 1, originCol: 1, values: [["STT", "Ngày sinh", "Giới tính", "Chi bộ"], [1, "01/01/1990", "Nam", "Thôn 1"], [2, "02/02/1991", "Nữ", "Thôn 2"]] }] };
    const r = checkWorkbook("x.xlsx", wb, { period: null, today });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.vi).toMatch(/các trang: ĐV mới: dòng 1 có tiêu đề cột của bảng Cán bộ .*thiếu cột "Họ và tên"/);
    expect(r.error.en).toContain('no "Full name" column');
  });
});
