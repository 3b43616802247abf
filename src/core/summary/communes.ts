import { communeNameKey } from "../text/identity";
import { Dataset } from "../model";
import { Places } from "../facts";
import { compareVi } from "../text/collate";

/*
 * The keys communes and cells are matched on across sheets and files are those
 * of facts/places (text/identity keys), the same as the checks use: "Đảng bộ xã Yên Lạc", "Xã Yên
 * Lạc" and "Yên Lạc" are one commune, "Hòa" and "Hoà" one word, but "Thôn Đồng"
 * and "Thôn Đông" two cells, whose figures must not be added together.
 */

export function communeKey(name: string): string {
  return communeNameKey(name);
}

export interface CommuneIndex {
  /** Identity of communes and cells, and a row's commune (facts/places), shared with the check. */
  cache: Places;
  /** Display names by key, first spelling seen (COMMUNES first). */
  names: Map<string, string>;
  /** Keys of communes listed in COMMUNES, in sheet order. */
  listed: string[];
}

export function buildCommuneIndex(dataset: Dataset): CommuneIndex {
  const { communes, cells } = dataset;
  const cache = new Places(dataset);
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
  for (const c of cells) {
    if (!c.cell || !c.commune) continue;
    const ck = cache.commune(c.commune);
    if (!names.has(ck)) names.set(ck, c.commune.trim());
  }
  return { cache, names, listed };
}

/** The commune key of a row: its own column, else the CELLS sheet through its cell name (facts/places). */
export function resolveCommune(index: CommuneIndex, commune: string | null, cell: string | null): string | null {
  const k = index.cache.communeKeyOf({ commune, cell });
  if (k !== null && commune && commune.trim() !== "" && !index.names.has(k)) index.names.set(k, commune.trim());
  return k;
}

/**
 * COMMUNES order first; communes found only in the data follow in Vietnamese
 * order with numbers as numbers ("Phường Số 2" before "Phường Số 10").
 */
export function orderCommunes(index: CommuneIndex, withData: Iterable<string>): string[] {
  const listedSet = new Set(index.listed);
  const extra = [...new Set(withData)].filter((k) => !listedSet.has(k));
  extra.sort((a, b) => compareVi(index.names.get(a) ?? a, index.names.get(b) ?? b));
  return [...index.listed, ...extra];
}
