/**
 * Text in and out of the XML parts `summary --out` edits or writes.
 *
 * Out: XML 1.0 cannot hold most control characters or lone surrogates, so
 * they are written as Excel writes them, `_xHHHH_`; an underscore that would
 * read as the start of such an escape is itself escaped (`_x005F_`), so a
 * value comes back exactly as it went in.
 *
 * In: parts come as UTF-8 (with or without a byte-order mark) or UTF-16
 * (with one); invalid UTF-8 is refused rather than silently replaced, since
 * the edited part is written back.
 */

// Carriage returns are legal XML but a parser turns them into line feeds, so cell text escapes them too.
 
const NOT_XML_TEXT = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
 
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LOOKS_ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(ch: string): string {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** Cell text as Excel stores it: characters XML cannot hold as `_xHHHH_`. */
export function excelEscape(text: string): string {
  return text.replace(LOOKS_ESCAPED, "_x005F_").replace(NOT_XML_TEXT, (ch) => `_x${hex4(ch)}_`);
}

function entities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cell text (`<t>`): Excel's escapes, then XML's. */
export function escapeText(text: string): string {
  return entities(excelEscape(text));
}

/** Element text that Excel does not unescape (formulas, defined names): only what XML cannot hold is replaced. */
export function escapePlain(text: string): string {
  return entities(text.replace(NOT_XML, "\ufffd"));
}

/** An attribute value; white space kept as character references so it survives normalisation. */
export function escapeAttr(text: string): string {
  return escapePlain(text).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Entity and character references back to text (attribute values and simple element text). */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref];
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export class XmlDecodeError extends Error {}

/** A part's bytes as text, by its byte-order mark; UTF-8 must be valid. */
export function decodeXmlPart(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new XmlDecodeError("the part is not valid UTF-8 or UTF-16");
  }
}

/** Text back to bytes: always UTF-8, the XML declaration saying so. */
export function encodeXmlPart(text: string): Uint8Array {
  const fixed = text.replace(/^(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
  return new TextEncoder().encode(fixed);
}

/** The attributes of one start tag's text (`name="v"` or `name='v'`), decoded; names keep their prefix. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `x:id`…), or null. */
export function prefixedAttribute(attrs: Map<string, string>, local: string): string | null {
  for (const [k, v] of attrs) if (k.includes(":") && k.slice(k.indexOf(":") + 1) === local && !k.startsWith("xmlns")) return v;
  return null;
}
