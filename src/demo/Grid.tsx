import { useEffect, useMemo, useRef, useState } from "react";
import { columnLetter, type CellValue, type SheetData } from "../core/model";

/**
 * The simulated workbook drawn as a grid. Only the rows in view are in the
 * DOM (the province sample has 155,000 meeting rows), so scrolling costs the
 * same whatever the sheet's size.
 */
export const ROW_H = 22;
const COL_W = 120;
const HEAD_W = 56;
const OVERSCAN = 8;
const MAX_COLS = 60;

export interface GridSelection {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridProps {
  sheet: SheetData;
  /** "#RRGGBB" of a cell's fill, or undefined for none. 1-based row and column. */
  fillAt: (row: number, col: number) => string | undefined;
  /** Displayed text; the raw value is used where it gives none. */
  textAt?: (row: number, col: number) => string;
  selection: GridSelection | null;
  /** Bumped on every change of the workbook, so the visible cells redraw. */
  version: number;
  height: number;
}

function show(v: CellValue | undefined): string {
  if (v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function Grid({ sheet, fillAt, textAt, selection, version, height }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const lastRow = sheet.originRow + sheet.values.length - 1;
  const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  const lastCol = Math.min(sheet.originCol + Math.max(width, 1) - 1, MAX_COLS);
  const rows = Math.max(lastRow, 1) + 5; // a few empty rows below, as Excel shows
  const cols = Math.max(lastCol, 8);

  // Runs before the selection effect below: a finding on another sheet switches the sheet and selects in one go,
  // and this reset must not undo the scroll to that selection.
  useEffect(() => {
    if (scroller.current) {
      scroller.current.scrollTop = 0;
      scroller.current.scrollLeft = 0;
    }
    setScrollTop(0);
  }, [sheet.name]);

  // Bring a NEW selection into view, as Excel does when the pane selects a cell. Keyed by its position, not
  // the object (new on every render), so a person can still scroll away from the selected cell.
  const selectionKey = selection ? `${selection.top}:${selection.left}` : "";
  useEffect(() => {
    const el = scroller.current;
    if (!el || !selection) return;
    const y = (selection.top - 1) * ROW_H;
    if (y < el.scrollTop || y > el.scrollTop + height - 3 * ROW_H) el.scrollTop = Math.max(0, y - 3 * ROW_H);
    const x = HEAD_W + (selection.left - 1) * COL_W;
    if (x < el.scrollLeft + HEAD_W || x > el.scrollLeft + el.clientWidth - COL_W) el.scrollLeft = Math.max(0, x - HEAD_W - COL_W);
    setScrollTop(el.scrollTop);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the selection's position, as said above
  }, [selectionKey, height, sheet.name]);

  const first = Math.max(1, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((scrollTop + height) / ROW_H) + OVERSCAN);
  const colNums = useMemo(() => Array.from({ length: cols }, (_, i) => i + 1), [cols]);
  const inSel = (r: number, c: number) => !!selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right;

  const body = [];
  for (let r = first; r <= last; r++) {
    const values = sheet.values[r - sheet.originRow];
    body.push(
      <div key={r} role="row" aria-rowindex={r + 1} style={{ position: "absolute", top: r * ROW_H, left: 0, height: ROW_H, display: "flex" }}>
        <div role="rowheader" style={{ ...headCell, width: HEAD_W, position: "sticky", left: 0, zIndex: 1 }}>{r}</div>
        {colNums.map((c) => {
          const v = values ? values[c - sheet.originCol] : undefined;
          const sel = inSel(r, c);
          const fill = fillAt(r, c);
          const text = v === undefined || v === "" ? "" : (textAt?.(r, c) || show(v));
          return (
            <div
              key={c}
              role="gridcell"
              aria-selected={sel}
              data-cell={`${columnLetter(c)}${r}`}
              data-fill={fill ?? ""}
              title={text}
              style={{
                ...cell,
                background: fill ?? (sel ? "#e8f0fe" : "#fff"),
                outline: sel ? "2px solid #107c41" : undefined,
                outlineOffset: -2,
                textAlign: typeof v === "number" ? "right" : "left",
              }}
            >
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={sheet.name}
      aria-rowcount={rows + 1}
      aria-colcount={cols + 1}
      data-version={version}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      style={{ height, overflow: "auto", position: "relative", background: "#fff", fontSize: 12 }}
    >
      <div style={{ height: (rows + 1) * ROW_H, width: HEAD_W + cols * COL_W, position: "relative" }}>
        <div role="row" style={{ position: "sticky", top: 0, height: ROW_H, display: "flex", zIndex: 2 }}>
          <div style={{ ...headCell, width: HEAD_W, position: "sticky", left: 0, zIndex: 3 }} />
          {colNums.map((c) => <div key={c} role="columnheader" style={{ ...headCell, width: COL_W }}>{columnLetter(c)}</div>)}
        </div>
        {body}
      </div>
    </div>
  );
}

const cell: React.CSSProperties = {
  width: COL_W, height: ROW_H, boxSizing: "border-box", borderRight: "1px solid #e1e1e1", borderBottom: "1px solid #e1e1e1",
  padding: "2px 4px", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", lineHeight: `${ROW_H - 5}px`,
};
const headCell: React.CSSProperties = {
  ...cell, background: "#f3f3f3", color: "#444", textAlign: "center", fontWeight: 600,
};
