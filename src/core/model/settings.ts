import { DayDate } from "./dates";

export type RoundingMode = "round" | "truncate";

/** An age band, both ends included; `max: null` means "and over". */
export interface AgeBand {
  key: string;
  min: number;
  max: number | null;
}

/** The defaults of DOMAIN.md. Users change them in "Cài đặt"; nothing here is law. */
export interface Settings {
  minAge: number;
  maxAge: number;
  /** Attendance must be above this percentage for the quality standard. */
  qualityAttendancePct: number;
  minMinutes: number;
  minMinutesCombined: number;
  /** Lower bounds of the score bands: Tốt >= tot, Khá >= kha, Trung bình >= trungBinh, else Kém. */
  scoreBands: { tot: number; kha: number; trungBinh: number };
  ageBands: AgeBand[];
  rounding: RoundingMode;
  /** "Today", for `meeting/future`. The core never reads a clock: the host passes it in. */
  today: DayDate;
}

export const DEFAULT_AGE_BANDS: AgeBand[] = [
  { key: "18-30", min: 18, max: 30 },
  { key: "31-40", min: 31, max: 40 },
  { key: "41-50", min: 41, max: 50 },
  { key: "51-60", min: 51, max: 60 },
  { key: "over60", min: 61, max: null },
];

export function defaultSettings(today: DayDate): Settings {
  return {
    minAge: 18,
    maxAge: 80,
    qualityAttendancePct: 85,
    minMinutes: 90,
    minMinutesCombined: 120,
    scoreBands: { tot: 90, kha: 70, trungBinh: 50 },
    ageBands: DEFAULT_AGE_BANDS.map((b) => ({ ...b })),
    rounding: "round",
    today,
  };
}
