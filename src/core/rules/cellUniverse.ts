import { CellValue, Dataset, MeetingRecord } from "../model";
import { recordsKind } from "../facts";
import { CheckContext, cellIdsOf } from "./context";
import { RowLocation, colOf, valueOf } from "./finding";

/** A party cell a table rule must account for, and the cell its findings point at. */
export interface CellEntry {
  id: number;
  cell: string;
  commune: string | null;
  anchor: { sheet: string; row: number; col: number; value: CellValue | null; valueText?: string };
}

type CellRow = RowLocation<string> & { commune: string | null; cell: string | null };

function anchorOf(r: RowLocation<string>, field: string) {
  return { sheet: r.sheet, row: r.row, col: colOf(r, field, "cell"), ...valueOf(r, field, "cell") };
}

/**
 * The cells a cadence or secretary rule must look at. With a CELLS sheet:
 * its cells, but only in communes that sent rows of `data` (a commune with no
 * rows at all is "chưa có số liệu" in the summary, not a cell that skipped
 * every meeting). Without one: every cell named in `data` (and in `extra`,
 * for communes present in `data`). A finding points at the cell's first row
 * of `data` (its `anchorField` cell), or at its CELLS row when it has none.
 * `include` picks the rows of `data` that count (by index).
 */
export function cellsToCover(
  dataset: Dataset, ctx: CheckContext<never>, data: readonly CellRow[],
  opts: { extra?: readonly CellRow[]; anchorField?: string; include?: (i: number) => boolean } = {},
): CellEntry[] {
  const anchorField = opts.anchorField ?? "cell";
  const ids = cellIdsOf(ctx, data);
  const first = new Map<number, number>();
  for (let i = 0; i < data.length; i++) {
    const id = ids[i];
    if (id < 0 || first.has(id) || (opts.include && !opts.include(i))) continue;
    first.set(id, i);
  }
  const communesWithData = new Set<string>();
  for (const id of first.keys()) communesWithData.add(ctx.cellIds.communeKey[id]);
  const entry = (id: number, anchor: CellEntry["anchor"]): CellEntry =>
    ({ id, cell: ctx.cellIds.cell[id], commune: ctx.cellIds.commune[id], anchor });
  const out: CellEntry[] = [];
  if (ctx.cellIndex.size > 0) {
    for (const [id, c] of ctx.cellIndex.byId) {
      if (!communesWithData.has(ctx.cellIds.communeKey[id])) continue;
      const i = first.get(id);
      out.push(entry(id, i !== undefined ? anchorOf(data[i], anchorField) : anchorOf(c, "cell")));
    }
    return out;
  }
  for (const [id, i] of first) out.push(entry(id, anchorOf(data[i], anchorField)));
  const extra = opts.extra ?? [];
  const extraIds = cellIdsOf(ctx, extra);
  const seen = new Set<number>(first.keys());
  for (let i = 0; i < extra.length; i++) {
    const id = extraIds[i];
    if (id < 0 || seen.has(id) || !communesWithData.has(ctx.cellIds.communeKey[id])) continue;
    seen.add(id);
    out.push(entry(id, anchorOf(extra[i], "cell")));
  }
  return out;
}

/** "Chi bộ Thôn 1 (Xã Yên Lạc)": cell names repeat across communes, so messages name both. */
export function cellTitle(e: { cell: string; commune: string | null }): string {
  return e.commune ? `${e.cell} (${e.commune})` : e.cell;
}

/**
 * The communes (keys) where some meeting row's table records meetings of this
 * kind (facts/recorded recordsKind): a tracker of months alone records no
 * thematic meeting, so its cells have not missed one, it is not recorded.
 */
export function communesRecording(ctx: CheckContext<never>, meetings: readonly MeetingRecord[], ids: Int32Array, kind: "regular" | "thematic"): Set<string> {
  const out = new Set<string>();
  let lastTable: object | null = null;
  let lastAnswer = false;
  for (let i = 0; i < meetings.length; i++) {
    const m = meetings[i];
    if (ids[i] < 0) continue;
    // Rows of one table share their cols object: one answer per table, not per row.
    const table = m.trackerKinds ?? m.cols;
    if (table !== lastTable) { lastTable = table; lastAnswer = recordsKind(m, kind); }
    if (lastAnswer) out.add(ctx.cellIds.communeKey[ids[i]]);
  }
  return out;
}

/** The cells of a cadence rule that held no meeting in some slot of the period, with what was read to find them. */
export interface CadenceGaps {
  meetings: readonly MeetingRecord[];
  /** Each meeting row's cell id (-1: no cell). */
  ids: Int32Array;
  missing: Array<{ entry: CellEntry; slot: number }>;
}

/**
 * The gaps both cadence rules look for: the cells to cover (in communes whose
 * tables record this kind of meeting) with no counted meeting in one of
 * `slots` (months 1–12 for cell/monthly, quarters 1–4 for the thematic rule).
 * `slotOf` gives the slot a meeting counts for, or null when it does not count.
 * Null when there is nothing to look at (no meetings table, no slot due yet).
 */
export function cadenceGaps(
  dataset: Dataset, ctx: CheckContext<never>, kind: "regular" | "thematic", slots: readonly number[],
  slotOf: (m: MeetingRecord) => number | null,
): CadenceGaps | null {
  if (!ctx.tables.has("meetings") || slots.length === 0) return null;
  const meetings = dataset.meetings;
  const ids = cellIdsOf(ctx, meetings);
  const recording = communesRecording(ctx, meetings, ids, kind);
  const entries = cellsToCover(dataset, ctx, meetings).filter((e) => recording.has(ctx.cellIds.communeKey[e.id]));
  // Bit s: the cell held a counted meeting in slot s. Ids cover every cell seen so far.
  const held = new Int32Array(ctx.cellIds.size);
  for (let i = 0; i < meetings.length; i++) {
    if (ids[i] < 0) continue;
    const slot = slotOf(meetings[i]);
    if (slot !== null) held[ids[i]] |= 1 << slot;
  }
  const missing: Array<{ entry: CellEntry; slot: number }> = [];
  for (const entry of entries) for (const slot of slots) if (!(held[entry.id] & (1 << slot))) missing.push({ entry, slot });
  return { meetings, ids, missing };
}

/**
 * The meetings `keep` accepts of the cells with a gap, by cell id: only those
 * few cells need their rows listed, to point a finding at a likely culprit.
 */
export function meetingsOfGapCells(gaps: CadenceGaps, keep: (m: MeetingRecord) => boolean): Map<number, MeetingRecord[]> {
  const wanted = new Set(gaps.missing.map((x) => x.entry.id));
  const byCell = new Map<number, MeetingRecord[]>();
  for (let i = 0; i < gaps.meetings.length; i++) {
    const m = gaps.meetings[i];
    if (!wanted.has(gaps.ids[i]) || !keep(m)) continue;
    let list = byCell.get(gaps.ids[i]);
    if (!list) byCell.set(gaps.ids[i], (list = []));
    list.push(m);
  }
  return byCell;
}
