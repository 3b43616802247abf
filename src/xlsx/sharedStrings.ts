import { bytes, CLOSE, END, OPEN, SELF_CLOSING, XmlScanner } from "./xmlScan";
import { decodeExcelEscapes, decodeFlags } from "./xmlText";

/**
 * The shared-string table (xl/sharedStrings.xml): each <si> as the plain text
 * Excel shows, its runs (<r><t>) joined and its phonetic guides (<rPh>) left
 * out. Strings that were not valid UTF-8, or longer than a cell can hold, are
 * marked so the sheets that use them can say so.
 */
export interface SharedStrings {
  strings: string[];
  /** Indexes whose bytes were not valid UTF-8 (the bad bytes read as U+FFFD). */
  invalidUtf8: Set<number>;
  /** Indexes cut to the string bound. */
  truncated: Set<number>;
}

const SI = bytes("si"), T = bytes("t"), RPH = bytes("rPh");

export function readSharedStrings(part: Uint8Array, maxChars: number): SharedStrings {
  const out: SharedStrings = { strings: [], invalidUtf8: new Set(), truncated: new Set() };
  const sc = new XmlScanner(part);
  // A character is at most 4 bytes of UTF-8, and an entity reference at most 10 bytes for one character.
  const maxBytes = maxChars * 10;
  let current: string | null = null;
  let bad = false;
  let cut = false;
  for (;;) {
    const tok = sc.next();
    if (tok === END) break;
    if (tok === OPEN) {
      if (sc.is(SI)) {
        current = "";
        bad = false;
        cut = false;
      } else if (sc.is(RPH)) {
        sc.skipElement();
      } else if (sc.is(T) && current !== null) {
        if (current.length >= maxChars) {
          cut = true;
          sc.skipElement();
          continue;
        }
        decodeFlags.invalidUtf8 = false;
        current += sc.text(maxBytes);
        if (decodeFlags.invalidUtf8) bad = true;
        if (sc.textTruncated) cut = true;
      }
    } else if (tok === CLOSE && sc.is(SI) && current !== null) {
      push(out, current, bad, cut, maxChars);
      current = null;
    } else if (tok === SELF_CLOSING && sc.is(SI)) {
      out.strings.push("");
    }
  }
  return out;
}

function push(out: SharedStrings, raw: string, bad: boolean, cut: boolean, maxChars: number): void {
  let s = decodeExcelEscapes(raw);
  if (s.length > maxChars) {
    s = s.slice(0, maxChars);
    cut = true;
  }
  const i = out.strings.length;
  out.strings.push(s);
  if (bad) out.invalidUtf8.add(i);
  if (cut) out.truncated.add(i);
}
