import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { columnNumber, userTextOf } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Engine } from "../app/engine";
import type { Lang } from "../app/errors";
import { App } from "../taskpane/App";
import { Grid, type GridSelection } from "./Grid";
import type { DemoView } from "./demoHost";

export interface DemoWorkbook {
  ops: WorkbookOperations;
  view: DemoView;
  /** Shown in the toolbar: "Mẫu cấp xã (có lỗi)" or the file's name. */
  label: string;
}

export interface DemoProps {
  initial: DemoWorkbook;
  engine: Engine;
  openFile: (name: string, data: ArrayBuffer) => Promise<DemoWorkbook>;
  saveFile: (view: DemoView) => Promise<Blob>;
  makeSample: (size: "commune" | "province") => Promise<DemoWorkbook>;
  paneWidth: number;
  lang: Lang;
  now?: Date;
}

const TOOLBAR_H = 44;
const TABS_H = 34;
const CHARTS_H = 84;

export function parseSelection(address: string): GridSelection | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.replace(/^.*!/, ""));
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

function useWindowHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return h;
}

export function Demo({ initial, engine, openFile, saveFile, makeSample, paneWidth, lang, now }: DemoProps) {
  const [wb, setWb] = useState<DemoWorkbook>(initial);
  const [generation, setGeneration] = useState(0);
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<string>("");
  const [status, setStatus] = useState(initial.label);
  const [loading, setLoading] = useState(false);
  const lastSelection = useRef("");
  const knownSheets = useRef<string[]>([]);
  const height = useWindowHeight();

  useEffect(() => wb.view.onChange(() => setVersion((v) => v + 1)), [wb]);

  // The simulated workbook is a mutable store outside React: `version` counts its changes, and whatever is read
  // from it is read again when it moves, though the reading never names `version`. The effect that follows the
  // pane's selection runs on a change of the workbook only, not when the person picks another tab.
  /* eslint-disable react-hooks/exhaustive-deps */

  // Only the sheet in view is copied, and only when it changed: the province sample is large. The tabs are the
  // visible sheets', as in Excel (not the add-in's very hidden state, nor the backups an import keeps hidden).
  const names = useMemo(() => wb.view.sheetNames(), [wb, version]);
  const selection = useMemo(() => wb.view.selection(), [wb, version]);

  useEffect(() => {
    // Follow what the pane does, as Excel would: a selection shows its sheet; a new sheet comes to the front.
    const selKey = selection ? `${selection.sheet}!${selection.address}` : "";
    const added = names.filter((n) => !knownSheets.current.includes(n));
    if (selKey && selKey !== lastSelection.current) setActive(selection!.sheet);
    else if (knownSheets.current.length && added.length) setActive(added[added.length - 1]);
    else if (!names.includes(active)) setActive(names[0] ?? "");
    lastSelection.current = selKey;
    knownSheets.current = names;
  }, [version, wb]);

  const sheet = useMemo(() => wb.view.sheetData(names.includes(active) ? active : names[0] ?? ""), [wb, version, active, names]);
  const gridSel = selection && sheet && selection.sheet === sheet.name ? parseSelection(selection.address) : null;
  const charts = sheet ? wb.view.charts(sheet.name) : [];
  const textAt = useCallback((r: number, c: number) => (sheet ? wb.view.textAt(sheet.name, r, c) : ""), [wb, sheet, version]);
  const fillAt = useCallback((r: number, c: number) => (sheet ? wb.view.fillAt(sheet.name, r, c) : undefined), [wb, sheet, version]);
  /* eslint-enable react-hooks/exhaustive-deps */

  const replace = (next: DemoWorkbook) => {
    knownSheets.current = [];
    lastSelection.current = "";
    setWb(next);
    setActive("");
    setGeneration((g) => g + 1);
    setStatus(next.label);
  };
  const withLoading = async (work: () => Promise<void>) => {
    setLoading(true);
    try {
      await work();
    } catch (err) {
      console.error(err);
      // The reader's own sentence when it refused the file (too large, password, old .xls...), else a general one.
      setStatus(userTextOf(err)?.[lang]
        ?? (lang === "vi" ? "Không mở được tệp. Hãy chọn một tệp .xlsx hợp lệ (Excel 2007 trở lên)." : "The file could not be opened. Choose a valid .xlsx file (Excel 2007 or later)."));
    } finally {
      setLoading(false);
    }
  };
  const onOpen = (file: File | undefined) => file && withLoading(async () => replace(await openFile(file.name, await file.arrayBuffer())));
  const onSave = () => withLoading(async () => {
    const blob = await saveFile(wb.view);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "so-lam-viec-mo-phong.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  const onSample = (size: "commune" | "province") => withLoading(async () => replace(await makeSample(size)));

  const gridH = Math.max(200, height - TOOLBAR_H - TABS_H - CHARTS_H);
  const vi = lang === "vi";

  return (
    <div style={{ display: "flex", height: "100%", overflow: "hidden" }}>
      <div style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column", background: "#fafafa" }}>
        <div style={{ height: TOOLBAR_H, display: "flex", alignItems: "center", gap: 8, padding: "0 8px", borderBottom: "1px solid #ddd", background: "#107c41", color: "#fff", fontSize: 13, overflowX: "auto", overflowY: "hidden", whiteSpace: "nowrap", flex: "none" }}>
          <strong>{vi ? "Sổ làm việc mô phỏng" : "Simulated workbook"}</strong>
          <label style={btn}>
            {vi ? "Mở tệp .xlsx" : "Open .xlsx"}
            <input type="file" accept=".xlsx" data-testid="open-xlsx" style={{ display: "none" }} onChange={(e) => onOpen(e.target.files?.[0])} />
          </label>
          <button type="button" style={btn} onClick={onSave} disabled={loading}>{vi ? "Lưu thành .xlsx" : "Save as .xlsx"}</button>
          <button type="button" style={btn} onClick={() => onSample("commune")} disabled={loading}>{vi ? "Mẫu cấp xã" : "Commune sample"}</button>
          <button type="button" style={btn} onClick={() => onSample("province")} disabled={loading}>{vi ? "Mẫu cấp tỉnh" : "Province sample"}</button>
          <span data-testid="selection" style={{ marginLeft: "auto" }}>
            {selection ? `${vi ? "Ô chọn" : "Selected"}: ${selection.sheet}!${selection.address}` : ""}
          </span>
          <span data-testid="status" aria-live="polite">{loading ? (vi ? "Đang tải…" : "Loading…") : status}</span>
        </div>
        {sheet && <Grid sheet={sheet} fillAt={fillAt} textAt={textAt} selection={gridSel} version={version} height={gridH} />}
        <div role="tablist" aria-label={vi ? "Các trang tính" : "Sheets"} style={{ height: TABS_H, display: "flex", gap: 2, overflowX: "auto", borderTop: "1px solid #ccc", background: "#f0f0f0" }}>
          {names.map((n) => (
            <button key={n} type="button" role="tab" aria-selected={n === sheet?.name} data-testid="sheet-tab" onClick={() => setActive(n)}
              style={{ border: "none", borderBottom: n === sheet?.name ? "3px solid #107c41" : "3px solid transparent", background: n === sheet?.name ? "#fff" : "transparent", padding: "0 12px", whiteSpace: "nowrap", cursor: "pointer", fontSize: 12 }}>
              {n}
            </button>
          ))}
        </div>
        <div style={{ height: CHARTS_H, overflowY: "auto", padding: "4px 8px", fontSize: 12, borderTop: "1px solid #ddd" }} data-testid="charts">
          <strong>{vi ? `Biểu đồ trên trang này (${charts.length})` : `Charts on this sheet (${charts.length})`}</strong>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {charts.map((c) => <li key={c.name} data-testid="chart">{c.title ? `${c.title} ` : ""}({c.name}{c.type ? `, ${c.type}` : ""})</li>)}
          </ul>
        </div>
      </div>
      <aside aria-label={vi ? "Ngăn tác vụ" : "Task pane"} style={{ width: paneWidth, flex: "none", borderLeft: "1px solid #ccc", overflowY: "auto", overflowX: "hidden" }} data-testid="pane">
        <App key={generation} ops={wb.ops} engine={engine} initialLang={lang} now={now} />
      </aside>
    </div>
  );
}

const btn: React.CSSProperties = {
  background: "rgba(255,255,255,0.15)", color: "#fff", border: "1px solid rgba(255,255,255,0.5)", borderRadius: 4,
  padding: "3px 8px", cursor: "pointer", fontSize: 12, fontFamily: "inherit",
};
