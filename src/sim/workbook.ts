import { invalidArgument, itemNotFound, simError } from "./errors";
import { CustomXmlPartModel, WorkbookModel } from "./model";
import { HostState, ScalarDef, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase } from "./proxy";
import { PATH_KIND, utf8Length } from "./wireCost";
import { SimRange } from "./range";
import { SimTableCollection } from "./table";
import { SimWorksheetCollection } from "./worksheet";

/** The object `Excel.run` hands to its batch. */
export class SimRequestContext extends SimRequestContextBase {
  readonly workbook: SimWorkbook;

  constructor(host: HostState) {
    super(host);
    this._nextPath = { parent: null, kind: PATH_KIND.global, name: "", args: [] };
    this.workbook = new SimWorkbook(this);
  }

  get application(): SimApplication {
    return this.workbook.application;
  }
}

/** The root object; its collections are made on first use, as the client makes them (each is an object path). */
export class SimWorkbook extends SimClientObject<WorkbookModel> {
  private _worksheets?: SimWorksheetCollection;
  private _settings?: SimSettingCollection;
  private _application?: SimApplication;
  private _tables?: SimTableCollection;
  private _customXmlParts?: SimCustomXmlPartCollection;

  constructor(context: SimRequestContextBase) {
    super(context, "Workbook");
  }
  get worksheets(): SimWorksheetCollection {
    return (this._worksheets ??= this._child(PATH_KIND.property, "Worksheets", [], () => new SimWorksheetCollection(this.context)));
  }
  get settings(): SimSettingCollection {
    return (this._settings ??= this._child(PATH_KIND.property, "Settings", [], () => new SimSettingCollection(this.context)));
  }
  get application(): SimApplication {
    return (this._application ??= this._child(PATH_KIND.property, "Application", [], () => new SimApplication(this.context)));
  }
  get tables(): SimTableCollection {
    return (this._tables ??= this._child(PATH_KIND.property, "Tables", [], () => new SimTableCollection(this.context, () => this.context.host.model.sheets)));
  }
  /** ExcelApi 1.7: the workbook's structure protection. */
  get protection(): SimWorkbookProtection {
    return (this._protection ??= this._child(PATH_KIND.property, "Protection", [], () => new SimWorkbookProtection(this.context)));
  }
  private _protection?: SimWorkbookProtection;
  /** ExcelApi 1.2: Excel's worksheet functions, evaluated by Excel (the adapter asks DATE to learn the date system). */
  get functions(): SimFunctions {
    return (this._functions ??= this._child(PATH_KIND.property, "Functions", [], () => new SimFunctions(this.context)));
  }
  private _functions?: SimFunctions;
  get customXmlParts(): SimCustomXmlPartCollection {
    return (this._customXmlParts ??= this._child(PATH_KIND.property, "CustomXmlParts", [], () => new SimCustomXmlPartCollection(this.context, null)));
  }
  protected _resolve(): WorkbookModel {
    return this.context.host.model;
  }
  protected _scalars(): Record<string, ScalarDef<WorkbookModel>> {
    return { name: { since: "1.7", get: () => "Book1.xlsx" } };
  }
  protected override _navigation() {
    return { application: () => this.application };
  }
  get name(): string { return this._get("name"); }

  /** The selection, or the active sheet's A1 when nothing was selected yet. */
  getSelectedRange(): SimRange {
    return this._child(PATH_KIND.method, "GetSelectedRange", [], () => new SimRange(this.context, () => {
      const m = this.context.host.model;
      const sel = m.selection ? { sheet: m.sheetById(m.selection.sheetId), rect: m.selection.rect } : null;
      if (sel?.sheet) return { sheet: sel.sheet, rect: sel.rect };
      return { sheet: m.activeSheet(), rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
    }));
  }

  getActiveCell(): SimRange {
    return this._child(PATH_KIND.method, "GetActiveCell", [], () => new SimRange(this.context, () => {
      this.context.requireApi("1.7", "Workbook.getActiveCell");
      const m = this.context.host.model;
      const sheet = (m.selection && m.sheetById(m.selection.sheetId)) || m.activeSheet();
      const rect = m.selection?.sheetId === sheet.id ? m.selection.rect : { r0: 0, c0: 0, rows: 1, cols: 1 };
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, rows: 1, cols: 1 } };
    }));
  }
}

export class SimApplication extends SimClientObject<WorkbookModel> {
  constructor(context: SimRequestContextBase) {
    super(context, "Application");
  }
  protected _resolve(): WorkbookModel {
    return this.context.host.model;
  }
  protected _scalars(): Record<string, ScalarDef<WorkbookModel>> {
    return {
      calculationMode: {
        get: (m) => m.calculationMode,
        set: (m, v) => {
          this.context.requireApi("1.8", "Application.calculationMode (set)");
          if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") throw invalidArgument("Not a calculation mode.");
          m.calculationMode = v;
        },
      },
    };
  }
  get calculationMode(): string { return this._get("calculationMode"); }
  set calculationMode(v: string) { this._set("calculationMode", v); }

  /** ExcelApi 1.6. Nothing is calculated here anyway; what matters is that older Excel refuses the call. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], false, () => undefined, "1.6");
  }
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], false, () => void this.context.host.counters.screenSuspensions++, "1.9");
  }
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], false, () => undefined);
  }
}

// ---------------------------------------------------------------- settings (ExcelApi 1.4)

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

/**
 * All of an add-in's settings in one document, in UTF-8 bytes of their JSON.
 * Office.Settings documents 2 MB (office-js#621: Excel runs out of memory on
 * more); saves failing with InvalidArgument around 1 MB were reported on
 * Excel 2021, so the simulator refuses from 1,000,000 bytes, as that Excel did.
 */
export const MAX_SETTINGS_BYTES = 1_000_000;

function checkKey(key: unknown): string {
  if (typeof key !== "string" || key === "" || key.length > 255) throw invalidArgument("A setting key must be 1 to 255 characters.");
  return key;
}

/** Settings keep JSON, as Excel does: what comes back is a copy, and a Date comes back as text. */
function toJson(value: unknown): string {
  if (value === undefined || typeof value === "function") throw invalidArgument("A setting value must be JSON: not undefined or a function.");
  return JSON.stringify(value);
}

export class SimSettingCollection extends SimCollection<SettingTarget, SimSetting> {
  constructor(context: SimRequestContextBase) {
    super(context, "SettingCollection");
  }
  protected _resolve(): SettingTarget[] {
    const model = this.context.host.model;
    return [...model.settings.keys()].map((key) => ({ model, key }));
  }
  protected _itemProxy(t: SettingTarget): SimSetting {
    return this._child(PATH_KIND.indexer, "", [t.key], () => new SimSetting(this.context, () => t));
  }
  /** Adds the setting, or replaces the value of an existing one. */
  add(key: string, value: unknown): SimSetting {
    this._call("add", [key, value], true, (list) => {
      void list;
      const settings = this.context.host.model.settings;
      const json = toJson(value);
      checkKey(key);
      // Measured as the stored JSON in UTF-8, keys included (see MAX_SETTINGS_BYTES).
      let total = utf8Length(key) + utf8Length(json);
      for (const [k, v] of settings) if (k !== key) total += utf8Length(k) + utf8Length(v);
      if (total > MAX_SETTINGS_BYTES) throw invalidArgument(`Settings would hold ${total} bytes; saves of about 1 MB fail.`, "SettingCollection.add");
      settings.set(key, json);
    }, "1.4", false);
    return this._child(PATH_KIND.method, "Add", [key, value], () => new SimSetting(this.context, () => {
      const model = this.context.host.model;
      if (!model.settings.has(key)) throw itemNotFound(`No setting "${key}".`);
      return { model, key };
    }));
  }
  getItem(key: string): SimSetting {
    return this._child(PATH_KIND.indexer, "", [key], () => new SimSetting(this.context, () => {
      this.context.requireApi("1.4", "SettingCollection.getItem");
      const model = this.context.host.model;
      if (!model.settings.has(key)) throw itemNotFound(`No setting "${key}".`);
      return { model, key };
    }));
  }
  getItemOrNullObject(key: string): SimSetting {
    const s = this._child(PATH_KIND.method, "GetItemOrNullObject", [key], () => new SimSetting(this.context, () => {
      this.context.requireApi("1.4", "SettingCollection.getItemOrNullObject");
      const model = this.context.host.model;
      return model.settings.has(key) ? { model, key } : null;
    }));
    s._markNullable();
    return s;
  }
  getCount(): SimClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length, "1.4");
  }
}

export class SimSetting extends SimClientObject<SettingTarget> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => SettingTarget | null) {
    super(context, "Setting");
  }
  protected _resolve(): SettingTarget | null {
    return this.resolver();
  }
  _markNullable(): void {
    this._instantiate();
  }
  protected _scalars(): Record<string, ScalarDef<SettingTarget>> {
    return {
      key: { get: (t) => t.key },
      value: {
        get: (t) => {
          const json = t.model.settings.get(t.key);
          if (json === undefined) throw itemNotFound(`The setting "${t.key}" was deleted.`);
          return JSON.parse(json);
        },
        set: (t, v) => void t.model.settings.set(t.key, toJson(v)),
      },
    };
  }
  get key(): string { return this._get("key"); }
  get value(): any { return this._get("value"); }
  set value(v: any) { this._set("value", v); }
  delete(): void {
    this._call("delete", [], true, (t) => void t.model.settings.delete(t.key), "1.4");
  }
}

// ---------------------------------------------------------------- custom XML parts (ExcelApi 1.5)

function namespaceOf(xml: string): string {
  const root = /<(?:[\w.-]+:)?[\w.-]+\b([^>]*)>/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  const ns = root ? /\sxmlns=["']([^"']*)["']/.exec(root[1]) : null;
  return ns ? ns[1] : "";
}

export class SimCustomXmlPartCollection extends SimCollection<CustomXmlPartModel, SimCustomXmlPart> {
  constructor(context: SimRequestContextBase, private readonly namespace: string | null) {
    super(context, namespace === null ? "CustomXmlPartCollection" : "CustomXmlPartScopedCollection");
  }
  protected _resolve(): CustomXmlPartModel[] {
    this.context.requireApi("1.5", "Workbook.customXmlParts");
    const parts = this.context.host.model.customXmlParts;
    return this.namespace === null ? [...parts] : parts.filter((p) => p.namespaceUri === this.namespace);
  }
  protected _itemProxy(p: CustomXmlPartModel): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => p);
  }
  add(xml: string): SimCustomXmlPart {
    let created: CustomXmlPartModel | undefined;
    this._call("add", [xml], true, () => {
      if (typeof xml !== "string" || !/^\s*(<\?xml[^>]*\?>\s*)?<[^>]+>/.test(xml)) throw invalidArgument("A custom XML part must be XML text.");
      const m = this.context.host.model;
      created = { id: m.newId("C0DE"), namespaceUri: namespaceOf(xml), xml };
      m.customXmlParts.push(created);
    }, "1.5");
    return new SimCustomXmlPart(this.context, () => {
      if (!created) throw simError("InvalidOperation", "The new part is used before the add() that makes it has run.");
      return created;
    });
  }
  getByNamespace(namespaceUri: string): SimCustomXmlPartCollection {
    return new SimCustomXmlPartCollection(this.context, namespaceUri);
  }
  getItem(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => {
      const p = this._resolve().find((x) => x.id === id);
      if (!p) throw itemNotFound(`No custom XML part "${id}".`);
      return p;
    });
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    const p = new SimCustomXmlPart(this.context, () => this._resolve().find((x) => x.id === id) ?? null);
    p._markNullable();
    return p;
  }
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    const p = new SimCustomXmlPart(this.context, () => {
      const all = this._resolve();
      return all.length === 1 ? all[0] : null;
    });
    p._markNullable();
    return p;
  }
  getCount(): SimClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length, "1.5");
  }
}

export class SimCustomXmlPart extends SimClientObject<CustomXmlPartModel> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => CustomXmlPartModel | null) {
    super(context, "CustomXmlPart");
  }
  protected _resolve(): CustomXmlPartModel | null {
    return this.resolver();
  }
  _markNullable(): void {
    this._instantiate();
  }
  protected _scalars(): Record<string, ScalarDef<CustomXmlPartModel>> {
    return { id: { get: (p) => p.id }, namespaceUri: { get: (p) => p.namespaceUri } };
  }
  get id(): string { return this._get("id"); }
  get namespaceUri(): string { return this._get("namespaceUri"); }
  getXml(): SimClientResult<string> {
    return this._callResult("getXml", [], (p) => p.xml, "1.5");
  }
  setXml(xml: string): void {
    this._call("setXml", [xml], true, (p) => {
      p.xml = xml;
      p.namespaceUri = namespaceOf(xml);
    }, "1.5");
  }
  delete(): void {
    this._call("delete", [], true, (p) => {
      const m = this.context.host.model;
      m.customXmlParts = m.customXmlParts.filter((x) => x !== p);
    }, "1.5");
  }
}

// ---------------------------------------------------------------- worksheet functions (ExcelApi 1.2)

interface FunctionValue {
  value: unknown;
  error: string | null;
}

export class SimFunctions extends SimClientObject<WorkbookModel> {
  constructor(context: SimRequestContextBase) {
    super(context, "Functions");
  }
  protected _resolve(): WorkbookModel {
    this.context.requireApi("1.2", "Workbook.functions");
    return this.context.host.model;
  }
  protected _scalars(): Record<string, ScalarDef<WorkbookModel>> {
    return {};
  }
  /** DATE(year, month, day): the serial in the workbook's own date system (1904 counts 1,462 days fewer). */
  date(year: number, month: number, day: number): SimFunctionResult {
    return this._child(PATH_KIND.method, "Date", [year, month, day], () => new SimFunctionResult(this.context, () => {
      const m = this._require();
      const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      return { value: m.date1904 ? serial1900 - 1462 : serial1900, error: null };
    }));
  }
}

export class SimFunctionResult extends SimClientObject<FunctionValue> {
  constructor(context: SimRequestContextBase, private readonly compute: () => FunctionValue) {
    super(context, "FunctionResult");
  }
  protected _resolve(): FunctionValue {
    return this.compute();
  }
  protected _scalars(): Record<string, ScalarDef<FunctionValue>> {
    return { value: { get: (r) => r.value }, error: { get: (r) => r.error } };
  }
  get value(): unknown { return this._get("value"); }
  get error(): string | null { return this._get("error"); }
}

export class SimWorkbookProtection extends SimClientObject<WorkbookModel> {
  constructor(context: SimRequestContextBase) {
    super(context, "WorkbookProtection");
  }
  protected _resolve(): WorkbookModel {
    return this.context.host.model;
  }
  protected _scalars(): Record<string, ScalarDef<WorkbookModel>> {
    return { protected: { since: "1.7", get: (m) => m.structureProtected } };
  }
  get protected(): boolean { return this._get("protected"); }
  protect(_password?: string): void {
    this._call("protect", [], true, (m) => void (m.structureProtected = true), "1.7");
  }
  unprotect(_password?: string): void {
    this._call("unprotect", [], true, (m) => void (m.structureProtected = false), "1.7");
  }
}
