import type { SheetData, SheetProblem, Text, WorkbookData } from "../core/model";
import { XlsxReadError } from "./errors";
import { READ_LIMITS, type ReadLimits } from "./limits";
import { readRelationships, relsPartOf, workbookFromContentTypes, type Relationship } from "./package";
import * as P from "./problems";
import { readSharedStrings, type SharedStrings } from "./sharedStrings";
import { CellBoundError, readSheet } from "./sheet";
import { sniffWorkbookBytes } from "./sniff";
import { readStyles } from "./styles";
import { asUtf8, bytes, END, XmlError, XmlScanner } from "./xmlScan";
import { decodeFlags } from "./xmlText";
import { fflateInflateRaw, inflateEntry, readZipDirectory, type InflateRaw } from "./zip";
import { partKey, ZipError, type PartIndex } from "./zipDirectory";

/**
 * A whole .xlsx, from its bytes to WorkbookData: a pure function with no file
 * system and no DOM, so the command line (read.ts), the demo page and a Web
 * Worker run the same code on the same bounds.
 *
 * Sheets come in tab order with their values exactly as range.values gives
 * them (see sheet.ts). A sheet the workbook lists but that cannot be read
 * whole (its part missing or too big or broken, listed twice, stored twice)
 * is named in `problems`, never dropped in silence; the file itself is refused
 * (XlsxReadError) only when nothing in it can be read, or a bound on the whole
 * file is passed.
 */
export interface ReadOptions {
  /** The file's name, for the messages ("Tệp xa-yen-lac.xlsx ..."). */
  fileName?: string;
  /** Bounds other than READ_LIMITS (tests use small ones). */
  limits?: Partial<ReadLimits>;
  /** Rows read so far, every few thousand rows and once at the end. */
  onProgress?: (rowsRead: number) => void;
  /** The inflater (default fflate's, bounded slice by slice; Node passes its native zlib, see nodeInflate.ts). */
  inflateRaw?: InflateRaw;
}

export interface ListedSheet {
  name: string;
  rid: string;
  state: SheetData["visibility"];
}

export interface WorkbookPart {
  sheets: ListedSheet[];
  date1904: boolean;
}

const SHEET = bytes("sheet"), WORKBOOK_PR = bytes("workbookPr"), NAME = bytes("name"), STATE = bytes("state");
const ID = bytes("id"), DATE1904 = bytes("date1904");

/** The sheet list (tab order, names, visibility, relationship ids) and the date system of xl/workbook.xml. */
export function readWorkbookPart(part: Uint8Array): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false };
  const sc = new XmlScanner(part);
  // The prefixes bound to the relationships namespace (transitional or strict), read off the root element.
  let relPrefixes: Set<string> | null = null;
  for (let tok = sc.next(); tok !== END; tok = sc.next()) {
    if (relPrefixes === null) {
      relPrefixes = new Set();
      while (sc.nextAttr()) {
        if (sc.attrPrefix() === "xmlns" && /\/relationships$/.test(sc.attrValue())) {
          relPrefixes.add(String.fromCharCode(...sc.b.subarray(sc.attrLocalStart, sc.attrNameEnd)));
        }
      }
      continue;
    }
    if (sc.is(WORKBOOK_PR)) {
      while (sc.nextAttr()) if (sc.attrIs(DATE1904)) out.date1904 = /^(1|true)$/i.test(sc.attrValue().trim());
    } else if (sc.is(SHEET)) {
      const s: ListedSheet = { name: "", rid: "", state: "visible" };
      while (sc.nextAttr()) {
        if (sc.attrIs(NAME)) s.name = sc.attrValue();
        else if (sc.attrIs(STATE)) {
          const v = sc.attrValue();
          s.state = v === "hidden" ? "hidden" : v === "veryHidden" ? "veryHidden" : "visible";
        } else if (sc.attrIs(ID)) {
          const prefix = sc.attrPrefix();
          if (prefix && (relPrefixes.size === 0 || relPrefixes.has(prefix))) s.rid = sc.attrValue();
        }
      }
      out.sheets.push(s);
    }
  }
  return out;
}

/** The parts read so far, and the bytes they inflated to, against the bounds. */
class Parts {
  private used = 0;

  constructor(readonly zip: Uint8Array, readonly dir: PartIndex, readonly limits: ReadLimits, readonly inflateRaw: InflateRaw) {}

  has(key: string): boolean {
    return this.dir.entries.has(key);
  }

  /**
   * The part's bytes as UTF-8, or null when the zip has no such part. Throws
   * ZipError ("too-large" for the part bound, or TotalBoundError when the
   * bound on all parts is what was passed) and XmlError for bad encodings.
   */
  read(key: string): Uint8Array | null {
    const e = this.dir.entries.get(key);
    if (!e) return null;
    const room = this.limits.maxTotalBytes - this.used;
    const cap = Math.min(this.limits.maxPartBytes, room);
    let raw: Uint8Array;
    try {
      raw = inflateEntry(this.zip, e, cap, this.inflateRaw);
    } catch (err) {
      if (err instanceof ZipError && err.kind === "too-large" && cap < this.limits.maxPartBytes) throw new TotalBoundError();
      throw err;
    }
    this.used += raw.length;
    return asUtf8(raw);
  }
}

class TotalBoundError extends Error {
  constructor() {
    super("the parts unpack past the bound on all parts");
    this.name = "TotalBoundError";
  }
}

function limitsOf(opts: ReadOptions): ReadLimits {
  return { ...READ_LIMITS, ...(opts.limits ?? {}) };
}

/** Sniffs the bytes as read.ts sniffs a file, so the browser gets the same sentences for the same files. */
function sniff(b: Uint8Array, file: string, limits: ReadLimits): void {
  if (b.length > limits.maxFileBytes) throw new XlsxReadError("too-large", file, `${b.length} bytes`, { limit: limits.maxFileBytes });
  const r = sniffWorkbookBytes(b, b.subarray(Math.max(0, b.length - 65535 - 22)), b.length);
  if (!r.ok) throw new XlsxReadError(r.code, file, r.detail);
}

function openZip(b: Uint8Array, file: string, limits: ReadLimits): PartIndex {
  try {
    return readZipDirectory(b, limits.maxZipEntries);
  } catch (e) {
    if (e instanceof ZipError && e.kind === "too-many-entries") throw new XlsxReadError("too-many-entries", file, e.message, { limit: limits.maxZipEntries });
    throw new XlsxReadError("corrupt", file, e instanceof Error ? e.message : String(e));
  }
}

/** A part every sheet depends on (the workbook, the shared strings): a failure refuses the file, naming why. */
function readCorePart(parts: Parts, key: string, file: string): Uint8Array | null {
  try {
    return parts.read(key);
  } catch (e) {
    throw coreError(e, key, file, parts.limits);
  }
}

function coreError(e: unknown, key: string, file: string, limits: ReadLimits): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof TotalBoundError) return new XlsxReadError("inflated-too-large", file, key, { limit: limits.maxTotalBytes });
  if (e instanceof ZipError && e.kind === "too-large") return new XlsxReadError("part-too-large", file, e.message, { part: key, limit: limits.maxPartBytes });
  if (e instanceof ZipError && e.kind === "encrypted-entry") return new XlsxReadError("encrypted", file, e.message);
  if (e instanceof XmlError && /encoding|not valid/.test(e.message)) return new XlsxReadError("bad-text", file, e.message, { part: key });
  return new XlsxReadError("bad-part", file, `${key}: ${e instanceof Error ? e.message : String(e)}`, { part: key, reason: whyUnreadable(e) });
}

/** The workbook part: the root relationship's target, else the content types' main part, else the usual place. */
function findWorkbookPart(parts: Parts, file: string): string {
  const root = parts.has("_rels/.rels") ? readCorePart(parts, "_rels/.rels", file) : null;
  if (root) {
    for (const rel of readRelationshipsOr(root, "", "_rels/.rels", file).values()) {
      if (rel.type === "officedocument" && !rel.external) return rel.target;
    }
  }
  const types = parts.has("[content_types].xml") ? readCorePart(parts, "[content_types].xml", file) : null;
  const fromTypes = types ? guard(() => workbookFromContentTypes(types), "[Content_Types].xml", file) : null;
  return fromTypes ?? "xl/workbook.xml";
}

/** Parses a part every sheet depends on: broken XML there refuses the file, naming the part and why. */
function guard<T>(f: () => T, part: string, file: string): T {
  try {
    return f();
  } catch (e) {
    throw new XlsxReadError("bad-part", file, `${part}: ${e instanceof Error ? e.message : String(e)}`, { part, reason: whyUnreadable(e) });
  }
}

function readRelationshipsOr(part: Uint8Array, source: string, relsKey: string, file: string): Map<string, Relationship> {
  return guard(() => readRelationships(part, source), relsKey, file);
}

/** Why a sheet's part could not be read, as a clause in each language. */
function whyUnreadable(e: unknown): Text {
  if (e instanceof ZipError) {
    switch (e.kind) {
      case "encrypted-entry": return { vi: "phần dữ liệu bị mã hóa", en: "its data part is encrypted" };
      case "unsupported-method": return { vi: "phần dữ liệu được nén theo cách Excel không dùng", en: "its data part is compressed in a way Excel does not use" };
      case "size-mismatch": return { vi: "phần dữ liệu giải nén ra khác với kích thước ghi trong tệp", en: "its data part unpacks to another size than the file declares" };
      default: return { vi: "phần dữ liệu bị hỏng, không giải nén được", en: "its data part is damaged and cannot be unpacked" };
    }
  }
  if (e instanceof XmlError && /encoding|not valid/.test(e.message)) return { vi: `chữ không đúng mã (${e.message})`, en: `text in the wrong encoding (${e.message})` };
  const detail = e instanceof Error ? e.message : String(e);
  return { vi: `nội dung XML bị hỏng (${detail})`, en: `its XML is broken (${detail})` };
}

/** A name for the sheet that no earlier sheet has (Excel compares names without case). */
function uniqueName(name: string, taken: Set<string>): string {
  for (let k = 2; ; k++) {
    const candidate = `${name} (${k})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function readWorkbookBytes(bytesIn: Uint8Array, opts: ReadOptions = {}): WorkbookData {
  const file = opts.fileName ?? "";
  const limits = limitsOf(opts);
  sniff(bytesIn, file, limits);
  const dir = openZip(bytesIn, file, limits);
  const parts = new Parts(bytesIn, dir, limits, opts.inflateRaw ?? fflateInflateRaw);
  const problems: SheetProblem[] = [];
  const noteDuplicate = (key: string, sheet: string) => {
    const copies = dir.duplicates.get(key);
    if (copies) problems.push(P.duplicateEntry(sheet, key, copies));
  };

  const workbookKey = findWorkbookPart(parts, file);
  if (workbookKey.endsWith(".bin")) throw new XlsxReadError("not-xlsx", file, "binary workbook (.xlsb)");
  const workbookXml = readCorePart(parts, workbookKey, file);
  // A zip without a workbook part is some other zip (a .docx, an archive), not a workbook.
  if (!workbookXml) throw new XlsxReadError("not-xlsx", file, `no ${workbookKey} in the zip`);
  noteDuplicate(workbookKey, workbookKey);
  const wb = guard(() => readWorkbookPart(workbookXml), workbookKey, file);
  if (wb.sheets.length > limits.maxSheets) throw new XlsxReadError("too-many-sheets", file, `${wb.sheets.length} sheets`, { limit: limits.maxSheets });

  const relsKey = relsPartOf(workbookKey);
  const relsXml = readCorePart(parts, relsKey, file);
  const rels = relsXml ? readRelationshipsOr(relsXml, workbookKey, relsKey, file) : new Map<string, Relationship>();
  noteDuplicate(relsKey, relsKey);
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type && !r.external)?.target;

  const sharedKey = byType("sharedstrings") ?? partKey("xl/sharedStrings.xml");
  const sharedXml = readCorePart(parts, sharedKey, file);
  const shared: SharedStrings = sharedXml
    ? guard(() => readSharedStrings(sharedXml, limits.maxStringChars), sharedKey, file)
    : { strings: [], invalidUtf8: new Set(), truncated: new Set() };
  if (sharedXml) noteDuplicate(sharedKey, sharedKey);

  const formats = readFormats(parts, byType("styles") ?? partKey("xl/styles.xml"), file);

  const sheets: SheetData[] = [];
  const seenTargets = new Map<string, string>();
  const takenNames = new Set<string>();
  const budget = { cells: limits.maxCells };
  let rowsBefore = 0;
  let lastReported = 0;
  const report = (rows: number) => {
    if (!opts.onProgress || rows === lastReported) return;
    lastReported = rows;
    opts.onProgress(rows);
  };

  for (const listed of wb.sheets) {
    const rel = rels.get(listed.rid);
    if (!rel) {
      problems.push(P.danglingRelationship(listed.name, listed.rid));
      continue;
    }
    // Chart sheets and dialog sheets have no cells: only worksheets are read.
    if (rel.type !== "worksheet") continue;
    const first = seenTargets.get(rel.target);
    if (first !== undefined) {
      problems.push(P.listedTwice(listed.name, first));
      continue;
    }
    seenTargets.set(rel.target, listed.name);
    let name = listed.name;
    if (takenNames.has(name.toLowerCase())) {
      name = uniqueName(listed.name, takenNames);
      problems.push(P.sameName(listed.name, name));
    }
    takenNames.add(name.toLowerCase());
    if (!parts.has(rel.target)) {
      problems.push(P.missingPart(name, rel.target));
      continue;
    }
    noteDuplicate(rel.target, name);
    let xml: Uint8Array | null;
    try {
      xml = parts.read(rel.target);
    } catch (e) {
      if (e instanceof TotalBoundError) problems.push(P.totalTooLarge(name, limits.maxTotalBytes));
      else if (e instanceof ZipError && e.kind === "too-large") problems.push(P.partTooLarge(name, rel.target, limits.maxPartBytes));
      else problems.push(P.unreadable(name, rel.target, whyUnreadable(e)));
      continue;
    }
    if (!xml) continue;
    try {
      const read = readSheet(xml, name, {
        shared,
        formats,
        maxStringChars: limits.maxStringChars,
        maxMerges: limits.maxMergesPerSheet,
        budget,
        onRows: (rows) => report(rowsBefore + rows),
      });
      rowsBefore += read.rows;
      read.sheet.visibility = listed.state;
      sheets.push(read.sheet);
      problems.push(...P.issueProblems(name, read.issues, limits.maxStringChars, limits.maxMergesPerSheet));
    } catch (e) {
      if (e instanceof CellBoundError) problems.push(P.tooManyCells(name, limits.maxCells));
      else problems.push(P.unreadable(name, rel.target, whyUnreadable(e)));
    }
  }
  report(rowsBefore);
  decodeFlags.invalidUtf8 = false;

  if (sheets.every((s) => s.values.length === 0)) {
    const lost = problems.filter((p) => p.lost);
    if (lost.length === 0) throw new XlsxReadError("empty", file);
    throw new XlsxReadError("sheets-unreadable", file, lost.map((p) => p.detail.en).join(" "), {
      sheets: { vi: lost.map((p) => p.detail.vi).join(" "), en: lost.map((p) => p.detail.en).join(" ") },
    });
  }
  const out: WorkbookData = { sheets };
  if (problems.length) out.problems = problems;
  if (wb.date1904) out.date1904 = true;
  return out;
}

/**
 * Number formats by cell style. They decide only how values are shown, never
 * what they are, so a styles part that cannot be read leaves every cell
 * General rather than refusing a workbook whose data is intact.
 */
function readFormats(parts: Parts, key: string, file: string): Array<string | null> {
  try {
    const xml = parts.read(key);
    return xml ? readStyles(xml).codes : [];
  } catch (e) {
    if (e instanceof TotalBoundError) throw coreError(e, key, file, parts.limits);
    return [];
  }
}
