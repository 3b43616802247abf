import { RoundingMode, Text } from "../model";
import { CadreMeasure, MeetingMeasure } from "./columns";
import { Coverage } from "./coverage";
import { formatPct, pctPointDiff } from "./pct";
import { Comparand, Counted, Figure } from "./types";

/**
 * Integer counters for one group of rows (one commune's cadres of one table,
 * or its meetings of one period), one slot per declared column, plus what the
 * rows record. Counters add up, so "Toàn tỉnh" is the sum of the communes shown.
 */
export class Tally {
  /** Cadres, or meetings. */
  units = 0;
  /** Table 3: the commune's cells. */
  cells = 0;
  /** Per column: the count of a share, or the numerator of a ratio. */
  readonly num: Float64Array;
  /** Per column: the denominator of a ratio. */
  readonly den: Float64Array;
  readonly cover = new Coverage();

  constructor(columns: number) {
    this.num = new Float64Array(columns);
    this.den = new Float64Array(columns);
  }

  add(other: Tally): void {
    this.units += other.units;
    this.cells += other.cells;
    for (let i = 0; i < this.num.length; i++) {
      this.num[i] += other.num[i];
      this.den[i] += other.den[i];
    }
  }
}

/** What a column's figure is made of, whatever its table: the counters it reads. */
export type Shape =
  | { kind: "count"; of: "units" | "cells" }
  | { kind: "share"; of: "units" | "cells" }
  | { kind: "ratio" };

export function shapeOf(m: CadreMeasure | MeetingMeasure): Shape {
  if (m.kind === "ratio") return { kind: "ratio" };
  const of = "of" in m && m.of === "cells" ? "cells" : "units";
  return m.kind === "count" ? { kind: "count", of } : { kind: "share", of };
}

/** The figure of column `i` from its counters, in the rounding mode. */
export function figureOf(shape: Shape, i: number, t: Tally, mode: RoundingMode): Counted {
  switch (shape.kind) {
    case "count": return { count: shape.of === "cells" ? t.cells : t.units, pct: null };
    case "share": return { count: t.num[i], pct: formatPct(t.num[i], shape.of === "cells" ? t.cells : t.units, mode) };
    case "ratio": return { count: null, pct: formatPct(t.num[i], t.den[i], mode) };
  }
}

export function notRecorded(note: Text): Figure {
  return { count: null, pct: null, notRecorded: note };
}

function comparand(f: Figure): Comparand {
  return f.notRecorded !== undefined ? { count: null, pct: null, notRecorded: f.notRecorded } : { count: f.count, pct: f.pct };
}

/**
 * Adds the previous term's or last year's figure, and "Tăng/giảm": for a share
 * or a ratio, the percentage points between the two percentages as printed
 * (the reader's subtraction adds up); for a count, the difference.
 */
export function compared(now: Figure, before: Figure, shape: Shape, which: "previousTerm" | "previousYear"): Figure {
  if (now.notRecorded !== undefined) return { ...now, [which]: comparand(before), change: null };
  let change: number | null = null;
  if (before.notRecorded === undefined) {
    if (shape.kind === "count") change = now.count !== null && before.count !== null ? now.count - before.count : null;
    else change = pctPointDiff(now.pct, before.pct);
  }
  return { ...now, [which]: comparand(before), change };
}
