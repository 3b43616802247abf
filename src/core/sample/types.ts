import { CellType, DayDate, Education, Gender, MeetingKind, MeetingMode, Rating, Role, Theory, RuleId } from "../model";

/** The sample's own people and meetings, before they are laid out as sheets. */
export interface SampleCadre {
  name: string;
  gender: Gender;
  /** A full date, or only the year (some offices keep only "Năm sinh"). */
  birth: DayDate | { kind: "year"; y: number };
  ethnicity: string;
  religion: string;
  role: Role;
  cell: string;
  commune: string;
  education: Education;
  theory: Theory;
  joined: DayDate;
  villageHead: boolean;
  /** A date means trained on that day. */
  trained: boolean | DayDate;
  eHandbook: boolean;
  term: string;
  cardNo: string;
  /** Dates typed as "dd/mm/yyyy" text rather than entered as dates. */
  textDates: boolean;
}

export interface SampleMeeting {
  cell: string;
  commune: string;
  date: DayDate;
  kind: MeetingKind;
  mode: MeetingMode;
  minutes: number;
  total: number;
  exempt: number;
  present: number;
  excused: number;
  unexcused: number;
  /** "" when nobody from the upper level came, else "Đ/c <name>". */
  upperAttended: string;
  topic: string;
  score: number;
  rating: Rating;
  minutesKept: boolean;
  fiveSteps: boolean;
  handbookPosted: boolean;
  textDate: boolean;
  /**
   * An extra thematic meeting beyond the one per quarter: changing it breaks no
   * monthly or quarterly cadence, so defects that move or rename a meeting are
   * planted here.
   */
  spare: boolean;
}

export interface SampleCell {
  name: string;
  code: string;
  commune: string;
  type: CellType;
  members: number;
  cadres: SampleCadre[];
  meetings: SampleMeeting[];
}

export interface SampleCommune {
  name: string;
  code: string;
  cells: SampleCell[];
  /** Grassroots committee members (roles at the đảng ủy level). */
  committee: SampleCadre[];
}

export interface SampleModel {
  province: string;
  year: number;
  communes: SampleCommune[];
}

/** A known error planted in the defect sample: the check must report `rule` at this cell. */
export interface PlantedDefect {
  rule: RuleId;
  sheet: string;
  row: number;
  /** Column letters, as in Finding.column. */
  column: string;
  /** A1 address without the sheet. */
  address: string;
  note: string;
}

export type SampleSize = "commune" | "province";

export interface SampleOptions {
  size: SampleSize;
  seed: number;
  defects: boolean;
  /** The reporting year; default 2025, a finished year. */
  year?: number;
}
