/**
 * Hand-made .xlsx files for the reader's tests and the hostile-file corpus:
 * a zip writer that can store what real writers never do (an entry twice, a
 * size that lies, a part that inflates to gigabytes), and a minimal workbook
 * whose every part can be replaced. Made in memory by the tests, never
 * committed as binaries.
 */
import { deflateSync, strToU8 } from "fflate";

export type Bytes = Uint8Array | string;

export interface ZipItem {
  name: string;
  data: Bytes;
  /** Store instead of deflate. */
  store?: boolean;
  /** Already-deflated bytes, written as they are (for bombs made piece by piece). */
  raw?: { deflated: Uint8Array; size: number; crc: number };
  /** The inflated size the directory declares, when it must lie. */
  declaredSize?: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const bytesOf = (d: Bytes) => (typeof d === "string" ? strToU8(d) : d);

/** A zip of the items in order; names may repeat. */
export function zip(items: ZipItem[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const it of items) {
    const name = strToU8(it.name);
    let body: Uint8Array, size: number, crc: number, method: number;
    if (it.raw) {
      ({ size, crc } = it.raw);
      body = it.raw.deflated;
      method = 8;
    } else {
      const data = bytesOf(it.data);
      size = data.length;
      crc = crc32(data);
      method = it.store ? 0 : 8;
      body = it.store ? data : deflateSync(data, { level: 6 });
    }
    const declared = it.declaredSize ?? size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(items.length, 0xffff), true);
  ev.setUint16(10, Math.min(items.length, 0xffff), true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/**
 * The deflated form of `size` copies of one byte, written directly as one
 * fixed-Huffman block: the byte once, then "copy 258 bytes from 1 back" over
 * and over (13 bits each), so a few megabytes stand for gigabytes without
 * ever holding them. Its CRC is left 0: the reader does not check it (a part
 * is refused by its size before any checksum could matter).
 */
export function repeatedByteDeflate(size: number, byte = 0x20): { deflated: Uint8Array; size: number; crc: number } {
  const pairs = Math.max(0, Math.floor((size - 1) / 258));
  const rest = size - 1 - pairs * 258;
  const out = new Uint8Array(Math.ceil((3 + 9 + pairs * 13 + (rest + 1) * 9 + 7) / 8) + 8);
  let acc = 0, nbits = 0, pos = 0;
  const put = (value: number, len: number) => {
    acc |= value << nbits;
    nbits += len;
    while (nbits >= 8) { out[pos++] = acc & 0xff; acc >>>= 8; nbits -= 8; }
  };
  // Huffman codes go most significant bit first into a stream filled from the least significant bit.
  const code = (c: number, len: number) => {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((c >> i) & 1) << (len - 1 - i);
    put(r, len);
  };
  const literal = (b: number) => (b < 144 ? code(0x30 + b, 8) : code(0x190 + b - 144, 9));
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  literal(byte);
  const pair = (() => { let r = 0; for (let i = 0; i < 8; i++) r |= ((0xc5 >> i) & 1) << (7 - i); return r; })();
  for (let i = 0; i < pairs; i++) {
    put(pair, 8); // length 258
    put(0, 5); // distance 1
  }
  for (let i = 0; i < rest; i++) literal(byte);
  code(0, 7); // end of block
  if (nbits > 0) out[pos++] = acc & 0xff;
  return { deflated: out.subarray(0, pos), size, crc: 0 };
}

export const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export type CraftCell = string | number | boolean | null;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** "A", "B", ... "XFD" */
export function col(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A worksheet's XML: rows of cells from `origin` (strings inline), plus merges and anything extra in sheetData. */
export function sheetXml(rows: CraftCell[][], opts: { originRow?: number; originCol?: number; merges?: string[]; extraRows?: string } = {}): string {
  const r0 = opts.originRow ?? 1;
  const c0 = opts.originCol ?? 1;
  const body = rows.map((row, i) => {
    const cells = row.map((v, j) => {
      if (v === null || v === "") return "";
      const ref = `${col(c0 + j)}${r0 + i}`;
      if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    }).join("");
    return `<row r="${r0 + i}">${cells}</row>`;
  }).join("");
  const merges = opts.merges?.length ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${body}${opts.extraRows ?? ""}</sheetData>${merges}</worksheet>`;
}

export interface CraftSheet {
  name: string;
  /** The part's content (default: an empty sheet). */
  xml?: Bytes;
  state?: "hidden" | "veryHidden";
  /** Override the relationship id the workbook gives this sheet (a dangling one, or another sheet's). */
  rid?: string;
  /** Leave the part out of the zip (the workbook still lists it). */
  omitPart?: boolean;
}

export interface CraftWorkbook {
  sheets: CraftSheet[];
  sharedStrings?: string[];
  /** Raw sharedStrings.xml, instead of one made from `sharedStrings`. */
  sharedStringsXml?: Bytes;
  stylesXml?: Bytes;
  date1904?: boolean;
  /** Parts replaced or added, by name; an entry may appear twice in `extra` to store a duplicate. */
  replace?: Record<string, Bytes>;
  extra?: ZipItem[];
}

/** The XML of a shared-string table. */
export function sstXml(strings: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
}

/** The parts of a minimal valid workbook, in the order Excel writes them. */
export function workbookParts(w: CraftWorkbook): ZipItem[] {
  const sheets = w.sheets.map((s, i) => ({ ...s, path: `xl/worksheets/sheet${i + 1}.xml`, ownRid: `rId${i + 1}` }));
  const rels = sheets.map((s) => `<Relationship Id="${s.ownRid}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${s.path.match(/(\d+)\.xml$/)![1]}.xml"/>`);
  const n = sheets.length;
  const hasShared = w.sharedStrings !== undefined || w.sharedStringsXml !== undefined;
  if (hasShared) rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (w.stylesXml !== undefined) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/styles" Target="styles.xml"/>`);
  const parts: ZipItem[] = [
    { name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>` },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}">${w.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${s.rid ?? s.ownRid}"/>`).join("")}</sheets></workbook>`,
    },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` },
  ];
  for (const s of sheets) if (!s.omitPart) parts.push({ name: s.path, data: s.xml ?? sheetXml([]) });
  if (hasShared) parts.push({ name: "xl/sharedStrings.xml", data: w.sharedStringsXml ?? sstXml(w.sharedStrings ?? []) });
  if (w.stylesXml !== undefined) parts.push({ name: "xl/styles.xml", data: w.stylesXml });
  for (const p of parts) if (w.replace && p.name in w.replace) p.data = w.replace[p.name];
  for (const [name, data] of Object.entries(w.replace ?? {})) if (!parts.some((p) => p.name === name)) parts.push({ name, data });
  return [...parts, ...(w.extra ?? [])];
}

export function craftXlsx(w: CraftWorkbook): Uint8Array {
  return zip(workbookParts(w));
}
