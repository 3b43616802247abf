import { CellValue } from "./values";
import { DateOrYear, DayDate, HeldIn } from "./dates";
import { CadreField, CellField, CommuneField, MeetingField } from "./fields";
import { CellType, Education, Gender, MeetingKind, MeetingMode, Rating, Role, Theory } from "./enums";

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
   * Why the value is wrong, in Vietnamese, for the message: e.g. "không có ngày này" or the legacy
   * encoding's name. Names the fact only; the value itself is already in the message.
   */
  detail?: string;
  /** The same detail in English, for `messageEn` (falls back to `detail` when a producer gives none). */
  detailEn?: string;
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

export interface CellRecord extends RecordBase<CellField> {
  cell: string | null;
  code: string | null;
  commune: string | null;
  cellType: CellType | null;
  members: number | null;
}

export interface CadreRecord extends RecordBase<CadreField> {
  /** The full name; from "Họ đệm" + "Tên" when the sheet splits it (those two are then also kept). */
  name: string | null;
  surname?: string | null;
  givenName?: string | null;
  birth: DateOrYear | null;
  /** From the gender column, or from which of the Nam / Nữ birth-year columns was filled. */
  gender: Gender | null;
  ethnicity: string | null;
  religion: string | null;
  role: Role | null;
  cell: string | null;
  commune: string | null;
  education: Education | null;
  theory: Theory | null;
  joined: DayDate | null;
  villageHead: YesNo;
  trained: YesNo;
  eHandbook: YesNo;
  term: string | null;
  cardNo: string | null;
}

export interface MeetingRecord extends RecordBase<MeetingField> {
  cell: string | null;
  commune: string | null;
  date: DayDate | null;
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
  kind: MeetingKind | null;
  mode: MeetingMode | null;
  minutes: number | null;
  total: number | null;
  exempt: number | null;
  present: number | null;
  excused: number | null;
  unexcused: number | null;
  upperAttended: YesNo;
  topic: string | null;
  score: number | null;
  rating: Rating | null;
  minutesKept: YesNo;
  fiveSteps: YesNo;
  handbookPosted: YesNo;
}

export interface CommuneRecord extends RecordBase<CommuneField> {
  commune: string | null;
  code: string | null;
}

/** Everything the understand step found in a workbook, ready for check and sum up. */
export interface Dataset {
  cells: CellRecord[];
  cadres: CadreRecord[];
  meetings: MeetingRecord[];
  communes: CommuneRecord[];
}
