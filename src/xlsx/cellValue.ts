import type { CellValue } from "../core/model";
import type { SharedStrings } from "./sharedStrings";
import { dateToSerial } from "./serial";
import * as cellBytes from "./cellBytes";
import * as xml from "./xmlScan";
import type { XmlScanner } from "./xmlScan";
import * as xmlText from "./xmlText";

// Copied once into this module: a loader may turn imported bindings into getter calls, paid per cell below.
const { OPEN, CLOSE, END, bytes, charBoundary } = xml;
const { T_B, T_D, T_E, T_INLINE, T_N, T_S, T_STR, smallInteger } = cellBytes;
const { decodeExcelEscapes, decodeText } = xmlText;

const T = bytes("t"), RPH = bytes("rPh");
const LT = 0x3c, SLASH = 0x2f;

/** A cell's number as range.values gives it: "" for none, the number, or the text when it is not one. */
function numberValue(text: string): CellValue {
  if (text.trim() === "") return "";
  const n = Number(text);
  return Number.isNaN(n) ? text : n;
}

/** ISO 8601 date cells (t="d", written by some tools): Excel shows them as serials. */
function isoDateValue(text: string): CellValue {
  if (!text) return "";
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + "Z");
  return Number.isNaN(t) ? text : dateToSerial(new Date(t));
}

/**
 * A cell's value as range.values gives it, from its <v> or <is>: shared
 * strings resolved, numbers as numbers, booleans, error texts, ISO dates as
 * serials, text with Excel's escapes decoded and cut to the string bound.
 * After each value, `sharedIndex` is the shared string it used and `cut`
 * whether its text was cut, so the sheet can name such cells.
 */
export class CellValues {
  sharedIndex = -1;
  cut = false;
  private readonly maxTextBytes: number;

  constructor(private readonly shared: SharedStrings, private readonly maxChars: number) {
    // A character is at most 4 bytes of UTF-8, and an entity reference at most 10 bytes for one character.
    this.maxTextBytes = maxChars * 10;
  }

  /** Whether the last value came from a shared string that was not valid UTF-8, or was cut. */
  sharedInvalid(type: number): boolean {
    return type === T_S && this.shared.invalidUtf8.has(this.sharedIndex);
  }

  sharedCut(type: number): boolean {
    return type === T_S && this.shared.truncated.has(this.sharedIndex);
  }

  /** The value of a <v> element just opened, by the cell's type; consumes </v>. */
  fromV(sc: XmlScanner, type: number): CellValue {
    const b = sc.b;
    const lt = b.indexOf(LT, sc.pos);
    if (lt >= 0 && b[lt + 1] === SLASH) {
      const from = sc.pos;
      sc.pos = lt;
      sc.next(); // </v>, checked to close what was opened
      return this.fromBytes(b, from, lt, type);
    }
    const s = sc.text(this.maxTextBytes);
    this.cut = sc.textTruncated;
    return this.fromText(s, type);
  }

  /** A value from the raw text of its <v> (no markup inside). Numbers and shared-string indexes skip making a string. */
  fromBytes(b: Uint8Array, from: number, to: number, type: number): CellValue {
    this.cut = false;
    if (type === T_N || type === T_S) {
      const n = smallInteger(b, from, to);
      if (!Number.isNaN(n)) {
        if (type === T_N) return n;
        this.sharedIndex = n;
        return this.shared.strings[n] ?? "";
      }
    }
    let end = to;
    if (to - from > this.maxTextBytes) {
      end = charBoundary(b, from + this.maxTextBytes);
      this.cut = true;
    }
    return this.fromText(decodeText(b, from, end, true), type);
  }

  private fromText(text: string, type: number): CellValue {
    switch (type) {
      case T_S: {
        const i = Number(text);
        this.sharedIndex = i;
        return Number.isInteger(i) ? this.shared.strings[i] ?? "" : "";
      }
      case T_STR:
      case T_INLINE:
        return this.capped(decodeExcelEscapes(text));
      case T_B: {
        const t = text.trim();
        return t === "1" || t.toLowerCase() === "true";
      }
      case T_E:
        return text;
      case T_D:
        return isoDateValue(text);
      default:
        return numberValue(text);
    }
  }

  private capped(s: string): string {
    if (s.length <= this.maxChars) return s;
    this.cut = true;
    return s.slice(0, this.maxChars);
  }

  /** The plain text of an <is> element just opened: its <t> and runs' <t>, without phonetic guides; consumes </is>. */
  fromInline(sc: XmlScanner): string {
    const depth = sc.depth;
    let text = "";
    this.cut = false;
    for (;;) {
      const tok = sc.next();
      if (tok === END) break;
      if (tok === CLOSE) {
        if (sc.depth < depth) break;
        continue;
      }
      if (tok !== OPEN) continue;
      if (sc.is(RPH)) sc.skipElement();
      else if (sc.is(T)) {
        if (text.length >= this.maxChars) {
          this.cut = true;
          sc.skipElement();
          continue;
        }
        text += sc.text(this.maxTextBytes);
        if (sc.textTruncated) this.cut = true;
      }
    }
    const cutBefore = this.cut;
    const s = this.capped(decodeExcelEscapes(text));
    this.cut = this.cut || cutBefore;
    return s;
  }
}
