import type { Unit } from "./batch";
import { hostError } from "./errors";
import { WIRE, jsonBytes, rangeRequestBytes, actionRequestBytes, queryRequestBytes, blockRequestBytes } from "./payload";
import { queueLoadSetting, queueSaveSetting, type PendingSetting } from "./settingsStore";
import { columnLetter } from "../core/model";
import { uniqueSheetName } from "../core/plan/sheetName";

/**
 * What must outlive the pane and may be large: the fills under the
 * highlights, and the undo stack of automatic fixes.
 *
 * Workbook settings are small by design: Office.Settings are documented at
 * 2 MB for an add-in, and saves failing with InvalidArgument around 1 MB of
 * UTF-8 were reported on Excel 2021 (office-js issue 17 of this project; the
 * Office.Settings page). So only an index lives there, and small states
 * inline; a state larger than INLINE_CHARS goes into a very hidden sheet the
 * add-in owns, one column per state, 30,000 characters per cell (a cell holds
 * 32,767), each written with a leading apostrophe so Excel keeps it as text.
 *
 * A workbook whose structure is protected cannot get that sheet: a small
 * state still goes to settings, a large one is refused with a plain message
 * before any cell changes.
 */
export const STATE_INDEX_KEY = "chibo.state";
/** The add-in's own sheet; very hidden, so the user never sees it (only code can unhide it). */
export const STATE_SHEET_NAME = "ChiBo.State";
export const STATE_KEYS = { highlights: 1, fixes: 2 } as const;
export type StateKey = keyof typeof STATE_KEYS;

/** Characters a state may keep inline in settings; above it, the sheet. */
export const INLINE_CHARS = 100_000;
/** Where no sheet can be added (structure protected): the most a state may keep in settings. */
export const FALLBACK_INLINE_CHARS = 250_000;
/** Characters per cell of the state sheet. */
export const CHUNK_CHARS = 30_000;
/** Chunk rows read or written per request: 60 × 30,000 characters is about 2 MB on the wire. */
const CHUNKS_PER_UNIT = 60;

type Entry = { inline: string } | { chunks: number; chars: number };

export interface StateIndex {
  v: 1;
  sheet?: { id: string; name: string };
  keys: Partial<Record<StateKey, Entry>>;
}

/** The index, queued with the first sync of every operation that keeps state. */
export function queueStateIndex(context: Excel.RequestContext): PendingSetting<StateIndex> {
  return queueLoadSetting<StateIndex>(context, STATE_INDEX_KEY);
}

function stateColumn(key: StateKey): string {
  return columnLetter(STATE_KEYS[key]);
}

/**
 * The state of one workbook for one operation, after the first sync gave the
 * index and the sheets. Reading queues units into the caller's batch (so a
 * state read shares a request with other reads); writing too.
 */
export class StateStore {
  private index: StateIndex;

  constructor(
    private readonly context: Excel.RequestContext,
    index: StateIndex | null,
    /** The workbook's sheets as just loaded (id and name). */
    private readonly sheets: ReadonlyArray<{ id: string; name: string }>,
  ) {
    const own = index?.sheet && sheets.some((s) => s.id === index.sheet!.id) ? index.sheet : undefined;
    this.index = { v: 1, keys: { ...(index?.keys ?? {}) }, ...(own ? { sheet: own } : {}) };
    // A sheet entry without its sheet (deleted by hand, or copied away): nothing to read there.
    if (!own) for (const k of Object.keys(this.index.keys) as StateKey[]) if (!("inline" in (this.index.keys[k] as Entry))) delete this.index.keys[k];
  }

  /** Units that read a state; `value()` after they were synced (null: none kept, or unreadable). */
  reader<T>(key: StateKey): { units: Unit[]; value(): T | null } {
    const entry = this.index.keys[key];
    if (!entry) return { units: [], value: () => null };
    if ("inline" in entry) return { units: [], value: () => parse<T>(entry.inline) };
    const sheet = this.index.sheet!;
    const parts: string[][] = [];
    const units: Unit[] = [];
    for (let first = 0; first < entry.chunks; first += CHUNKS_PER_UNIT) {
      const count = Math.min(CHUNKS_PER_UNIT, entry.chunks - first);
      const slot = parts.length;
      parts.push([]);
      const address = `${stateColumn(key)}${2 + first}:${stateColumn(key)}${1 + first + count}`;
      units.push({
        request: rangeRequestBytes(address) + queryRequestBytes(["values"]),
        response: WIRE.result + Math.ceil(Math.min(entry.chars - first * CHUNK_CHARS, count * CHUNK_CHARS) * 1.3),
        queue: () => {
          const range = this.context.workbook.worksheets.getItem(sheet.id).getRange(address).untrack();
          range.load("values");
          return () => void (parts[slot] = (range.values as unknown[][]).map((r) => String(r[0] ?? "")));
        },
      });
    }
    return {
      units,
      value: () => {
        const text = parts.flat().join("");
        // Written whole or not at all as far as we can tell: a mismatch means a save broke half-way.
        return text.length === entry.chars ? parse<T>(text) : null;
      },
    };
  }

  /**
   * Units that save a state (null forgets it), to be sent before the cells it
   * describes change. A state that needs the sheet when there is none yet
   * first creates it, in a request of its own; where the workbook refuses a
   * new sheet, a state up to FALLBACK_INLINE_CHARS stays in settings, and a
   * larger one is refused (HostError "stateStore") before anything changed.
   */
  async writer(key: StateKey, value: unknown): Promise<Unit[]> {
    const text = value === null ? null : JSON.stringify(value);
    if (text === null) {
      // Forgotten: the index first, then the old column, so the file does not keep megabytes of a dead state.
      const old = this.index.keys[key];
      delete this.index.keys[key];
      return [this.indexUnit(), ...this.clearUnits(key, old)];
    }
    if (text.length <= INLINE_CHARS && !this.index.sheet) {
      this.index.keys[key] = { inline: text };
      return [this.indexUnit()];
    }
    if (!this.index.sheet) {
      try {
        this.index.sheet = await this.createSheet();
      } catch (e) {
        if (text.length <= FALLBACK_INLINE_CHARS) {
          this.index.keys[key] = { inline: text };
          return [this.indexUnit()];
        }
        throw hostError("stateStore", String((e as Error)?.message ?? e));
      }
    }
    const sheet = this.index.sheet;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
    const column = stateColumn(key);
    // The old column goes first: a shorter state must not keep the old one's tail.
    const units: Unit[] = this.clearUnits(key, this.index.keys[key]);
    for (let first = 0; first < chunks.length; first += CHUNKS_PER_UNIT) {
      const part = chunks.slice(first, first + CHUNKS_PER_UNIT).map((c) => [`'${c}`]);
      const address = `${column}${2 + first}:${column}${1 + first + part.length}`;
      units.push({
        request: rangeRequestBytes(address) + blockRequestBytes("Values", jsonBytes(part), part.length),
        queue: () => void (this.context.workbook.worksheets.getItem(sheet.id).getRange(address).untrack().values = part),
      });
    }
    this.index.keys[key] = { chunks: chunks.length, chars: text.length };
    units.push(this.indexUnit());
    return units;
  }

  /** Empties a state's column in the sheet (nothing for an inline state). */
  private clearUnits(key: StateKey, entry: Entry | undefined): Unit[] {
    const sheet = this.index.sheet;
    if (!sheet || !entry || !("chunks" in entry)) return [];
    const column = stateColumn(key);
    const address = `${column}1:${column}${1 + entry.chunks}`;
    return [{ request: rangeRequestBytes(address) + actionRequestBytes("Clear", 12), queue: () => this.context.workbook.worksheets.getItem(sheet.id).getRange(address).untrack().clear("Contents") }];
  }

  /** The index itself, saved last: until it is, the old state stays the one read. */
  private indexUnit(): Unit {
    const index = this.index;
    return {
      request: actionRequestBytes("Add", 40 + jsonBytes(JSON.stringify(index))) + WIRE.object,
      queue: () => queueSaveSetting(this.context, STATE_INDEX_KEY, index),
    };
  }

  private async createSheet(): Promise<{ id: string; name: string }> {
    const name = uniqueSheetName(STATE_SHEET_NAME, this.sheets.map((s) => s.name));
    const ws = this.context.workbook.worksheets.add(name);
    ws.visibility = "VeryHidden";
    ws.load("id");
    await this.context.sync();
    return { id: ws.id, name };
  }
}

function parse<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The state sheet's id from an index, so that reads skip it and lists leave it out. */
export function stateSheetId(index: StateIndex | null): string | null {
  return index?.sheet?.id ?? null;
}
