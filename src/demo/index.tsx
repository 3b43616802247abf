import { createRoot } from "react-dom/client";
import ExcelJS from "exceljs";
import type { SheetData, WorkbookData } from "../core/model";
import { SHEET_COMMUNES, generateSample } from "../core/sample";
import { createExcelOperations } from "../excel";
import { createSimulatedExcel, type SimHost } from "../sim";
import { saveSimulatedExcel } from "../sim/xlsxBrowser";
import { openXlsxInWorker } from "./openXlsx";
import { spawnReader } from "./spawnReader";
import { createWorkerEngine } from "../app/workerEngine";
import { spawnCoreWorker } from "../app/spawnCoreWorker";
import { defaultPeriod } from "../taskpane/App";
import type { Lang } from "../app/errors";
import { Demo, type DemoWorkbook } from "./Demo";
import type { DemoView } from "./demoHost";
import { demoFormSheet } from "./formSheet";

/**
 * The demo page: the real task pane, the real adapter and the real core, over
 * the simulated Excel instead of Office. Query: ?pane=320..450 (pane width),
 * ?lang=en, ?size=province, ?today=YYYY-MM-DD (a fixed "today", for tests).
 */
const params = new URLSearchParams(location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "vi";
const paneWidth = Math.min(450, Math.max(320, Number(params.get("pane")) || 350));
const todayParam = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.get("today") ?? "");
const now = todayParam ? new Date(Number(todayParam[1]), Number(todayParam[2]) - 1, Number(todayParam[3]), 12) : new Date();

/** The simulated workbook behind each view, for saving it with its formats. */
const sims = new WeakMap<DemoView, SimHost>();

function open(workbook: WorkbookData, label: string): DemoWorkbook {
  return openHost(createSimulatedExcel(workbook, { apiVersion: "1.17", roundTrip: "task" }), label);
}

function openHost(sim: SimHost, label: string): DemoWorkbook {
  const ops = createExcelOperations({ run: sim.run, isSetSupported: (s, v) => sim.requirements.isSetSupported(s, v) });
  const copies = new Map<string, { version: number; data: SheetData }>();
  const view: DemoView = {
    snapshot: () => sim.snapshot(),
    // Excel's tab bar shows visible sheets only (the add-in's very hidden state, the copies an import keeps for undo).
    sheetNames: () => sim.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name),
    sheetData: (name) => {
      const model = sim.model.findSheet(name);
      if (!model) return undefined;
      const cached = copies.get(model.id);
      if (cached && cached.version === model.version && cached.data.name === model.name) return cached.data;
      const data = sim.sheetData(name);
      copies.set(model.id, { version: model.version, data });
      return data;
    },
    fillAt: (sheet, row, col) => {
      const f = sim.getFill(sheet, row, col);
      // Excel reports "no fill" as white: the grid draws it as the page background.
      return f && f.toUpperCase() !== "#FFFFFF" ? f : undefined;
    },
    textAt: (sheet, row, col) => sim.getText(sheet, row, col),
    charts: (sheet) => sim.charts(sheet).map((c) => ({ name: c.name, type: c.chartType, title: c.title })),
    selection: () => sim.selection(),
    onChange: (listener) => sim.onChange(listener),
  };
  sims.set(view, sim);
  return { ops, view, label };
}

/** The sample for the year the pane will report on, with planted defects, plus a user's own form to fill. */
async function makeSample(size: "commune" | "province"): Promise<DemoWorkbook> {
  await new Promise((r) => setTimeout(r, 0)); // let "Đang tải…" paint before the province sample's seconds of work
  const { workbook } = generateSample({ size, seed: 1, defects: true, year: defaultPeriod(now).year });
  // The communes list numbers its rows (STT): those rows, and only those, name a commune.
  const list = workbook.sheets.find((s) => s.name === SHEET_COMMUNES);
  const communes = list ? list.values.filter((r) => typeof r[0] === "number" && r[1]).map((r) => String(r[1])) : [];
  const form = demoFormSheet(communes.length ? communes : ["Xã Mẫu"]);
  const label = size === "province"
    ? (lang === "vi" ? "Mẫu cấp tỉnh (có lỗi)" : "Province sample (with defects)")
    : (lang === "vi" ? "Mẫu cấp xã (có lỗi)" : "Commune sample (with defects)");
  return open({ sheets: [...workbook.sheets, form] }, label);
}

/**
 * "Mở tệp .xlsx": read in a Web Worker by the project's reader, loaded in slices (openXlsx.ts). Sheets the file
 * lists but that could not be read whole are said in the status line, never dropped in silence.
 */
async function openFile(name: string, data: ArrayBuffer): Promise<DemoWorkbook> {
  const opened = await openXlsxInWorker(name, data, { spawn: spawnReader });
  const first = opened.problems[0];
  const note = first
    ? lang === "vi"
      ? ` — ${opened.problems.length} trang tính chưa đọc được hết: ${first.detail.vi}`
      : ` — ${opened.problems.length} sheet(s) not fully read: ${first.detail.en}`
    : "";
  return openHost(opened.host, name + note);
}

/** "Lưu thành .xlsx": the simulated workbook with its merges, number formats, fills, widths and dropdowns. */
async function saveFile(view: DemoView): Promise<Blob> {
  const sim = sims.get(view);
  if (!sim) throw new Error("no workbook behind this view");
  const buf = await saveSimulatedExcel(sim, ExcelJS);
  return new Blob([buf], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

async function start() {
  const initial = await makeSample(params.get("size") === "province" ? "province" : "commune");
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <Demo initial={initial} engine={createWorkerEngine(spawnCoreWorker)} openFile={openFile} saveFile={saveFile} makeSample={makeSample} paneWidth={paneWidth} lang={lang} now={now} />,
  );
}

start().catch((err) => {
  console.error(err);
  document.getElementById("root")!.textContent =
    lang === "vi" ? "Không khởi động được bản trình diễn. Hãy tải lại trang." : "The demo could not start. Reload the page.";
});
