import { Rect, qualifiedAddress } from "./address";
import { invalidArgument, itemNotFound, simError } from "./errors";
import { ChartModel, SheetModel, WorkbookModel } from "./model";
import { assertEditable } from "./protection";
import { ScalarDef, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase } from "./proxy";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SimRange, rangeArg } from "./range";
import { SimWorksheet } from "./worksheet";
import { PATH_KIND } from "./wireCost";

/** The chart types Excel.ChartType names (the ones a summary could plausibly use, plus their relatives). */
export const CHART_TYPES = [
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100",
  "Line", "LineMarkers", "LineStacked", "LineMarkersStacked", "Pie", "Doughnut", "Area", "AreaStacked",
  "XYScatter", "Radar", "3DColumnClustered", "3DBarClustered", "3DPie",
] as const;
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

/** Series as Excel derives them from the source: a text header row/column gives names and categories. */
export function chartSeries(wb: WorkbookModel, chart: ChartModel): Array<{ name: string; values: unknown[] }> {
  const sheet = wb.sheetById(chart.sourceSheetId);
  if (!sheet) return [];
  const { r0, c0, rows, cols } = chart.source;
  const byColumns = chart.seriesBy === "Columns" || (chart.seriesBy === "Auto" && rows >= cols);
  const isText = (r: number, c: number) => {
    const v = sheet.value(r, c);
    return typeof v === "string";
  };
  const headerRow = rows > 1 && Array.from({ length: cols }, (_, j) => j).every((j) => isText(r0, c0 + j));
  const headerCol = cols > 1 && Array.from({ length: rows - (headerRow ? 1 : 0) }, (_, i) => i).every((i) => isText(r0 + i + (headerRow ? 1 : 0), c0));
  const out: Array<{ name: string; values: unknown[] }> = [];
  if (byColumns) {
    for (let j = headerCol ? 1 : 0; j < cols; j++) {
      const values = [];
      for (let i = headerRow ? 1 : 0; i < rows; i++) values.push(sheet.value(r0 + i, c0 + j));
      out.push({ name: headerRow ? String(sheet.value(r0, c0 + j)) : `Series${out.length + 1}`, values });
    }
  } else {
    for (let i = headerRow ? 1 : 0; i < rows; i++) {
      const values = [];
      for (let j = headerCol ? 1 : 0; j < cols; j++) values.push(sheet.value(r0 + i, c0 + j));
      out.push({ name: headerCol ? String(sheet.value(r0 + i, c0)) : `Series${out.length + 1}`, values });
    }
  }
  return out;
}

function chartType(v: unknown): string {
  if (typeof v !== "string" || !(CHART_TYPES as readonly string[]).includes(v)) throw invalidArgument(`"${String(v)}" is not a chart type the simulator knows.`);
  return v;
}

function seriesBy(v: unknown): ChartModel["seriesBy"] {
  if (v === undefined) return "Auto";
  if (typeof v !== "string" || !(SERIES_BY as readonly string[]).includes(v)) throw invalidArgument(`seriesBy must be Auto, Columns or Rows.`);
  return v as ChartModel["seriesBy"];
}

export class SimChartCollection extends SimCollection<ChartTarget, SimChart> {
  constructor(context: SimRequestContextBase, private readonly sheet: SimWorksheet) {
    super(context, "ChartCollection");
  }
  protected _resolve(): ChartTarget[] {
    const s = this.sheet._require();
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _itemProxy(t: ChartTarget): SimChart {
    return this._child(PATH_KIND.indexer, "", [t.chart.id], () => new SimChart(this.context, () => t));
  }

  add(type: string, sourceData: SimRange, seriesByArg?: string): SimChart {
    let created: ChartTarget | undefined;
    this._call("add", [type, sourceData, seriesByArg], true, () => {
      const sheet = this.sheet._require();
      assertEditable(sheet, null, "objects", "charts.add");
      const src = rangeArg(this.context, sourceData, sheet);
      const wb = this.context.host.model;
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = {
        id: wb.newId("C4A7"),
        name: `Chart ${n}`,
        chartType: chartType(type),
        title: { text: "", visible: false },
        sourceSheetId: src.sheet.id,
        source: src.rect,
        seriesBy: seriesBy(seriesByArg),
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        legend: { visible: true, position: "Right" },
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    }, undefined, false);
    return this._child(PATH_KIND.method, "Add", [type, sourceData, seriesByArg ?? null], () => new SimChart(this.context, () => {
      if (!created) throw simError("InvalidOperation", "The new chart is used before the add() that makes it has run.");
      return created;
    }));
  }

  private _find(name: string): ChartTarget | null {
    const s = this.sheet._require();
    const chart = s.charts.find((c) => c.name === name || c.id === name);
    return chart ? { sheet: s, chart } : null;
  }

  getItem(name: string): SimChart {
    return this._child(PATH_KIND.indexer, "", [name], () => new SimChart(this.context, () => {
      const t = this._find(name);
      if (!t) throw itemNotFound(`No chart named "${name}".`);
      return t;
    }));
  }

  getItemOrNullObject(name: string): SimChart {
    const c = this._child(PATH_KIND.method, "GetItemOrNullObject", [name], () => new SimChart(this.context, () => this._find(name)));
    c._markNullable();
    return c;
  }

  getItemAt(index: number): SimChart {
    return new SimChart(this.context, () => {
      const s = this.sheet._require();
      const chart = s.charts[index];
      if (!chart) throw itemNotFound(`No chart at index ${index}.`);
      return { sheet: s, chart };
    });
  }

  getCount(): SimClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length);
  }
}

function live(t: ChartTarget): ChartTarget {
  if (!t.sheet.charts.includes(t.chart)) throw itemNotFound(`The chart "${t.chart.name}" was deleted.`);
  return t;
}

export class SimChart extends SimClientObject<ChartTarget> {
  private _title?: SimChartTitle;
  private _legend?: SimChartLegend;
  private _series?: SimChartSeriesCollection;
  private _worksheet?: SimWorksheet;

  constructor(context: SimRequestContextBase, private readonly resolver: () => ChartTarget | null) {
    super(context, "Chart");
  }
  protected _resolve(): ChartTarget | null {
    const t = this.resolver();
    return t ? live(t) : null;
  }
  _markNullable(): void {
    this._instantiate();
  }
  protected _scalars(): Record<string, ScalarDef<ChartTarget>> {
    const edit = (t: ChartTarget, what: string) => assertEditable(t.sheet, null, "objects", what);
    const num = (key: "top" | "left" | "width" | "height") => ({
      get: (t: ChartTarget) => t.chart[key],
      set: (t: ChartTarget, v: unknown) => {
        if (typeof v !== "number" || !(v >= 0)) throw invalidArgument(`Chart ${key} must be a number of points.`);
        edit(t, key);
        t.chart[key] = v;
      },
    });
    return {
      id: { get: (t) => t.chart.id },
      name: {
        get: (t) => t.chart.name,
        set: (t, v) => {
          if (typeof v !== "string" || v.trim() === "" || v.length > 255) throw invalidArgument("A chart name must be 1 to 255 characters.");
          edit(t, "name");
          t.chart.name = v;
        },
      },
      chartType: {
        get: (t) => t.chart.chartType,
        set: (t, v) => {
          this.context.requireApi("1.7", "Chart.chartType (set)");
          edit(t, "chartType");
          t.chart.chartType = chartType(v);
        },
      },
      top: num("top"),
      left: num("left"),
      width: num("width"),
      height: num("height"),
    };
  }
  protected override _navigation() {
    return { title: () => this.title, legend: () => this.legend, series: () => this.series, worksheet: () => this.worksheet };
  }

  get id(): string { return this._get("id"); }
  get name(): string { return this._get("name"); }
  set name(v: string) { this._set("name", v); }
  get chartType(): string { return this._get("chartType"); }
  set chartType(v: string) { this._set("chartType", v); }
  get top(): number { return this._get("top"); }
  set top(v: number) { this._set("top", v); }
  get left(): number { return this._get("left"); }
  set left(v: number) { this._set("left", v); }
  get width(): number { return this._get("width"); }
  set width(v: number) { this._set("width", v); }
  get height(): number { return this._get("height"); }
  set height(v: number) { this._set("height", v); }

  get title(): SimChartTitle { return (this._title ??= this._child(PATH_KIND.property, "Title", [], () => new SimChartTitle(this.context, this))); }
  get legend(): SimChartLegend { return (this._legend ??= new SimChartLegend(this.context, this)); }
  // Navigation objects are created once, so what a load filled in is what later reads see.
  get series(): SimChartSeriesCollection { return (this._series ??= new SimChartSeriesCollection(this.context, this)); }
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(this.context, () => this._require().sheet));
  }

  setData(sourceData: SimRange, seriesByArg?: string): void {
    this._call("setData", [seriesByArg], true, (t) => {
      assertEditable(t.sheet, null, "objects", "setData");
      const src = rangeArg(this.context, sourceData, t.sheet);
      t.chart.sourceSheetId = src.sheet.id;
      t.chart.source = src.rect;
      t.chart.seriesBy = seriesBy(seriesByArg);
    });
  }

  /** Places the chart over the cells from startCell to endCell, as Excel sizes it from the grid. */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._call("setPosition", [typeof startCell === "string" ? startCell : "Range", typeof endCell === "string" ? endCell : endCell ? "Range" : null], true, (t) => {
      assertEditable(t.sheet, null, "objects", "setPosition");
      const from = rangeArg(this.context, startCell, t.sheet);
      const to = endCell === undefined ? from : rangeArg(this.context, endCell, t.sheet);
      if (from.sheet !== t.sheet || to.sheet !== t.sheet) throw invalidArgument("A chart is placed on its own sheet.");
      const tl = from.rect;
      const br: Rect = { r0: to.rect.r0 + to.rect.rows - 1, c0: to.rect.c0 + to.rect.cols - 1, rows: 1, cols: 1 };
      if (br.r0 < tl.r0 || br.c0 < tl.c0) throw invalidArgument("The end cell must lie below and right of the start cell.");
      const x = (c: number) => { let w = 0; for (let i = 0; i < c; i++) w += t.sheet.columnWidths.get(i) ?? DEFAULT_COLUMN_WIDTH; return w; };
      const y = (r: number) => { let h = 0; for (let i = 0; i < r; i++) h += t.sheet.rowHeights.get(i) ?? DEFAULT_ROW_HEIGHT; return h; };
      t.chart.from = qualifiedAddress(t.sheet.name, { r0: tl.r0, c0: tl.c0, rows: 1, cols: 1 }).split("!")[1];
      t.chart.to = qualifiedAddress(t.sheet.name, br).split("!")[1];
      t.chart.left = x(tl.c0);
      t.chart.top = y(tl.r0);
      if (endCell !== undefined) {
        t.chart.width = x(br.c0 + 1) - t.chart.left;
        t.chart.height = y(br.r0 + 1) - t.chart.top;
      }
    });
  }

  delete(): void {
    this._call("delete", [], true, (t) => {
      assertEditable(t.sheet, null, "objects", "chart.delete");
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }

  activate(): void {
    this._call("activate", [], false, () => undefined);
  }
}

export class SimChartTitle extends SimClientObject<ChartTarget> {
  constructor(context: SimRequestContextBase, private readonly chart: SimChart) {
    super(context, "ChartTitle");
  }
  protected _resolve(): ChartTarget | null {
    return this.chart._target();
  }
  protected _scalars(): Record<string, ScalarDef<ChartTarget>> {
    return {
      text: {
        get: (t) => t.chart.title.text,
        set: (t, v) => {
          if (typeof v !== "string") throw invalidArgument("A chart title must be text.");
          // Excel truncates nothing here, but refuses titles over 255 characters.
          if (v.length > 255) throw invalidArgument("A chart title holds at most 255 characters.");
          assertEditable(t.sheet, null, "objects", "title.text");
          t.chart.title = { text: v, visible: v !== "" ? true : t.chart.title.visible };
        },
      },
      visible: {
        get: (t) => t.chart.title.visible,
        set: (t, v) => {
          assertEditable(t.sheet, null, "objects", "title.visible");
          t.chart.title = { ...t.chart.title, visible: Boolean(v) };
        },
      },
    };
  }
  get text(): string { return this._get("text"); }
  set text(v: string) { this._set("text", v); }
  get visible(): boolean { return this._get("visible"); }
  set visible(v: boolean) { this._set("visible", v); }
}

export class SimChartLegend extends SimClientObject<ChartTarget> {
  constructor(context: SimRequestContextBase, private readonly chart: SimChart) {
    super(context, "ChartLegend");
  }
  protected _resolve(): ChartTarget | null {
    return this.chart._target();
  }
  protected _scalars(): Record<string, ScalarDef<ChartTarget>> {
    return {
      visible: { get: (t) => t.chart.legend.visible, set: (t, v) => void (t.chart.legend = { ...t.chart.legend, visible: Boolean(v) }) },
      position: {
        get: (t) => t.chart.legend.position,
        set: (t, v) => {
          if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(String(v))) throw invalidArgument("Not a legend position.");
          t.chart.legend = { ...t.chart.legend, position: String(v) };
        },
      },
    };
  }
  get visible(): boolean { return this._get("visible"); }
  set visible(v: boolean) { this._set("visible", v); }
  get position(): string { return this._get("position"); }
  set position(v: string) { this._set("position", v); }
}

interface SeriesTarget {
  chart: ChartTarget;
  index: number;
}

export class SimChartSeriesCollection extends SimCollection<SeriesTarget, SimChartSeries> {
  constructor(context: SimRequestContextBase, private readonly chart: SimChart) {
    super(context, "ChartSeriesCollection");
  }
  private _all(): SeriesTarget[] {
    const t = this.chart._require();
    return chartSeries(this.context.host.model, t.chart).map((_, index) => ({ chart: t, index }));
  }
  protected _resolve(): SeriesTarget[] {
    return this._all();
  }
  protected _itemProxy(t: SeriesTarget): SimChartSeries {
    return new SimChartSeries(this.context, () => t);
  }
  protected override _scalars(): Record<string, ScalarDef<SeriesTarget[]>> {
    return { count: { get: (list) => list.length } };
  }
  get count(): number { return this._get("count"); }
  getCount(): SimClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length);
  }
  getItemAt(index: number): SimChartSeries {
    return new SimChartSeries(this.context, () => {
      const all = this._all();
      if (!all[index]) throw itemNotFound(`The chart has no series at index ${index}.`);
      return all[index];
    });
  }
}

export class SimChartSeries extends SimClientObject<SeriesTarget> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => SeriesTarget | null) {
    super(context, "ChartSeries");
  }
  protected _resolve(): SeriesTarget | null {
    return this.resolver();
  }
  protected _scalars(): Record<string, ScalarDef<SeriesTarget>> {
    return {
      name: { get: (t) => chartSeries(this.context.host.model, t.chart.chart)[t.index]?.name ?? "" },
      chartType: { get: (t) => t.chart.chart.chartType },
    };
  }
  get name(): string { return this._get("name"); }
  get chartType(): string { return this._get("chartType"); }
}
