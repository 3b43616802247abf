import { CellValue, EnumDef } from "../model";
import { fold } from "../text/fold";
import { because, excelErrorProblem, isErrorValue } from "./common";
import { BLANK, CellProblem, ParseResult, fail, ok } from "./result";
import { readText } from "./text";

interface EnumIndex {
  exact: Set<string>;
  /** Folded canonical value or synonym -> canonical value. */
  folded: Map<string, string>;
}

const INDEXES = new WeakMap<EnumDef, EnumIndex>();

function indexOf(def: EnumDef): EnumIndex {
  let idx = INDEXES.get(def);
  if (idx) return idx;
  const folded = new Map<string, string>();
  for (const [canonical, synonyms] of Object.entries(def.synonyms) as Array<[string, readonly string[] | undefined]>) {
    for (const s of synonyms ?? []) if (!folded.has(fold(s))) folded.set(fold(s), canonical);
  }
  // Canonical spellings win over any synonym that folds the same way.
  for (const v of def.values) folded.set(fold(v), v);
  idx = { exact: new Set(def.values), folded };
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

/**
 * `enum` fields. The canonical spelling reads as it is. A synonym ("ĐH") or a
 * differently written canonical value ("dai hoc", "NAM") reads as the
 * canonical value, with an `enum` problem whose fix writes it, so the sheet
 * can be normalised. An unknown value is not read; its problem suggests the
 * nearest value only when one clearly wins.
 */
export function parseEnum<V extends string>(def: EnumDef<V>, v: CellValue): ParseResult<V> {
  if (isErrorValue(v)) return fail(excelErrorProblem("enum", v));
  const raw = typeof v === "string" ? v : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  const t = readText(raw);
  if (t.text === "") return BLANK;
  const idx = indexOf(def as EnumDef);
  if (idx.exact.has(t.text)) return ok(t.text as V, t.problems);
  const canonical = idx.folded.get(fold(t.text));
  if (canonical !== undefined) {
    // The enum fix writes the canonical value, which also cures spaces or a legacy encoding.
    return ok(canonical as V, [{ code: "enum", fix: canonical }]);
  }
  const near = nearestCanonical(def as EnumDef, t.text);
  // A suggestion is still only a suggestion: the value stays unread, and the detail says so.
  const problem: CellProblem = near === null
    ? because("enum", `giá trị cho phép là ${def.values.join(", ")}`, `the allowed values are ${def.values.join(", ")}`)
    : because("enum", `không có trong danh sách; gần nhất là "${near}"`, `not in the list; the nearest is "${near}"`, near);
  return fail(problem);
}
