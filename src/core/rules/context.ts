import { CellRecord, Dataset, DayDate, DetectedTable, Period, Settings, TableKind, periodEnd } from "../model";
import { NameKeys } from "./keys";

/**
 * The CELLS sheet as lookups: which cells exist in each commune, and which
 * commune a cell name belongs to when a MEETINGS row leaves the commune out.
 */
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
      const key = this.keys.cellKey(commune, cell);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.cell.length;
        this.byKey.set(key, id);
        this.cell.push(cell);
        this.commune.push(commune);
        this.communeKey.push(commune === null ? "" : this.keys.commune(commune));
      }
      inCommune.set(cell, id);
    }
    return id;
  }
}

/**
 * The CELLS sheet as lookups: which cells exist in each commune, and which
 * commune a cell name belongs to when a MEETINGS row leaves the commune out.
 */
export class CellIndex {
  /** cell id -> the CELLS record. */
  readonly byId = new Map<number, CellRecord>();
  /** commune key -> its CELLS records, for fuzzy matching within the commune. */
  readonly byCommune = new Map<string, CellRecord[]>();
  /** cell name key -> the communes (as written) having a cell of that name. */
  private readonly communesOfName = new Map<string, string[]>();

  constructor(cells: readonly CellRecord[], private readonly keys: NameKeys, ids: CellIds) {
    for (const c of cells) {
      if (c.cell === null || c.commune === null) continue;
      const id = ids.idOf(c.commune, c.cell);
      if (!this.byId.has(id)) this.byId.set(id, c);
      const ck = keys.commune(c.commune);
      let list = this.byCommune.get(ck);
      if (!list) this.byCommune.set(ck, (list = []));
      list.push(c);
      const nk = keys.name(c.cell);
      let communes = this.communesOfName.get(nk);
      if (!communes) this.communesOfName.set(nk, (communes = []));
      if (!communes.some((x) => keys.commune(x) === ck)) communes.push(c.commune);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The commune of a cell name, when exactly one commune has a cell of that name. */
  communeOf(cell: string): string | null {
    const communes = this.communesOfName.get(this.keys.name(cell));
    return communes && communes.length === 1 ? communes[0] : null;
  }
}

export interface CheckContext {
  settings: Settings;
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

/** Every distinct commune spelling of the workbook, once each (a province repeats a few hundred on 185,000 rows). */
/** (commune, cell) as written in the CELLS, CADRES and MEETINGS rows that name both, each pair once. */
function cellSpellings(dataset: Dataset): Array<readonly [string, string]> {
  // Nested sets: no string built per row (a province has 190,000 rows but ~10,000 distinct pairs).
  const byCommune = new Map<string, Set<string>>();
  const add = (rows: readonly { commune: string | null; cell: string | null }[]) => {
    for (const r of rows) {
      if (r.commune === null || r.cell === null) continue;
      let cells = byCommune.get(r.commune);
      if (!cells) byCommune.set(r.commune, (cells = new Set()));
      cells.add(r.cell);
    }
  };
  add(dataset.cells);
  add(dataset.cadres);
  add(dataset.meetings);
  const out: Array<readonly [string, string]> = [];
  for (const [commune, cells] of byCommune) for (const cell of cells) out.push([commune, cell]);
  return out;
}

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

export function makeContext(dataset: Dataset, tables: readonly DetectedTable[], settings: Settings, period: Period): CheckContext {
  const keys = new NameKeys();
  keys.aliasUnmarkedCommunes(communeSpellings(dataset));
  keys.aliasUnmarkedCells(cellSpellings(dataset).map(([commune, cell]) => [keys.commune(commune), cell] as const));
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

/** A meeting's or cadre's commune: its own, or the one CELLS gives its cell. */
export function communeOfRecord(ctx: CheckContext, rec: { commune: string | null; cell: string | null }): string | null {
  if (rec.commune !== null) return rec.commune;
  return rec.cell === null ? null : ctx.cellIndex.communeOf(rec.cell);
}

interface Named {
  commune: string | null;
  cell: string | null;
}

const idCache = new WeakMap<CheckContext, WeakMap<readonly Named[], Int32Array>>();

/**
 * The cell id of every record of a table (-1 where the cell name is blank),
 * computed once per run and shared by the table rules that group by cell.
 */
export function cellIdsOf(ctx: CheckContext, records: readonly Named[]): Int32Array {
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
