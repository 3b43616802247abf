import { FIELDS, FieldType, TABLE_KINDS, TableKind } from "../model/fields";
import { fold } from "../text/fold";
import { expandAbbreviations } from "./abbreviations";
import { namesAnotherThing, onlyAmountWords } from "./headerWords";

/** One way a header text can be read as a field of one table kind. */
export interface FieldHit {
  field: string;
  /** 1 for an exact synonym, 0.9 for an abbreviation of one, lower for a partial match. */
  confidence: number;
  /**
   * True when the synonym that matched also names a field of another kind
   * ("Chi bộ" is in three kinds), so it says little about which table this is.
   */
  shared: boolean;
}

export type HeaderHits = Record<TableKind, FieldHit[]>;

/** Below this a header is not taken as a field at all. */
export const MIN_FIELD_CONFIDENCE = 0.6;

interface Synonym {
  field: string;
  raw: string;
  expanded: string;
  tokens: number;
  shared: boolean;
  /**
   * The field names a thing (a cell, a person, a commune, a day), not an amount:
   * a longer header that counts, rates or names a role of that thing is not it.
   */
  identity: boolean;
}

const IDENTITY_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(["text", "date", "birth"]);

function buildSynonyms(): Record<TableKind, Synonym[]> {
  const byKind = {} as Record<TableKind, Synonym[]>;
  const kindsOf = new Map<string, Set<TableKind>>();
  for (const kind of TABLE_KINDS) {
    byKind[kind] = [];
    for (const def of FIELDS[kind]) {
      for (const h of def.headers) {
        const raw = fold(h);
        const expanded = expandAbbreviations(raw);
        byKind[kind].push({ field: def.key, raw, expanded, tokens: expanded.split(" ").length, shared: false, identity: IDENTITY_TYPES.has(def.type) });
        const set = kindsOf.get(expanded) ?? new Set<TableKind>();
        set.add(kind);
        kindsOf.set(expanded, set);
      }
    }
  }
  for (const kind of TABLE_KINDS) for (const s of byKind[kind]) s.shared = (kindsOf.get(s.expanded)?.size ?? 0) > 1;
  return byKind;
}

const SYNONYMS = buildSynonyms();

/**
 * Synonyms by their words: a header can only match a synonym it shares a word
 * with (equal, containing or contained), so a sheet of 10,000 columns headed
 * "Cột 1" … "Cột 10000" compares each header with the few synonyms of its words,
 * not with all of them.
 */
function byWord(list: readonly Synonym[]): Map<string, Synonym[]> {
  const index = new Map<string, Synonym[]>();
  for (const s of list) {
    for (const w of new Set([...s.raw.split(" "), ...s.expanded.split(" ")])) {
      let l = index.get(w);
      if (!l) index.set(w, (l = []));
      l.push(s);
    }
  }
  return index;
}

const SYNONYMS_BY_WORD = Object.fromEntries(TABLE_KINDS.map((k) => [k, byWord(SYNONYMS[k])])) as Record<TableKind, Map<string, Synonym[]>>;

function candidatesOf(kind: TableKind, raw: string, expanded: string): Synonym[] {
  const index = SYNONYMS_BY_WORD[kind];
  const seen = new Set<Synonym>();
  for (const w of new Set([...raw.split(" "), ...expanded.split(" ")])) for (const s of index.get(w) ?? []) seen.add(s);
  // In synonym order, so ties resolve as they always did.
  return SYNONYMS[kind].filter((s) => seen.has(s));
}

function containsPhrase(haystack: string, needle: string): boolean {
  return (" " + haystack + " ").includes(" " + needle + " ");
}

/** The words of `haystack` before and after the first whole-word occurrence of `needle`; undefined when absent. */
function around(haystack: string, needle: string): { before: string[]; after: string[] } | undefined {
  const h = " " + haystack + " ";
  const at = h.indexOf(" " + needle + " ");
  if (at < 0) return undefined;
  const words = (t: string) => t.split(" ").filter((w) => w !== "");
  return { before: words(h.slice(0, at)), after: words(h.slice(at + needle.length + 2)) };
}

/**
 * Every synonym of every kind, as written and expanded: a header that is one
 * of them names that field, and is not a shortened form of a longer one
 * ("Ngày sinh" is the birth date, not "Ngày sinh hoạt" cut short).
 */
const EXACT: ReadonlySet<string> = new Set(TABLE_KINDS.flatMap((k) => SYNONYMS[k].flatMap((s) => [s.raw, s.expanded])));

/** How well one folded header reads as one synonym; 0 when it does not. */
function synonymConfidence(raw: string, expanded: string, tokens: number, s: Synonym, exactElsewhere: boolean): number {
  if (raw === s.raw) return 1;
  if (expanded === s.expanded) return 0.9;
  // Longer headers that hold a synonym ("Họ và tên đảng viên"). One-word synonyms
  // are left out: "Nam" or "Xã" inside a longer label is mostly a coincidence.
  if (s.tokens >= 2 && tokens > s.tokens) {
    const parts = around(expanded, s.expanded);
    if (!parts) return 0;
    if (s.identity && namesAnotherThing(parts.before, parts.after)) return 0;
    return Math.min(0.85, 0.6 + (0.3 * s.tokens) / tokens);
  }
  // Shortened labels ("Sổ tay" for "Sổ tay đảng viên điện tử"). A label made only of
  // amount words ("Tổng số", "Số lượng") shortens every count and names none of them.
  if (!exactElsewhere && tokens >= 2 && s.tokens > tokens && containsPhrase(s.expanded, expanded) && !onlyAmountWords(expanded)) {
    return 0.5 + (0.3 * tokens) / s.tokens;
  }
  return 0;
}

const cache = new Map<string, HeaderHits>();

/** Every field of every kind that a header text may name, best confidence per field. */
export function matchHeader(text: string): HeaderHits {
  const raw = fold(text);
  const hit = cache.get(raw);
  if (hit) return hit;
  const expanded = expandAbbreviations(raw);
  const tokens = expanded === "" ? 0 : expanded.split(" ").length;
  const result = {} as HeaderHits;
  const exactElsewhere = EXACT.has(raw) || EXACT.has(expanded);
  for (const kind of TABLE_KINDS) {
    const best = new Map<string, FieldHit>();
    if (tokens > 0) {
      for (const s of candidatesOf(kind, raw, expanded)) {
        const confidence = synonymConfidence(raw, expanded, tokens, s, exactElsewhere);
        if (confidence < MIN_FIELD_CONFIDENCE) continue;
        const prev = best.get(s.field);
        if (!prev || confidence > prev.confidence || (confidence === prev.confidence && prev.shared && !s.shared)) {
          best.set(s.field, { field: s.field, confidence, shared: s.shared });
        }
      }
    }
    result[kind] = [...best.values()];
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(raw, result);
  return result;
}

const STT_HEADERS = new Set(["stt", "tt", "so tt", "so thu tu", "thu tu", "no", "n0"]);

/** The row-number column ("STT") is part of the layout, not a field. */
export function isSttHeader(text: string): boolean {
  return text.trim() === "#" || STT_HEADERS.has(fold(text));
}
