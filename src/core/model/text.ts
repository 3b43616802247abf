/**
 * Words shown to a person, in both languages of the product. Every message,
 * label, reason and fix description is one of these, so no text can reach the
 * English pane or `--lang en` without its English.
 */
export interface Text {
  vi: string;
  en: string;
}

export type Lang = keyof Text;
export const LANGS: readonly Lang[] = ["vi", "en"];

export function text(vi: string, en: string): Text {
  return { vi, en };
}

/**
 * The words a person reads when something the product did on purpose refused
 * or failed (a file it cannot read, a protected sheet, a write it will not
 * make). Every error class the product throws for a user carries one, under
 * this one name, so the pane, the demo and the command line show them alike.
 */
export interface Explained {
  readonly userText: Text;
}

/**
 * An error's words for a person, when it has them. Duck-typed: errors cross the
 * engine's worker as plain objects, and an error from another realm fails
 * `instanceof`. A Text with no Vietnamese is not one.
 */
export function userTextOf(err: unknown): Text | null {
  if (typeof err !== "object" || err === null) return null;
  const t = (err as { userText?: unknown }).userText;
  if (typeof t !== "object" || t === null) return null;
  const { vi, en } = t as { vi?: unknown; en?: unknown };
  if (typeof vi !== "string" || vi === "") return null;
  return { vi, en: typeof en === "string" && en !== "" ? en : vi };
}
