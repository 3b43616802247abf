/**
 * Text from a cell, made safe to put in front of a person. A workbook from
 * another office can hold characters that are invisible or that reorder what
 * is around them: a right-to-left mark before "1966" shows it as "6691", a
 * zero-width space makes two names that look the same differ, an ESC or CR
 * rewrites a terminal line. Excel's own formula bar shows none of them. Here
 * each one is written out by name ("⟨RLM⟩"), and a value that would fill
 * pages (30,000 characters) is cut in the middle with the count of what was
 * left out, so one cell can never push everything else off the screen.
 */

/** Short names people can look up; any other hidden character is written as its code point. */
const NAMES: Readonly<Record<number, string>> = {
  0x00: "NUL", 0x08: "BS", 0x0d: "CR", 0x1b: "ESC", 0x7f: "DEL", 0xad: "SHY",
  0x061c: "ALM", 0x180e: "MVS",
  0x200b: "ZWSP", 0x200c: "ZWNJ", 0x200d: "ZWJ", 0x200e: "LRM", 0x200f: "RLM",
  0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO",
  0x2028: "LS", 0x2029: "PS", 0x2060: "WJ",
  0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0xfeff: "BOM",
};

/**
 * Control and format characters (bidirectional marks and overrides, zero-width
 * spaces and joiners, the BOM, tag characters), line and paragraph separators,
 * lone surrogates, and the Hangul fillers that render as blank letters.
 * Tab and line feed are ordinary in cells (Alt+Enter) and are handled apart.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "gu");

/**
 * Characters that are never hidden: printable ASCII, Latin-1 to Arabic's start
 * (minus the soft hyphen), Latin Extended Additional (the Vietnamese letters).
 * Every cell of a province passes through here, so the usual text is cleared
 * by a plain loop and only the rest meets the regular expression.
 */
function plainChar(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x600 && c !== 0xad) || (c >= 0x1e00 && c < 0x1f00);
}

function mayHide(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!plainChar(text.charCodeAt(i))) return HIDDEN.test(text);
  return false;
}

function nameOf(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return NAMES[cp] ?? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

export interface RevealOptions {
  /** Keep line feeds as line breaks (a box that shows the whole value); otherwise each is shown as "↵". */
  keepLineBreaks?: boolean;
}

/** Every hidden character written out as ⟨NAME⟩; the text is otherwise unchanged. */
export function revealInvisible(text: string, opts: RevealOptions = {}): string {
  if (!mayHide(text)) return text;
  return text.replace(HIDDEN_ALL, (ch) => {
    if (ch === "\t") return ch;
    if (ch === "\n") return opts.keepLineBreaks ? ch : "↵";
    return `⟨${nameOf(ch)}⟩`;
  });
}

/** True when the text holds a character `revealInvisible` would write out. */
export function hasInvisible(text: string): boolean {
  return mayHide(text);
}

/** A low surrogate or a combining mark belongs to the character before it: never cut just before one. */
function joinsPrevious(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return true;
  return /\p{M}/u.test(text[i] ?? "");
}

function countCodePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > from)) n++;
  }
  return n;
}

function groupThousands(n: number, lang: "vi" | "en"): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/**
 * The text cut in the middle to about `max` characters: the start and the end
 * stay (a sentence still ends as it does), with how much was left out between.
 * Never cuts a character in two, a mark from its letter, or a ⟨NAME⟩ apart.
 */
export function clipText(text: string, max: number, lang: "vi" | "en" = "vi"): string {
  if (text.length <= max) return text;
  let head = Math.max(1, Math.ceil(max * 0.7));
  let tail = text.length - Math.max(1, max - head);
  while (head > 0 && joinsPrevious(text, head)) head--;
  while (tail < text.length && joinsPrevious(text, tail)) tail++;
  // A revealed name stays whole: cut before its "⟨" or after its "⟩".
  const open = text.lastIndexOf("⟨", head - 1);
  if (open >= 0 && text.indexOf("⟩", open) >= head) head = open;
  const close = text.indexOf("⟩", tail);
  const before = text.lastIndexOf("⟨", tail - 1);
  if (close >= 0 && before >= 0 && before < tail && text.lastIndexOf("⟩", tail - 1) < before) tail = close + 1;
  if (tail <= head) return text;
  const n = groupThousands(countCodePoints(text, head, tail), lang);
  const cut = lang === "vi" ? `… (bớt ${n} ký tự) …` : `… (${n} characters left out) …`;
  return text.slice(0, head) + cut + text.slice(tail);
}

/** Hidden characters written out, then cut to about `max` characters: how cell text is shown everywhere. */
export function displayText(text: string, max: number, lang: "vi" | "en" = "vi"): string {
  if (text.length <= max && !mayHide(text)) return text;
  return clipText(revealInvisible(text), max, lang);
}
