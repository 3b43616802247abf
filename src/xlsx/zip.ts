import { Inflate } from "fflate";

/**
 * The zip container of an .xlsx, read from its central directory, with every
 * entry inflated on demand under a byte bound.
 *
 * fflate's unzipSync would do the unzipping, but it keys entries by name (a
 * second entry of the same name silently replaces the first) and trusts the
 * sizes the directory declares; a crafted entry of a few kilobytes can inflate
 * to gigabytes. So the directory is walked here, duplicates are kept apart, and
 * each entry is inflated in slices whose output is counted as it comes.
 */
export interface ZipEntry {
  /** The name as stored, "xl/worksheets/sheet1.xml". */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The inflated size the directory declares (checked while inflating, never trusted). */
  size: number;
  localOffset: number;
}

export interface ZipDirectory {
  /** First entry of each part name, keyed by `partKey`. */
  entries: Map<string, ZipEntry>;
  /** Part names stored more than once, with how many times. */
  duplicates: Map<string, number>;
  count: number;
}

export type ZipErrorKind = "corrupt" | "too-many-entries" | "too-large" | "size-mismatch" | "encrypted-entry" | "unsupported-method";

export class ZipError extends Error {
  constructor(readonly kind: ZipErrorKind, detail: string) {
    super(detail);
    this.name = "ZipError";
  }
}

/**
 * Part names compare without case (Open Packaging Conventions), and some
 * writers store Windows separators or a leading slash.
 */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 65535;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
/** 64-bit sizes fit a double as long as they are below 2^53, which every real file is. */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

function findEndRecord(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === SIG_EOCD) return i;
  throw new ZipError("corrupt", "zip end record missing (truncated?)");
}

interface Directory { offset: number; size: number; count: number }

function directoryOf(b: Uint8Array, eocd: number): Directory {
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  // Zip64: the classic record holds all-ones and the real figures sit in the zip64 record a locator points at.
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const at = u64(b, eocd - 12);
    if (at + 56 > b.length || u32(b, at) !== SIG_ZIP64_EOCD) throw new ZipError("corrupt", "zip64 end record missing");
    count = u64(b, at + 32);
    size = u64(b, at + 40);
    offset = u64(b, at + 48);
  }
  if (offset + size > b.length) throw new ZipError("corrupt", "central directory beyond the end of the file");
  return { offset, size, count };
}

/** Sizes and offset from the zip64 extra field, for the fields the directory left at all-ones. */
function applyZip64Extra(b: Uint8Array, from: number, to: number, e: ZipEntry): void {
  for (let i = from; i + 4 <= to;) {
    const id = u16(b, i);
    const len = u16(b, i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      if (e.size === 0xffffffff) { e.size = u64(b, p); p += 8; }
      if (e.compressedSize === 0xffffffff) { e.compressedSize = u64(b, p); p += 8; }
      if (e.localOffset === 0xffffffff) e.localOffset = u64(b, p);
      return;
    }
    i += 4 + len;
  }
}

function decodeName(b: Uint8Array, from: number, to: number, utf8: boolean): string {
  let ascii = true;
  for (let i = from; i < to; i++) if (b[i] > 0x7f) { ascii = false; break; }
  if (ascii) return String.fromCharCode(...b.subarray(from, to));
  // Names outside ASCII are rare in a workbook (parts are named by the writer); legacy ones are read as Latin-1.
  return utf8 ? new TextDecoder().decode(b.subarray(from, to)) : String.fromCharCode(...b.subarray(from, to));
}

/** Reads the central directory. Refuses more than `maxEntries` entries before reading any of them. */
export function readZipDirectory(b: Uint8Array, maxEntries: number): ZipDirectory {
  const dir = directoryOf(b, findEndRecord(b));
  if (dir.count > maxEntries) throw new ZipError("too-many-entries", `${dir.count} entries`);
  const entries = new Map<string, ZipEntry>();
  const duplicates = new Map<string, number>();
  let p = dir.offset;
  const end = dir.offset + dir.size;
  let count = 0;
  while (p + 46 <= end && u32(b, p) === SIG_CENTRAL) {
    // The declared count can lie low: the bound is on the entries really there.
    if (++count > maxEntries) throw new ZipError("too-many-entries", `more than ${maxEntries} entries`);
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > end) throw new ZipError("corrupt", "central directory entry cut short");
    const e: ZipEntry = {
      name: decodeName(b, p + 46, nameEnd, (flags & 0x800) !== 0),
      method: u16(b, p + 10),
      flags,
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
    };
    applyZip64Extra(b, nameEnd, nameEnd + extraLen, e);
    p = nameEnd + extraLen + commentLen;
    if (e.name.endsWith("/")) continue; // a folder
    const key = partKey(e.name);
    if (entries.has(key)) duplicates.set(key, (duplicates.get(key) ?? 1) + 1);
    else entries.set(key, e);
  }
  if (count === 0 && dir.count > 0) throw new ZipError("corrupt", "central directory unreadable");
  return { entries, duplicates, count };
}

/** Where an entry's compressed bytes start, from its local header (its extra field can differ from the directory's). */
function dataStart(b: Uint8Array, e: ZipEntry): number {
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) throw new ZipError("corrupt", `local header of ${e.name} missing`);
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (start + e.compressedSize > b.length) throw new ZipError("corrupt", `${e.name} runs past the end of the file`);
  return start;
}

/**
 * Inflates raw deflate data, giving up with ZipError "too-large" as soon as
 * the output passes `maxBytes`; "corrupt" for a broken stream. `sizeHint` is
 * the size the directory declares (a hint only: it may lie).
 */
export type InflateRaw = (input: Uint8Array, maxBytes: number, sizeHint: number) => Uint8Array;

/**
 * Compressed input is fed in slices this big, so that one slice of a deflate
 * bomb (at most ~1,032 bytes out per byte in) inflates to at most ~66 MB
 * before the byte count is checked again.
 */
const SLICE = 64 * 1024;

/**
 * fflate's streaming inflater, for every platform: output is counted slice by
 * slice, so a bomb stops at the bound. (Its one-shot inflateSync would trust
 * no bound: it runs to the end of the stream whatever it writes.)
 */
export const fflateInflateRaw: InflateRaw = (input, maxBytes, sizeHint) => {
  // Sized once from the hint; output past it is kept in further chunks, and only up to the bound.
  let out = new Uint8Array(Math.min(sizeHint, maxBytes));
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > maxBytes) {
      written += chunk.length;
      return;
    }
    if (written + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, written + chunk.length)));
      grown.set(out.subarray(0, written));
      out = grown;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let i = 0; i < input.length && written <= maxBytes; i += SLICE) {
      inflater.push(input.subarray(i, Math.min(input.length, i + SLICE)), i + SLICE >= input.length);
    }
  } catch (err) {
    throw new ZipError("corrupt", err instanceof Error ? err.message : String(err));
  }
  if (written > maxBytes) throw new ZipError("too-large", `inflates past ${maxBytes} bytes`);
  return written === out.length ? out : out.subarray(0, written);
};

/**
 * The entry's bytes, inflated. Throws ZipError "too-large" when the declared
 * size passes `maxBytes`, "size-mismatch" as soon as the output passes the
 * declared size (a bomb that lies about its size stops one byte later) or
 * when it ends short of it, "corrupt" when the stream is broken.
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, maxBytes: number, inflateRaw: InflateRaw = fflateInflateRaw): Uint8Array {
  if (e.flags & 1) throw new ZipError("encrypted-entry", `${e.name} is encrypted`);
  if (e.size > maxBytes) throw new ZipError("too-large", `${e.name} declares ${e.size} bytes`);
  const start = dataStart(b, e);
  const input = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError("size-mismatch", `${e.name}: stored size differs from declared size`);
    return input;
  }
  if (e.method !== 8) throw new ZipError("unsupported-method", `${e.name}: compression method ${e.method}`);
  // One byte past the declared size is enough to know the entry lies: a bomb stops there, not at the bound.
  const limit = Math.min(maxBytes, e.size + 1);
  let out: Uint8Array;
  try {
    out = inflateRaw(input, limit, e.size);
  } catch (err) {
    if (err instanceof ZipError && err.kind === "too-large" && limit < maxBytes) {
      throw new ZipError("size-mismatch", `${e.name}: inflates past its declared ${e.size} bytes`);
    }
    if (err instanceof ZipError) throw new ZipError(err.kind, `${e.name}: ${err.message}`);
    throw new ZipError("corrupt", `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== e.size) throw new ZipError("size-mismatch", `${e.name}: inflates to ${out.length} bytes, ${e.size} declared`);
  return out;
}
