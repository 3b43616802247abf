import { Rect, qualifiedAddress } from "./address";
import { invalidArgument, itemNotFound, simError } from "./errors";
import { SheetModel, TableModel, overlaps } from "./model";
import { assertEditable } from "./protection";
import { ScalarDef, SimClientObject, SimCollection, SimRequestContextBase } from "./proxy";
import { SimRange, rangeArg } from "./range";

/** Excel tables, minimally: enough for code that adds one over a summary and reads its ranges back. */
interface TableTarget {
  sheet: SheetModel;
  table: TableModel;
}

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export class SimTableCollection extends SimCollection<TableTarget, SimTable> {
  constructor(context: SimRequestContextBase, private readonly sheets: () => SheetModel[]) {
    super(context, "TableCollection");
  }
  protected _resolve(): TableTarget[] {
    return this.sheets().flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }
  protected _itemProxy(t: TableTarget): SimTable {
    return new SimTable(this.context, () => t);
  }
  private _allTables(): TableTarget[] {
    return this.context.host.model.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  add(address: SimRange | string, hasHeaders: boolean): SimTable {
    let created: TableTarget | undefined;
    this._call("add", [typeof address === "string" ? address : "Range", hasHeaders], true, () => {
      const own = this.sheets();
      const src = rangeArg(this.context, address, own[0] ?? this.context.host.model.activeSheet());
      if (own.length === 1 && src.sheet !== own[0]) throw invalidArgument("The table's range is on another sheet.");
      assertEditable(src.sheet, src.rect, "objects", "tables.add");
      if (src.sheet.tables.some((t) => overlaps(t.rect, src.rect))) throw simError("InvalidOperation", "A table cannot overlap another table.");
      const all = this._allTables();
      let n = all.length + 1;
      while (all.some((t) => t.table.name.toUpperCase() === `TABLE${n}`)) n++;
      const rect: Rect = src.rect;
      const table: TableModel = { id: String(n), name: `Table${n}`, rect, showHeaders: hasHeaders, style: "TableStyleMedium2" };
      src.sheet.tables.push(table);
      created = { sheet: src.sheet, table };
    });
    return new SimTable(this.context, () => {
      if (!created) throw simError("InvalidOperation", "The new table is used before the add() that makes it has run.");
      return created;
    });
  }

  getItem(key: string): SimTable {
    return new SimTable(this.context, () => {
      const t = this._allTables().find((x) => x.table.name.toUpperCase() === key.toUpperCase() || x.table.id === key);
      if (!t) throw itemNotFound(`No table named "${key}".`);
      return t;
    });
  }
}

export class SimTable extends SimClientObject<TableTarget> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => TableTarget | null) {
    super(context, "Table");
  }
  protected _resolve(): TableTarget | null {
    return this.resolver();
  }
  protected _scalars(): Record<string, ScalarDef<TableTarget>> {
    return {
      id: { get: (t) => t.table.id },
      name: {
        get: (t) => t.table.name,
        set: (t, v) => {
          if (typeof v !== "string" || !TABLE_NAME.test(v) || v.length > 255) throw invalidArgument(`"${String(v)}" is not a valid table name.`);
          t.table.name = v;
        },
      },
      showHeaders: { get: (t) => t.table.showHeaders, set: (t, v) => void (t.table.showHeaders = Boolean(v)) },
      style: { get: (t) => t.table.style, set: (t, v) => void (t.table.style = String(v)) },
      address: { get: (t) => qualifiedAddress(t.sheet.name, t.table.rect) },
    };
  }
  get id(): string { return this._get("id"); }
  get name(): string { return this._get("name"); }
  set name(v: string) { this._set("name", v); }
  get showHeaders(): boolean { return this._get("showHeaders"); }
  set showHeaders(v: boolean) { this._set("showHeaders", v); }
  get style(): string { return this._get("style"); }
  set style(v: string) { this._set("style", v); }

  private _part(fn: (t: TableTarget) => Rect): SimRange {
    return new SimRange(this.context, () => {
      const t = this._require();
      return { sheet: t.sheet, rect: fn(t) };
    });
  }
  getRange(): SimRange {
    return this._part((t) => t.table.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._part((t) => ({ ...t.table.rect, rows: 1 }));
  }
  getDataBodyRange(): SimRange {
    return this._part((t) => (t.table.showHeaders ? { ...t.table.rect, r0: t.table.rect.r0 + 1, rows: Math.max(1, t.table.rect.rows - 1) } : t.table.rect));
  }
  delete(): void {
    this._call("delete", [], true, (t) => {
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
    });
  }
}
