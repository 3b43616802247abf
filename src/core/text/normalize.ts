/**
 * Unicode form and white-space cleanup. Cells typed on different machines
 * arrive decomposed (NFD, from macOS or some Vietnamese keyboards), with
 * non-breaking spaces pasted from the web, or with doubled spaces. Each
 * function says whether it changed anything, so the `text/*` rules can offer
 * the cleaned text as a fix instead of silently rewriting the user's data.
 */

/** Composed form; comparisons and output always use it. */
export function toNfc(text: string): string {
  return text.normalize("NFC");
}

/** True when the text is not in composed form (the `text/unicode-form` rule). */
export function isDecomposed(text: string): boolean {
  // Fast path: pure ASCII and Latin-1 without combining marks is always NFC.
  if (!/[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/.test(text)) return false;
  return text.normalize("NFC") !== text;
}

export interface Cleaned {
  text: string;
  changed: boolean;
}

// Horizontal spaces Excel users paste in: tab, NBSP (web pages, Word), the
// typographic spaces, narrow NBSP and the ideographic space.
const HSPACE_RUN = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// Zero-width characters carry no meaning in a name and break comparisons.
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;
const QUICK_DIRTY = /^\s|\s$|[ \t\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]{2,}|[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\r\n]/;

/**
 * Trim, collapse runs of spaces (including non-breaking ones) to one space,
 * drop zero-width characters. Line breaks typed with Alt+Enter are kept (a
 * topic may have several lines) but the spaces around them go, and blank
 * lines collapse.
 */
export function cleanSpaces(text: string): Cleaned {
  if (!QUICK_DIRTY.test(text)) return { text, changed: false };
  const cleaned = text
    .replace(ZERO_WIDTH, "")
    .replace(/\r\n?/g, "\n")
    .replace(HSPACE_RUN, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
  return { text: cleaned, changed: cleaned !== text };
}
