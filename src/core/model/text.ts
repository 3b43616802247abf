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
