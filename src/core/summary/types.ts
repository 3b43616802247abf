import { Period, RoundingMode, Text } from "../model";
import type { CadreColumnKey, MeetingColumnKey } from "./columns";

/** A count and its share of the row's denominator. `pct` is null when the denominator is 0 (nothing to divide by). */
export interface CountPct {
  count: number;
  pct: number | null;
}

/**
 * A figure that could not be computed: its field is not recorded (no table of
 * the workbook has the column, or only some of the sheets counted have it), or
 * the period has not got far enough for it. Never 0: a clerk would send a 0 up
 * as a fact. In JSON both numbers are null and `notRecorded` says why.
 */
export interface NotRecorded {
  count: null;
  pct: null;
  notRecorded: Text;
  /** A comparison still shows the other side, with no change. */
  previousTerm?: Comparand;
  previousYear?: Comparand;
  change?: null;
}

/** The same figure for the previous term or the same period last year. */
export type Comparand = { count: number | null; pct: number | null; notRecorded?: undefined } | { count: null; pct: null; notRecorded: Text };

/**
 * One figure of a summary row, as its column declares it (columns.ts):
 * - a share: `count` and `pct` (of the column's denominator);
 * - a plain count: `count`, with `pct` null;
 * - a ratio (average attendance): `pct`, with `count` null.
 * With a comparison, `previousTerm` (tables 1, 2) or `previousYear` (table 3)
 * and `change`: percentage points between the two percentages as printed for
 * a share or a ratio, the difference of the counts for a plain count; null
 * when either side is missing.
 */
export interface Counted {
  count: number | null;
  pct: number | null;
  notRecorded?: undefined;
  previousTerm?: Comparand;
  previousYear?: Comparand;
  change?: number | null;
}

export type Figure = Counted | NotRecorded;

export function isRecordedFigure(f: Figure | Comparand): f is Counted {
  return f.notRecorded === undefined;
}

/** The age band columns' keys: "age.18-30", as the settings name the bands. */
export type AgeKey = `age.${string}`;
export type CadreKey = CadreColumnKey | AgeKey;
export type MeetingKey = MeetingColumnKey;

/** One commune's row (or "Toàn tỉnh"), one figure per declared column. */
export interface SummaryRow<K extends string> {
  commune: string;
  figures: Record<K, Figure>;
}

/** Tables 1 and 2 (DOMAIN.md): one commune's secretaries or committee members. */
export type CadreRow = SummaryRow<CadreKey>;
/** Table 3: one commune's cells and meetings. */
export type MeetingRow = SummaryRow<MeetingKey>;

/** A commune listed in COMMUNES (or seen elsewhere) that sent no rows for this table: "chưa có số liệu". */
export interface NoDataRow {
  commune: string;
  noData: true;
}

export type CadreTableRow = CadreRow | NoDataRow;
export type MeetingTableRow = MeetingRow | NoDataRow;

/** Which term's rows make tables 1 and 2, and what they are compared with. */
export interface TermInfo {
  /** The latest term in the data ("2025-2030"; several spellings when they begin the same year); null when no row names one. */
  current: string | null;
  /** Present when the summary was asked to compare with the previous term. */
  previous?: {
    /** "2020-2025", the roster's sheet or file name, or null when there is nothing to compare with. */
    label: string | null;
    source: "terms" | "sheet" | "file";
    /** The day the previous term's ages are measured on (dd/mm/yyyy): as many years before the period's end as the terms are apart. */
    agesAt: string;
    /** Why there is no comparison, when `label` is null. */
    missing?: Text;
  };
}

export interface CadreTable {
  rows: CadreTableRow[];
  /** "Toàn tỉnh". */
  total: CadreRow;
  term: TermInfo;
}

export interface MeetingTable {
  rows: MeetingTableRow[];
  total: MeetingRow;
}

/** Month by month for the whole province: the line chart's data. */
export interface MonthFigures {
  month: number;
  meetings: number;
  avgAttendancePct: number | null;
}

/** Full education and theory structure of the secretaries (province), for the stacked bar chart. */
export interface SecretaryStructure {
  education: { chuaDaoTao: number; soCap: number; trungCap: number; caoDang: number; daiHocTroLen: number; unknown: number };
  theory: { chuaDaoTao: number; soCap: number; trungCap: number; caoCapCuNhan: number; unknown: number };
}

/** A column the summary needs and did not find, and why it matters. */
export interface MissingColumn {
  table: "cadres" | "meetings";
  /** The field of DOMAIN.md ("trained"). */
  field: string;
  /** The header offices give it ("Đã bồi dưỡng nghiệp vụ"). */
  label: Text;
  /** The figures left as "–" without it: why it matters. */
  why: Text;
  /** The communes (with data) whose sheets lack it; empty when no sheet of the workbook has it. */
  communes: string[];
}

export type LeftOutReason =
  | "cadre/no-commune"
  | "cadre/no-role"
  | "cadre/no-term"
  | "cadre/other-term"
  | "meeting/no-commune"
  | "meeting/no-cell"
  | "meeting/unknown-cell"
  | "meeting/no-date"
  | "meeting/future"
  | "meeting/duplicate"
  | "meeting/no-kind"
  | "meeting/no-attendance"
  | "meeting/quality-unknown"
  | "cadre/no-birth"
  | "cadre/age-out-of-range"
  | "cadre/no-gender"
  | "cadre/no-ethnicity";

/**
 * Rows the summary could not count (scope "row"), or counted without one of
 * their figures (scope "field", e.g. no readable birth date: not in the age columns).
 */
export interface LeftOut {
  reason: LeftOutReason;
  scope: "row" | "field";
  count: number;
  message: Text;
  /** Where those rows are, at most 20 of them, so a person can look. */
  examples: Array<{ sheet: string; row: number }>;
}

export interface Summary {
  /** "2026-Q3" or "2026". */
  period: string;
  rounding: RoundingMode;
  tables: {
    secretaries: CadreTable;
    committee: CadreTable;
    meetings: MeetingTable;
  };
  /** The previous year's period when compared ("2025-Q3"). */
  comparedWith?: string;
  /**
   * A period not over on the day of the summary (settings.today): meetings after
   * that day are left out ("meeting/future"), and the monthly and quarterly
   * cadence counts only the months and quarters already over, as the check does.
   */
  openPeriod?: { today: string; monthsOver: number[]; quartersOver: number[] };
  monthly: MonthFigures[];
  secretaryStructure: SecretaryStructure;
  /** The age band keys in order, as configured. */
  ageBands: Array<{ key: string; min: number; max: number | null }>;
  /** Columns no sheet (or not every sheet) has: their figures are "–", not 0. */
  notRecorded: MissingColumn[];
  leftOut: LeftOut[];
}

/** The parsed period, for hosts that need it with the summary. */
export type { Period };

export const TOTAL_LABEL_VI = "Toàn tỉnh";
export const NO_DATA_VI = "chưa có số liệu";
/** What a sheet or a form shows for a figure that is not recorded. */
export const NOT_RECORDED_MARK = "–";

export function isNoData<R extends object>(row: R | NoDataRow): row is NoDataRow {
  return (row as NoDataRow).noData === true;
}
