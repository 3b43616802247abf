/**
 * Text from a file never drives the terminal. A cell, sheet or file name can
 * hold ESC (colour, cursor moves, clearing the screen), CR or backspace
 * (overwriting what was printed, so a file could hide its own findings), BEL,
 * other C0 and C1 controls, and bidirectional overrides that show "1966" as
 * "6691". Each of those is printed as a visible `\uXXXX`.
 *
 * `\uXXXX` is also how JSON writes a character, so the same pass leaves a JSON
 * document exact: JSON.stringify already escapes C0 controls, and a C1 or bidi
 * character inside a JSON string, written as `\u202E`, parses back to itself.
 */

// C0 except line feed, DEL and C1, the Arabic letter mark, zero-width and directional marks, line and paragraph
// separators, embeddings and overrides, word joiner and invisible operators, isolates, the byte-order mark, and
// interlinear annotation marks.
 
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
 
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

function escape(ch: string): string {
  return "\\u" + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** Everything that would act on the terminal made visible; line feeds kept (the program's own line breaks). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * One piece of text from a file (a value, a sheet or file name, a message
 * quoting them) for a one-line report: line feeds are made visible too, so a
 * value cannot print a line of its own that looks like a finding.
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, escape);
}
