import { Inflate } from "fflate";
import { dataStart, FLAG_ENCRYPTED, indexParts, LOCAL_HEADER_BYTES, readCentralDirectory, ZipError, type PartIndex, type ZipEntry } from "./zipDirectory";

/**
 * The zip container of an .xlsx held in memory: its central directory (parsed
 * by zipDirectory.ts, as the part copier parses it), with every entry inflated
 * on demand under a byte bound.
 *
 * fflate's unzipSync would do the unzipping, but it keys entries by name (a
 * second entry of the same name silently replaces the first) and trusts the
 * sizes the directory declares; a crafted entry of a few kilobytes can inflate
 * to gigabytes. So the directory is walked by our parser, duplicates are kept
 * apart, and each entry is inflated in slices whose output is counted as it comes.
 */

/** Reads the central directory. Refuses more than `maxEntries` entries before reading any of them. */
export function readZipDirectory(b: Uint8Array, maxEntries: number): PartIndex {
  return indexParts(readCentralDirectory({ bytes: b, start: 0, fileSize: b.length }, maxEntries));
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
 * Refuses, before any byte of it is read, an entry that cannot be inflated
 * within `maxBytes`: encrypted ("encrypted-entry"), declaring more than the
 * bound ("too-large"), or compressed by a method other than store and deflate.
 */
export function checkEntry(e: ZipEntry, maxBytes: number): void {
  if (e.flags & FLAG_ENCRYPTED) throw new ZipError("encrypted-entry", `${e.name} is encrypted`);
  if (e.size > maxBytes) throw new ZipError("too-large", `${e.name} declares ${e.size} bytes`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError("unsupported-method", `${e.name}: compression method ${e.method}`);
}

/**
 * An entry's stored bytes, inflated (after checkEntry). Throws ZipError
 * "size-mismatch" as soon as the output passes the declared size (a bomb
 * that lies about its size stops one byte later) or when it ends short of it,
 * "too-large" past `maxBytes`, "corrupt" when the stream is broken.
 */
export function inflateStored(input: Uint8Array, e: ZipEntry, maxBytes: number, inflateRaw: InflateRaw = fflateInflateRaw): Uint8Array {
  if (e.method === 0) {
    if (input.length !== e.size) throw new ZipError("size-mismatch", `${e.name}: stored size differs from declared size`);
    return input;
  }
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

/**
 * The entry's bytes, inflated: checkEntry, the local header, then
 * inflateStored. Throws ZipError "too-large" when the declared size passes
 * `maxBytes`, "size-mismatch" when the output differs from the declared size,
 * "corrupt" when the header or the stream is broken.
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, maxBytes: number, inflateRaw: InflateRaw = fflateInflateRaw): Uint8Array {
  checkEntry(e, maxBytes);
  const start = dataStart(b.subarray(e.localHeaderOffset, e.localHeaderOffset + LOCAL_HEADER_BYTES), e, b.length);
  return inflateStored(b.subarray(start, start + e.compressedSize), e, maxBytes, inflateRaw);
}
