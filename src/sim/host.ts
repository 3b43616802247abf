import type { CellValue, SheetData, WorkbookData } from "../core/model/values";
import { qualifiedAddress, rectToA1 } from "./address";
import { chartSeries } from "./chart";
import { simError } from "./errors";
import { CellStyle, SheetModel, WorkbookModel, modelFromWorkbookData, sheetDataFromModel, workbookDataFromModel } from "./model";
import { HostState, SimCounters, createCounters, parseVersion, versionAtLeast } from "./proxy";
import { displayText } from "./text";
import { SimRequestContext } from "./workbook";

export interface SimOptions {
  /** The ExcelApi requirement set the simulated Excel supports: "1.12" plays Excel 2021, "1.17" (default) Microsoft 365. */
  apiVersion?: string;
  /** Sheets protected from the start (no password). */
  protectedSheets?: string[];
  /** The workbook's structure protected from the start (no sheet can be added, deleted, renamed or hidden). */
  protectedStructure?: boolean;
  /**
   * "task": each sync answers in a new task of the event loop, as Excel's round trip does, so a page
   * running the simulator stays responsive (the demo). Default "microtask": faster for tests.
   */
  roundTrip?: "microtask" | "task";
}

/** Shaped like Office.context.requirements. */
export interface SimRequirements {
  isSetSupported(name: string, minVersion?: string | number): boolean;
}

/** Shaped like Office.context.document.settings: a local cache, written to the workbook only by saveAsync. */
export interface SimOfficeSettings {
  get(name: string): any;
  set(name: string, value: any): void;
  remove(name: string): void;
  saveAsync(options?: unknown, callback?: (result: { status: "succeeded" | "failed"; error?: unknown }) => void): void;
  refreshAsync(callback?: (result: { status: "succeeded"; value: SimOfficeSettings }) => void): void;
}

export interface SimChartInfo {
  name: string;
  chartType: string;
  title: string;
  /** Source with its sheet: "'Tổng hợp'!A1:C5". */
  source: string;
  seriesBy: string;
  series: string[];
  /** setPosition's cells ("E2", "L20"), when it was called. */
  from?: string;
  to?: string;
}

export interface SimSheetInfo {
  name: string;
  id: string;
  position: number;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  protected: boolean;
  freeze: { rows: number; cols: number };
  merges: string[];
  /** Column widths in points that differ from the default, by 1-based column. */
  columnWidths: Record<number, number>;
  dropdowns: Array<{ address: string; source: string }>;
  customProperties: Record<string, string>;
  /** The used range ("A1:F20") with formats counted, or null for an empty sheet. */
  usedAddress: string | null;
}

export interface SimHost {
  /** Excel.run: the batch gets a RequestContext-like object; queued actions left at the end are synced, as in Office.js. */
  run: typeof Excel.run;
  requirements: SimRequirements;
  /** Same as `requirements`, for code written against `Office.context.requirements`. */
  office: SimRequirements;
  /** An `Office.context`-like object: requirements and document.settings. */
  officeContext: { requirements: SimRequirements; document: { settings: SimOfficeSettings } };
  counters: SimCounters;
  readonly apiVersion: string;
  /** Current values of every sheet, as the core reads workbooks. */
  snapshot(): WorkbookData;
  /** One sheet's current values: cheaper than snapshot() for redrawing one grid of a province workbook. */
  sheetData(sheet: string): SheetData;
  sheetNames(): string[];
  sheetInfo(sheet: string): SimSheetInfo;
  /** 1-based row and column. */
  getValue(sheet: string, row: number, col: number): CellValue;
  getFormula(sheet: string, row: number, col: number): string | undefined;
  getText(sheet: string, row: number, col: number): string;
  /** The cell's fill as "#RRGGBB", or undefined when it has none (Excel itself would say "#FFFFFF"). */
  getFill(sheet: string, row: number, col: number): string | undefined;
  /** Every format the cell carries, as stored. */
  getFormat(sheet: string, row: number, col: number): Readonly<CellStyle>;
  charts(sheet: string): SimChartInfo[];
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string;
  /** Workbook settings (workbook.settings and saved Office settings), parsed. */
  settings(): Record<string, unknown>;
  /** Called after every sync that changed the workbook; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  protectSheet(name: string, options?: { allowFormatCells?: boolean; allowEditObjects?: boolean }): void;
  unprotectSheet(name: string): void;
  /** The store itself, for the demo grid and for tests that need more than the helpers above. */
  readonly model: WorkbookModel;
  /** Sets the global `Excel` and `Office` to this simulator (enums included); returns a function that removes them. */
  installGlobals(): () => void;
}

export function createSimulatedExcel(workbook: WorkbookData, opts: SimOptions = {}): SimHost {
  const apiVersion = opts.apiVersion ?? "1.17";
  const model = modelFromWorkbookData(workbook);
  if (model.sheets.length === 0) model.addSheet("Sheet1");
  for (const name of opts.protectedSheets ?? []) sheetOf(model, name).protection.protected = true;
  model.structureProtected = opts.protectedStructure === true;
  return hostOver(model, apiVersion, opts.roundTrip);
}

/** A host over an existing model (files.ts and xlsxBrowser.ts build models with more than WorkbookData carries). */
export function hostOver(model: WorkbookModel, apiVersion: string, roundTrip?: SimOptions["roundTrip"]): SimHost {
  const api = parseVersion(apiVersion);
  const listeners = new Set<() => void>();
  const counters = createCounters();
  const state: HostState = {
    model,
    api,
    counters,
    changed: () => {
      for (const l of [...listeners]) l();
    },
    roundTrip,
  };

  const isSetSupported = (name: string, minVersion?: string | number): boolean => {
    if (typeof name !== "string" || name.toLowerCase() !== "excelapi") return false;
    if (minVersion === undefined || minVersion === "") return true;
    try {
      return versionAtLeast(api, parseVersion(String(minVersion)));
    } catch {
      return false;
    }
  };
  const requirements: SimRequirements = { isSetSupported };

  const run = (async (...args: unknown[]) => {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") throw simError("InvalidArgument", "Excel.run needs a batch function.");
    const context = new SimRequestContext(state);
    try {
      const returned = (batch as (c: unknown) => unknown)(context);
      if (!returned || typeof (returned as { then?: unknown }).then !== "function") {
        throw simError(
          "RunMustReturnPromise",
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
        );
      }
      const result = await returned;
      // Office.js sends what is still queued when the batch returns.
      if (context.hasPending()) await context.sync();
      return result;
    } finally {
      context._cleanup();
      context.close();
    }
  }) as unknown as typeof Excel.run;

  const cell = (sheet: string, row: number, col: number) => ({ s: sheetOf(model, sheet), r: row - 1, c: col - 1 });

  const host: SimHost = {
    run,
    requirements,
    office: requirements,
    officeContext: { requirements, document: { settings: officeSettings(model, state.changed) } },
    counters,
    apiVersion,
    model,
    snapshot: () => workbookDataFromModel(model),
    sheetData: (name) => sheetDataFromModel(sheetOf(model, name)),
    sheetNames: () => model.sheets.map((s) => s.name),
    sheetInfo: (name) => sheetInfo(model, sheetOf(model, name)),
    getValue: (sheet, row, col) => {
      const { s, r, c } = cell(sheet, row, col);
      return s.value(r, c);
    },
    getFormula: (sheet, row, col) => {
      const { s, r, c } = cell(sheet, row, col);
      return s.formula(r, c);
    },
    getText: (sheet, row, col) => {
      const { s, r, c } = cell(sheet, row, col);
      return displayText(s.value(r, c), s.numberFormat(r, c));
    },
    getFill: (sheet, row, col) => {
      const { s, r, c } = cell(sheet, row, col);
      return s.style(r, c)?.fill;
    },
    getFormat: (sheet, row, col) => {
      const { s, r, c } = cell(sheet, row, col);
      return { ...(s.style(r, c) ?? {}) };
    },
    charts: (name) =>
      sheetOf(model, name).charts.map((ch) => {
        const src = model.sheetById(ch.sourceSheetId);
        return {
          name: ch.name,
          chartType: ch.chartType,
          title: ch.title.text,
          source: src ? qualifiedAddress(src.name, ch.source) : "#REF!",
          seriesBy: ch.seriesBy,
          series: chartSeries(model, ch).map((s) => s.name),
          ...(ch.from ? { from: ch.from, to: ch.to } : {}),
        };
      }),
    selection: () => {
      const sel = model.selection;
      const sheet = sel ? model.sheetById(sel.sheetId) : undefined;
      return sel && sheet ? { sheet: sheet.name, address: rectToA1(sel.rect) } : null;
    },
    activeSheet: () => model.activeSheet().name,
    settings: () => Object.fromEntries([...model.settings].map(([k, v]) => [k, JSON.parse(v)])),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    protectSheet: (name, options) => {
      sheetOf(model, name).protection = { protected: true, allowFormatCells: Boolean(options?.allowFormatCells), allowEditObjects: Boolean(options?.allowEditObjects) };
      state.changed();
    },
    unprotectSheet: (name) => {
      sheetOf(model, name).protection = { protected: false, allowFormatCells: false, allowEditObjects: false };
      state.changed();
    },
    installGlobals: () => installGlobals(host),
  };
  return host;
}

function sheetOf(model: WorkbookModel, name: string): SheetModel {
  const s = model.findSheet(name);
  if (!s) throw new Error(`The simulated workbook has no sheet "${name}" (it has: ${model.sheets.map((x) => x.name).join(", ")}).`);
  return s;
}

function sheetInfo(model: WorkbookModel, s: SheetModel): SimSheetInfo {
  const used = s.usedRect(false);
  return {
    name: s.name,
    id: s.id,
    position: model.sheets.indexOf(s),
    visibility: s.visibility,
    tabColor: s.tabColor,
    protected: s.protection.protected,
    freeze: { ...s.freeze },
    merges: s.merges.map(rectToA1),
    columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [c + 1, w])),
    dropdowns: s.validations.map((v) => ({ address: rectToA1(v.rect), source: v.rule.list.source })),
    customProperties: Object.fromEntries(s.customProperties),
    usedAddress: used ? rectToA1(used) : null,
  };
}

function officeSettings(model: WorkbookModel, changed: () => void): SimOfficeSettings {
  // Office.Settings works on a copy loaded with the document; only saveAsync writes it back.
  let cache = new Map(model.settings);
  const settings: SimOfficeSettings = {
    get: (name) => {
      const json = cache.get(name);
      return json === undefined ? null : JSON.parse(json);
    },
    set: (name, value) => {
      if (value === undefined) throw simError("InvalidArgument", "A setting value must be JSON.");
      cache.set(name, JSON.stringify(value));
    },
    remove: (name) => {
      cache.delete(name);
    },
    saveAsync: (options, callback) => {
      const cb = typeof options === "function" ? (options as typeof callback) : callback;
      model.settings = new Map(cache);
      changed();
      setTimeout(() => cb?.({ status: "succeeded" }), 0);
    },
    refreshAsync: (callback) => {
      cache = new Map(model.settings);
      setTimeout(() => callback?.({ status: "succeeded", value: settings }), 0);
    },
  };
  return settings;
}

function enumOf(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const key = /^\d/.test(v) ? "_" + v : v[0].toLowerCase() + v.slice(1);
    out[key] = v;
  }
  return out;
}

/** The runtime enums of office.js that adapter code may use as values (Excel.ChartType.line, ...). */
export const SIM_EXCEL_ENUMS = {
  ChartType: enumOf(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "LineStacked", "Pie", "Doughnut", "Area", "XYScatter"]),
  ChartSeriesBy: enumOf(["Auto", "Columns", "Rows"]),
  HorizontalAlignment: enumOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]),
  VerticalAlignment: enumOf(["Top", "Center", "Bottom", "Justify", "Distributed"]),
  BorderIndex: enumOf(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]),
  BorderLineStyle: enumOf(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]),
  BorderWeight: enumOf(["Hairline", "Thin", "Medium", "Thick"]),
  SheetVisibility: enumOf(["Visible", "Hidden", "VeryHidden"]),
  ClearApplyTo: enumOf(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"]),
  CalculationMode: enumOf(["Automatic", "AutomaticExceptTables", "Manual"]),
  ErrorCodes: enumOf([
    "AccessDenied", "ApiNotFound", "GeneralException", "InvalidArgument", "InvalidOperation", "InvalidReference", "ItemAlreadyExists",
    "ItemNotFound", "RangeExceedsLimit", "FormulaLengthExceedsLimit", "ResponsePayloadSizeLimitExceeded", "NotImplemented",
  ]),
};

function installGlobals(host: SimHost): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = { run: host.run, ...SIM_EXCEL_ENUMS };
  g.Office = {
    context: host.officeContext,
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    HostType: { Excel: "Excel" },
  };
  return () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
  };
}

