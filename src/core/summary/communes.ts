import { fold } from "../text/fold";
import { communeNameKey, nameKey, unmarkedCommuneAliases } from "../text/identity";
import { CellRecord, CommuneRecord } from "../model";

/*
 * The keys communes and cells are matched on across sheets and files are those
 * of text/identity, the same as the checks use: "Đảng bộ xã Yên Lạc", "Xã Yên
 * Lạc" and "Yên Lạc" are one commune, "Hòa" and "Hoà" one word, but "Thôn Đồng"
 * and "Thôn Đông" two cells, whose figures must not be added together.
 */

/**
 * Normalising is the costly part of placing 155,000 meetings, and a province has
 * only a few thousand distinct commune and cell spellings: remember them.
 */
export class FoldCache {
  private readonly folded = new Map<string, string>();
  private readonly cells = new Map<string, string>();
  private readonly communes = new Map<string, string>();

  fold(text: string): string {
    let f = this.folded.get(text);
    if (f === undefined) { f = fold(text); this.folded.set(text, f); }
    return f;
  }

  /** A cell name's identity key (text/identity). */
  cell(text: string): string {
    let k = this.cells.get(text);
    if (k === undefined) { k = nameKey(text); this.cells.set(text, k); }
    return k;
  }

  private aliases = new Map<string, string>();

  /** Keys of unmarked spellings -> the one marked commune they stand for (text/identity's unmarkedCommuneAliases). */
  setAliases(aliases: Map<string, string>): void {
    this.aliases = aliases;
    this.communes.clear();
  }

  communeKey(name: string): string {
    let k = this.communes.get(name);
    if (k === undefined) {
      k = communeKey(name);
      k = this.aliases.get(k) ?? k;
      this.communes.set(name, k);
    }
    return k;
  }

  cellKey(communeK: string, cell: string): string {
    return communeK + "\u0000" + this.cell(cell);
  }
}

export function communeKey(name: string): string {
  return communeNameKey(name);
}

export function cellKey(communeK: string, cell: string): string {
  return communeK + "\u0000" + nameKey(cell);
}

export interface CommuneIndex {
  cache: FoldCache;
  /** Display names by key, first spelling seen (COMMUNES first). */
  names: Map<string, string>;
  /** Keys of communes listed in COMMUNES, in sheet order. */
  listed: string[];
  /** Cell name key -> commune key, from CELLS; null when the name is in two communes. */
  cellCommune: Map<string, string | null>;
}

export function buildCommuneIndex(
  communes: readonly CommuneRecord[],
  cells: readonly CellRecord[],
  otherSpellings: Iterable<string | null> = [],
): CommuneIndex {
  const cache = new FoldCache();
  const aliases = unmarkedCommuneAliases([
    ...communes.map((c) => c.commune),
    ...cells.map((c) => c.commune),
    ...otherSpellings,
  ]);
  cache.setAliases(aliases);
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
    const fc = cache.cell(c.cell);
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
  if (cell) return index.cellCommune.get(index.cache.cell(cell)) ?? null;
  return null;
}

/** COMMUNES order first; communes found only in the data follow, by name. */
export function orderCommunes(index: CommuneIndex, withData: Iterable<string>): string[] {
  const listedSet = new Set(index.listed);
  const extra = [...new Set(withData)].filter((k) => !listedSet.has(k));
  extra.sort((a, b) => (index.names.get(a) ?? a).localeCompare(index.names.get(b) ?? b, "vi"));
  return [...index.listed, ...extra];
}
