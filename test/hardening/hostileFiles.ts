/**
 * The hostile-file corpus of issue 16, made by code (never committed as
 * binaries): files a province receives from many offices, saved by many
 * programs, some damaged and some crafted. Each is a normal commune file
 * (a cadres table) with one thing wrong, or odd but valid. Made by
 * `makeHostileFiles(dir)`, or `npx tsx test/hardening/hostileFiles.ts DIR`.
 *
 * What each must give is in its case: a plain refusal (code), or a result in
 * which the named tables are either found or named in WorkbookData.problems.
 */
import * as fs from "fs";
import * as path from "path";
import {
  craftXlsx, NS, REL_NS, REL_TYPE, repeatedByteDeflate, sheetXml, sstXml, workbookParts, zip, type CraftCell, type ZipItem,
} from "../xlsx/craft";

export interface HostileCase {
  name: string;
  file: string;
  /** "message": refused with one plain sentence (XlsxReadError `code`); "result": read, checked, answered. */
  expect: "message" | "result";
  code?: string;
  /** Sheets holding a cadres table: each must be found by understand, or named in problems. */
  tables: string[];
  /** Problem codes the reader must report (sheet name, code). */
  problems?: Array<[string, string]>;
}

export const CADRES_SHEET = "Cán bộ";
const HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã"];
const NAMES = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Bình", "Phạm Thị Lan", "Hoàng Văn Nam", "Vũ Thị Mai", "Đỗ Văn Hùng", "Bùi Thị Thu"];

/** A commune's cadres table: header and 24 secretaries, one per cell. */
export function cadreRows(commune = "Xã Yên Lạc"): CraftCell[][] {
  const rows: CraftCell[][] = [HEADER];
  for (let i = 1; i <= 24; i++) {
    rows.push([i, NAMES[i % NAMES.length], 1965 + (i % 25), i % 3 === 0 ? "Nữ" : "Nam", "Kinh", "Bí thư chi bộ", `Chi bộ Thôn ${i}`, commune]);
  }
  return rows;
}

/** The cadres table with its text in the shared-string table (as Excel writes it), for cases about that table. */
function sharedCadres(transform: (s: string) => string = (s) => s): { sheet: string; strings: string[] } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      index.set(s, i);
      strings.push(transform(s));
    }
    return i;
  };
  const body = cadreRows().map((row, r) => `<row r="${r + 1}">${row.map((v, c) => {
    const a = `${String.fromCharCode(65 + c)}${r + 1}`;
    return typeof v === "number" ? `<c r="${a}"><v>${v}</v></c>` : `<c r="${a}" t="s"><v>${ref(String(v))}</v></c>`;
  }).join("")}</row>`).join("");
  return { sheet: `<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`, strings };
}

const NOTES = sheetXml([["Ghi chú"], ["Tệp của văn phòng đảng ủy xã."]]);

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The UTF-16 form of a string, little-endian with a byte order mark, or big-endian without. */
function utf16(s: string, bigEndian = false): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bigEndian ? 0 : 2));
  let p = 0;
  if (!bigEndian) { out[p++] = 0xff; out[p++] = 0xfe; }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[p++] = bigEndian ? c >> 8 : c & 0xff;
    out[p++] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/** Every element of the SpreadsheetML namespace written with the prefix `x:` (valid, and how some tools write). */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)(?!\?|!)([A-Za-z][\w]*)(?=[\s>/])/g, "<$1x:$2")
    .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, `xmlns:x="${NS}"`);
}

export async function makeHostileFiles(dir: string): Promise<HostileCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = (name: string, fileName: string, bytes: Uint8Array, c: Omit<HostileCase, "name" | "file">) => {
    cases.push({ name, file: write(dir, fileName, bytes), ...c });
  };
  const cadres = cadreRows();
  const cadresXml = (extraRows = "", merges: string[] = []) => sheetXml(cadres, { extraRows, merges });

  add("one stray value in XFD1048576", "stray-xfd1048576.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>') }] }),
    { expect: "result", tables: [CADRES_SHEET] });

  add("a row numbered 1,000,000,000", "row-billion.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml('<row r="1000000000"><c><v>1</v></c><c r="A1000000000"><v>2</v></c></row>') }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "beyond-grid"]] });

  add("references beyond column XFD", "refs-beyond-xfd.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml('<row r="40"><c r="XFE40"><v>1</v></c><c r="ZZZZZZ40"><v>2</v></c><c r="A99999999999999999999"><v>3</v></c></row>') }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "beyond-grid"]] });

  add("a merge over the whole sheet, and one beyond the grid", "merge-whole-sheet.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml("", ["A1:XFD1048576", "B3:XFE2000000", "C30:C1048576"]) }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "beyond-grid"]] });

  // Deflate bombs: a few megabytes of zip that inflate to 1.5 GB, with an honest size and with a lying one.
  const bomb = repeatedByteDeflate(1_500_000_000, 0x20);
  const bombed = (declaredSize?: number) => {
    const parts = workbookParts({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }, { name: "Trang lớn" }] });
    return zip(parts.map((p) => (p.name === "xl/worksheets/sheet2.xml" ? { ...p, raw: bomb, declaredSize } : p)));
  };
  add("a deflate bomb declaring its size (1.5 GB from a few MB)", "bomb-declared.xlsx", bombed(),
    { expect: "result", tables: [CADRES_SHEET], problems: [["Trang lớn", "too-large"]] });
  add("a deflate bomb declaring 2 KB", "bomb-lying.xlsx", bombed(2048),
    { expect: "result", tables: [CADRES_SHEET], problems: [["Trang lớn", "unreadable"]] });
  add("a deflate bomb in the shared strings", "bomb-shared-strings.xlsx",
    zip(workbookParts({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }], sharedStrings: [] }).map((p) =>
      (p.name === "xl/sharedStrings.xml" ? { ...p, raw: bomb, declaredSize: 4096 } : p))),
    { expect: "message", code: "bad-part", tables: [] });
  add("a deflate bomb in the shared strings, declaring its size", "bomb-shared-strings-declared.xlsx",
    zip(workbookParts({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }], sharedStrings: [] }).map((p) =>
      (p.name === "xl/sharedStrings.xml" ? { ...p, raw: bomb } : p))),
    { expect: "message", code: "part-too-large", tables: [] });

  const many: ZipItem[] = Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: "", store: true }));
  add("20,000 entries in the zip", "many-entries.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }], extra: many }),
    { expect: "message", code: "too-many-entries", tables: [] });

  const huge = "A".repeat(5_000_000);
  add("a 5-million-character string, inline and shared", "huge-strings.xlsx",
    craftXlsx({
      sheets: [{ name: CADRES_SHEET, xml: cadresXml(`<row r="40"><c r="B40" t="inlineStr"><is><t>${huge}</t></is></c><c r="C40" t="s"><v>0</v></c></row>`) }],
      sharedStrings: [huge],
    }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "truncated"]] });

  add("a listed sheet whose part is missing", "missing-part.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, omitPart: true }, { name: "Ghi chú", xml: NOTES }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "missing-part"]] });

  add("a listed sheet whose part is missing, and no other data", "missing-part-only.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, omitPart: true }, { name: "Trống" }] }),
    { expect: "message", code: "sheets-unreadable", tables: [] });

  add("a sheet pointing at a relationship that does not exist", "dangling-rid.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml(), rid: "rId99" }, { name: "Ghi chú", xml: NOTES }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "missing-part"]] });

  add("a sheet part stored twice in the zip", "duplicate-entry.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }], extra: [{ name: "xl/worksheets/sheet1.xml", data: sheetXml([["khác"]]) }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "duplicate-entry"]] });

  add("a sheet listed twice by the workbook", "listed-twice.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: cadresXml() }, { name: "Cán bộ (bản sao)", rid: "rId1" }] }),
    { expect: "result", tables: [CADRES_SHEET], problems: [["Cán bộ (bản sao)", "listed-twice"]] });

  const cdata = sharedCadres();
  add("values in CDATA sections", "cdata.xlsx",
    craftXlsx({
      sheets: [{ name: CADRES_SHEET, xml: cdata.sheet.replace(/<v>(\d+)<\/v>/g, "<v><![CDATA[$1]]></v>") }],
      sharedStringsXml: `<sst xmlns="${NS}">${cdata.strings.map((s) => `<si><t><![CDATA[${s}]]></t></si>`).join("")}</sst>`,
    }),
    { expect: "result", tables: [CADRES_SHEET] });

  const escaped = sharedCadres((s) => s.replace(/ /g, "_x0020_"));
  add("text written with _x0020_ escapes", "escapes.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: escaped.sheet }], sharedStrings: escaped.strings }),
    { expect: "result", tables: [CADRES_SHEET] });

  const plain = sharedCadres();
  add("every part with a namespace prefix (x:row)", "prefixed.xlsx",
    zip(workbookParts({ sheets: [{ name: CADRES_SHEET, xml: plain.sheet }], sharedStrings: plain.strings }).map((p) =>
      (p.name.startsWith("xl/") && !p.name.includes("_rels") ? { ...p, data: prefixed(String(p.data)) } : p))),
    { expect: "result", tables: [CADRES_SHEET] });

  add("UTF-16 parts (sheet little-endian with a mark, shared strings big-endian without)", "utf16.xlsx",
    zip(workbookParts({ sheets: [{ name: CADRES_SHEET, xml: plain.sheet }], sharedStrings: plain.strings }).map((p) => {
      if (p.name === "xl/worksheets/sheet1.xml") return { ...p, data: utf16(String(p.data).replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>')) };
      if (p.name === "xl/sharedStrings.xml") return { ...p, data: utf16(String(p.data), true) };
      return p;
    })),
    { expect: "result", tables: [CADRES_SHEET] });

  const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
  add("strict OOXML (purl.oclc.org namespaces and relationship types)", "strict.xlsx",
    zip(workbookParts({ sheets: [{ name: CADRES_SHEET, xml: plain.sheet }], sharedStrings: plain.strings }).map((p) => ({
      ...p,
      data: String(p.data).split(NS).join(STRICT).split(REL_NS).join(STRICT_REL).split(REL_TYPE).join(STRICT_REL),
    }))),
    { expect: "result", tables: [CADRES_SHEET] });

  const badUtf8 = sharedCadres();
  const sst = new TextEncoder().encode(sstXml(badUtf8.strings));
  const at = Buffer.from(sst).indexOf(Buffer.from("Lê Thị Hoa"));
  const broken = new Uint8Array([...sst.subarray(0, at + 2), 0xff, 0xfe, ...sst.subarray(at + 2)]);
  add("text that is not UTF-8", "invalid-utf8.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: badUtf8.sheet }], sharedStringsXml: broken }),
    { expect: "result", tables: [CADRES_SHEET], problems: [[CADRES_SHEET, "unreadable"]] });

  // Birth dates as serials of the 1904 date system: 24,638 there is 16/06/1971 (26,100 in the 1900 system).
  const dated = cadreRows().map((r, i) => (i === 0 ? [...r.slice(0, 2), "Ngày sinh", ...r.slice(3)] : [...r.slice(0, 2), 24637 + i, ...r.slice(3)]));
  add("a workbook in the 1904 date system", "date1904.xlsx",
    craftXlsx({ sheets: [{ name: CADRES_SHEET, xml: sheetXml(dated) }], date1904: true }),
    { expect: "result", tables: [CADRES_SHEET] });

  return cases;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "fixtures", "hostile");
  makeHostileFiles(dir).then((cases) => {
    for (const c of cases) console.log(`${c.expect.padEnd(8)} ${path.basename(c.file).padEnd(28)} ${c.name}`);
  });
}
