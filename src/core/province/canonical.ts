import {
  CADRE_FIELDS, CELL_FIELDS, MEETING_FIELDS, type CellValue, type Dataset, type FieldDef, type RecordBase,
} from "../model";
import { dayToSerial } from "../cells/serial";
import type { Places } from "../facts";

/** The tables a province consolidates: the communes' lists of cells, cadres and meetings. */
export type ConsolidatedKind = "cells" | "cadres" | "meetings";
export const CONSOLIDATED_KINDS: readonly ConsolidatedKind[] = ["cells", "cadres", "meetings"];

/** The consolidated sheets' names: under 31 characters, and unlike any commune's own tab names. */
export const CONSOLIDATED_SHEETS: Record<ConsolidatedKind, string> = {
  cells: "Chi bộ (các xã)",
  cadres: "Cán bộ (các xã)",
  meetings: "Sinh hoạt (các xã)",
};

/**
 * Fields a consolidated sheet leaves out: the Nam / Nữ birth-year pair is one
 * layout of "Ngày sinh" + "Giới tính", and is written as those two columns.
 */
const LEFT_OUT = new Set(["birthYearMale", "birthYearFemale"]);

const FIELDS_OF: Record<ConsolidatedKind, readonly FieldDef[]> = {
  cells: CELL_FIELDS.filter((f) => !LEFT_OUT.has(f.key)),
  cadres: CADRE_FIELDS.filter((f) => !LEFT_OUT.has(f.key)),
  meetings: MEETING_FIELDS.filter((f) => !LEFT_OUT.has(f.key)),
};

/** The columns every row carries after its fields: where it came from, so any value can be traced to its file. */
export const SOURCE_HEADERS = { vi: ["Tệp nguồn", "Trang nguồn", "Dòng nguồn"], en: ["Source file", "Source sheet", "Source row"] } as const;

export function consolidatedFields(kind: ConsolidatedKind): readonly FieldDef[] {
  return FIELDS_OF[kind];
}

/** The header row: the fields' canonical labels (detection finds them exactly), then the source columns. */
export function consolidatedHeader(kind: ConsolidatedKind): string[] {
  return [...FIELDS_OF[kind].map((f) => f.label.vi), ...SOURCE_HEADERS.vi];
}

/** 0-based position of the commune column in a consolidated row. */
export function communeColumn(kind: ConsolidatedKind): number {
  return FIELDS_OF[kind].findIndex((f) => f.key === "commune");
}

/** 0-based position of the source-file column in a consolidated row. */
export function sourceFileColumn(kind: ConsolidatedKind): number {
  return FIELDS_OF[kind].length;
}

type AnyRecord = RecordBase<string> & Record<string, unknown>;

/**
 * A field's value for the consolidated row: the cell as it was read (text as
 * typed, dates as serials, nothing normalised), or, where the layout gave the
 * field rather than a column (a commune in the title, a tracker's date), the
 * value the record was given. The Nam / Nữ birth-year columns become "Ngày sinh"
 * (the year as typed) and "Giới tính".
 */
function valueOf(rec: AnyRecord, field: FieldDef, commune: string | null): CellValue {
  const raw = rec.raw as Record<string, CellValue | undefined>;
  const has = (k: string) => raw[k] !== undefined && raw[k] !== "";
  if (field.key === "commune") return has("commune") ? raw.commune! : commune ?? "";
  if (has(field.key)) return raw[field.key]!;
  if (field.key === "birth") {
    if (has("birthYearMale")) return raw.birthYearMale!;
    if (has("birthYearFemale")) return raw.birthYearFemale!;
  }
  if (rec.cols[field.key] !== undefined) return raw[field.key] ?? "";
  // Derived by the layout (or by the Nam / Nữ pair for gender): the record's own value.
  const v = rec[field.key];
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "object" && (v as { kind?: string }).kind === "day") return dayToSerial(v as never) ?? "";
  return "";
}

/** A tracker's mark with no day: the month or quarter, written out, so the row says what the file said. */
function heldInText(rec: AnyRecord): CellValue {
  const h = rec.heldIn as { kind: "month"; y: number; m: number } | { kind: "quarter"; y: number; q: number } | undefined;
  if (!h) return "";
  return h.kind === "month" ? `Tháng ${String(h.m).padStart(2, "0")}/${h.y}` : `Quý ${h.q}/${h.y}`;
}

export interface ConsolidatedRows {
  cells: CellValue[][];
  cadres: CellValue[][];
  meetings: CellValue[][];
}

/**
 * One file's rows in the consolidated layout: a row per record, its fields in
 * the canonical order, then the file, sheet and row it came from. `places`
 * resolves a row's commune when the row itself gives none (the CELLS list, a
 * title), so that in a sheet holding every commune each row still says whose it is.
 */
export function consolidatedRows(dataset: Dataset, places: Places, file: string): ConsolidatedRows {
  const rowsOf = (kind: ConsolidatedKind, records: readonly AnyRecord[]) =>
    records.map((rec) => {
      const commune = places.communeOf(rec as unknown as { commune: string | null; cell: string | null });
      const row = FIELDS_OF[kind].map((f) => {
        const v = valueOf(rec, f, commune);
        return kind === "meetings" && f.key === "date" && v === "" ? heldInText(rec) : v;
      });
      row.push(file, rec.sheet, rec.row);
      return row;
    });
  return {
    cells: rowsOf("cells", dataset.cells as unknown as AnyRecord[]),
    cadres: rowsOf("cadres", dataset.cadres as unknown as AnyRecord[]),
    meetings: rowsOf("meetings", dataset.meetings as unknown as AnyRecord[]),
  };
}
