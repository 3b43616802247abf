import { CellValue, EnumDef } from "../model";
import { fold } from "../text/fold";
import { because, excelErrorProblem, isErrorValue } from "./common";
import { BLANK, CellProblem, ParseResult, fail, ok } from "./result";
import { readText } from "./text";

interface EnumIndex {
  exact: Set<string>;
  /** Folded canonical value or synonym -> canonical value. */
  folded: Map<string, string>;
  /** Folded regional name -> canonical value (read with no finding). */
  regional: Map<string, string>;
  /** Canonical values, synonyms and regional names with abbreviations expanded and filler words dropped. */
  normal: Map<string, { value: string; regional: boolean }>;
  /** The same keys, longest first, for values followed by their detail ("Đại học Luật"). */
  prefixes: Array<{ key: string; value: string }>;
}

const INDEXES = new WeakMap<EnumDef, EnumIndex>();

/**
 * The comparison key of a value list: folded, each abbreviated word expanded
 * ("p bt du" -> "pho bi thu dang uy"), filler words dropped. One function for
 * what users type and for the list's own spellings, so both shorten alike.
 */
export function enumKey(def: EnumDef, text: string): string {
  const folded = fold(text);
  const abbr = def.abbreviations;
  const filler = def.fillerWords;
  if (!abbr && !filler) return folded;
  let words = joinInitials(folded.split(" "));
  if (abbr) words = words.flatMap((w) => (abbr[w] ?? w).split(" "));
  let out = words.join(" ");
  if (filler) for (const f of filler) out = (" " + out + " ").replace(" " + f + " ", " ").trim();
  return out;
}

/** "B.T", "Đ.U.V" fold to single letters: a run of two or more is one abbreviation ("bt", "duv"). */
function joinInitials(words: string[]): string[] {
  if (!words.some((w) => w.length === 1)) return words;
  const out: string[] = [];
  let run = "";
  for (const w of words) {
    if (w.length === 1) { run += w; continue; }
    if (run !== "") out.push(run);
    run = "";
    out.push(w);
  }
  if (run !== "") out.push(run);
  return out;
}

function indexOf(def: EnumDef): EnumIndex {
  let idx = INDEXES.get(def);
  if (idx) return idx;
  const folded = new Map<string, string>();
  const normal = new Map<string, { value: string; regional: boolean }>();
  const regional = new Map<string, string>();
  for (const [canonical, synonyms] of Object.entries(def.synonyms) as Array<[string, readonly string[] | undefined]>) {
    for (const s of synonyms ?? []) {
      if (!folded.has(fold(s))) folded.set(fold(s), canonical);
      if (!normal.has(enumKey(def, s))) normal.set(enumKey(def, s), { value: canonical, regional: false });
    }
  }
  for (const [canonical, names] of Object.entries(def.regional ?? {}) as Array<[string, readonly string[] | undefined]>) {
    for (const s of names ?? []) {
      regional.set(fold(s), canonical);
      normal.set(enumKey(def, s), { value: canonical, regional: true });
    }
  }
  // Canonical spellings win over any synonym that folds the same way.
  for (const v of def.values) {
    folded.set(fold(v), v);
    normal.set(enumKey(def, v), { value: v, regional: false });
  }
  const prefixes = [...normal.entries()]
    .map(([key, e]) => ({ key, value: e.value }))
    .sort((a, b) => b.key.length - a.key.length);
  idx = { exact: new Set(def.values), folded, regional, normal, prefixes };
  INDEXES.set(def, idx);
  return idx;
}
/** Edit distance (insert, delete, substitute), stopping early once past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The canonical value nearest to an unknown spelling, only when one clearly
 * wins: within a small edit distance of its folded form (a typo, not another
 * word) and strictly closer than any other canonical value.
 */
export function nearestCanonical(def: EnumDef, text: string): string | null {
  const key = fold(text);
  if (key.length < 3) return null; // "ab" is as near to "tc" as to "cn": no clear winner
  const limit = Math.max(1, Math.floor(key.length / 4));
  const best = new Map<string, number>();
  for (const [spelling, canonical] of indexOf(def).folded) {
    const d = editDistance(key, spelling, limit);
    if (d <= limit && d < (best.get(canonical) ?? Infinity)) best.set(canonical, d);
  }
  const ranked = [...best.entries()].sort((x, y) => x[1] - y[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/** Where a second post starts in a position cell: "kiêm", a comma, a slash, a dash between words. */
const SECOND_POST = /\s+(?:kiêm|kiem|KIÊM|Kiêm)\s+|\s*[,;/+]\s*|\s+[-–]\s+/;

/** What a (cleaned) text reads as, or undefined; `certain` when it is the list's value written otherwise. */
function lookup(def: EnumDef, idx: EnumIndex, text: string): { value: string; fix: boolean } | undefined {
  const f = fold(text);
  const canonical = idx.folded.get(f);
  if (canonical !== undefined) return { value: canonical, fix: true };
  const regional = idx.regional.get(f);
  if (regional !== undefined) return { value: regional, fix: false };
  const n = idx.normal.get(enumKey(def, text));
  if (n !== undefined) return { value: n.value, fix: !n.regional };
  return undefined;
}

/**
 * The value a longer text starts with ("Đại học Luật" -> "Đại học"), when the
 * list allows a detail after it. The detail must be a word, not a stray letter:
 * "Đại hoc c" is a typo to point out, not a subject called "c".
 */
function leadingValue(def: EnumDef, idx: EnumIndex, text: string): string | undefined {
  const key = enumKey(def, text);
  for (const p of idx.prefixes) {
    if (key.startsWith(p.key + " ") && key.length - p.key.length > 2) return p.value;
  }
  return undefined;
}

/**
 * `enum` fields. The canonical spelling reads as it is. A synonym ("ĐH"), an
 * abbreviation of one ("P.BT ĐU"), or a differently written canonical value
 * ("dai hoc", "NAM") reads as the canonical value, with an `enum` problem whose
 * fix writes it, so the sheet can be normalised. A regional name ("Buôn" for a
 * village) reads as its value with no problem: it is not a mistake. Where the
 * list allows it, a value followed by more ("Bí thư chi bộ kiêm Trưởng thôn",
 * "Đại học Luật") reads as that value, also with no problem. An unknown value
 * is not read; its problem suggests the nearest value only when one clearly wins.
 */
export function parseEnum<V extends string>(def: EnumDef<V>, v: CellValue): ParseResult<V> {
  if (isErrorValue(v)) return fail(excelErrorProblem("enum", v));
  const raw = typeof v === "string" ? v : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  const t = readText(raw);
  if (t.text === "") return BLANK;
  const idx = indexOf(def as EnumDef);
  if (idx.exact.has(t.text)) return ok(t.text as V, t.problems);
  const found = lookup(def as EnumDef, idx, t.text);
  if (found !== undefined) {
    // The enum fix writes the canonical value, which also cures spaces or a legacy encoding.
    if (found.fix && found.value !== t.text) return ok(found.value as V, [{ code: "enum", fix: found.value }]);
    return ok(found.value as V, t.problems);
  }
  if (def.secondPost) {
    const first = t.text.split(SECOND_POST)[0];
    const post = first !== t.text && first !== "" ? (idx.exact.has(first) ? first : lookup(def as EnumDef, idx, first)?.value) : undefined;
    if (post !== undefined) return ok(post as V, t.problems);
  }
  if (def.detailAfter) {
    const lead = leadingValue(def as EnumDef, idx, t.text);
    if (lead !== undefined) return ok(lead as V, t.problems);
  }
  const near = nearestCanonical(def as EnumDef, t.text);
  // A suggestion is still only a suggestion: the value stays unread, and the detail says so.
  const problem: CellProblem = near === null
    ? because("enum", `giá trị cho phép là ${def.values.join(", ")}`, `the allowed values are ${def.values.join(", ")}`)
    : because("enum", `không có trong danh sách; gần nhất là "${near}"`, `not in the list; the nearest is "${near}"`, near);
  return fail(problem);
}
