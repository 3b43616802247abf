/**
 * The central directory of a zip, parsed from bytes: the one definition of the
 * end records (zip64 included), the directory records, part names and the
 * local header, used by both the reader, which holds the whole file in memory
 * (zip.ts), and the part copier of `chibo summary --out`, which reads the
 * file's tail and directory with positional reads (zipPackage.ts). A hostile
 * directory so gets one verdict whichever of them meets it; each caller only
 * turns the verdict into its own sentence.
 *
 * The parser sees a window of the file: `bytes` are the file's bytes from
 * position `start` on, and every offset it reads or returns is a position in
 * the file. Every bound is checked before anything is read or kept for it.
 */

/**
 * Why a zip cannot be read. The first three are verdicts on the directory;
 * the others on one entry's data.
 * - "corrupt": records missing, cut short, outside the file or overlapping;
 * - "too-many-entries": more entries than the caller's bound;
 * - "split": a zip spread over several disks (no workbook writer makes one).
 */
export type ZipErrorKind =
  | "corrupt" | "too-many-entries" | "split"
  | "too-large" | "size-mismatch" | "encrypted-entry" | "unsupported-method";

export class ZipError extends Error {
  constructor(readonly kind: ZipErrorKind, detail: string) {
    super(detail);
    this.name = "ZipError";
  }
}

/** One entry as the central directory describes it, zip64 sizes and offset applied. */
export interface ZipEntry {
  /** The name as stored, decoded: UTF-8 when the entry says so, else code page 437 (the zip format's default). */
  name: string;
  /** The name's bytes as stored, so a copy writes exactly what the input held. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the directory declares (checked while inflating, never trusted). */
  size: number;
  localHeaderOffset: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
}

/** Bytes of a file from position `start` on, in a file of `fileSize` bytes. */
export interface FileWindow {
  bytes: Uint8Array;
  start: number;
  fileSize: number;
}

/** Where the directory lies, and how many entries it declares. */
export interface DirectoryExtent {
  offset: number;
  size: number;
  count: number;
}

/** The end of central directory record, and where the zip64 end record is when the classic one defers to it. */
export interface EndRecord extends DirectoryExtent {
  /** Position of the end record (or of the zip64 end record): the directory must end before it. */
  at: number;
  zip64At: number | null;
}

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;
export const U16 = 0xffff;
export const U32 = 0xffffffff;
/** The end record (22 bytes) with the longest comment, plus the zip64 record and locator before it. */
export const TAIL_BYTES = 22 + 0xffff + 56 + 20;
export const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
export const ZIP64_EOCD_BYTES = 56;
/**
 * Directory bytes allowed per entry of the bound: a workbook's record is under
 * 300 bytes (a short name, at most a zip64 or timestamp extra field), so a
 * directory larger than this is refused before it is read, whatever it claims.
 */
const DIRECTORY_BYTES_PER_ENTRY = 4096;

/**
 * Part names compare without case (Open Packaging Conventions), and some
 * writers store Windows separators or a leading slash.
 */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
/** 64-bit sizes fit a double below 2^53, which every real file is; a larger one is a lie. */
function u64(b: Uint8Array, i: number): number {
  const high = u32(b, i + 4);
  if (high >= 0x200000) throw new ZipError("corrupt", "64-bit size or offset too large");
  return u32(b, i) + high * 0x100000000;
}

/** The window's bytes at file position `pos`, `len` of them, or null when the window does not hold them. */
export function bytesAt(w: FileWindow, pos: number, len: number): Uint8Array | null {
  const from = pos - w.start;
  if (from < 0 || from + len > w.bytes.length) return null;
  return w.bytes.subarray(from, from + len);
}

const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) { ascii = false; break; }
  if (ascii) return String.fromCharCode(...bytes);
  if (utf8) return new TextDecoder().decode(bytes);
  let s = "";
  for (const c of bytes) s += c < 0x80 ? String.fromCharCode(c) : CP437_HIGH[c - 0x80];
  return s;
}

/**
 * Finds the end record in a window that ends with the file (its last
 * TAIL_BYTES at least), searching back from the end for a signature whose
 * comment fits the file.
 */
export function readEndRecord(w: FileWindow): EndRecord {
  const b = w.bytes;
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let i = b.length - 22;
  for (; i >= stop; i--) if (u32(b, i) === SIG_EOCD && i + 22 + u16(b, i + 20) <= b.length) break;
  if (i < stop) throw new ZipError("corrupt", "zip end record missing (truncated?)");
  for (const disk of [u16(b, i + 4), u16(b, i + 6)]) {
    if (disk !== 0 && disk !== U16) throw new ZipError("split", "zip split over several disks");
  }
  const end: EndRecord = { at: w.start + i, count: u16(b, i + 10), size: u32(b, i + 12), offset: u32(b, i + 16), zip64At: null };
  // Zip64: the classic record holds all-ones and the real figures sit in the zip64 record a locator points at.
  if (end.count === U16 || end.size === U32 || end.offset === U32) {
    if (i >= 20 && u32(b, i - 20) === SIG_ZIP64_LOCATOR) end.zip64At = u64(b, i - 12);
    else if (end.size === U32 || end.offset === U32) throw new ZipError("corrupt", "zip64 locator missing");
    // A count of 65,535 without a locator is a plain count: the walk finds how many entries there really are.
  }
  return end;
}

/**
 * The directory's extent, from the end record and, for zip64, the window
 * holding the zip64 end record (its 56 bytes at `end.zip64At`). Refuses a
 * directory declaring more entries than `maxEntries` or more bytes than
 * they could need, and one that does not lie wholly before its end record.
 */
export function directoryExtent(end: EndRecord, w: FileWindow, maxEntries: number): DirectoryExtent {
  let { count, size, offset, at } = end;
  if (end.zip64At !== null) {
    const rec = end.zip64At + ZIP64_EOCD_BYTES + 20 <= end.at ? bytesAt(w, end.zip64At, ZIP64_EOCD_BYTES) : null;
    if (!rec || u32(rec, 0) !== SIG_ZIP64_EOCD) throw new ZipError("corrupt", "zip64 end record missing");
    if (u32(rec, 16) !== 0 || u32(rec, 20) !== 0) throw new ZipError("split", "zip split over several disks");
    count = u64(rec, 32);
    size = u64(rec, 40);
    offset = u64(rec, 48);
    at = end.zip64At;
  }
  if (count > maxEntries) throw new ZipError("too-many-entries", `${count} entries`);
  if (offset + size > at) throw new ZipError("corrupt", "central directory beyond the end of the file");
  if (size > maxEntries * DIRECTORY_BYTES_PER_ENTRY) {
    throw new ZipError("corrupt", `central directory of ${size} bytes`);
  }
  return { count, size, offset };
}

/** Sizes and offset from the zip64 extra field, for the fields the record left at all-ones, in the order the format sets. */
function applyZip64Extra(b: Uint8Array, from: number, to: number, e: ZipEntry): void {
  for (let i = from; i + 4 <= to;) {
    const id = u16(b, i);
    const len = u16(b, i + 2);
    const end = Math.min(to, i + 4 + len);
    if (id === 0x0001) {
      let p = i + 4;
      const next = () => { if (p + 8 > end) throw new ZipError("corrupt", `zip64 field of ${e.name} cut short`); const v = u64(b, p); p += 8; return v; };
      if (e.size === U32) e.size = next();
      if (e.compressedSize === U32) e.compressedSize = next();
      if (e.localHeaderOffset === U32) e.localHeaderOffset = next();
      return;
    }
    i += 4 + len;
  }
}

/**
 * The directory's records, in the order stored. The window must hold the
 * whole extent. The declared count may lie low: the bound is on the records
 * really there; a directory holding fewer records than it declares is
 * damaged. Entries whose stored bytes overlap, or run into the directory,
 * are refused: no writer makes them, and a few kilobytes of overlapping
 * entries can stand for gigabytes of parts (a zip bomb) or of copied output.
 */
export function readDirectoryEntries(w: FileWindow, extent: DirectoryExtent, maxEntries: number): ZipEntry[] {
  const b = bytesAt(w, extent.offset, extent.size);
  if (!b) throw new ZipError("corrupt", "central directory beyond the end of the file");
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p < b.length) {
    if (p + CENTRAL_HEADER_BYTES > b.length || u32(b, p) !== SIG_CENTRAL) {
      if (entries.length >= extent.count) break; // padding after the records it declares
      throw new ZipError("corrupt", `central directory entry ${entries.length + 1} damaged`);
    }
    if (entries.length >= maxEntries) throw new ZipError("too-many-entries", `more than ${maxEntries} entries`);
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const nameEnd = p + CENTRAL_HEADER_BYTES + nameLen;
    if (nameEnd + extraLen + commentLen > b.length) throw new ZipError("corrupt", `central directory entry ${entries.length + 1} cut short`);
    const nameBytes = new Uint8Array(b.subarray(p + CENTRAL_HEADER_BYTES, nameEnd)); // a copy: Buffer.slice would keep a view
    const e: ZipEntry = {
      name: decodeName(nameBytes, (flags & FLAG_UTF8) !== 0),
      nameBytes,
      flags,
      method: u16(b, p + 10),
      time: u16(b, p + 12),
      date: u16(b, p + 14),
      crc: u32(b, p + 16),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localHeaderOffset: u32(b, p + 42),
      versionMadeBy: u16(b, p + 4),
      versionNeeded: u16(b, p + 6),
      internalAttributes: u16(b, p + 36),
      externalAttributes: u32(b, p + 38),
    };
    const diskStart = u16(b, p + 34);
    if (diskStart !== 0 && diskStart !== U16) throw new ZipError("split", "zip split over several disks");
    applyZip64Extra(b, nameEnd, nameEnd + extraLen, e);
    entries.push(e);
    p = nameEnd + extraLen + commentLen;
  }
  if (entries.length < extent.count) throw new ZipError("corrupt", `central directory holds ${entries.length} of ${extent.count} entries`);
  refuseOverlaps(entries, extent.offset);
  return entries;
}

/** Each entry's local header and stored bytes must end before the next entry (or the directory) begins. */
function refuseOverlaps(entries: readonly ZipEntry[], directoryOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const next = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : directoryOffset;
    // 30 bytes is the least a local header takes; its name and extra field can differ from the directory's.
    if (e.localHeaderOffset + LOCAL_HEADER_BYTES + e.compressedSize > next) {
      throw new ZipError("corrupt", `${e.name} overlaps ${i + 1 < byOffset.length ? byOffset[i + 1].name : "the central directory"}`);
    }
  }
}

/** The whole directory, from a window holding the end records and the directory (the whole file, for the reader). */
export function readCentralDirectory(w: FileWindow, maxEntries: number): ZipEntry[] {
  const end = readEndRecord(w);
  return readDirectoryEntries(w, directoryExtent(end, w, maxEntries), maxEntries);
}

/** The entries by part key: the first of each name, and how many times each repeated name is stored. Folders are left out. */
export interface PartIndex {
  entries: Map<string, ZipEntry>;
  duplicates: Map<string, number>;
  count: number;
}

export function indexParts(list: readonly ZipEntry[]): PartIndex {
  const entries = new Map<string, ZipEntry>();
  const duplicates = new Map<string, number>();
  for (const e of list) {
    if (e.name.endsWith("/") || e.name.endsWith("\\")) continue; // a folder
    const key = partKey(e.name);
    if (entries.has(key)) duplicates.set(key, (duplicates.get(key) ?? 1) + 1);
    else entries.set(key, e);
  }
  return { entries, duplicates, count: list.length };
}

/**
 * Where an entry's stored bytes begin, from the 30 bytes of its local header
 * (whose name and extra lengths can differ from the directory's); refuses a
 * missing header and data that runs past the end of the file.
 */
export function dataStart(header: Uint8Array | null, e: ZipEntry, fileSize: number): number {
  if (!header || header.length < LOCAL_HEADER_BYTES || u32(header, 0) !== SIG_LOCAL) throw new ZipError("corrupt", `local header of ${e.name} missing`);
  const start = e.localHeaderOffset + LOCAL_HEADER_BYTES + u16(header, 26) + u16(header, 28);
  if (start + e.compressedSize > fileSize) throw new ZipError("corrupt", `${e.name} runs past the end of the file`);
  return start;
}
