import { CellFormat, CellValue, PlanOp, a1, columnLetter } from "../model";

/**
 * A table on a generated sheet: two header rows (a group label over "Số
 * lượng | Tỷ lệ %", as the official statistical forms print them), data rows,
 * and a closing total row, turned into plan operations in whole blocks so a
 * host writes it in a few calls.
 */
export type Fmt = "text" | "int" | "count" | "pct" | "countChange" | "pctChange";

export interface Column<R> {
  group: string;
  /** Second header row; absent when the group label spans both rows. */
  sub?: string;
  fmt: Fmt;
  /** Points. */
  width: number;
  cell(row: R, index: number): CellValue;
}

export type BlockRow<R> = { kind: "data"; row: R } | { kind: "noData"; label: string } | { kind: "total"; row: R };

export const HEADER_FILL = "#DDEBF7";
export const TOTAL_FILL = "#F2F2F2";

const NUMBER_FORMAT: Record<Fmt, string | undefined> = {
  text: "@",
  int: "0",
  count: "#,##0",
  pct: "0.00",
  countChange: "+#,##0;-#,##0;0",
  pctChange: "+0.00;-0.00;0.00",
};

export interface BlockResult {
  ops: PlanOp[];
  /** First and last row used, 1-based. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  firstDataRow: number;
}

export function range(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

/**
 * `labelCols` is how many leading columns name the row (STT, commune): in a
 * no-data row the rest of the row is one merged "chưa có số liệu" cell.
 */
export function tableBlock<R>(
  sheet: string, top: number, left: number, columns: Column<R>[], rows: BlockRow<R>[], labelCols: number, noDataText: string,
): BlockResult {
  const ops: PlanOp[] = [];
  const right = left + columns.length - 1;
  const h1: CellValue[] = [];
  const h2: CellValue[] = [];
  // Header: merge each group over its sub-columns, or over both rows when it has none.
  let i = 0;
  while (i < columns.length) {
    const c = columns[i];
    let j = i;
    while (j + 1 < columns.length && c.sub !== undefined && columns[j + 1].group === c.group && columns[j + 1].sub !== undefined) j++;
    for (let k = i; k <= j; k++) { h1.push(k === i ? c.group : ""); h2.push(columns[k].sub ?? ""); }
    if (c.sub === undefined) ops.push({ op: "merge", sheet, address: range(top, left + i, top + 1, left + i) });
    else if (j > i) ops.push({ op: "merge", sheet, address: range(top, left + i, top, left + j) });
    i = j + 1;
  }
  const firstDataRow = top + 2;
  const data: CellValue[][] = rows.map((r, idx) => {
    if (r.kind === "noData") {
      return columns.map((_, k) => (k === labelCols ? noDataText : k === labelCols - 1 ? r.label : k === 0 && labelCols > 1 ? idx + 1 : ""));
    }
    // The total row gets index -1, so numbering columns leave it blank.
    return columns.map((c) => c.cell(r.row, r.kind === "total" ? -1 : idx));
  });
  const bottom = firstDataRow + rows.length - 1;
  ops.unshift({ op: "values", sheet, address: range(top, left, bottom, right), values: [h1, h2, ...data] });
  const header: CellFormat = { bold: true, fill: HEADER_FILL, wrap: true, hAlign: "Center", vAlign: "Center", border: true };
  ops.push({ op: "format", sheet, address: range(top, left, top + 1, right), format: header });
  if (rows.length > 0) {
    ops.push({ op: "format", sheet, address: range(firstDataRow, left, bottom, right), format: { border: true, vAlign: "Center" } });
    // Number formats by runs of equal format, one op per run.
    let s = 0;
    while (s < columns.length) {
      let e = s;
      while (e + 1 < columns.length && columns[e + 1].fmt === columns[s].fmt) e++;
      const nf = NUMBER_FORMAT[columns[s].fmt];
      if (nf && columns[s].fmt !== "text") ops.push({ op: "format", sheet, address: range(firstDataRow, left + s, bottom, left + e), format: { numberFormat: nf } });
      s = e + 1;
    }
  }
  rows.forEach((r, idx) => {
    const row = firstDataRow + idx;
    if (r.kind === "noData" && labelCols < columns.length) {
      ops.push({ op: "merge", sheet, address: range(row, left + labelCols, row, right) });
      ops.push({ op: "format", sheet, address: range(row, left + labelCols, row, right), format: { italic: true, hAlign: "Left", fontColor: "#7F7F7F" } });
    }
    if (r.kind === "total") ops.push({ op: "format", sheet, address: range(row, left, row, right), format: { bold: true, fill: TOTAL_FILL } });
  });
  return { ops, top, bottom, left, right, firstDataRow };
}

export function colRange(left: number, right: number): string {
  return `${columnLetter(left)}:${columnLetter(right)}`;
}
