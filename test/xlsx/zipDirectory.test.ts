import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8 } from "fflate";
import { XlsxReadError } from "../../src/xlsx/errors";
import { readWorkbookBytes } from "../../src/xlsx/workbook";
import { readZipDirectory as readerDirectory } from "../../src/xlsx/zip";
import { indexParts, partKey, readCentralDirectory, ZipError, type ZipEntry } from "../../src/xlsx/zipDirectory";
import { PackageError, readZipDirectory as copierDirectory } from "../../src/xlsx/zipPackage";
import { crc32, sheetXml, workbookParts } from "./craft";

/**
 * The reader (the whole file in memory) and the part copier of `summary --out`
 * (positional reads of the file's tail and directory) parse the central
 * directory with one parser: fed the same hostile directory, they must give
 * the same verdict. Each zip is built here byte by byte, as a hostile or
 * careless writer would store it.
 */
interface Item { name: string; data: Uint8Array }
interface Build {
  /** End records and directory fields in zip64 form (all-ones in the classic fields). */
  zip64?: boolean;
  declaredCount?: number;
  disk?: number;
  /** The local header offset the directory records for entry i. */
  offset?: (i: number, real: number) => number;
  /** Patches the finished bytes (positions from the start of the file). */
  patch?: (b: DataView, at: { eocd: number; locator: number; dir: number }) => void;
}

function build(items: Item[], o: Build = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let pos = 0;
  items.forEach((it, i) => {
    const name = strToU8(it.name);
    const local = new Uint8Array(30 + name.length + it.data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc32(it.data), true);
    lv.setUint32(18, it.data.length, true);
    lv.setUint32(22, it.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(it.data, 30 + name.length);
    const extra = o.zip64 ? 28 : 0;
    const central = new Uint8Array(46 + name.length + extra);
    const cv = new DataView(central.buffer);
    const offset = o.offset ? o.offset(i, pos) : pos;
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, o.zip64 ? 45 : 20, true);
    cv.setUint32(16, crc32(it.data), true);
    cv.setUint32(20, o.zip64 ? 0xffffffff : it.data.length, true);
    cv.setUint32(24, o.zip64 ? 0xffffffff : it.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra, true);
    cv.setUint16(34, o.disk ?? 0, true);
    cv.setUint32(42, o.zip64 ? 0xffffffff : offset, true);
    central.set(name, 46);
    if (o.zip64) {
      const x = 46 + name.length;
      cv.setUint16(x, 1, true);
      cv.setUint16(x + 2, 24, true);
      cv.setBigUint64(x + 4, BigInt(it.data.length), true);
      cv.setBigUint64(x + 12, BigInt(it.data.length), true);
      cv.setBigUint64(x + 20, BigInt(offset), true);
    }
    locals.push(local);
    centrals.push(central);
    pos += local.length;
  });
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const count = o.declaredCount ?? items.length;
  const tail = o.zip64 ? 56 + 20 + 22 : 22;
  const out = new Uint8Array(pos + dirSize + tail);
  let p = 0;
  for (const part of [...locals, ...centrals]) { out.set(part, p); p += part.length; }
  const v = new DataView(out.buffer);
  if (o.zip64) {
    v.setUint32(p, 0x06064b50, true);
    v.setBigUint64(p + 4, 44n, true);
    v.setBigUint64(p + 24, BigInt(count), true);
    v.setBigUint64(p + 32, BigInt(count), true);
    v.setBigUint64(p + 40, BigInt(dirSize), true);
    v.setBigUint64(p + 48, BigInt(pos), true);
    v.setUint32(p + 56, 0x07064b50, true);
    v.setBigUint64(p + 64, BigInt(p), true);
    v.setUint32(p + 72, 1, true);
  }
  const eocd = out.length - 22;
  v.setUint32(eocd, 0x06054b50, true);
  v.setUint16(eocd + 4, o.disk ?? 0, true);
  v.setUint16(eocd + 8, o.zip64 ? 0xffff : count, true);
  v.setUint16(eocd + 10, o.zip64 ? 0xffff : count, true);
  v.setUint32(eocd + 12, o.zip64 ? 0xffffffff : dirSize, true);
  v.setUint32(eocd + 16, o.zip64 ? 0xffffffff : pos, true);
  o.patch?.(v, { eocd, locator: eocd - 20, dir: pos });
  return out;
}

const SHEET = "Cán bộ";
const parts: Item[] = workbookParts({ sheets: [{ name: SHEET, xml: sheetXml([["Họ và tên", "Năm sinh"], ["Lê Thị Hoa", 1980]]) }] })
  .map((p) => ({ name: p.name, data: typeof p.data === "string" ? strToU8(p.data) : p.data }));
const sheetPart = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
const renamed = (from: string, to: string) => parts.map((p) => (p.name === from ? { ...p, name: to } : p));

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-zipdir-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The shared parser's verdict: the error kind, or the part keys stored more than once. */
function parserVerdict(b: Uint8Array, maxEntries: number): string {
  try {
    const dup = [...indexParts(readCentralDirectory({ bytes: b, start: 0, fileSize: b.length }, maxEntries)).duplicates.keys()];
    return dup.length ? `duplicate ${dup.join(", ")}` : "ok";
  } catch (e) {
    if (e instanceof ZipError) return e.kind;
    throw e;
  }
}

/** What the reader says of the file: its refusal, or the problems of the sheets it read. */
function readerVerdict(b: Uint8Array, maxEntries: number): string {
  try {
    const wb = readWorkbookBytes(b, { fileName: "t.xlsx", limits: { maxZipEntries: maxEntries } });
    const problems = (wb.problems ?? []).map((p) => `${p.code} ${p.sheet}`);
    return problems.length ? problems.join(", ") : "ok";
  } catch (e) {
    if (e instanceof XlsxReadError) return e.code;
    throw e;
  }
}

let n = 0;
async function copierVerdict(b: Uint8Array, maxEntries: number): Promise<string> {
  const file = path.join(dir, `z${n++}.xlsx`);
  fs.writeFileSync(file, b);
  try {
    await copierDirectory(file, maxEntries);
    return "ok";
  } catch (e) {
    if (e instanceof PackageError) return e.code;
    throw e;
  }
}

const comparable = (e: ZipEntry) => [e.name, e.size, e.compressedSize, e.localHeaderOffset, e.crc];

describe("one central-directory parser: the reader and the part copier agree", () => {
  const bound = parts.length;
  // [case, bytes, parser, reader, copier]
  const cases: [string, () => Uint8Array, string, string, string][] = [
    ["a plain package", () => build(parts), "ok", "ok", "ok"],
    ["zip64 end records and extra fields", () => build(parts, { zip64: true }), "ok", "ok", "ok"],
    ["a name with Windows separators", () => build(renamed("xl/worksheets/sheet1.xml", "xl\\worksheets\\sheet1.xml")), "ok", "ok", "ok"],
    ["more entries than the bound", () => build([...parts, { name: "xl/media/image1.png", data: new Uint8Array(3) }]), "too-many-entries", "too-many-entries", "too-many-entries"],
    ["a count that lies low over more records than the bound", () => build([...parts, { name: "docProps/app.xml", data: strToU8("<a/>") }], { declaredCount: 1 }),
      "too-many-entries", "too-many-entries", "too-many-entries"],
    ["a zip64 count over the bound", () => build(parts, { zip64: true, patch: (v, at) => v.setBigUint64(at.locator - 56 + 32, 1_000_000n, true) }),
      "too-many-entries", "too-many-entries", "too-many-entries"],
    ["a count that lies low, within the bound", () => build(parts, { declaredCount: 1 }), "ok", "ok", "ok"],
    ["a directory holding fewer records than it declares", () => build(parts.slice(0, -1), { declaredCount: bound }), "corrupt", "corrupt", "corrupt"],
    ["a directory claiming more bytes than the file", () => build(parts, { patch: (v, at) => v.setUint32(at.eocd + 12, 0x7fff0000, true) }), "corrupt", "corrupt", "corrupt"],
    ["a directory overlapping its end record", () => build(parts, { patch: (v, at) => v.setUint32(at.eocd + 12, v.getUint32(at.eocd + 12, true) + 10, true) }),
      "corrupt", "corrupt", "corrupt"],
    ["a zip64 locator pointing past the end", () => build(parts, { zip64: true, patch: (v, at) => v.setBigUint64(at.locator + 8, 1n << 40n, true) }), "corrupt", "corrupt", "corrupt"],
    ["an all-ones directory offset without a zip64 locator", () => build(parts, { patch: (v, at) => v.setUint32(at.eocd + 16, 0xffffffff, true) }), "corrupt", "corrupt", "corrupt"],
    ["a zip64 offset past 2^53", () => build(parts, { zip64: true, patch: (v, at) => v.setUint32(at.dir + 46 + parts[0].name.length + 20 + 4, 0x00400000, true) }),
      "corrupt", "corrupt", "corrupt"],
    ["a zip64 extra field cut short", () => build(parts, { zip64: true, patch: (v, at) => v.setUint16(at.dir + 46 + parts[0].name.length + 2, 8, true) }), "corrupt", "corrupt", "corrupt"],
    ["two entries sharing their bytes", () => build([...parts, { ...sheetPart, name: "xl/worksheets/sheet9.xml" }], { offset: (i, real) => (i === parts.length ? 0 : real) }),
      "corrupt", "corrupt", "corrupt"],
    ["an entry running into the directory", () => build(parts, { patch: (v, at) => v.setUint32(at.dir + 20, 1 << 20, true) }), "corrupt", "corrupt", "corrupt"],
    ["a zip split over disks", () => build(parts, { disk: 1 }), "split", "corrupt", "unsupported"],
    ["a sheet stored twice, names differing by case", () => build([...parts, { ...sheetPart, name: "XL/Worksheets/Sheet1.xml" }]),
      "duplicate xl/worksheets/sheet1.xml", `duplicate-entry ${SHEET}`, "duplicate-part"],
    ["a sheet stored twice, once with backslashes", () => build([...parts, { ...sheetPart, name: "xl\\worksheets\\sheet1.xml" }]),
      "duplicate xl/worksheets/sheet1.xml", `duplicate-entry ${SHEET}`, "duplicate-part"],
  ];

  it.each(cases)("%s", async (_name, bytes, parser, reader, copier) => {
    const b = bytes();
    const limit = parser === "too-many-entries" ? bound : bound + 5;
    expect([parserVerdict(b, limit), readerVerdict(b, limit), await copierVerdict(b, limit)]).toEqual([parser, reader, copier]);
  });

  it("lists the same entries from memory and from the file, zip64 or not", async () => {
    for (const o of [{}, { zip64: true }]) {
      const b = build(renamed("xl/worksheets/sheet1.xml", "xl\\worksheets\\sheet1.xml"), o);
      const file = path.join(dir, `same${n++}.xlsx`);
      fs.writeFileSync(file, b);
      const fromFile = (await copierDirectory(file)).entries;
      expect([...readerDirectory(b, 100).entries.values()].map(comparable)).toEqual(fromFile.map(comparable));
      expect(fromFile.map((e) => partKey(e.name))).toContain("xl/worksheets/sheet1.xml");
    }
  });

  it("reads names without the UTF-8 flag as code page 437, and keeps their stored bytes", () => {
    const b = build([{ name: "x", data: new Uint8Array(0) }]);
    b[30 + 1 + 46] = 0x87; // the directory's copy of the name "x" becomes "ç" in code page 437
    const [e] = readCentralDirectory({ bytes: b, start: 0, fileSize: b.length }, 10);
    expect([e.name, [...e.nameBytes]]).toEqual(["ç", [0x87]]);
  });
});
