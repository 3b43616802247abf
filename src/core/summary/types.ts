import { Period, RoundingMode } from "../model";

/** A count and its share of the row's denominator. `pct` is null when the denominator is 0 (nothing to divide by). */
export interface CountPct {
  count: number;
  pct: number | null;
}

/** Tables 1 and 2 (DOMAIN.md): one commune's secretaries or committee members. */
export interface CadreRow {
  commune: string;
  total: number;
  women: CountPct;
  minority: CountPct;
  under40: CountPct;
  /** Keyed by the age bands of the settings ("18-30", ..., "over60"). */
  age: Record<string, CountPct>;
  education: { trungCap: CountPct; caoDang: CountPct; daiHocTroLen: CountPct };
  theory: { soCap: CountPct; trungCap: CountPct; caoCapCuNhan: CountPct };
  villageHead: CountPct;
  trained: CountPct;
  eHandbook: CountPct;
}

/** A commune listed in COMMUNES that sent no rows: shown as "chưa có số liệu". */
export interface NoDataRow {
  commune: string;
  noData: true;
}

/** Table 3's figures for one commune and one period. */
export interface MeetingMetrics {
  cells: number;
  allMonthly: CountPct;
  thematicEveryQuarter: CountPct;
  meetings: number;
  /** Σ present / Σ (total − exempt), in the rounding mode; null when no meeting has readable attendance. */
  avgAttendancePct: number | null;
  quality: CountPct;
  upperAttended: CountPct;
  fiveSteps: CountPct;
  handbookPosted: CountPct;
  online: CountPct;
  rating: { tot: CountPct; kha: CountPct; trungBinh: CountPct; kem: CountPct };
}

/** "Tăng/giảm": counts as differences, shares as differences in percentage points. */
export interface MeetingChange {
  cells: number;
  allMonthly: DeltaCountPct;
  thematicEveryQuarter: DeltaCountPct;
  meetings: number;
  avgAttendancePct: number | null;
  quality: DeltaCountPct;
  upperAttended: DeltaCountPct;
  fiveSteps: DeltaCountPct;
  handbookPosted: DeltaCountPct;
  online: DeltaCountPct;
  rating: { tot: DeltaCountPct; kha: DeltaCountPct; trungBinh: DeltaCountPct; kem: DeltaCountPct };
}

export interface DeltaCountPct {
  count: number;
  /** Percentage points, two decimals; null when either side has no share. */
  pct: number | null;
}

export interface MeetingRow extends MeetingMetrics {
  commune: string;
  /** Present when the summary was asked to compare with the same period of the previous year. */
  previousYear?: MeetingMetrics;
  change?: MeetingChange;
}

export type CadreTableRow = CadreRow | NoDataRow;
export type MeetingTableRow = MeetingRow | NoDataRow;

export interface CadreTable {
  rows: CadreTableRow[];
  /** "Toàn tỉnh". */
  total: CadreRow;
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

export type LeftOutReason =
  | "cadre/no-commune"
  | "cadre/no-role"
  | "meeting/no-commune"
  | "meeting/no-cell"
  | "meeting/unknown-cell"
  | "meeting/no-date"
  | "meeting/duplicate"
  | "meeting/future"
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
  messageVi: string;
  messageEn: string;
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
  monthly: MonthFigures[];
  secretaryStructure: SecretaryStructure;
  /** The age band keys in order, as configured. */
  ageBands: Array<{ key: string; min: number; max: number | null }>;
  leftOut: LeftOut[];
}

/** The parsed period, for hosts that need it with the summary. */
export type { Period };

export const TOTAL_LABEL_VI = "Toàn tỉnh";
export const NO_DATA_VI = "chưa có số liệu";

export function isNoData<R extends object>(row: R | NoDataRow): row is NoDataRow {
  return (row as NoDataRow).noData === true;
}
