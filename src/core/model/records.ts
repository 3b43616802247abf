import { CellValue } from "./values";
import type { Text } from "./text";
import { DateOrYear, DayDate, HeldIn } from "./dates";
import { CADRE_FIELDS, CELL_FIELDS, COMMUNE_FIELDS, CadreField, CellField, CommuneField, FieldDef, FieldType, MEETING_FIELDS, MeetingField } from "./fields";
import { EnumDef } from "./enums";
import type { SheetNote } from "./tables";

/**
 * Why a cell's value could not be taken as it is. These are what the cell
 * rules (`required`, `type/*`, `enum`, `text/*`) report; the parse step never
 * guesses past them.
 */
export type ProblemCode =
  | "required"
  | "type/date"
  | "type/integer"
  | "type/number"
  | "enum"
  | "text/spaces"
  | "text/legacy-encoding"
  | "text/unicode-form";

export interface ParseProblem<F extends string = string> {
  code: ProblemCode;
  field: F;
  /** 1-based absolute column of the cell. */
  col: number;
  value: CellValue;
  /** The value a safe, certain fix would write, when there is one. */
  fix?: CellValue;
  /**
   * Why the value is wrong, for the message: e.g. "không có ngày này" / "there is no such day", or the
   * legacy encoding's name. Names the fact only; the value itself is already in the message.
   */
  detail?: Text;
}

/** Where a record came from: every value can be traced to sheet/row/column. */
export interface RecordBase<F extends string> {
  sheet: string;
  /** 1-based absolute row. */
  row: number;
  /** field -> 1-based absolute column, for the fields the table has. */
  cols: Partial<Record<F, number>>;
  /** field -> the cell value as read. */
  raw: Partial<Record<F, CellValue>>;
  problems: ParseProblem<F>[];
  /**
   * Fields whose value the layout gives rather than a column of the row: the
   * commune from a title, a section line or the tab name; a wide tracker's date
   * and kind. One frozen object shared by every record of a table, like `cols`.
   * A field is recorded for a record when it has a column or is derived here
   * (see core/facts/recorded); anything else is "not recorded", never 0.
   */
  derived?: Partial<Record<F, DerivedFrom>>;
}

/** Where a derived field's value came from, for messages and for `inspect`. */
export type DerivedFrom = "title" | "section" | "sheet" | "tracker";

/** yes/no fields: null when the column is missing or the cell could not be read. */
export type YesNo = boolean | null;

/** What a field of each type holds on its record once read. */
export interface RecordValueOfType {
  text: string;
  integer: number;
  number: number;
  date: DayDate;
  birth: DateOrYear;
  yesno: boolean;
  yesnoOrDate: boolean;
  yesnoOrName: boolean;
  /** Narrowed to the field's own value list (EnumDef) below. */
  enum: string;
  term: string;
  digits: string;
}

/**
 * Field types read into other fields, not kept under their own key: the
 * "Nam" | "Nữ" birth-year pair gives the birth and the gender.
 */
export type MarkFieldType = Exclude<FieldType, keyof RecordValueOfType>;

type ValueOfField<D> = D extends { enumDef: EnumDef<infer V> }
  ? V
  : D extends { type: infer T extends keyof RecordValueOfType } ? RecordValueOfType[T] : never;

/**
 * A record's values, derived from its table's field definitions (fields.ts):
 * one property per field, of the field type's value (an enum's own values),
 * null when the column is missing or its cell blank or unreadable. A field
 * added to FIELDS is on its record with no line written here.
 */
export type FieldValues<Defs extends readonly FieldDef[]> = {
  [D in Defs[number] as D["type"] extends MarkFieldType ? never : D["key"]]: ValueOfField<D> | null;
};

export interface CellRecord extends RecordBase<CellField>, FieldValues<typeof CELL_FIELDS> {}

/**
 * `name` is the full name; where the sheet splits it into "Họ đệm" + "Tên",
 * it is the two joined (and those two are kept too). `gender` comes from the
 * gender column, or from which of the Nam / Nữ birth-year columns is filled.
 */
export interface CadreRecord extends RecordBase<CadreField>, FieldValues<typeof CADRE_FIELDS> {}

export interface MeetingRecord extends RecordBase<MeetingField>, FieldValues<typeof MEETING_FIELDS> {
  /**
   * The month or quarter a tracker's mark says the meeting was held in, when
   * no day is written (then `date` is null). Absent on rows of a list.
   */
  heldIn?: HeldIn;
  /**
   * On a tracker's meetings: which kinds of meeting its columns can record
   * (one frozen object per tracker). A tracker of months alone records the
   * monthly meeting, not the thematic one: the thematic cadence of its cells
   * is then not recorded, not missed (facts/recorded recordsKind).
   */
  trackerKinds?: Readonly<{ regular: boolean; thematic: boolean }>;
}

export interface CommuneRecord extends RecordBase<CommuneField>, FieldValues<typeof COMMUNE_FIELDS> {}

/** The record of each table kind. */
export interface RecordOfKind {
  cells: CellRecord;
  cadres: CadreRecord;
  meetings: MeetingRecord;
  communes: CommuneRecord;
}

/** Everything the understand step found in a workbook, ready for check and sum up. */
export interface Dataset {
  cells: CellRecord[];
  cadres: CadreRecord[];
  meetings: MeetingRecord[];
  communes: CommuneRecord[];
  /**
   * The sheets that hold data but gave no table, and those the reader could
   * not read, each with the reason: the check names them (sheet/not-understood,
   * sheet/unreadable) without reading the workbook again.
   */
  sheetNotes?: SheetNote[];
}
