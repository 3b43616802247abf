import { XlsxReadErrorCode } from "./errors";

/**
 * Tells what a file is from its bytes, before any parser sees it, so a bad file
 * gets a sentence that names its real problem instead of an unzip error.
 *
 * - An OLE compound file (D0 CF 11 E0 A1 B1 1A E1) is either an old .xls or an
 *   .xlsx that Excel encrypted with a password: Excel wraps encrypted packages
 *   in a compound file holding "EncryptionInfo" and "EncryptedPackage" streams.
 * - An .xlsx is a zip: it starts with a local header "PK\x03\x04" and ends with
 *   the end-of-central-directory record "PK\x05\x06" within its last 64 KiB
 *   (22 bytes plus a comment of at most 65,535 bytes). A file cut short loses
 *   that record, which is how a half-finished download shows.
 */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type SniffResult = { ok: true } | { ok: false; code: XlsxReadErrorCode; detail: string };

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Directory entry names in a compound file are UTF-16LE. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function hasEndOfCentralDirectory(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return true;
  }
  return false;
}

/**
 * `head` is the whole file for a compound file (its directory can sit anywhere),
 * or at least the first bytes otherwise; `tail` is the last 64 KiB + 22 bytes.
 */
export function sniffWorkbookBytes(head: Uint8Array, tail: Uint8Array, size: number): SniffResult {
  if (size === 0) return { ok: false, code: "empty", detail: "0 bytes" };
  if (startsWith(head, CFB_MAGIC)) {
    if (containsUtf16(head, "EncryptionInfo") || containsUtf16(head, "EncryptedPackage")) {
      return { ok: false, code: "encrypted", detail: "OLE compound file with EncryptionInfo" };
    }
    return { ok: false, code: "old-xls", detail: "OLE compound file (BIFF .xls)" };
  }
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return { ok: false, code: "not-xlsx", detail: "no zip signature" };
  }
  if (!hasEndOfCentralDirectory(tail)) return { ok: false, code: "corrupt", detail: "zip end record missing (truncated?)" };
  return { ok: true };
}
