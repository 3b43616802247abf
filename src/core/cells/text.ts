import { CellValue } from "../model";
import { cleanSpaces, isDecomposed } from "../text/normalize";
import { LEGACY_ENCODING_LABELS, LegacyEncoding, detectLegacyEncoding, legacyToUnicode } from "../text/legacy";
import { excelErrorProblem, isErrorValue } from "./common";
import { BLANK, CellProblem, NO_PROBLEMS, ParseResult, fail, ok } from "./result";

/** The legacy encodings' names in English, beside LEGACY_ENCODING_LABELS (Vietnamese). */
const LEGACY_ENCODING_LABELS_EN: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (ABC, .VnTime fonts)",
  vni: "VNI (VNI-Times fonts)",
};

export interface TextReading {
  /** The text as it should read: composed, converted from a legacy encoding, spaces cleaned. */
  text: string;
  /** One problem per thing that was wrong, each fixed by writing `text`. */
  problems: readonly CellProblem[];
}

/**
 * Reads a cell as text and says what a clean copy would change. Every
 * problem's fix is the fully cleaned text, so applying any or all of them
 * leaves the same cell. Later steps (enums, yes/no, names) parse the cleaned
 * text: a name typed with .VnTime still matches the same name in Unicode.
 */
export function readText(raw: string): TextReading {
  let text = raw;
  const found: Array<CellProblem["code"] | [CellProblem["code"], string, string]> = [];
  if (isDecomposed(text)) {
    text = text.normalize("NFC");
    found.push("text/unicode-form");
  }
  const enc = detectLegacyEncoding(text);
  if (enc !== null) {
    text = legacyToUnicode(text, enc);
    found.push(["text/legacy-encoding", LEGACY_ENCODING_LABELS[enc], LEGACY_ENCODING_LABELS_EN[enc]]);
  }
  const cleaned = cleanSpaces(text);
  if (cleaned.changed) {
    text = cleaned.text;
    found.push("text/spaces");
  }
  if (found.length === 0) return { text, problems: NO_PROBLEMS };
  const fix = text;
  return {
    text,
    problems: found.map((f) => (typeof f === "string" ? { code: f, fix } : { code: f[0], detail: { vi: f[1], en: f[2] }, fix })),
  };
}

/**
 * `text` fields. A number is read as its text (a code like 123); an Excel
 * error is a problem (reported under `type/number`, the only cell rule that
 * names Excel errors for non-date fields).
 */
export function parseText(v: CellValue): ParseResult<string> {
  if (typeof v === "number") return ok(String(v));
  if (typeof v === "boolean") return ok(v ? "TRUE" : "FALSE");
  if (isErrorValue(v)) return fail(excelErrorProblem("type/number", v));
  const r = readText(v);
  if (r.text === "") return BLANK; // spaces only: blank, nothing to fix that matters
  return ok(r.text, r.problems);
}
