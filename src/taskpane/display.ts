import type { CellValue, Finding } from "../core/model";
import type { Lang } from "../app/errors";
import { QUOTED_VALUE_MAX } from "../core/rules/finding";
import { displayText, revealInvisible } from "../core/text/visible";

/**
 * How the pane shows text that came from a workbook: hidden characters
 * written out (a right-to-left mark cannot reorder "1966"), long text cut with
 * the whole of it on demand, dates as the day they mean.
 */

/** The finding's sentence in the pane's language, hidden characters written out (cutting is the list's job). */
export function findingMessage(f: Finding, lang: Lang): string {
  return revealInvisible(f.message[lang]);
}

/** A sheet name as shown: a name can hold hidden characters too. */
export function shownSheet(sheet: string): string {
  return revealInvisible(sheet);
}

/**
 * The whole of what the list cut: the long value itself, or else the whole
 * sentence, line breaks kept; and its length in characters as typed.
 */
export function wholeText(f: Finding, lang: Lang): { text: string; length: number } {
  const raw = typeof f.value === "string" && f.value.length > QUOTED_VALUE_MAX ? f.value : f.message[lang];
  let length = 0;
  for (const _ of raw) length++; // characters, not UTF-16 units
  return { text: revealInvisible(raw, { keepLineBreaks: true }), length };
}

/** A value in a preview: a date as its day, text in quotes (visible, cut when long), a blank as ∅. */
export function shownValue(v: CellValue | null, valueText: string | undefined, lang: Lang): string {
  if (valueText !== undefined) return valueText;
  if (v === null || v === "") return "∅";
  if (typeof v === "string") return `“${displayText(v, QUOTED_VALUE_MAX, lang)}”`;
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}
