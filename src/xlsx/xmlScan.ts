import { decodeAttr, decodeText } from "./xmlText";

/**
 * A forward scanner over the bytes of one XML part. It stops at each tag and
 * leaves everything else where it is: no DOM, no event objects, no string per
 * tag. Names are compared as bytes on their local part, so `<x:row>` is a row
 * whatever its prefix (files written with a prefixed main namespace, and
 * strict OOXML, are valid). It checks that tags nest (a cut or garbled part is
 * an error, not a quietly shorter sheet) and never expands a DTD: only XML's
 * five named references and numeric ones are resolved.
 */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

export const OPEN = 1;
export const CLOSE = 2;
export const SELF_CLOSING = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof SELF_CLOSING | typeof END;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QMARK = 0x3f, COLON = 0x3a, EQ = 0x3d, DQ = 0x22, SQ = 0x27, LBRACKET = 0x5b;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** ASCII bytes of a name, for comparisons: `bytes("row")`. */
export function bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function startsAt(b: Uint8Array, at: number, lit: Uint8Array): boolean {
  if (at + lit.length > b.length) return false;
  for (let i = 0; i < lit.length; i++) if (b[at + i] !== lit[i]) return false;
  return true;
}

const COMMENT_OPEN = bytes("<!--");
const CDATA_OPEN = bytes("<![CDATA[");

function indexOfSeq(b: Uint8Array, seq: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = b.indexOf(seq[0], i);
    if (i < 0) return -1;
    if (startsAt(b, i, seq)) return i;
    i++;
  }
}

const COMMENT_CLOSE = bytes("-->");
const CDATA_CLOSE = bytes("]]>");
const PI_CLOSE = bytes("?>");

export class XmlScanner {
  pos = 0;
  /** The last tag: where it starts ('<'), its qualified name, its local name, and its end ('>'). */
  tagStart = 0;
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  tagEnd = 0;
  /** The attribute read by nextAttr(): local name, and value (without quotes, still encoded). */
  attrNameStart = 0;
  attrLocalStart = 0;
  attrNameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  private attrPos = 0;
  private stack = new Int32Array(64);
  depth = 0;

  constructor(readonly b: Uint8Array, start = 0) {
    this.pos = start;
  }

  /** Advances to the next tag, skipping text, comments, processing instructions, CDATA and the doctype. */
  next(): Token {
    const b = this.b;
    for (;;) {
      const lt = b.indexOf(LT, this.pos);
      if (lt < 0) {
        if (this.depth > 0) throw new XmlError("the part ends inside an element (cut short?)");
        this.pos = b.length;
        return END;
      }
      const c = b[lt + 1];
      if (c === SLASH) return this.closeTag(lt);
      if (c === BANG || c === QMARK) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      return this.openTag(lt);
    }
  }

  /** Past a comment, CDATA section, processing instruction or doctype starting at b[lt] === '<'. */
  skipMarkup(lt: number): number {
    const b = this.b;
    if (b[lt + 1] === QMARK) return this.after(indexOfSeq(b, PI_CLOSE, lt + 2), 2, "processing instruction");
    if (startsAt(b, lt, COMMENT_OPEN)) return this.after(indexOfSeq(b, COMMENT_CLOSE, lt + 4), 3, "comment");
    if (startsAt(b, lt, CDATA_OPEN)) return this.after(indexOfSeq(b, CDATA_CLOSE, lt + 9), 3, "CDATA section");
    // <!DOCTYPE ...> with an optional [internal subset]; its entities are never expanded.
    let i = lt + 2;
    let inSubset = false;
    for (; i < b.length; i++) {
      const ch = b[i];
      if (ch === DQ || ch === SQ) {
        i = b.indexOf(ch, i + 1);
        if (i < 0) break;
      } else if (ch === LBRACKET) inSubset = true;
      else if (ch === 0x5d) inSubset = false;
      else if (ch === GT && !inSubset) return i + 1;
    }
    throw new XmlError("unterminated declaration");
  }

  private after(at: number, len: number, what: string): number {
    if (at < 0) throw new XmlError(`unterminated ${what}`);
    return at + len;
  }

  private readName(from: number): number {
    const b = this.b;
    let i = from;
    this.localStart = from;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === COLON) this.localStart = i + 1;
      else if (isSpace(c) || c === GT || c === SLASH) break;
    }
    return i;
  }

  /** The '>' ending the tag whose attributes start at `from`, stepping over quoted values (which may hold '>'). */
  private tagClose(from: number): number {
    const b = this.b;
    for (let i = from; i < b.length; i++) {
      const c = b[i];
      if (c === GT) return i;
      if (c === DQ || c === SQ) {
        i = b.indexOf(c, i + 1);
        if (i < 0) break;
      } else if (c === LT) break;
    }
    throw new XmlError("unterminated tag");
  }

  private openTag(lt: number): Token {
    this.tagStart = lt;
    this.nameStart = lt + 1;
    this.nameEnd = this.readName(lt + 1);
    if (this.nameEnd === this.nameStart) throw new XmlError("a '<' that starts no tag");
    const gt = this.tagClose(this.nameEnd);
    this.tagEnd = gt;
    this.attrPos = this.nameEnd;
    this.pos = gt + 1;
    if (this.b[gt - 1] === SLASH) return SELF_CLOSING;
    this.push();
    return OPEN;
  }

  private push(): void {
    this.pushOpen(this.nameStart, this.nameEnd);
  }

  /** Records an element opened by a caller that read its tag itself (name at b[nameStart..nameEnd)). */
  pushOpen(nameStart: number, nameEnd: number): void {
    if (this.depth * 2 + 2 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[this.depth * 2] = nameStart;
    this.stack[this.depth * 2 + 1] = nameEnd;
    this.depth++;
  }

  private closeTag(lt: number): Token {
    const b = this.b;
    this.tagStart = lt;
    this.nameStart = lt + 2;
    this.nameEnd = this.readName(lt + 2);
    const gt = b.indexOf(GT, this.nameEnd);
    if (gt < 0) throw new XmlError("unterminated closing tag");
    this.tagEnd = gt;
    this.pos = gt + 1;
    if (this.depth === 0) throw new XmlError("a closing tag with no element open");
    this.depth--;
    const s = this.stack[this.depth * 2];
    const len = this.stack[this.depth * 2 + 1] - s;
    if (len !== this.nameEnd - this.nameStart) throw new XmlError("tags do not nest");
    for (let k = 0; k < len; k++) if (b[s + k] !== b[this.nameStart + k]) throw new XmlError("tags do not nest");
    return CLOSE;
  }

  /** Whether the last tag's local name is `name` (bytes). */
  is(name: Uint8Array): boolean {
    const len = this.nameEnd - this.localStart;
    if (len !== name.length) return false;
    for (let i = 0; i < len; i++) if (this.b[this.localStart + i] !== name[i]) return false;
    return true;
  }

  /** Steps to the last tag's next attribute; false when there are no more. */
  nextAttr(): boolean {
    const b = this.b;
    let i = this.attrPos;
    const end = this.tagEnd;
    while (i < end && (isSpace(b[i]) || b[i] === SLASH)) i++;
    if (i >= end) return false;
    this.attrNameStart = i;
    this.attrLocalStart = i;
    for (; i < end && b[i] !== EQ && !isSpace(b[i]); i++) if (b[i] === COLON) this.attrLocalStart = i + 1;
    this.attrNameEnd = i;
    while (i < end && isSpace(b[i])) i++;
    if (b[i] !== EQ) throw new XmlError("an attribute without a value");
    i++;
    while (i < end && isSpace(b[i])) i++;
    const q = b[i];
    if (q !== DQ && q !== SQ) throw new XmlError("an attribute value without quotes");
    const close = b.indexOf(q, i + 1);
    if (close < 0 || close > end) throw new XmlError("an unterminated attribute value");
    this.valueStart = i + 1;
    this.valueEnd = close;
    this.attrPos = close + 1;
    return true;
  }

  /** Whether the current attribute's local name is `name`. */
  attrIs(name: Uint8Array): boolean {
    const len = this.attrNameEnd - this.attrLocalStart;
    if (len !== name.length) return false;
    for (let i = 0; i < len; i++) if (this.b[this.attrLocalStart + i] !== name[i]) return false;
    return true;
  }

  /** The current attribute's prefix ("r" for r:id), or "" when it has none. */
  attrPrefix(): string {
    if (this.attrLocalStart === this.attrNameStart) return "";
    return String.fromCharCode(...this.b.subarray(this.attrNameStart, this.attrLocalStart - 1));
  }

  attrValue(): string {
    return decodeAttr(this.b, this.valueStart, this.valueEnd);
  }

  /** All attributes of the last tag by local name (small parts only: the workbook, relationships, styles). */
  attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    while (this.nextAttr()) {
      const name = String.fromCharCode(...this.b.subarray(this.attrLocalStart, this.attrNameEnd));
      out[name] = this.attrValue();
    }
    return out;
  }

  /**
   * The text of the element just opened, up to its closing tag, which is
   * consumed: character data and CDATA sections in order; comments and
   * processing instructions dropped; nested markup skipped with its text kept.
   * At most `maxBytes` bytes of it are decoded (a cell holds 32,767 characters;
   * a crafted part can hold a gigabyte of text), and `truncated` says so.
   */
  text(maxBytes = Infinity): string {
    const b = this.b;
    const depth = this.depth;
    const lt = b.indexOf(LT, this.pos);
    // The common case: plain text, then this element's closing tag.
    if (lt >= 0 && b[lt + 1] === SLASH) {
      const from = this.pos;
      this.textTruncated = lt - from > maxBytes;
      const to = this.textTruncated ? charBoundary(b, from + maxBytes) : lt;
      this.closeTag(lt);
      if (this.depth !== depth - 1) throw new XmlError("tags do not nest");
      return decodeText(b, from, to, true);
    }
    return this.textSlow(depth, maxBytes);
  }

  textTruncated = false;

  private textSlow(depth: number, maxBytes: number): string {
    const b = this.b;
    let out = "";
    let budget = maxBytes;
    this.textTruncated = false;
    const take = (from: number, to: number, entities: boolean) => {
      if (budget <= 0) { if (to > from) this.textTruncated = true; return; }
      const end = to - from > budget ? charBoundary(b, from + budget) : to;
      if (end < to) this.textTruncated = true;
      budget -= end - from;
      out += decodeText(b, from, end, entities);
    };
    for (;;) {
      const lt = b.indexOf(LT, this.pos);
      if (lt < 0) throw new XmlError("the part ends inside a text element");
      take(this.pos, lt, true);
      if (startsAt(b, lt, CDATA_OPEN)) {
        const close = indexOfSeq(b, CDATA_CLOSE, lt + 9);
        if (close < 0) throw new XmlError("unterminated CDATA section");
        take(lt + 9, close, false);
        this.pos = close + 3;
      } else if (b[lt + 1] === BANG || b[lt + 1] === QMARK) {
        this.pos = this.skipMarkup(lt);
      } else if (b[lt + 1] === SLASH) {
        this.closeTag(lt);
        if (this.depth < depth) return out;
      } else {
        this.openTag(lt);
      }
    }
  }

  /** Skips the rest of the element just opened (its children and text), consuming its closing tag. */
  skipElement(): void {
    const depth = this.depth;
    while (this.depth >= depth) {
      if (this.next() === END) throw new XmlError("the part ends inside an element");
    }
  }
}

/** The last UTF-8 character boundary at or before `at`, so a cut text never ends in half a letter. */
export function charBoundary(b: Uint8Array, at: number): number {
  let i = at;
  while (i > 0 && (b[i] & 0xc0) === 0x80) i--;
  return i;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The part's bytes as UTF-8. XML parts may be UTF-16 (with or without a byte
 * order mark) or declare another encoding; those are transcoded once, so the
 * scanner only ever sees UTF-8. A UTF-8 byte order mark is skipped.
 * Throws XmlError for text that is not in the encoding it claims.
 */
export function asUtf8(part: Uint8Array): Uint8Array {
  const b0 = part[0], b1 = part[1];
  if (b0 === UTF8_BOM[0] && b1 === UTF8_BOM[1] && part[2] === UTF8_BOM[2]) return part.subarray(3);
  let label: string | null = null;
  if (b0 === 0xff && b1 === 0xfe) label = "utf-16le";
  else if (b0 === 0xfe && b1 === 0xff) label = "utf-16be";
  else if (b0 === LT && b1 === 0) label = "utf-16le";
  else if (b0 === 0 && b1 === LT) label = "utf-16be";
  else label = declaredEncoding(part);
  if (!label) return part;
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(part);
  } catch (e) {
    if (e instanceof RangeError) throw new XmlError(`unknown encoding "${label}"`);
    throw new XmlError(`text that is not valid ${label.toUpperCase()}`);
  }
  return new TextEncoder().encode(text);
}

/** The encoding named by `<?xml ... encoding="..."?>` when it is not UTF-8; null otherwise. */
function declaredEncoding(part: Uint8Array): string | null {
  if (!startsAt(part, 0, bytes("<?xml"))) return null;
  const end = part.indexOf(GT, 0);
  if (end < 0 || end > 200) return null;
  const decl = String.fromCharCode(...part.subarray(0, end));
  const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
  if (!m) return null;
  const label = m[1].toLowerCase();
  // The declaration was just read one byte per character, so a UTF-16 label here is wrong about these bytes.
  if (label === "utf-8" || label === "utf8" || label.startsWith("utf-16")) return null;
  return label;
}
