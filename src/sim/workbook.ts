import { invalidArgument, itemNotFound, simError } from "./errors";
import { CustomXmlPartModel, WorkbookModel } from "./model";
import { HostState, ScalarDef, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase } from "./proxy";
import { SimRange } from "./range";
import { SimTableCollection } from "./table";
import { SimWorksheetCollection } from "./worksheet";

/** The object `Excel.run` hands to its batch. */
export class SimRequestContext extends SimRequestContextBase {
  readonly workbook: SimWorkbook;
  readonly application: SimApplication;

  constructor(host: HostState) {
    super(host);
    this.workbook = new SimWorkbook(this);
    this.application = this.workbook.application;
  }
}

export class SimWorkbook extends SimClientObject<WorkbookModel> {
  readonly worksheets: SimWorksheetCollection;
  readonly settings: SimSettingCollection;
  readonly application: SimApplication;
  readonly tables: SimTableCollection;
  readonly customXmlParts: SimCustomXmlPartCollection;

  constructor(context: SimRequestContextBase) {
    super(context, "Workbook");
    this.worksheets = new SimWorksheetCollection(context);
    this.settings = new SimSettingCollection(context);
    this.application = new SimApplication(context);
    this.tables = new SimTableCollection(context, () => context.host.model.sheets);
    this.customXmlParts = new SimCustomXmlPartCollection(context, null);
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
    return new SimRange(this.context, () => {
      const m = this.context.host.model;
      const sel = m.selection ? { sheet: m.sheetById(m.selection.sheetId), rect: m.selection.rect } : null;
      if (sel?.sheet) return { sheet: sel.sheet, rect: sel.rect };
      return { sheet: m.activeSheet(), rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
  }

  getActiveCell(): SimRange {
    return new SimRange(this.context, () => {
      this.context.requireApi("1.7", "Workbook.getActiveCell");
      const m = this.context.host.model;
      const sheet = (m.selection && m.sheetById(m.selection.sheetId)) || m.activeSheet();
      const rect = m.selection?.sheetId === sheet.id ? m.selection.rect : { r0: 0, c0: 0, rows: 1, cols: 1 };
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, rows: 1, cols: 1 } };
    });
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
    this._call("suspendScreenUpdatingUntilNextSync", [], false, () => undefined, "1.9");
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

/** All of an add-in's settings in one document, in characters of their JSON. */
export const MAX_SETTINGS_CHARS = 2 * 1024 * 1024;

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
    return new SimSetting(this.context, () => t);
  }
  /** Adds the setting, or replaces the value of an existing one. */
  add(key: string, value: unknown): SimSetting {
    this._call("add", [key, value], true, (list) => {
      void list;
      const settings = this.context.host.model.settings;
      const json = toJson(value);
      checkKey(key);
      // Office.Settings: 2 MB at most for an add-in's settings in a document (office-js#621,
      // where Excel runs out of memory on more). Measured as the stored JSON, keys included.
      let total = key.length + json.length;
      for (const [k, v] of settings) if (k !== key) total += k.length + v.length;
      if (total > MAX_SETTINGS_CHARS) throw simError("GeneralException", `Settings would hold ${total} characters; an add-in's settings are limited to 2 MB.`, "SettingCollection.add");
      settings.set(key, json);
    }, "1.4");
    return this.getItem(key);
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this.context, () => {
      this.context.requireApi("1.4", "SettingCollection.getItem");
      const model = this.context.host.model;
      if (!model.settings.has(key)) throw itemNotFound(`No setting "${key}".`);
      return { model, key };
    });
  }
  getItemOrNullObject(key: string): SimSetting {
    const s = new SimSetting(this.context, () => {
      this.context.requireApi("1.4", "SettingCollection.getItemOrNullObject");
      const model = this.context.host.model;
      return model.settings.has(key) ? { model, key } : null;
    });
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
