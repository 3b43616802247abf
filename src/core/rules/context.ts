import { CellRecord, Dataset, DayDate, DetectedTable, Period, SettingKey, Settings, TableKind, periodEnd } from "../model";
import { NameKeys } from "./keys";

/**
 * Party cells as small integers. A cell is its commune plus its name (compared
 * by NameKeys.name), and table rules group 155,000 meeting rows by cell: with
 * ids they index typed arrays and number-keyed maps instead of hashing long
 * concatenated strings. Lookups go by the raw strings first, since the same
 * spelling repeats on every row of a cell.
 */
export class CellIds {
  private readonly byRaw = new Map<string, Map<string, number>>();
  private readonly byKey = new Map<string, number>();
  /** By id: the cell and commune as first written, and the commune's key. */
  readonly cell: string[] = [];
  readonly commune: Array<string | null> = [];
  readonly communeKey: string[] = [];

  constructor(private readonly keys: NameKeys) {}

  get size(): number {
    return this.cell.length;
  }

  idOf(commune: string | null, cell: string): number {
    let inCommune = this.byRaw.get(commune ?? "");
    if (!inCommune) this.byRaw.set(commune ?? "", (inCommune = new Map()));
    let id = inCommune.get(cell);
    if (id === undefined) {
      const ck = commune === null ? "" : this.keys.commune(commune);
      const key = this.keys.cellKey(ck, cell);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.cell.length;
        this.byKey.set(key, id);
        this.cell.push(cell);
        this.commune.push(commune);
        this.communeKey.push(ck);
      }
      inCommune.set(cell, id);
    }
    return id;
  }
}

/**
 * The CELLS sheet as lookups: which cells exist, and which cells each commune
 * lists (for fuzzy matching a misspelt cell name within its commune).
 */
export class CellIndex {
  /** cell id -> the CELLS record. */
  readonly byId = new Map<number, CellRecord>();
  /** commune key -> its CELLS records, for fuzzy matching within the commune. */
  readonly byCommune = new Map<string, CellRecord[]>();

  constructor(cells: readonly CellRecord[], keys: NameKeys, ids: CellIds) {
    for (const c of cells) {
      if (c.cell === null || c.commune === null) continue;
      const id = ids.idOf(c.commune, c.cell);
      if (!this.byId.has(id)) this.byId.set(id, c);
      const ck = keys.commune(c.commune);
      let list = this.byCommune.get(ck);
      if (!list) this.byCommune.set(ck, (list = []));
      list.push(c);
    }
  }

  get size(): number {
    return this.byId.size;
  }
}

/**
 * What a rule sees. `K` is the settings it declared: a rule's context holds
 * those alone, so a rule cannot read a setting docs/RULES.md does not list
 * for it. Helpers shared by rules take a CheckContext<never>, which every
 * rule's context is.
 */
export interface CheckContext<K extends SettingKey = SettingKey> {
  settings: Pick<Settings, K>;
  period: Period;
  /** Ages are measured on the last day of the period (DOMAIN.md). */
  periodEnd: DayDate;
  today: DayDate;
  keys: NameKeys;
  cellIds: CellIds;
  cellIndex: CellIndex;
  /** Which tables the workbook has: a rule about a table that is not there stays silent. */
  tables: ReadonlySet<TableKind>;
}

export function makeContext(dataset: Dataset, tables: readonly DetectedTable[], settings: Settings, period: Period): CheckContext {
  const keys = new NameKeys(dataset);
  const cellIds = new CellIds(keys);
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
    cellIds,
    cellIndex: new CellIndex(dataset.cells, keys, cellIds),
    tables: kinds,
  };
}

/** A meeting's or cadre's commune: its own, or the one CELLS gives its cell (facts/places). */
export function communeOfRecord(ctx: CheckContext<never>, rec: { commune: string | null; cell: string | null }): string | null {
  return ctx.keys.communeOf(rec);
}

interface Named {
  commune: string | null;
  cell: string | null;
}

const idCache = new WeakMap<CheckContext<never>, WeakMap<readonly Named[], Int32Array>>();

/**
 * The cell id of every record of a table (-1 where the cell name is blank),
 * computed once per run and shared by the table rules that group by cell.
 */
export function cellIdsOf(ctx: CheckContext<never>, records: readonly Named[]): Int32Array {
  let perCtx = idCache.get(ctx);
  if (!perCtx) idCache.set(ctx, (perCtx = new WeakMap()));
  let ids = perCtx.get(records);
  if (!ids) {
    ids = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      ids[i] = r.cell === null ? -1 : ctx.cellIds.idOf(communeOfRecord(ctx, r), r.cell);
    }
    perCtx.set(records, ids);
  }
  return ids;
}
