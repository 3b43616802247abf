import { CellRecord, Dataset, DayDate, DetectedTable, Period, Settings, TableKind, periodEnd } from "../model";
import { NameKeys } from "./keys";

/**
 * The CELLS sheet as lookups: which cells exist in each commune, and which
 * commune a cell name belongs to when a MEETINGS row leaves the commune out.
 */
export class CellIndex {
  /** cellKey (commune + name) -> the CELLS record. */
  readonly byKey = new Map<string, CellRecord>();
  /** commune name key -> its CELLS records, for fuzzy matching within the commune. */
  readonly byCommune = new Map<string, CellRecord[]>();
  /** cell name key -> the communes (as written) having a cell of that name. */
  private readonly communesOfName = new Map<string, string[]>();

  constructor(cells: readonly CellRecord[], private readonly keys: NameKeys) {
    for (const c of cells) {
      if (c.cell === null || c.commune === null) continue;
      const key = keys.cellKey(c.commune, c.cell);
      if (!this.byKey.has(key)) this.byKey.set(key, c);
      const ck = keys.name(c.commune);
      let list = this.byCommune.get(ck);
      if (!list) this.byCommune.set(ck, (list = []));
      list.push(c);
      const nk = keys.name(c.cell);
      let communes = this.communesOfName.get(nk);
      if (!communes) this.communesOfName.set(nk, (communes = []));
      if (!communes.some((x) => keys.name(x) === ck)) communes.push(c.commune);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The commune of a cell name, when exactly one commune has a cell of that name. */
  communeOf(cell: string): string | null {
    const communes = this.communesOfName.get(this.keys.name(cell));
    return communes && communes.length === 1 ? communes[0] : null;
  }

  has(commune: string, cell: string): boolean {
    return this.byKey.has(this.keys.cellKey(commune, cell));
  }
}

export interface CheckContext {
  settings: Settings;
  period: Period;
  /** Ages are measured on the last day of the period (DOMAIN.md). */
  periodEnd: DayDate;
  today: DayDate;
  keys: NameKeys;
  cellIndex: CellIndex;
  /** Which tables the workbook has: a rule about a table that is not there stays silent. */
  tables: ReadonlySet<TableKind>;
}

export function makeContext(dataset: Dataset, tables: readonly DetectedTable[], settings: Settings, period: Period): CheckContext {
  const keys = new NameKeys();
  const kinds = new Set<TableKind>(tables.map((t) => t.kind));
  // A dataset built without detection (tests, user mappings) still says which tables it has.
  if (dataset.cells.length > 0) kinds.add("cells");
  if (dataset.cadres.length > 0) kinds.add("cadres");
  if (dataset.meetings.length > 0) kinds.add("meetings");
  if (dataset.communes.length > 0) kinds.add("communes");
  return {
    settings,
    period,
    periodEnd: periodEnd(period),
    today: settings.today,
    keys,
    cellIndex: new CellIndex(dataset.cells, keys),
    tables: kinds,
  };
}

/** A meeting's or cadre's commune: its own, or the one CELLS gives its cell. */
export function communeOfRecord(ctx: CheckContext, rec: { commune: string | null; cell: string | null }): string | null {
  if (rec.commune !== null) return rec.commune;
  return rec.cell === null ? null : ctx.cellIndex.communeOf(rec.cell);
}

interface Named {
  commune: string | null;
  cell: string | null;
}

const keyCache = new WeakMap<CheckContext, WeakMap<readonly Named[], Array<string | null>>>();

/**
 * The cell key of every record of a table (null where the cell name is
 * blank), computed once per run and shared by the table rules that group by cell.
 */
export function cellKeysOf(ctx: CheckContext, records: readonly Named[]): Array<string | null> {
  let perCtx = keyCache.get(ctx);
  if (!perCtx) keyCache.set(ctx, (perCtx = new WeakMap()));
  let keys = perCtx.get(records);
  if (!keys) {
    keys = new Array<string | null>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      keys[i] = r.cell === null ? null : ctx.keys.cellKey(communeOfRecord(ctx, r), r.cell);
    }
    perCtx.set(records, keys);
  }
  return keys;
}
