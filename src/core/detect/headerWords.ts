import { EDUCATION, GENDERS, MEETING_KINDS, MEETING_MODES, RATINGS, THEORY } from "../model/enums";
import { fold } from "../text/fold";
import { expandAbbreviations } from "./abbreviations";
import { readTimeLabel } from "./timeLabel";

/**
 * Words that turn a header about a thing into a header about an amount or a
 * person of that thing. Vietnamese puts the head noun first: "Số chi bộ" is a
 * number, "Tỷ lệ chi bộ đạt …" a share, "Bí thư chi bộ" a person, none of them
 * the cell's name. All on folded, abbreviation-expanded words (see text/fold).
 */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(["so", "tong", "%"]);
const AMOUNT_PAIRS: ReadonlySet<string> = new Set(["ty le", "ti le", "binh quan", "trung binh"]);
const ROLE_PAIRS: ReadonlySet<string> = new Set(["bi thu", "uy vien", "cap uy", "chi uy", "thuong vu"]);
/** A verb right after the thing makes it a condition on it: "Chi bộ đạt …", "Chi bộ không …". */
const CONDITION_WORDS: ReadonlySet<string> = new Set(["dat", "duoc", "chua", "khong", "co", "hoan"]);

function hasPair(words: readonly string[], pairs: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (pairs.has(words[i] + " " + words[i + 1])) return true;
  return false;
}

/** The words count or rate something ("Số", "Tổng số", "Tỷ lệ", "%"). */
export function hasAmountWord(words: readonly string[]): boolean {
  return words.some((w) => AMOUNT_WORDS.has(w)) || hasPair(words, AMOUNT_PAIRS);
}

/** Every word is an amount word: "Tổng số", "Số lượng" (expanded to "so"), "Tỷ lệ %". */
export function onlyAmountWords(expanded: string): boolean {
  const words = expanded.split(" ");
  for (let i = 0; i < words.length; i++) {
    if (AMOUNT_WORDS.has(words[i])) continue;
    if (i + 1 < words.length && AMOUNT_PAIRS.has(words[i] + " " + words[i + 1])) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * Negative evidence for a header that holds a field's synonym among other
 * words: it counts or rates the thing (an amount word anywhere), names a role
 * held in it (a role word BEFORE it: "Bí thư chi bộ"; after it the role only
 * qualifies whose name it is, "Họ tên bí thư"), or puts a condition on it
 * ("Chi bộ đạt trong sạch vững mạnh").
 */
export function namesAnotherThing(before: readonly string[], after: readonly string[]): boolean {
  if (hasAmountWord(before) || hasAmountWord(after)) return true;
  if (hasPair(before, ROLE_PAIRS)) return true;
  return after.length > 0 && CONDITION_WORDS.has(after[0]);
}

/**
 * Values of the closed lists: as a column header, each is one category of a
 * breakdown. Roles are left out: a "Bí thư chi bộ" column in a list of cells
 * holds the secretary's name, not a count.
 */
const CATEGORY_LABELS: ReadonlySet<string> = new Set(
  [GENDERS, EDUCATION, THEORY, RATINGS, MEETING_KINDS, MEETING_MODES].flatMap((e) => e.values.map((v) => fold(v))),
);

/** Words of an age band or a level threshold: "Dưới 40 tuổi", "Đại học trở lên", "Từ 41 đến 50". */
const BAND_WORDS: ReadonlySet<string> = new Set(["tuoi", "duoi"]);
const BAND_PAIRS: ReadonlySet<string> = new Set(["tro len", "tro xuong"]);

/**
 * A column label that is a figure of a report, not a field of a list: an
 * amount ("Số lượng", "Tỷ lệ %", "Tổng số"), a band ("Dưới 40 tuổi", "Đại học
 * trở lên", "Dân tộc thiểu số"), one category of a closed list ("Nữ",
 * "Đại học", "Tốt") or a month or quarter ("Tháng 3", "Quý I"). A report form's sub-headers are mostly these.
 */
export function isMetricLabel(label: string): boolean {
  const folded = fold(label);
  if (folded === "") return false;
  if (CATEGORY_LABELS.has(folded)) return true;
  // "Tháng 1" … "Tháng 12", "Quý I": outside a tracker, a column per month or quarter holds a figure.
  const time = readTimeLabel(label);
  if (time && (time.month !== undefined || time.quarter !== undefined)) return true;
  const words = expandAbbreviations(folded).split(" ");
  return hasAmountWord(words) || words.some((w) => BAND_WORDS.has(w)) || hasPair(words, BAND_PAIRS);
}
