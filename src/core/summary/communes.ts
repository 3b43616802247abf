import { PlaceKeys, communeNameKey } from "../text/identity";
import { CellRecord, CommuneRecord } from "../model";

/*
 * The keys communes and cells are matched on across sheets and files are those
 * of text/identity, the same as the checks use: "Đảng bộ xã Yên Lạc", "Xã Yên
 * Lạc" and "Yên Lạc" are one commune, "Hòa" and "Hoà" one word, but "Thôn Đồng"
 * and "Thôn Đông" two cells, whose figures must not be added together.
 */

export function communeKey(name: string): string {
  return communeNameKey(name);
}

export interface CommuneIndex {
  /** Identity keys of communes and cells, with the dataset's unmarked-spelling aliases. */
  cache: PlaceKeys;
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
  const cache = new PlaceKeys();
  cache.aliasUnmarkedCommunes([
    ...communes.map((c) => c.commune),
    ...cells.map((c) => c.commune),
    ...otherSpellings,
  ]);
  const names = new Map<string, string>();
  const listed: string[] = [];
  for (const c of communes) {
    if (!c.commune) continue;
    const k = cache.commune(c.commune);
    if (!names.has(k)) {
      names.set(k, c.commune.trim());
      listed.push(k);
    }
  }
  const cellCommune = new Map<string, string | null>();
  for (const c of cells) {
    if (!c.cell || !c.commune) continue;
    const ck = cache.commune(c.commune);
    if (!names.has(ck)) names.set(ck, c.commune.trim());
    const fc = cache.name(c.cell);
    const prev = cellCommune.get(fc);
    if (prev === undefined) cellCommune.set(fc, ck);
    else if (prev !== ck) cellCommune.set(fc, null);
  }
  return { cache, names, listed, cellCommune };
}

/** The commune of a row: its own column, else the CELLS sheet through its cell name. */
export function resolveCommune(index: CommuneIndex, commune: string | null, cell: string | null): string | null {
  if (commune && commune.trim() !== "") {
    const k = index.cache.commune(commune);
    if (!index.names.has(k)) index.names.set(k, commune.trim());
    return k;
  }
  if (cell) return index.cellCommune.get(index.cache.name(cell)) ?? null;
  return null;
}

/** COMMUNES order first; communes found only in the data follow, by name. */
export function orderCommunes(index: CommuneIndex, withData: Iterable<string>): string[] {
  const listedSet = new Set(index.listed);
  const extra = [...new Set(withData)].filter((k) => !listedSet.has(k));
  extra.sort((a, b) => (index.names.get(a) ?? a).localeCompare(index.names.get(b) ?? b, "vi"));
  return [...index.listed, ...extra];
}
