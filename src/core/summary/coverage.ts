import { CADRE_FIELDS, FieldDef, MEETING_FIELDS, RecordBase, Text } from "../model";
import { Need, needFields } from "./columns";


/*
 * Which fields a group of rows records (core/facts/recorded: a column of the
 * row's table, or a value the layout gives), as bit masks: a province's
 * 190,000 rows share a handful of `cols` objects, so each is looked at once.
 */

/** The fields of one table kind as bits, their labels, and each record's mask. */
export class FieldBits<F extends string> {
  private readonly bits = new Map<string, number>();
  private readonly labels = new Map<string, Text>();
  private readonly masks = new WeakMap<object, Map<object | null, number>>();
  private lastCols: object | null = null;
  private lastDerived: object | null | undefined = undefined;
  private lastMask = 0;

  constructor(defs: readonly FieldDef[]) {
    if (defs.length > 31) throw new RangeError("FieldBits holds at most 31 fields");
    defs.forEach((d, i) => {
      this.bits.set(d.key, 1 << i);
      this.labels.set(d.key, d.label);
    });
  }

  /** The fields this record's table records (isRecorded), as bits. */
  maskOf(rec: RecordBase<F>): number {
    const derived = rec.derived ?? null;
    if (rec.cols === this.lastCols && derived === this.lastDerived) return this.lastMask;
    let byDerived = this.masks.get(rec.cols);
    if (!byDerived) this.masks.set(rec.cols, (byDerived = new Map()));
    let mask = byDerived.get(derived);
    if (mask === undefined) {
      mask = 0;
      for (const k of Object.keys(rec.cols)) if ((rec.cols as Record<string, unknown>)[k] !== undefined) mask |= this.bits.get(k) ?? 0;
      if (derived) for (const k of Object.keys(derived)) if ((derived as Record<string, unknown>)[k] !== undefined) mask |= this.bits.get(k) ?? 0;
      byDerived.set(derived, mask);
    }
    this.lastCols = rec.cols;
    this.lastDerived = derived;
    this.lastMask = mask;
    return mask;
  }

  /** Bits of a need: any of them gives the field. */
  needMask(need: Need<F>): number {
    let m = 0;
    for (const f of needFields(need)) m |= this.bits.get(f) ?? 0;
    return m;
  }

  /** The header offices give a need's field ("Giới tính" for gender or the Nam / Nữ pair). */
  label(need: Need<F>): Text {
    return this.labels.get(needFields(need)[0]) ?? { vi: String(need), en: String(need) };
  }
}

export const CADRE_BITS = new FieldBits<(typeof CADRE_FIELDS)[number]["key"]>(CADRE_FIELDS);
export const MEETING_BITS = new FieldBits<(typeof MEETING_FIELDS)[number]["key"]>(MEETING_FIELDS);

/** What the rows of one group (a commune's cadres of one table, its meetings of one period) record. */
export class Coverage {
  /** Fields every row records. */
  all = -1;
  /** Fields some row records. */
  any = 0;
  /** Distinct (sheet, mask) pairs, to name the sheets that lack a field. */
  readonly sources: Array<{ sheet: string; mask: number }> = [];

  add(sheet: string, mask: number): void {
    this.all &= mask;
    this.any |= mask;
    const last = this.sources[this.sources.length - 1];
    if (last && last.sheet === sheet && last.mask === mask) return;
    if (!this.sources.some((s) => s.sheet === sheet && s.mask === mask)) this.sources.push({ sheet, mask });
  }

  get empty(): boolean {
    return this.sources.length === 0;
  }
}

const quote = (s: string) => `“${s}”`;

/** A field a column needs that rows do not record: its label, and the sheets without it (none: no row has it). */
export interface Gap {
  label: Text;
  /** The sheets lacking the column when others have it; empty when no row of the group records it. */
  sheets: string[];
}

/**
 * What a column lacks in these rows, or null when every row records what it
 * needs. A count over part of a commune's rows is not its figure, so a field
 * recorded by some of its sheets only is a gap too.
 */
export function gapOf<F extends string>(bits: FieldBits<F>, needs: ReadonlyArray<Need<F>>, cover: Coverage): Gap | null {
  for (const need of needs) {
    const m = bits.needMask(need);
    if (cover.all & m) continue;
    const sheets = cover.any & m ? [...new Set(cover.sources.filter((s) => !(s.mask & m)).map((s) => s.sheet))] : [];
    return { label: bits.label(need), sheets };
  }
  return null;
}

export function gapNote(g: Gap): Text {
  if (g.sheets.length === 0) return { vi: `Không ghi nhận: không có cột ${quote(g.label.vi)}`, en: `Not recorded: no ${quote(g.label.en)} column` };
  const sheets = g.sheets.map(quote).join(", ");
  return {
    vi: `Không ghi nhận đủ: trang ${sheets} không có cột ${quote(g.label.vi)}`,
    en: `Not fully recorded: sheet ${sheets} has no ${quote(g.label.en)} column`,
  };
}

const MAX_NAMED = 5;

/** "Xã A, Xã B, Xã C, … (7 xã/phường)". */
export function nameList(names: readonly string[], lang: "vi" | "en"): string {
  const shown = names.slice(0, MAX_NAMED).join(", ");
  if (names.length <= MAX_NAMED) return shown;
  return lang === "vi" ? `${shown}, … (${names.length} xã/phường)` : `${shown}, … (${names.length} communes)`;
}

/**
 * "Toàn tỉnh" when some communes shown lack a column: a sum over only some
 * communes is not the province's figure, so it is not given, and the communes
 * are named. When none of them has it, the plain "no such column" note stands.
 */
export function provinceNote(lacking: ReadonlyArray<{ commune: string; gap: Gap }>, communes: number): Text | null {
  if (lacking.length === 0) return null;
  const first = lacking[0].gap;
  if (lacking.length === communes && lacking.every((l) => l.gap.sheets.length === 0)) return gapNote(first);
  const names = lacking.map((l) => l.commune);
  return {
    vi: `Không cộng toàn tỉnh: ${lacking.length}/${communes} xã/phường không ghi nhận cột ${quote(first.label.vi)} (${nameList(names, "vi")})`,
    en: `No province total: ${lacking.length} of ${communes} communes do not record the ${quote(first.label.en)} column (${nameList(names, "en")})`,
  };
}
