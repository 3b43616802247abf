import { fold } from "./fold";

/**
 * Identity keys for names of places (party cells, communes): when are two
 * spellings the same cell?
 *
 * - Case, spacing and Unicode form do not matter ("thôn  1", "Thôn 1").
 * - Diacritics DO matter: "Thôn Đồng" and "Thôn Đông" are two hamlets, and
 *   "Xã An Hòa" and "Xã An Hóa" two communes. Folding them away would merge
 *   their figures in the summary.
 * - Where the tone mark sits does not matter: "Hòa" (old style) and "Hoà" (new
 *   style) are one word, and both styles are common in the same workbook.
 *
 * So each word keeps its letters with their shape marks (â ă ê ô ơ ư đ) and
 * carries its tone as a digit at its end: "Hòa" and "Hoà" both give "hoa2".
 */
const TONE_DIGIT: Record<number, string> = {
  0x0300: "2", // huyền
  0x0301: "1", // sắc
  0x0309: "3", // hỏi
  0x0303: "4", // ngã
  0x0323: "5", // nặng
};

function wordKey(word: string): string {
  const d = word.normalize("NFD");
  let letters = "";
  let tone = "";
  for (let i = 0; i < d.length; i++) {
    const code = d.charCodeAt(i);
    const t = TONE_DIGIT[code];
    if (t !== undefined) tone = t;
    else letters += d[i];
  }
  return letters.normalize("NFC") + tone;
}

export function nameKey(text: string): string {
  const words = text.toLowerCase().split(/[\s\u00a0]+/).filter((w) => w !== "");
  return words.map(wordKey).join(" ");
}

/** Short forms in cell names, expanded before comparing: "TDP 3" is "Tổ dân phố 3". */
const CELL_WORD_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  tdp: ["tổ", "dân", "phố"],
  kp: ["khu", "phố"],
  kdc: ["khu", "dân", "cư"],
};

/**
 * The words of a cell's name that say which cell it is. "Chi bộ Thôn Đông",
 * "CB thôn Đông" and "Thôn Đông" are one cell (sheets name a cell with and
 * without the words "chi bộ"), "Chi bộ TDP số 3" and "Tổ dân phố 3" too ("số"
 * before a number adds nothing).
 */
function cellWords(text: string): string[] {
  let words = text.toLowerCase().split(/[\s\u00a0]+/).filter((w) => w !== "");
  const f0 = words.length > 0 ? fold(words[0]) : "";
  const f1 = words.length > 1 ? fold(words[1]) : "";
  if (f0 === "chi" && f1 === "bo" && words.length > 2) words = words.slice(2);
  else if (f0 === "cb" && words.length > 1) words = words.slice(1);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const f = fold(w);
    const expanded = CELL_WORD_EXPANSIONS[f];
    if (expanded) out.push(...expanded);
    else if (f === "so" && i + 1 < words.length && /^\d/.test(words[i + 1])) continue;
    else out.push(w);
  }
  return out;
}

/** A party cell's identity key: nameKey of the words that say which cell it is (see cellWords). */
export function cellNameKey(text: string): string {
  return cellWords(text).map(wordKey).join(" ");
}

/** The same with the marks folded away, to find the cell an unmarked spelling stands for. */
export function cellFoldedKey(text: string): string {
  return fold(cellWords(text).join(" "));
}

/**
 * Communes are also written with or without their unit ("Đảng bộ xã Yên Lạc",
 * "Xã Yên Lạc", "Yên Lạc"): the leading unit words are left out of the key.
 */
const LEADING_UNIT = /^(dang bo\s+)?((xa|phuong|thi tran|dac khu|dac khu hanh chinh)\s+)?/;

function communeWords(text: string): string[] {
  const words = text.toLowerCase().split(/[\s\u00a0]+/).filter((w) => w !== "");
  const folded = fold(words.join(" "));
  const unit = LEADING_UNIT.exec(folded)?.[0] ?? "";
  const unitWords = unit.trim() === "" ? 0 : unit.trim().split(" ").length;
  // Keep the unit when it is all there is ("Xã"), so the key is never empty.
  return unitWords < words.length ? words.slice(unitWords) : words;
}

export function communeNameKey(text: string): string {
  return communeWords(text).map(wordKey).join(" ");
}

/** The commune's name with its marks folded away, to find the commune an unmarked spelling ("yen lac") stands for. */
export function communeFoldedKey(text: string): string {
  return fold(communeWords(text).join(" "));
}

/** True for a name typed with no Vietnamese marks at all ("yen lac"): its marks are missing, not different. */
function hasNoMarks(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A name typed without any marks ("Xa Yen Lac", "Thon Dong Tam") is missing
 * its marks, not another place: it stands for the one marked spelling of the
 * same scope whose folded name it matches. With two marked candidates ("An
 * Hòa", "An Hóa") it stays apart rather than guess. Returns scope + "\u0000" +
 * key of each unmarked spelling -> the key of the place it stands for.
 */
export function unmarkedAliases(
  entries: Iterable<readonly [scope: string, name: string | null]>,
  keyOf: (name: string) => string,
  foldedOf: (name: string) => string,
): Map<string, string> {
  const all: Array<readonly [string, string]> = [];
  const scopesWithUnmarked = new Set<string>();
  for (const [scope, name] of entries) {
    if (!name || name.trim() === "") continue;
    all.push([scope, name]);
    if (hasNoMarks(name)) scopesWithUnmarked.add(scope);
  }
  const aliases = new Map<string, string>();
  // Most workbooks type every name with its marks: then there is nothing to fold (this runs on every check).
  if (scopesWithUnmarked.size === 0) return aliases;
  const marked = new Map<string, Set<string>>();
  const unmarked = new Map<string, string>();
  for (const [scope, name] of all) {
    if (!scopesWithUnmarked.has(scope)) continue;
    const folded = scope + "\u0000" + foldedOf(name);
    if (hasNoMarks(name)) unmarked.set(scope + "\u0000" + keyOf(name), folded);
    else {
      let set = marked.get(folded);
      if (!set) marked.set(folded, (set = new Set()));
      set.add(keyOf(name));
    }
  }
  for (const [key, folded] of unmarked) {
    const candidates = marked.get(folded);
    if (candidates && candidates.size === 1) aliases.set(key, candidates.values().next().value as string);
  }
  return aliases;
}

/**
 * unmarkedAliases for communes (one scope: the dataset): communeNameKey of each
 * unmarked spelling -> the commune it stands for. The check and the summary both
 * call this with every commune spelling of the dataset, so they agree on which
 * rows are one commune.
 */
export function unmarkedCommuneAliases(spellings: Iterable<string | null>): Map<string, string> {
  const entries: Array<readonly [string, string | null]> = [];
  for (const name of spellings) entries.push(["", name]);
  const scoped = unmarkedAliases(entries, communeNameKey, communeFoldedKey);
  const aliases = new Map<string, string>();
  for (const [k, v] of scoped) aliases.set(k.slice(1), v);
  return aliases;
}

/** unmarkedAliases for party cells, scoped by commune key: commune + "\u0000" + cellNameKey -> the cell's cellNameKey. */
export function unmarkedCellAliases(pairs: Iterable<readonly [communeKey: string, cell: string | null]>): Map<string, string> {
  return unmarkedAliases(pairs, cellNameKey, cellFoldedKey);
}

/**
 * The identity keys above, cached for one run: a province repeats a few
 * thousand place spellings over 190,000 rows, and each key costs Unicode work.
 * The check (rules/keys) and the summary (summary/communes) both use it, with
 * the unmarked-name aliases of the dataset, so they agree on which rows are one
 * commune and one cell.
 */
export class PlaceKeys {
  private readonly folded = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly communes = new Map<string, string>();
  private communeAliases = new Map<string, string>();
  private cellAliases = new Map<string, string>();

  /** Marks folded away: for fuzzy matching only, never for identity. */
  fold(text: string): string {
    let k = this.folded.get(text);
    if (k === undefined) { k = fold(text); this.folded.set(text, k); }
    return k;
  }

  /** A cell name's identity key (cellNameKey), without aliases. */
  name(text: string): string {
    let k = this.names.get(text);
    if (k === undefined) { k = cellNameKey(text); this.names.set(text, k); }
    return k;
  }

  /** A commune's identity key; an unmarked spelling gives the commune it stands for (aliasUnmarkedCommunes). */
  commune(text: string): string {
    let k = this.communes.get(text);
    if (k === undefined) {
      k = communeNameKey(text);
      k = this.communeAliases.get(k) ?? k;
      this.communes.set(text, k);
    }
    return k;
  }

  /** A cell's identity key within its commune (a key from `commune`), unmarked spellings resolved. */
  cellIn(communeKey: string, cell: string): string {
    const k = this.name(cell);
    return this.cellAliases.get(communeKey + "\u0000" + k) ?? k;
  }

  /** Every commune spelling of the dataset; call before any lookup. */
  aliasUnmarkedCommunes(spellings: Iterable<string | null>): void {
    this.communeAliases = unmarkedCommuneAliases(spellings);
    this.communes.clear();
  }

  /** Every (commune key, cell spelling) of the dataset; after aliasUnmarkedCommunes. */
  aliasUnmarkedCells(pairs: Iterable<readonly [communeKey: string, cell: string]>): void {
    this.cellAliases = unmarkedCellAliases(pairs);
  }
}
