import type { Dataset } from "../model";
import { PlaceKeys } from "../text/identity";

interface Placed {
  commune: string | null;
  cell: string | null;
}

/**
 * Which rows are one commune and one party cell, for check and summary alike.
 *
 * - A commune is its text/identity key: "Đảng bộ xã Yên Lạc", "Xã Yên Lạc" and
 *   "Yên Lạc" are one, "An Hòa" and "An Hóa" two; a spelling with no marks
 *   at all ("Yen Lac") is the one marked commune of the workbook it matches.
 * - A row's commune is its own, or, when it gives none, the commune the CELLS
 *   sheet lists its cell under, if exactly one commune has a cell of that name.
 * - A cell is its commune plus its name key; a name typed without marks is the
 *   one marked cell of the same commune it matches.
 *
 * Built from the whole dataset, so both steps see the same spellings and
 * resolve them the same way.
 */
export class Places extends PlaceKeys {
  /** Cell name key -> the commune (key and first spelling) CELLS lists it under; null when two communes have it. */
  private readonly cellCommune = new Map<string, { key: string; name: string } | null>();

  constructor(dataset: Dataset) {
    super();
    this.aliasUnmarkedCommunes(communeSpellings(dataset));
    for (const c of dataset.cells) {
      if (c.cell === null || c.commune === null) continue;
      const key = this.commune(c.commune);
      const nk = this.name(c.cell);
      const prev = this.cellCommune.get(nk);
      if (prev === undefined) this.cellCommune.set(nk, { key, name: c.commune });
      else if (prev !== null && prev.key !== key) this.cellCommune.set(nk, null);
    }
    this.aliasUnmarkedCells(this.cellSpellings(dataset));
  }

  /** The commune of a row as written: its own, or the CELLS row's of its cell. */
  communeOf(rec: Placed): string | null {
    if (rec.commune !== null && rec.commune.trim() !== "") return rec.commune;
    if (rec.cell === null) return null;
    return this.cellCommune.get(this.name(rec.cell))?.name ?? null;
  }

  /** The commune key of a row (see communeOf), or null when nothing places it. */
  communeKeyOf(rec: Placed): string | null {
    if (rec.commune !== null && rec.commune.trim() !== "") return this.commune(rec.commune);
    if (rec.cell === null) return null;
    return this.cellCommune.get(this.name(rec.cell))?.key ?? null;
  }

  /** A party cell's identity: its commune key (from `commune`, "" when unknown) and its name within it. */
  cellKey(communeKey: string, cell: string): string {
    return communeKey + "\u0001" + this.cellIn(communeKey, cell);
  }

  /** (commune key, cell) as written in every row that names a cell, each pair once. */
  private cellSpellings(dataset: Dataset): Array<readonly [string, string]> {
    // Nested sets: no string built per row (a province has 190,000 rows but ~10,000 distinct pairs).
    const byCommune = new Map<string, Set<string>>();
    const add = (rows: readonly Placed[]) => {
      for (const r of rows) {
        if (r.cell === null) continue;
        const commune = this.communeOf(r);
        if (commune === null) continue;
        let cells = byCommune.get(commune);
        if (!cells) byCommune.set(commune, (cells = new Set()));
        cells.add(r.cell);
      }
    };
    add(dataset.cells);
    add(dataset.cadres);
    add(dataset.meetings);
    const out: Array<readonly [string, string]> = [];
    for (const [commune, cells] of byCommune) {
      const key = this.commune(commune);
      for (const cell of cells) out.push([key, cell]);
    }
    return out;
  }
}

/** Every distinct commune spelling of the dataset (a province repeats a few hundred over 190,000 rows). */
function communeSpellings(dataset: Dataset): Set<string> {
  const out = new Set<string>();
  const add = (rows: readonly { commune: string | null }[]) => {
    for (const r of rows) if (r.commune !== null) out.add(r.commune);
  };
  add(dataset.communes);
  add(dataset.cells);
  add(dataset.cadres);
  add(dataset.meetings);
  return out;
}
