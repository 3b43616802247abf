import { CellValue, Dataset } from "../model";
import { CheckContext, cellKeysOf, communeOfRecord } from "./context";
import { RowLocation, colOf, rawOf } from "./finding";

/** A party cell a table rule must account for, and the cell its findings point at. */
export interface CellEntry {
  key: string;
  cell: string;
  commune: string | null;
  anchor: { sheet: string; row: number; col: number; value: CellValue | null };
}

type CellRow = RowLocation<string> & { commune: string | null; cell: string | null };

/**
 * The cells a cadence or secretary rule must look at. With a CELLS sheet:
 * its cells, but only in communes that sent rows of `data` (a commune with no
 * rows at all is "chưa có số liệu" in the summary, not a cell that skipped
 * every meeting). Without one: every cell named in `data` (and in `extra`,
 * for communes present in `data`). A finding points at the cell's first row
 * of `data`, or at its CELLS row when it has none.
 */
export function cellsToCover(dataset: Dataset, ctx: CheckContext, data: readonly CellRow[], extra: readonly CellRow[] = [], anchorField = "cell"): Map<string, CellEntry> {
  const out = new Map<string, CellEntry>();
  const communesWithData = new Set<string>();
  const dataKeys = cellKeysOf(ctx, data);
  for (let i = 0; i < data.length; i++) {
    const r = data[i];
    const key = dataKeys[i];
    const commune = communeOfRecord(ctx, r);
    communesWithData.add(commune === null ? "" : ctx.keys.name(commune));
    if (key === null || out.has(key) || r.cell === null) continue;
    const col = colOf(r, anchorField, "cell");
    out.set(key, { key, cell: r.cell, commune, anchor: { sheet: r.sheet, row: r.row, col, value: rawOf(r, anchorField, "cell") } });
  }
  if (ctx.cellIndex.size > 0) {
    const covered = new Map<string, CellEntry>();
    for (const [key, c] of ctx.cellIndex.byKey) {
      if (c.commune === null || c.cell === null || !communesWithData.has(ctx.keys.name(c.commune))) continue;
      covered.set(key, out.get(key) ?? {
        key, cell: c.cell, commune: c.commune,
        anchor: { sheet: c.sheet, row: c.row, col: colOf(c, "cell"), value: rawOf(c, "cell") },
      });
    }
    return covered;
  }
  const extraKeys = cellKeysOf(ctx, extra);
  for (let i = 0; i < extra.length; i++) {
    const r = extra[i];
    const key = extraKeys[i];
    if (key === null || out.has(key) || r.cell === null) continue;
    const commune = communeOfRecord(ctx, r);
    if (!communesWithData.has(commune === null ? "" : ctx.keys.name(commune))) continue;
    out.set(key, { key, cell: r.cell, commune, anchor: { sheet: r.sheet, row: r.row, col: colOf(r, "cell"), value: rawOf(r, "cell") } });
  }
  return out;
}

/** "Chi bộ Thôn 1 (Xã Yên Lạc)": cell names repeat across communes, so messages name both. */
export function cellTitle(e: { cell: string; commune: string | null }): string {
  return e.commune ? `${e.cell} (${e.commune})` : e.cell;
}
