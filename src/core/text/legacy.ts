/**
 * Legacy Vietnamese 8-bit encodings, as they reach us through Excel.
 *
 * Before Unicode, Vietnamese was typed with special fonts: TCVN3 (ABC, the
 * ".VnTime" fonts) and VNI ("VNI-Times"). The file stores ordinary 8-bit
 * codes and the font draws them as Vietnamese letters. Excel hands the add-in
 * those codes as Latin-1 characters, so "Hoàng Văn Nam" typed in .VnTime
 * reads "Hoµng V¨n Nam", and typed in VNI-Times reads "Hoaøng Vaên Nam".
 *
 * - TCVN3 gives every letter one code (U+00A1..U+00FE here).
 *   It has NO codes for upper-case toned vowels: the capitals fonts
 *   (.VnTimeH) draw the lower-case codes as capitals. Only Ă Â Ê Ô Ơ Ư Đ have
 *   codes of their own. So converting TCVN3 cannot know the case of a toned
 *   vowel from its code; we take it from the word: a word whose plain letters
 *   are all capitals ("HOµNG") was typed in a capitals font and is converted
 *   to capitals ("HOÀNG"). A toned capital inside a mixed-case word, or a
 *   word made only of toned vowels, comes back lower-case: that is a real
 *   loss of the encoding, not of this code, and the tests say so.
 * - VNI writes a vowel as the plain letter followed by mark bytes
 *   ("a" + "ø" = "à", "a" + "ê" = "ă", "o" + "â" + "ù" = "ố"), with single
 *   codes for ơ (ô), ư (ö), đ (ñ), the toned i's and ỵ. Capitals use the
 *   capital mark bytes, so VNI keeps case exactly.
 */
import { BASE_VOWELS, BaseVowel, TONES, Tone, VIETNAMESE_BEYOND_LATIN1, isVietnameseSyllable, toned } from "./vietnamese";

export type LegacyEncoding = "tcvn3" | "vni";
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ["tcvn3", "vni"];

/** Names for messages: what the user will recognise (the font family). */
export const LEGACY_ENCODING_LABELS: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (ABC, phông .VnTime)",
  vni: "VNI (phông VNI-Times)",
};

// --- TCVN3 -----------------------------------------------------------------

/** TCVN3 codes per base vowel, tones in the order of TONES (none, grave, hook, tilde, acute, dot). */
const TCVN3_VOWELS: Record<BaseVowel, readonly number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
/** The only capitals TCVN3 has codes for. */
const TCVN3_CAPITALS: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };
const TCVN3_DD = 0xae; // đ

const TCVN3_TO_UNI = new Map<string, string>();
const UNI_TO_TCVN3 = new Map<string, string>();
for (const v of BASE_VOWELS) {
  TONES.forEach((t: Tone, i) => {
    const code = TCVN3_VOWELS[v][i];
    if (code < 0x80) return; // plain ASCII vowel: same in both
    const uni = toned(v, t);
    TCVN3_TO_UNI.set(String.fromCharCode(code), uni);
    UNI_TO_TCVN3.set(uni, String.fromCharCode(code));
    // No capital codes: a capital toned vowel is written with the lower-case code (.VnTimeH convention).
    if (!(uni.toUpperCase() in TCVN3_CAPITALS)) UNI_TO_TCVN3.set(uni.toUpperCase(), String.fromCharCode(code));
  });
}
TCVN3_TO_UNI.set(String.fromCharCode(TCVN3_DD), "đ");
UNI_TO_TCVN3.set("đ", String.fromCharCode(TCVN3_DD));
for (const [uni, code] of Object.entries(TCVN3_CAPITALS)) {
  TCVN3_TO_UNI.set(String.fromCharCode(code), uni);
  UNI_TO_TCVN3.set(uni, String.fromCharCode(code));
}

// --- VNI -------------------------------------------------------------------

/** VNI tone bytes after a plain vowel, by tone (TONES order, "none" unused). */
const VNI_TONE = ["", "ø", "û", "õ", "ù", "ï"];
/** After a circumflex vowel (â ê ô), the tone and the circumflex share one byte. */
const VNI_CIRCUMFLEX_TONE = ["â", "à", "å", "ã", "á", "ä"];
/** After a breve vowel (ă), likewise. */
const VNI_BREVE_TONE = ["ê", "è", "ú", "ü", "é", "ë"];

/** Lower-case VNI spelling of each Vietnamese lower-case letter. */
function vniLower(v: BaseVowel, toneIndex: number): string {
  switch (v) {
    case "a": case "e": case "o": case "u": return v + VNI_TONE[toneIndex];
    case "y": return toneIndex === 5 ? "î" : "y" + VNI_TONE[toneIndex]; // ỵ has a code of its own
    case "â": return "a" + VNI_CIRCUMFLEX_TONE[toneIndex];
    case "ê": return "e" + VNI_CIRCUMFLEX_TONE[toneIndex];
    case "ô": return "o" + VNI_CIRCUMFLEX_TONE[toneIndex];
    case "ă": return "a" + VNI_BREVE_TONE[toneIndex];
    case "ơ": return "ô" + VNI_TONE[toneIndex];
    case "ư": return "ö" + VNI_TONE[toneIndex];
    case "i": return ["i", "ì", "æ", "ó", "í", "ò"][toneIndex];
  }
}

const VNI_TO_UNI = new Map<string, string>(); // lower-case VNI sequence -> lower-case letter
const UNI_TO_VNI = new Map<string, string>(); // letter (either case) -> VNI sequence
for (const v of BASE_VOWELS) {
  TONES.forEach((t: Tone, i) => {
    const uni = toned(v, t);
    const seq = vniLower(v, i);
    if (seq === uni) return; // plain ASCII vowel
    VNI_TO_UNI.set(seq, uni);
    UNI_TO_VNI.set(uni, seq);
    UNI_TO_VNI.set(uni.toUpperCase(), seq.toUpperCase());
  });
}
VNI_TO_UNI.set("ñ", "đ");
UNI_TO_VNI.set("đ", "ñ");
UNI_TO_VNI.set("Đ", "Ñ");

// --- Conversion ------------------------------------------------------------

/** A "word" for legacy text: letters, plus the Latin-1 symbols TCVN3 uses as letters (µ ¸ ¨ ...). */
const LEGACY_WORD = /[\p{L}\p{M}\u00a1-\u00ff]+/gu;
const HAS_LATIN1 = /[\u00a1-\u00ff]/;

/** True when the plain letters of `text` are capitals, and there are at least two of them to tell. */
function typedInCapitals(text: string): boolean {
  const plain = text.replace(/[^A-Za-z]/g, "");
  return plain.length >= 2 && plain === plain.toUpperCase();
}

function tcvn3WordToUnicode(word: string, allCapitals: boolean): string {
  let out = "";
  for (const ch of word) out += TCVN3_TO_UNI.get(ch) ?? ch;
  // A word typed in a capitals font (.VnTimeH): its plain letters are capitals.
  // One capital alone ("BÝ") is just a capitalised word, so it takes two.
  return allCapitals || typedInCapitals(word) ? out.toUpperCase() : out;
}

function vniToUnicodeText(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    let matched = false;
    for (let len = 3; len >= 1; len--) {
      if (i + len > text.length) continue;
      const seq = text.slice(i, i + len);
      const lower = seq.toLowerCase();
      // VNI writes a capital with capital mark bytes: "yÕ" is no VNI letter.
      if (seq !== lower && seq !== seq.toUpperCase()) continue;
      const uni = VNI_TO_UNI.get(lower);
      if (uni === undefined) continue;
      out += seq !== lower ? uni.toUpperCase() : uni;
      i += len;
      matched = true;
      break;
    }
    if (!matched) out += text[i++];
  }
  return out;
}

/** Converts legacy-encoded text (as Excel gives it) to NFC Unicode. Characters that are no legacy code pass through. */
export function legacyToUnicode(text: string, enc: LegacyEncoding): string {
  if (!HAS_LATIN1.test(text)) return text;
  if (enc === "vni") return vniToUnicodeText(text);
  const allCapitals = typedInCapitals(text);
  return text.replace(LEGACY_WORD, (word) => tcvn3WordToUnicode(word, allCapitals));
}

/**
 * Unicode -> legacy, for tests and for writing sample legacy sheets. TCVN3 has
 * no capital toned vowels, so those are written with the lower-case code, as
 * a .VnTimeH user would type them.
 */
export function unicodeToLegacy(text: string, enc: LegacyEncoding): string {
  const table = enc === "vni" ? UNI_TO_VNI : UNI_TO_TCVN3;
  let out = "";
  for (const ch of text.normalize("NFC")) out += table.get(ch) ?? ch;
  return out;
}

// --- Detection -------------------------------------------------------------

export interface LegacyScore {
  encoding: LegacyEncoding;
  /** Words holding Latin-1 letters that become Vietnamese syllables once converted. */
  good: number;
  /** Such words that do not: evidence against this encoding. */
  bad: number;
  /** good / (good + bad), 0 when no word counted. */
  score: number;
}

/**
 * A word that is a Vietnamese syllable as it stands, cased like a word ("Hà",
 * "THÚY"). A capital right after a small letter ("cÊp", "tuyÕn") is how
 * TCVN3 looks, never how people write.
 */
function readsAsUnicode(word: string): boolean {
  return !/\p{Ll}\p{Lu}/u.test(word) && isVietnameseSyllable(word);
}

/** Share of suspicious words that must convert to real Vietnamese syllables. */
export const LEGACY_MIN_SCORE = 0.5;

/**
 * How well `text` reads as each legacy encoding. Only words with a Latin-1
 * character count; a word that already is a Vietnamese syllable in Unicode
 * ("Hà", "Lê", "Thúy") proves nothing either way and is left out. A word
 * counts for an encoding when its conversion is a Vietnamese syllable
 * ("Hoµng" -> "Hoàng") and against it when not ("Müller" -> "Mỹller").
 */
export function legacyScores(text: string): LegacyScore[] {
  const words = text.match(LEGACY_WORD) ?? [];
  const counts = LEGACY_ENCODINGS.map((encoding) => ({ encoding, good: 0, bad: 0, score: 0 }));
  for (const word of words) {
    // A word with no plain letter ("©", "½") is a symbol, whatever a legacy font would draw.
    if (!HAS_LATIN1.test(word) || !/[A-Za-z]/.test(word) || readsAsUnicode(word)) continue;
    for (const c of counts) {
      const converted = legacyToUnicode(word, c.encoding);
      if (converted === word) continue; // nothing this encoding explains
      if (isVietnameseSyllable(converted)) c.good++;
      else c.bad++;
    }
  }
  for (const c of counts) c.score = c.good + c.bad === 0 ? 0 : c.good / (c.good + c.bad);
  return counts;
}

/**
 * "tcvn3" or "vni" when the text reads as that legacy encoding, else null.
 * Text that holds any Vietnamese letter beyond Latin-1 (ă, ơ, ư, đ, ạ, ...)
 * or a combining mark is Unicode already, and ASCII has nothing to convert:
 * both are answered without looking further, which keeps this cheap on big
 * sheets. Otherwise the encoding needs at least one converted syllable and a
 * score of LEGACY_MIN_SCORE, so "José" or "Müller" stay as they are.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!HAS_LATIN1.test(text) || VIETNAMESE_BEYOND_LATIN1.test(text)) return null;
  let best: LegacyScore | null = null;
  let tie = false;
  for (const s of legacyScores(text)) {
    if (s.good === 0 || s.score < LEGACY_MIN_SCORE) continue;
    if (!best || s.good > best.good || (s.good === best.good && s.score > best.score)) best = s;
    else if (s.good === best.good && s.score === best.score) tie = true;
  }
  // Both encodings read it equally well: a guess would be a coin toss, so leave the text alone.
  return best && !tie ? best.encoding : null;
}
