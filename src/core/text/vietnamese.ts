/**
 * The Vietnamese alphabet as data: the 12 vowels with their 6 tones, and đ.
 * The legacy converters and their tests are built from these tables, so every
 * letter is covered by construction rather than by a hand-typed list.
 */

export const BASE_VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
export type BaseVowel = (typeof BASE_VOWELS)[number];

/** Tones in the order the legacy tables below list them. */
export const TONES = ["none", "grave", "hook", "tilde", "acute", "dot"] as const;
export type Tone = (typeof TONES)[number];

const TONE_MARK: Record<Tone, string> = {
  none: "",
  grave: "\u0300", // huyền
  hook: "\u0309", // hỏi
  tilde: "\u0303", // ngã
  acute: "\u0301", // sắc
  dot: "\u0323", // nặng
};

/** The precomposed (NFC) letter for a vowel and a tone: ("ơ", "acute") -> "ớ". */
export function toned(vowel: BaseVowel, tone: Tone): string {
  return (vowel + TONE_MARK[tone]).normalize("NFC");
}

/** All 72 lower-case vowel letters plus đ: the 73 letters that carry Vietnamese marks or are plain vowels. */
export function allLowerLetters(): string[] {
  const out: string[] = [];
  for (const v of BASE_VOWELS) for (const t of TONES) out.push(toned(v, t));
  out.push("đ");
  return out;
}

/** Letters that exist only in Vietnamese Unicode text (beyond Latin-1): ă, ơ, ư, đ, ạ, ả, ... */
export const VIETNAMESE_BEYOND_LATIN1 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]/;

const TONE_MARKS_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The vowel groups a Vietnamese syllable can have, tones removed: the main
 * vowel with its glides, and its i/y/o/u final. Listing them (rather than
 * allowing any run of vowels) and knowing which take a final consonant is
 * what tells "Hoàng" from wrong decodings like "Hoaứng" or "thaõn".
 */
/** Groups that end the syllable: their last letter is already a final (or, for ia/ua/ưa/uya, no final follows). */
const OPEN_GROUPS = [
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
  "ia", "ua", "ưa", "uya", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uyu", "ươi", "ươu", "yêu",
];
/** Groups that need a final consonant ("tiên", never "tiê"). */
const CLOSED_GROUPS = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"];
/** Groups that may take a final consonant or not. */
const FREE_GROUPS = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uơ", "uy"];

const INITIAL = "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";
const FINAL = "(ng|nh|ch|c|m|n|p|t)";

/**
 * A Vietnamese syllable, written without its tone. Loose where it does not
 * matter (it does not check which finals go with which vowels, nor spelling
 * rules like k/c): it only has to tell real words from wrong decodings.
 */
const SYLLABLE = new RegExp(
  `^${INITIAL}(?:(?:${OPEN_GROUPS.join("|")})|(?:${CLOSED_GROUPS.join("|")})${FINAL}|(?:${FREE_GROUPS.join("|")})${FINAL}?)$`,
);

/** True when `word` (any case, NFC or NFD) reads as one Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize("NFD");
  const tones = nfd.match(TONE_MARKS_RE);
  if (tones && tones.length > 1) return false;
  const bare = nfd.replace(TONE_MARKS_RE, "").normalize("NFC");
  return SYLLABLE.test(bare);
}
