import { fold } from "../text/fold";
import { CellRecord, CommuneRecord } from "../model";

/**
 * The key communes are matched on across sheets and files: "Đảng bộ xã Yên
 * Lạc", "Xã Yên Lạc" and "xa yen lac" are one commune. The unit word is kept
 * out of the key because sheets often drop it ("Yên Lạc").
 */
const LEADING_WORDS = /^(dang bo\s+)?((xa|phuong|thi tran|dac khu|dac khu hanh chinh)\s+)?/;

/**
 * Folding is the costly part of placing 155,000 meetings, and a province has
 * only a few thousand distinct commune and cell spellings: remember them.
 */
export class FoldCache {
  private readonly folded = new Map<string, string>();
  private readonly communes = new Map<string, string>();

  fold(text: string): string {
    let f = this.folded.get(text);
    if (f === undefined) { f = fold(text); this.folded.set(text, f); }
    return f;
  }

  communeKey(name: string): string {
    let k = this.communes.get(name);
    if (k === undefined) { k = communeKey(name); this.communes.set(name, k); }
    return k;
  }

  cellKey(communeK: string, cell: string): string {
    return communeK + "\u0000" + this.fold(cell);
  }
}

export function communeKey(name: string): string {
  const k = fold(name);
  const stripped = k.replace(LEADING_WORDS, "");
  return stripped === "" ? k : stripped;
}

export function cellKey(communeK: string, cell: string): string {
  return communeK + "\u0000" + fold(cell);
}

export interface CommuneIndex {
  cache: FoldCache;
  /** Display names by key, first spelling seen (COMMUNES first). */
  names: Map<string, string>;
  /** Keys of communes listed in COMMUNES, in sheet order. */
  listed: string[];
  /** Folded cell name -> commune key, from CELLS; null when the name is in two communes. */
  cellCommune: Map<string, string | null>;
}

export function buildCommuneIndex(communes: readonly CommuneRecord[], cells: readonly CellRecord[]): CommuneIndex {
  const cache = new FoldCache();
  const names = new Map<string, string>();
  const listed: string[] = [];
  for (const c of communes) {
    if (!c.commune) continue;
    const k = cache.communeKey(c.commune);
    if (!names.has(k)) {
      names.set(k, c.commune.trim());
      listed.push(k);
    }
  }
  const cellCommune = new Map<string, string | null>();
  for (const c of cells) {
    if (!c.cell || !c.commune) continue;
    const ck = cache.communeKey(c.commune);
    if (!names.has(ck)) names.set(ck, c.commune.trim());
    const fc = cache.fold(c.cell);
    const prev = cellCommune.get(fc);
    if (prev === undefined) cellCommune.set(fc, ck);
    else if (prev !== ck) cellCommune.set(fc, null);
  }
  return { cache, names, listed, cellCommune };
}

/** The commune of a row: its own column, else the CELLS sheet through its cell name. */
export function resolveCommune(index: CommuneIndex, commune: string | null, cell: string | null): string | null {
  if (commune && commune.trim() !== "") {
    const k = index.cache.communeKey(commune);
    if (!index.names.has(k)) index.names.set(k, commune.trim());
    return k;
  }
  if (cell) return index.cellCommune.get(index.cache.fold(cell)) ?? null;
  return null;
}

/** COMMUNES order first; communes found only in the data follow, by name. */
export function orderCommunes(index: CommuneIndex, withData: Iterable<string>): string[] {
  const listedSet = new Set(index.listed);
  const extra = [...new Set(withData)].filter((k) => !listedSet.has(k));
  extra.sort((a, b) => (index.names.get(a) ?? a).localeCompare(index.names.get(b) ?? b, "vi"));
  return [...index.listed, ...extra];
}
