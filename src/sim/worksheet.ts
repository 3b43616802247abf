import { MAX_ADDRESS_LENGTH, MAX_COLS, MAX_ROWS, Rect, checkRect, checkSheetName, duplicateSheetName, parseLocalAddress, sameSheetName, splitSheet } from "./address";
import { normalizeColor } from "./color";
import { invalidArgument, itemNotFound, simError } from "./errors";
import { SheetModel, Visibility, WorkbookModel } from "./model";
import { ScalarDef, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase } from "./proxy";
import { RangeTarget, SimRange, SimRangeAreas, rangeArg } from "./range";

/** getRanges refuses lists from this many areas (office-js#5198; the exact point is not documented). */
export const MAX_RANGE_AREAS = 500;
import { SimChartCollection } from "./chart";
import { SimTableCollection } from "./table";
import { PATH_KIND } from "./wireCost";

const VISIBILITIES: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

function model(ctx: SimRequestContextBase): WorkbookModel {
  return ctx.host.model;
}

/** Adding, deleting, renaming, moving or hiding sheets: refused while the workbook's structure is protected. */
function assertStructure(ctx: SimRequestContextBase, what: string): void {
  if (model(ctx).structureProtected) {
    throw simError("AccessDenied", "The workbook's structure is protected, so sheets cannot be added, deleted, renamed, moved or hidden.", what);
  }
}

function requireLive(ctx: SimRequestContextBase, sheet: SheetModel): SheetModel {
  if (!model(ctx).sheets.includes(sheet)) throw itemNotFound(`The sheet "${sheet.name}" was deleted.`);
  return sheet;
}

export class SimWorksheet extends SimClientObject<SheetModel> {
  private _protection?: SimWorksheetProtection;
  private _freeze?: SimFreezePanes;
  private _charts?: SimChartCollection;
  private _tables?: SimTableCollection;
  private _custom?: SimWorksheetCustomPropertyCollection;

  constructor(context: SimRequestContextBase, private readonly resolver: () => SheetModel | null) {
    super(context, "Worksheet");
  }

  protected _resolve(): SheetModel | null {
    const s = this.resolver();
    return s ? requireLive(this.context, s) : null;
  }

  protected _scalars(): Record<string, ScalarDef<SheetModel>> {
    return WORKSHEET_SCALARS(this.context);
  }

  protected override _navigation() {
    return {
      protection: () => this.protection,
      freezePanes: () => this.freezePanes,
      charts: () => this.charts,
      tables: () => this.tables,
      customProperties: () => this.customProperties,
    };
  }

  _markNullable(): this {
    this._instantiate();
    return this;
  }

  get id(): string { return this._get("id"); }
  get name(): string { return this._get("name"); }
  set name(v: string) { this._set("name", v); }
  get position(): number { return this._get("position"); }
  set position(v: number) { this._set("position", v); }
  get visibility(): string { return this._get("visibility"); }
  set visibility(v: string) { this._set("visibility", v); }
  get tabColor(): string { return this._get("tabColor"); }
  set tabColor(v: string) { this._set("tabColor", v); }
  get showGridlines(): boolean { return this._get("showGridlines"); }
  set showGridlines(v: boolean) { this._set("showGridlines", v); }
  get standardWidth(): number { return this._get("standardWidth"); }

  get protection(): SimWorksheetProtection { return (this._protection ??= this._child(PATH_KIND.property, "Protection", [], () => new SimWorksheetProtection(this.context, this))); }
  get freezePanes(): SimFreezePanes { return (this._freeze ??= this._child(PATH_KIND.property, "FreezePanes", [], () => new SimFreezePanes(this.context, this))); }
  get charts(): SimChartCollection { return (this._charts ??= this._child(PATH_KIND.property, "Charts", [], () => new SimChartCollection(this.context, this))); }
  get tables(): SimTableCollection { return (this._tables ??= this._child(PATH_KIND.property, "Tables", [], () => new SimTableCollection(this.context, () => [this._require()]))); }
  get customProperties(): SimWorksheetCustomPropertyCollection {
    return (this._custom ??= this._child(PATH_KIND.property, "CustomProperties", [], () => new SimWorksheetCustomPropertyCollection(this.context, this)));
  }

  /** A range under this sheet, made by the method `wire` names (with its arguments, as the client sends them). */
  private _range(wire: [string, unknown[]], fn: (sheet: SheetModel) => Rect | null, nullable = false): SimRange {
    const r = this._child(PATH_KIND.method, wire[0], wire[1], () => new SimRange(this.context, () => {
      const sheet = this._require();
      const rect = fn(sheet);
      if (rect === null) {
        if (nullable) return null;
        throw itemNotFound("The range is empty.");
      }
      return { sheet, rect };
    }));
    if (nullable) r._instantiateNull();
    return r;
  }

  /** No address: the whole sheet, as Excel gives it. An address may name this sheet, but no other. */
  getRange(address?: string): SimRange {
    return this._range(["GetRange", [address ?? null]], (sheet) => {
      if (address === undefined || address === "") return { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS };
      if (typeof address !== "string") throw invalidArgument("getRange takes an A1 address.");
      const { sheet: named, local } = splitSheet(address);
      if (named !== null && !sameSheetName(named, sheet.name)) throw invalidArgument(`The address "${address}" names another sheet than "${sheet.name}".`);
      return parseLocalAddress(local);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._range(["GetRangeByIndexes", [startRow, startColumn, rowCount, columnCount]], () => checkRect({ r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount }));
  }

  getCell(row: number, column: number): SimRange {
    return this._range(["GetCell", [row, column]], () => checkRect({ r0: row, c0: column, rows: 1, cols: 1 }));
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._range(["GetUsedRange", [valuesOnly]], (sheet) => sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._range(["GetUsedRangeOrNullObject", [valuesOnly]], (sheet) => sheet.usedRect(valuesOnly), true);
  }

  /**
   * ExcelApi 1.9: several areas at once ("B3,B5:B9,D2"). Excel refuses long
   * lists with a bare InvalidArgument, and where it starts is not documented
   * (office-js#5198: some lists of 513 areas and 8,207 characters fail, some
   * of 649 work); the simulator refuses from 500 areas or 8,192 characters.
   */
  getRanges(address: string): SimRangeAreas {
    return this._child(PATH_KIND.method, "GetRanges", [address], () => new SimRangeAreas(this.context, () => {
      this.context.requireApi("1.9", "Worksheet.getRanges");
      const sheet = this._require();
      if (typeof address !== "string" || address.trim() === "") throw invalidArgument("getRanges takes A1 addresses separated by commas.");
      const parts = address.split(",");
      if (address.length > MAX_ADDRESS_LENGTH || parts.length >= MAX_RANGE_AREAS) {
        throw invalidArgument(`The address lists ${parts.length} areas in ${address.length} characters; Excel refuses such long lists.`);
      }
      return { sheet, rects: parts.map((p) => parseLocalAddress(p.trim())) };
    }));
  }

  activate(): void {
    this._call("activate", [], false, (sheet) => {
      if (sheet.visibility !== "Visible") throw simError("InvalidOperation", `The hidden sheet "${sheet.name}" cannot be activated.`);
      const m = model(this.context);
      m.activeSheetId = sheet.id;
      m.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
      this.context.host.changed();
    });
  }

  delete(): void {
    this._call("delete", [], true, (sheet) => {
      assertStructure(this.context, "Worksheet.delete");
      const m = model(this.context);
      const visibleOthers = m.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (visibleOthers.length === 0) throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      m.sheets = m.sheets.filter((s) => s !== sheet);
      if (m.activeSheetId === sheet.id) m.activeSheetId = visibleOthers[0].id;
      if (m.selection?.sheetId === sheet.id) m.selection = null;
    });
  }
}

function WORKSHEET_SCALARS(ctx: SimRequestContextBase): Record<string, ScalarDef<SheetModel>> {
  return {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v) => {
        assertStructure(ctx, "Worksheet.name");
        const name = checkSheetName(v);
        if (model(ctx).sheets.some((o) => o !== s && sameSheetName(o.name, name))) throw duplicateSheetName(name);
        s.name = name;
      },
    },
    position: {
      get: (s) => model(ctx).sheets.indexOf(s),
      set: (s, v) => {
        const m = model(ctx);
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= m.sheets.length) throw invalidArgument(`Position ${String(v)} is outside 0..${m.sheets.length - 1}.`);
        m.sheets = m.sheets.filter((x) => x !== s);
        m.sheets.splice(v, 0, s);
      },
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v) => {
        if (typeof v !== "string" || !VISIBILITIES.includes(v as Visibility)) throw invalidArgument(`Visibility must be one of ${VISIBILITIES.join(", ")}.`);
        assertStructure(ctx, "Worksheet.visibility");
        const m = model(ctx);
        if (v !== "Visible" && !m.sheets.some((o) => o !== s && o.visibility === "Visible")) {
          throw simError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        s.visibility = v as Visibility;
        if (v !== "Visible" && m.activeSheetId === s.id) m.activeSheetId = m.sheets.find((o) => o.visibility === "Visible")!.id;
      },
    },
    tabColor: {
      since: "1.7",
      get: (s) => s.tabColor,
      set: (s, v) => {
        if (typeof v !== "string") throw invalidArgument("tabColor must be text.");
        // "" removes the colour, as in Excel.
        s.tabColor = v === "" ? "" : normalizeColor(v);
      },
    },
    showGridlines: { since: "1.8", get: (s) => s.showGridlines, set: (s, v) => void (s.showGridlines = Boolean(v)) },
    standardWidth: { get: () => 8.43 },
  };
}


export class SimWorksheetCollection extends SimCollection<SheetModel, SimWorksheet> {
  constructor(context: SimRequestContextBase) {
    super(context, "WorksheetCollection");
  }
  protected _resolve(): SheetModel[] {
    return [...model(this.context).sheets];
  }
  protected _itemProxy(sheet: SheetModel): SimWorksheet {
    return this._child(PATH_KIND.indexer, "", [sheet.id], () => new SimWorksheet(this.context, () => sheet));
  }

  add(name?: string): SimWorksheet {
    let created: SheetModel | undefined;
    this._call("add", [name], true, () => {
      assertStructure(this.context, "WorksheetCollection.add");
      const m = model(this.context);
      created = m.addSheet(name === undefined ? m.freeSheetName() : name);
    }, undefined, false);
    return this._child(PATH_KIND.method, "Add", [name ?? null], () => new SimWorksheet(this.context, () => {
      if (!created) throw simError("InvalidOperation", "The new worksheet is used before the add() that makes it has run.");
      return created;
    }));
  }

  getItem(key: string): SimWorksheet {
    return this._child(PATH_KIND.indexer, "", [key], () => new SimWorksheet(this.context, () => {
      const s = model(this.context).findSheet(key);
      if (!s) throw itemNotFound(`No worksheet named "${key}".`);
      return s;
    }));
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return this._child(PATH_KIND.method, "GetItemOrNullObject", [key], () => new SimWorksheet(this.context, () => model(this.context).findSheet(key) ?? null))._markNullable();
  }

  getActiveWorksheet(): SimWorksheet {
    return this._child(PATH_KIND.method, "GetActiveWorksheet", [], () => new SimWorksheet(this.context, () => model(this.context).activeSheet()));
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const s = model(this.context).sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw itemNotFound("The workbook has no such worksheet.");
      return s;
    });
  }

  getLast(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, () => {
      const s = [...model(this.context).sheets].reverse().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) throw itemNotFound("The workbook has no such worksheet.");
      return s;
    });
  }

  getCount(visibleOnly = false): SimClientResult<number> {
    return this._callResult("getCount", [visibleOnly], (sheets) => (visibleOnly ? sheets.filter((s) => s.visibility === "Visible").length : sheets.length));
  }
}

export class SimWorksheetProtection extends SimClientObject<SheetModel> {
  constructor(context: SimRequestContextBase, private readonly sheet: SimWorksheet) {
    super(context, "WorksheetProtection");
  }
  protected _resolve(): SheetModel | null {
    return this.sheet._target();
  }
  protected _scalars(): Record<string, ScalarDef<SheetModel>> {
    return {
      protected: { since: "1.2", get: (s) => s.protection.protected },
      options: {
        since: "1.2",
        get: (s) => ({ allowFormatCells: s.protection.allowFormatCells, allowEditObjects: s.protection.allowEditObjects }),
      },
    };
  }
  get protected(): boolean { return this._get("protected"); }
  get options(): Excel.WorksheetProtectionOptions { return this._get("options"); }

  protect(options?: Excel.WorksheetProtectionOptions, _password?: string): void {
    this._call("protect", [options], true, (s) => {
      if (s.protection.protected) throw simError("InvalidOperation", `The sheet "${s.name}" is already protected.`);
      s.protection = { protected: true, allowFormatCells: Boolean(options?.allowFormatCells), allowEditObjects: Boolean(options?.allowEditObjects) };
    }, "1.2");
  }

  unprotect(_password?: string): void {
    this._call("unprotect", [], true, (s) => {
      s.protection = { protected: false, allowFormatCells: false, allowEditObjects: false };
    }, "1.2");
  }
}

export class SimFreezePanes extends SimClientObject<SheetModel> {
  constructor(context: SimRequestContextBase, private readonly sheet: SimWorksheet) {
    super(context, "WorksheetFreezePanes");
  }
  protected _resolve(): SheetModel | null {
    return this.sheet._target();
  }
  protected _scalars(): Record<string, ScalarDef<SheetModel>> {
    return {};
  }
  private _freeze(method: string, args: unknown[], fn: (s: SheetModel) => { rows: number; cols: number }): void {
    this._call(method, args, true, (s) => {
      s.freeze = fn(s);
      s.version++;
    }, "1.7");
  }
  freezeRows(count = 1): void {
    this._freeze("freezeRows", [count], () => ({ rows: checkCount(count, MAX_ROWS), cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this._freeze("freezeColumns", [count], () => ({ rows: 0, cols: checkCount(count, MAX_COLS) }));
  }
  /** The given range is what stays in the top-left pane. */
  freezeAt(frozenRange: SimRange | string): void {
    this._freeze("freezeAt", [typeof frozenRange === "string" ? frozenRange : "Range"], (s) => {
      const t = rangeArg(this.context, frozenRange, s);
      return { rows: t.rect.r0 + t.rect.rows, cols: t.rect.c0 + t.rect.cols };
    });
  }
  unfreeze(): void {
    this._freeze("unfreeze", [], () => ({ rows: 0, cols: 0 }));
  }
  getLocationOrNullObject(): SimRange {
    const r = new SimRange(this.context, (): RangeTarget | null => {
      this.context.requireApi("1.7", "WorksheetFreezePanes.getLocationOrNullObject");
      const s = this._require();
      if (!s.freeze.rows && !s.freeze.cols) return null;
      return { sheet: s, rect: { r0: 0, c0: 0, rows: s.freeze.rows || MAX_ROWS, cols: s.freeze.cols || MAX_COLS } };
    });
    r._instantiateNull();
    return r;
  }
}

function checkCount(n: unknown, max: number): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n >= max) throw invalidArgument(`Cannot freeze ${String(n)} rows or columns.`);
  return n;
}

interface CustomPropertyTarget {
  sheet: SheetModel;
  key: string;
}

export class SimWorksheetCustomProperty extends SimClientObject<CustomPropertyTarget> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => CustomPropertyTarget | null) {
    super(context, "WorksheetCustomProperty");
  }
  protected _resolve(): CustomPropertyTarget | null {
    return this.resolver();
  }
  protected _scalars(): Record<string, ScalarDef<CustomPropertyTarget>> {
    return {
      key: { get: (t) => t.key },
      value: {
        get: (t) => t.sheet.customProperties.get(t.key) ?? "",
        set: (t, v) => void t.sheet.customProperties.set(t.key, String(v)),
      },
    };
  }
  _markNullable(): this {
    this._instantiate();
    return this;
  }
  get key(): string { return this._get("key"); }
  get value(): string { return this._get("value"); }
  set value(v: string) { this._set("value", v); }
  delete(): void {
    this._call("delete", [], true, (t) => void t.sheet.customProperties.delete(t.key), "1.12");
  }
}

/** ExcelApi 1.12: string properties on a sheet, a way for the product to mark the sheets it made. */
export class SimWorksheetCustomPropertyCollection extends SimCollection<CustomPropertyTarget, SimWorksheetCustomProperty> {
  constructor(context: SimRequestContextBase, private readonly sheet: SimWorksheet) {
    super(context, "WorksheetCustomPropertyCollection");
  }
  protected _resolve(): CustomPropertyTarget[] | null {
    this.context.requireApi("1.12", "Worksheet.customProperties");
    const s = this.sheet._require();
    return [...s.customProperties.keys()].map((key) => ({ sheet: s, key }));
  }
  protected _itemProxy(t: CustomPropertyTarget): SimWorksheetCustomProperty {
    return new SimWorksheetCustomProperty(this.context, () => t);
  }
  private _find(key: string): CustomPropertyTarget | null {
    this.context.requireApi("1.12", "Worksheet.customProperties");
    const s = this.sheet._require();
    // Keys compare without regard to case, as Excel does.
    const found = [...s.customProperties.keys()].find((k) => k.toUpperCase() === key.toUpperCase());
    return found === undefined ? null : { sheet: s, key: found };
  }
  add(key: string, value: string): SimWorksheetCustomProperty {
    this._call("add", [key, value], true, (list) => {
      void list;
      if (typeof key !== "string" || key === "" || key.length > 255) throw invalidArgument("A custom property key must be 1 to 255 characters.");
      const existing = this._find(key);
      this.sheet._require().customProperties.set(existing?.key ?? key, String(value));
    }, "1.12");
    return new SimWorksheetCustomProperty(this.context, () => this._find(key));
  }
  getItem(key: string): SimWorksheetCustomProperty {
    return new SimWorksheetCustomProperty(this.context, () => {
      const t = this._find(key);
      if (!t) throw itemNotFound(`No custom property "${key}".`);
      return t;
    });
  }
  getItemOrNullObject(key: string): SimWorksheetCustomProperty {
    return new SimWorksheetCustomProperty(this.context, () => this._find(key))._markNullable();
  }
  getCount(): SimClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length, "1.12");
  }
}

