export { fold, foldKeepPunctuation } from "./fold";
export { toNfc, isDecomposed, cleanSpaces } from "./normalize";
export type { Cleaned } from "./normalize";
export {
  detectLegacyEncoding, legacyToUnicode, unicodeToLegacy, legacyScores,
  LEGACY_ENCODINGS, LEGACY_ENCODING_LABELS, LEGACY_MIN_SCORE,
} from "./legacy";
export type { LegacyEncoding, LegacyScore } from "./legacy";
export { BASE_VOWELS, TONES, toned, allLowerLetters, isVietnameseSyllable } from "./vietnamese";
export type { BaseVowel, Tone } from "./vietnamese";
export { compareVi, sortVi } from "./collate";
export { clipText, displayText, hasInvisible, revealInvisible } from "./visible";
export type { RevealOptions } from "./visible";
export { rowRef, rowsRef } from "./rowRef";
