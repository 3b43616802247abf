import { HEADER_ABBREVIATIONS, HEADER_PHRASE_REWRITES } from "../model/abbreviations";

/** Expands abbreviations in a folded text (see text/fold). */
export function expandAbbreviations(folded: string): string {
  if (folded === "") return folded;
  let out = folded
    .split(" ")
    .map((t) => HEADER_ABBREVIATIONS[t] ?? t)
    .join(" ");
  for (const [re, to] of HEADER_PHRASE_REWRITES) out = out.replace(re, to);
  return out;
}
