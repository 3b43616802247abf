/**
 * Text out of XML bytes, as an XML parser and then Excel would read it:
 * UTF-8 decoded (invalid sequences are flagged, never silently replaced),
 * line ends normalised (CR LF and lone CR become LF, as XML requires),
 * entity references resolved, and Excel's `_xHHHH_` escapes decoded.
 */

/** Set by every decode: whether the bytes held a sequence that is not UTF-8 (replaced by U+FFFD in the result). */
export const decodeFlags = { invalidUtf8: false };

let scratch = new Uint16Array(1024);

function ensureScratch(n: number): Uint16Array {
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** fromCharCode.apply takes at most some tens of thousands of arguments; strings longer are built in chunks. */
const CHUNK = 8192;

function codesToString(codes: Uint16Array | Uint8Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let s = "";
  for (let i = 0; i < n; i += CHUNK) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return s;
}

/** Bytes that are all ASCII, with no '&' or CR: the common case, one call. */
function plainAscii(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c >= 0x80 || c === 0x26 || c === 0x0d) return false;
  }
  return true;
}

const NAMED: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34, apos: 39 };

/**
 * Resolves the reference starting at b[at] === '&'. Returns the code point and
 * where the reference ends (after ';'), or -1 when it is not one XML knows:
 * then the '&' is kept as written (Excel would call such a file damaged; the
 * text is still worth more than nothing).
 */
function entityAt(b: Uint8Array, at: number, to: number): { cp: number; end: number } | null {
  const limit = Math.min(to, at + 12);
  let semi = -1;
  for (let i = at + 1; i < limit; i++) if (b[i] === 0x3b) { semi = i; break; }
  if (semi < 0) return null;
  if (b[at + 1] === 0x23) {
    const hex = b[at + 2] === 0x78 || b[at + 2] === 0x58;
    let cp = 0;
    let digits = 0;
    for (let i = at + (hex ? 3 : 2); i < semi; i++, digits++) {
      const c = b[i];
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (d < 0) return null;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10ffff) return null;
    }
    if (digits === 0 || cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    return { cp, end: semi + 1 };
  }
  let name = "";
  for (let i = at + 1; i < semi; i++) name += String.fromCharCode(b[i]);
  const cp = NAMED[name];
  return cp === undefined ? null : { cp, end: semi + 1 };
}

/**
 * Decodes b[from..to) as XML character data (entities resolved when `entities`,
 * i.e. outside CDATA). Sets decodeFlags.invalidUtf8 when a byte sequence is not
 * UTF-8; the bad bytes become U+FFFD so the rest of the text survives.
 */
export function decodeText(b: Uint8Array, from: number, to: number, entities = true): string {
  if (to <= from) return "";
  if (plainAscii(b, from, to)) return codesToString(b.subarray(from, to), to - from);
  const out = ensureScratch(to - from);
  let n = 0;
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c < 0x80) {
      if (c === 0x0d) {
        out[n++] = 0x0a;
        i += b[i + 1] === 0x0a && i + 1 < to ? 2 : 1;
        continue;
      }
      if (c === 0x26 && entities) {
        const ref = entityAt(b, i, to);
        if (ref) {
          if (ref.cp > 0xffff) {
            out[n++] = 0xd800 + ((ref.cp - 0x10000) >> 10);
            out[n++] = 0xdc00 + ((ref.cp - 0x10000) & 0x3ff);
          } else out[n++] = ref.cp;
          i = ref.end;
          continue;
        }
      }
      out[n++] = c;
      i++;
      continue;
    }
    // Multi-byte UTF-8: lead byte, then 1-3 continuation bytes; overlong forms and surrogates are not UTF-8.
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
    let ok = need > 0 && i + need < to;
    for (let k = 1; ok && k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (cc & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      decodeFlags.invalidUtf8 = true;
      out[n++] = 0xfffd;
      i++;
      continue;
    }
    if (cp > 0xffff) {
      out[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else out[n++] = cp;
    i += need + 1;
  }
  return codesToString(out, n);
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel writes characters XML cannot carry (control characters, and a literal
 * "_xHHHH_" itself) as `_xHHHH_`; `_x005F_` is the underscore that keeps the
 * next escape literal. Left to right, one pass, as Excel reads them.
 */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An attribute's value: text with references resolved, tabs and line ends as spaces (XML's attribute normalisation). */
export function decodeAttr(b: Uint8Array, from: number, to: number): string {
  const s = decodeText(b, from, to, true);
  return /[\t\n]/.test(s) ? s.replace(/[\t\n]/g, " ") : s;
}

/** Bytes that are all ASCII, as a string (tag and attribute names, numbers). */
export function asciiText(b: Uint8Array, from: number, to: number): string {
  return codesToString(b.subarray(from, to), to - from);
}
