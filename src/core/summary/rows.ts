import { RoundingMode, Text } from "../model";
import { Need, needFields } from "./columns";
import { FieldBits, Gap, gapNote, gapOf, provinceNote } from "./coverage";
import { Shape, Tally, figureOf, notRecorded, shapeOf } from "./tally";
import { Figure, MissingColumn } from "./types";

/** What a row builder needs of a column: its key, the fields it needs, and its measure. */
export interface ColumnLike<F extends string> {
  key: string;
  vi: string;
  en: string;
  needs: ReadonlyArray<Need<F>>;
  measure: Parameters<typeof shapeOf>[0];
}

/**
 * Turns tallies into the figures of a table's rows, one per column, each
 * either counted or "not recorded" with its reason.
 */
export class RowMaker<F extends string, K extends string> {
  private readonly shapes: Shape[];

  constructor(
    readonly columns: ReadonlyArray<ColumnLike<F>>,
    private readonly bits: FieldBits<F>,
    private readonly mode: RoundingMode,
    /** A reason that holds for a column whatever the rows record (a period not far enough yet), or null. */
    private readonly blocked: (i: number) => Text | null = () => null,
  ) {
    this.shapes = columns.map((c) => shapeOf(c.measure));
  }

  shape(i: number): Shape {
    return this.shapes[i];
  }

  /** One commune's figures. */
  figures(t: Tally): Record<K, Figure> {
    const out = {} as Record<string, Figure>;
    this.columns.forEach((c, i) => {
      const gap = gapOf(this.bits, c.needs, t.cover);
      const blocked = this.blocked(i);
      out[c.key] = gap ? notRecorded(gapNote(gap)) : blocked ? notRecorded(blocked) : figureOf(this.shapes[i], i, t, this.mode);
    });
    return out as Record<K, Figure>;
  }

  /**
   * "Toàn tỉnh": the sum of the communes given, column by column, unless some
   * of them do not record the column: a sum over some communes only is not the
   * province's figure (the communes are named instead).
   */
  total(parts: ReadonlyArray<{ commune: string; t: Tally }>, none: Text): Record<K, Figure> {
    if (parts.length === 0) return this.all(none);
    const sum = new Tally(this.columns.length);
    for (const p of parts) sum.add(p.t);
    const out = {} as Record<string, Figure>;
    this.columns.forEach((c, i) => {
      const lacking: Array<{ commune: string; gap: Gap }> = [];
      for (const p of parts) {
        const gap = gapOf(this.bits, c.needs, p.t.cover);
        if (gap) lacking.push({ commune: p.commune, gap });
      }
      const note = provinceNote(lacking, parts.length) ?? this.blocked(i);
      out[c.key] = note ? notRecorded(note) : figureOf(this.shapes[i], i, sum, this.mode);
    });
    return out as Record<K, Figure>;
  }

  /** Every figure "not recorded" for one reason. */
  all(note: Text): Record<K, Figure> {
    const out = {} as Record<string, Figure>;
    for (const c of this.columns) out[c.key] = notRecorded(note);
    return out as Record<K, Figure>;
  }
}

/**
 * The columns the workbook does not give, and why each matters: for every
 * field a column needs, the communes (with data) whose rows lack it. Empty
 * `communes` means no sheet has it at all.
 */
export function missingColumns<F extends string>(
  table: MissingColumn["table"],
  tables: ReadonlyArray<{ label: Text; columns: ReadonlyArray<ColumnLike<F>>; parts: ReadonlyArray<{ commune: string; t: Tally }> }>,
  bits: FieldBits<F>,
): MissingColumn[] {
  const byField = new Map<string, { label: Text; lacking: Set<string>; somewhere: boolean; communes: Set<string>; figures: Map<string, Set<string>> }>();
  for (const tb of tables) {
    for (const c of tb.columns) {
      for (const need of c.needs) {
        const field = needFields(need)[0];
        for (const p of tb.parts) {
          const gap = gapOf(bits, [need], p.t.cover);
          let entry = byField.get(field);
          if (!entry) byField.set(field, (entry = { label: bits.label(need), lacking: new Set(), somewhere: false, communes: new Set(), figures: new Map() }));
          entry.communes.add(p.commune);
          if (!gap) { entry.somewhere = true; continue; }
          if (gap.sheets.length > 0) entry.somewhere = true;
          entry.lacking.add(p.commune);
          let tablesOf = entry.figures.get(c.vi);
          if (!tablesOf) entry.figures.set(c.vi, (tablesOf = new Set()));
          tablesOf.add(tb.label.vi);
        }
      }
    }
  }
  const out: MissingColumn[] = [];
  for (const [field, e] of byField) {
    if (e.lacking.size === 0) continue;
    const keysVi = [...e.figures.keys()];
    const tablesVi = [...new Set([...e.figures.values()].flatMap((s) => [...s]))];
    const keysEn = keysVi.map((vi) => tables.flatMap((tb) => tb.columns).find((c) => c.vi === vi)?.en ?? vi);
    const tablesEn = tablesVi.map((vi) => tables.find((tb) => tb.label.vi === vi)?.label.en ?? vi);
    out.push({
      table,
      field,
      label: e.label,
      why: {
        vi: `Thiếu cột này, các chỉ tiêu ${keysVi.map((k) => `“${k}”`).join(", ")} (${tablesVi.join(", ")}) để “–” (không ghi nhận), không phải 0.`,
        en: `Without it, ${keysEn.map((k) => `“${k}”`).join(", ")} (${tablesEn.join(", ")}) show “–” (not recorded), not 0.`,
      },
      communes: e.somewhere || e.lacking.size < e.communes.size ? [...e.lacking] : [],
    });
  }
  return out;
}
