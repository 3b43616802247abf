import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { generateSample } from "../../src/core/sample";
import type { WritePlan } from "../../src/core/model";
import { MARKER_PREFIX, writeWorkbookWithPlan } from "../../src/xlsx/copyWithPlan";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { PackageError, readZipDirectory } from "../../src/xlsx/zipPackage";
import * as zipPackage from "../../src/xlsx/zipPackage";

/** A summary-like plan: title, a bordered table with merged headers, number formats, widths, frozen header. */
const plan: WritePlan = {
  ops: [
    { op: "sheet", sheet: "Tổng hợp", purpose: "summary", tabColor: "#1F4E78" },
    { op: "values", sheet: "Tổng hợp", address: "A1", values: [["TỔNG HỢP SỐ LIỆU CHI BỘ"]] },
    { op: "format", sheet: "Tổng hợp", address: "A1", format: { bold: true, fontSize: 14 } },
    { op: "values", sheet: "Tổng hợp", address: "A3:D5", values: [["STT", "Đảng bộ", "Nữ", ""], ["", "", "Số lượng", "Tỷ lệ %"], [1, "Xã A & <B>", 3, 21.74]] },
    { op: "values", sheet: "Tổng hợp", address: "A6:B6", values: [["=SUM(A1)", "x_x0041_y\u0001\r\n"]] },
    { op: "merge", sheet: "Tổng hợp", address: "C3:D3" },
    { op: "merge", sheet: "Tổng hợp", address: "A3:A4" },
    { op: "format", sheet: "Tổng hợp", address: "A3:D4", format: { bold: true, fill: "#DDEBF7", wrap: true, hAlign: "Center", vAlign: "Center", border: true } },
    { op: "format", sheet: "Tổng hợp", address: "D5", format: { numberFormat: "0.00", border: true } },
    { op: "format", sheet: "Tổng hợp", address: "C5", format: { numberFormat: "#,##0;[Red]-#,##0", italic: true, fontColor: "#7F7F7F" } },
    { op: "columnWidths", sheet: "Tổng hợp", firstCol: 1, widths: [28, 150, 50, 46] },
    { op: "freeze", sheet: "Tổng hợp", rows: 4, cols: 2 },
    { op: "chart", sheet: "Tổng hợp", name: "chibo-x", kind: "ColumnClustered", title: "x", source: "A3:D5", seriesBy: "Columns", anchor: { from: "F1", to: "L9" } },
  ],
};

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-copy-"));
  const s = generateSample({ size: "commune", seed: 5, defects: false });
  const base = path.join(dir, "base.xlsx");
  await writeWorkbookFile(base, s.workbook, { boldRows: s.headerRows });
  // Add what summary --out must carry over untouched: a picture, custom XML, a part stored without compression.
  const parts = unzipSync(fs.readFileSync(base));
  const picture = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = [data, { level: name.endsWith(".rels") ? 0 : 6 }];
  zippable["xl/media/image1.png"] = [picture, { level: 0 }];
  zippable["customXml/item1.xml"] = [strToU8("<root>giữ nguyên</root>"), { level: 9 }];
  input = path.join(dir, "xa.xlsx");
  fs.writeFileSync(input, zipSync(zippable));
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function storedBytes(file: string): Promise<Map<string, { crc: number; bytes: Buffer }>> {
  const d = await readZipDirectory(file);
  const buf = fs.readFileSync(file);
  const out = new Map<string, { crc: number; bytes: Buffer }>();
  for (const e of d.entries) {
    const at = e.localHeaderOffset;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    out.set(e.name, { crc: e.crc, bytes: buf.subarray(start, start + e.compressedSize) });
  }
  return out;
}

const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

describe("writeWorkbookWithPlan: a copy of the input plus the plan's sheets", () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, "out.xlsx");
    await writeWorkbookWithPlan(input, out, plan);
  }, 30000);

  it("copies every other part byte for byte, compressed as it was", async () => {
    const before = await storedBytes(input);
    const after = await storedBytes(out);
    for (const [name, part] of before) {
      expect(after.has(name)).toBe(true);
      if (EDITED.includes(name)) continue;
      expect(after.get(name)!.crc).toBe(part.crc);
      expect(after.get(name)!.bytes.equals(part.bytes)).toBe(true);
    }
    expect([...after.keys()].filter((n) => !before.has(n))).toEqual(["xl/worksheets/sheet5.xml"]);
  });

  it("reads back, with the project's reader, as the input's sheets plus the summary", async () => {
    const a = await readWorkbookFile(input);
    const b = await readWorkbookFile(out);
    expect(b.sheets.map((s) => s.name)).toEqual([...a.sheets.map((s) => s.name), "Tổng hợp"]);
    for (let i = 0; i < a.sheets.length; i++) expect(b.sheets[i].values).toEqual(a.sheets[i].values);
    const t = b.sheets[b.sheets.length - 1];
    expect(t.values[0][0]).toBe("TỔNG HỢP SỐ LIỆU CHI BỘ");
    expect(t.values[4]).toEqual([1, "Xã A & <B>", 3, 21.74]);
    // Text stays text; characters XML cannot hold are written as Excel writes them (_xHHHH_), which Excel (and the reader) reads back exactly.
    expect(t.values[5][0]).toBe("=SUM(A1)");
    expect(t.values[5][1]).toBe("x_x0041_y\u0001\r\n");
    expect(t.merges).toEqual(["C3:D3", "A3:A4"]);
  });

  it("reads back in ExcelJS with the plan's formats, widths, frozen panes and marker", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tổng hợp")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("C3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("C3").alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(ws.getCell("D5").border.top).toMatchObject({ style: "thin" });
    expect(ws.getCell("D5").numFmt).toBe("0.00");
    expect(ws.getCell("C5").numFmt).toBe("#,##0;[Red]-#,##0");
    expect(ws.getCell("C5").font).toMatchObject({ italic: true, color: { argb: "FF7F7F7F" } });
    expect(ws.getCell("A6").value).toBe("=SUM(A1)");
    expect(ws.getCell("A6").formula).toBeUndefined();
    expect(ws.getColumn(2).width).toBeGreaterThan(25);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(ws.properties.tabColor).toMatchObject({ argb: "FF1F4E78" });
    expect(wb.definedNames.model).toEqual([{ name: `${MARKER_PREFIX}1`, ranges: ["'Tổng hợp'!$A$1"] }]);
    // The input's own sheets keep their formats (their style indexes did not move).
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(input);
    expect(wb.getWorksheet("Cán bộ")!.getCell("A4").font).toEqual(orig.getWorksheet("Cán bộ")!.getCell("A4").font);
  }, 30000);

  it("a second run replaces its own sheet in place; a user's sheet of that name is never touched", async () => {
    const again = path.join(dir, "again.xlsx");
    const report = await writeWorkbookWithPlan(out, again, plan);
    expect(report.sheets).toEqual([{ requested: "Tổng hợp", actual: "Tổng hợp" }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Danh sách xã", "Chi bộ", "Cán bộ", "Sinh hoạt", "Tổng hợp"]);
    expect(wb.definedNames.model.filter((d) => d.name.startsWith(MARKER_PREFIX))).toHaveLength(1);
    const xml = strFromU8(unzipSync(fs.readFileSync(again)).Print_Titles ?? new Uint8Array());
    expect(xml).toBe("");
    const wbXml = strFromU8(unzipSync(fs.readFileSync(again))["xl/workbook.xml"]);
    expect(wbXml.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);

    // A workbook whose user made a "Tổng hợp" sheet of their own.
    const userBook = path.join(dir, "user.xlsx");
    const s = generateSample({ size: "commune", seed: 6, defects: false });
    s.workbook.sheets.push({ name: "Tổng hợp", originRow: 1, originCol: 1, values: [["Của người dùng"]] });
    await writeWorkbookFile(userBook, s.workbook);
    const third = path.join(dir, "third.xlsx");
    const r = await writeWorkbookWithPlan(userBook, third, plan);
    expect(r.sheets[0].actual).toBe("Tổng hợp (2)");
    const back = await readWorkbookFile(third);
    expect(back.sheets.find((x) => x.name === "Tổng hợp")!.values).toEqual([["Của người dùng"]]);
    expect(back.sheets.find((x) => x.name === "Tổng hợp (2)")!.values[0][0]).toBe("TỔNG HỢP SỐ LIỆU CHI BỘ");
  }, 30000);

  it("with no input, writes a workbook with the plan's sheets only", async () => {
    const alone = path.join(dir, "alone.xlsx");
    await writeWorkbookWithPlan(null, alone, plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(alone);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp"]);
    expect(wb.getWorksheet("Tổng hợp")!.getCell("B5").value).toBe("Xã A & <B>");
    const back = await readWorkbookFile(alone);
    expect(back.sheets[0].values[4]).toEqual([1, "Xã A & <B>", 3, 21.74]);
    expect(Object.keys(unzipSync(fs.readFileSync(alone)))[0]).toBe("[Content_Types].xml");
  });
});

describe("writeWorkbookWithPlan on packages written by other programs", () => {
  function rezip(file: string, edit: (parts: Record<string, Uint8Array>) => void): string {
    const parts = unzipSync(fs.readFileSync(input));
    edit(parts);
    fs.writeFileSync(file, zipSync(parts));
    return file;
  }

  it("keeps a namespace prefix (x:) and a workbook part stored in UTF-16", async () => {
    const src = rezip(path.join(dir, "prefixed.xlsx"), (parts) => {
      const xml = strFromU8(parts["xl/workbook.xml"])
        .replace(/<(\/?)(?!\?)([a-zA-Z]+)/g, (m, slash: string, tag: string) => `<${slash}x:${tag}`)
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
      parts["xl/workbook.xml"] = new Uint8Array(utf16);
    });
    const out = path.join(dir, "prefixed-out.xlsx");
    await writeWorkbookWithPlan(src, out, plan);
    const wbXml = strFromU8(unzipSync(fs.readFileSync(out))["xl/workbook.xml"]);
    expect(wbXml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect(wbXml).toContain('<x:sheet name="Tổng hợp" sheetId="5" r:id="rId');
    expect(wbXml).toContain(`<x:definedNames><x:definedName name="${MARKER_PREFIX}1">'Tổng hợp'!$A$1</x:definedName>`);
    expect(wbXml.match(/<x:sheet /g)).toHaveLength(5);
  });

  it("refuses, with a plain sentence, a package listing a part twice or missing its workbook", async () => {
    const twice = path.join(dir, "twice.xlsx");
    const parts = unzipSync(fs.readFileSync(input));
    const zipped = Buffer.from(zipSync({ ...parts, "XL/Workbook.xml": parts["xl/workbook.xml"] }));
    fs.writeFileSync(twice, zipped);
    const e = await writeWorkbookWithPlan(twice, path.join(dir, "x.xlsx"), plan).catch((x) => x);
    expect(e).toBeInstanceOf(PackageError);
    expect(e.code).toBe("duplicate-part");
    expect(e.userText.vi).toMatch(/chứa hai phần cùng tên \(XL\/Workbook\.xml\)/);

    const noBook = rezip(path.join(dir, "nobook.xlsx"), (p) => { delete p["xl/workbook.xml"]; });
    const f = await writeWorkbookWithPlan(noBook, path.join(dir, "y.xlsx"), plan).catch((x) => x);
    expect(f).toMatchObject({ code: "corrupt", userText: { vi: expect.stringMatching(/bị hỏng hoặc chưa tải về hết \(xl\/workbook\.xml missing\)/) } });
  });

  it("refuses to copy an input that changed after its directory was read", async () => {
    const src = path.join(dir, "moving.xlsx");
    fs.copyFileSync(input, src);
    const real = zipPackage.readZipDirectory;
    const spy = jest.spyOn(zipPackage, "readZipDirectory").mockImplementation(async (f) => {
      const d = await real(f);
      fs.appendFileSync(src, "x");
      return d;
    });
    try {
      const e = await writeWorkbookWithPlan(src, path.join(dir, "z.xlsx"), plan).catch((x) => x);
      expect(e).toMatchObject({ code: "changed", userText: { vi: expect.stringContaining("đã bị thay đổi trong lúc đang đọc") } });
    } finally {
      spy.mockRestore();
    }
  });
});
