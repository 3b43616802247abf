import { DayDate } from "./dates";
import { Text } from "./text";

export type RoundingMode = "round" | "truncate";

/** An age band, both ends included; `max: null` means "and over". */
export interface AgeBand {
  key: string;
  min: number;
  max: number | null;
}

interface SettingBase<T> {
  label: Text;
  /** What the setting changes, for docs/RULES.md. */
  about: Text;
  /**
   * Whether the summary reads it. The rules that read it say so in their own
   * declarations (src/core/rules), and docs/RULES.md lists both.
   */
  summary: boolean;
  /** The value a new workbook starts with: DOMAIN.md's defaults; nothing here is law. */
  fresh(): T;
  /**
   * The saved value when it is one this setting can hold, undefined otherwise
   * (missing, an older version's shape, a hand edit): every setting restores
   * itself, so one cannot be added without being restored.
   */
  restore(saved: unknown): T | undefined;
}

/** A number typed in a box, within bounds. */
export interface NumberSetting extends SettingBase<number> {
  kind: "number";
  min: number;
  max: number;
  integer: boolean;
}

/** Several numbers that go together, each typed in its own box: the score bands' lower bounds. */
export interface NumbersSetting<K extends string = string> extends SettingBase<Record<K, number>> {
  kind: "numbers";
  parts: Readonly<Record<K, Text>>;
  min: number;
  max: number;
}

/** Age bands, typed as "18-30, 31-40, 61+". */
export interface AgeBandsSetting extends SettingBase<AgeBand[]> {
  kind: "ageBands";
  hint: Text;
}

/** One of a few choices. */
export interface ChoiceSetting<T extends string = string> extends SettingBase<T> {
  kind: "choice";
  choices: ReadonlyArray<{ value: T; label: Text }>;
}

export type AnySetting = NumberSetting | NumbersSetting | AgeBandsSetting | ChoiceSetting;

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function inBounds(v: unknown, min: number, max: number, integer: boolean): v is number {
  return isNumber(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
}

function numberSetting(d: Omit<NumberSetting, "kind" | "fresh" | "restore"> & { value: number }): NumberSetting {
  const { value, ...rest } = d;
  return { kind: "number", ...rest, fresh: () => value, restore: (v) => (inBounds(v, d.min, d.max, d.integer) ? v : undefined) };
}

function numbersSetting<K extends string>(d: Omit<NumbersSetting<K>, "kind" | "fresh" | "restore"> & { value: Record<K, number> }): NumbersSetting<K> {
  const { value, ...rest } = d;
  const keys = Object.keys(d.parts) as K[];
  return {
    kind: "numbers", ...rest,
    fresh: () => ({ ...value }),
    // Part by part: a saved object missing one part keeps the others.
    restore: (v) => {
      if (typeof v !== "object" || v === null) return undefined;
      const saved = v as Record<string, unknown>;
      const out = { ...value };
      for (const k of keys) if (inBounds(saved[k], d.min, d.max, false)) out[k] = saved[k] as number;
      return out;
    },
  };
}

function choiceSetting<T extends string>(d: Omit<ChoiceSetting<T>, "kind" | "fresh" | "restore"> & { value: T }): ChoiceSetting<T> {
  const { value, ...rest } = d;
  return { kind: "choice", ...rest, fresh: () => value, restore: (v) => d.choices.find((c) => c.value === v)?.value };
}

export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { key: "18-30", min: 18, max: 30 },
  { key: "31-40", min: 31, max: 40 },
  { key: "41-50", min: 41, max: 50 },
  { key: "51-60", min: 51, max: 60 },
  { key: "over60", min: 61, max: null },
];

/**
 * Age bands as people write them: "18-30, 31-40, 41-50, 51-60, 61+".
 * Returns null when the text is not a list of increasing, non-overlapping
 * bands, so the settings never hold bands the summary cannot use.
 */
export function parseAgeBands(text: string): AgeBand[] | null {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  const bands: AgeBand[] = [];
  for (const [i, part] of parts.entries()) {
    const open = /^(\d{1,3})\s*(\+|trở lên|tro len|and over)$/i.exec(part);
    const closed = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(part);
    let band: AgeBand;
    if (open && i === parts.length - 1) band = { key: `over${Number(open[1]) - 1}`, min: Number(open[1]), max: null };
    else if (closed && Number(closed[1]) <= Number(closed[2])) band = { key: `${Number(closed[1])}-${Number(closed[2])}`, min: Number(closed[1]), max: Number(closed[2]) };
    else return null;
    const prev = bands[bands.length - 1];
    if (prev && (prev.max === null || band.min <= prev.max)) return null;
    bands.push(band);
  }
  return bands;
}

export function formatAgeBands(bands: readonly AgeBand[]): string {
  return bands.map((b) => (b.max === null ? `${b.min}+` : `${b.min}-${b.max}`)).join(", ");
}

/** Saved bands are taken through their text form, so they meet the same checks as bands typed in the tab. */
function restoreAgeBands(v: unknown): AgeBand[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const ok = v.every((b) => typeof b === "object" && b !== null && isNumber(b.min) && (b.max === null || isNumber(b.max)));
  return ok ? parseAgeBands(formatAgeBands(v as AgeBand[])) ?? undefined : undefined;
}

/**
 * Every setting, declared once: its label, what it changes, whether the summary reads it, its
 * bounds and default. The `Settings` type, the defaults, what a workbook's
 * saved settings restore to, the Cài đặt tab's inputs and the settings list of
 * docs/RULES.md all come from this table.
 */
export const SETTINGS = {
  minAge: numberSetting({
    label: { vi: "Tuổi tối thiểu", en: "Minimum age" },
    about: { vi: "Cán bộ dưới tuổi này ở cuối kỳ là lỗi; vào Đảng trước tuổi này là lỗi.", en: "A cadre younger at the end of the period is an error; joining the Party younger is an error." },
    summary: true, value: 18, min: 0, max: 100, integer: true,
  }),
  maxAge: numberSetting({
    label: { vi: "Tuổi tối đa", en: "Maximum age" },
    about: { vi: "Cán bộ trên tuổi này ở cuối kỳ là lỗi.", en: "A cadre older at the end of the period is an error." },
    summary: true, value: 80, min: 1, max: 130, integer: true,
  }),
  qualityAttendancePct: numberSetting({
    label: { vi: "Tỷ lệ dự để đạt chất lượng (%)", en: "Attendance for the quality standard (%)" },
    about: { vi: "Buổi sinh hoạt có tỷ lệ dự không vượt quá mức này chưa đạt yêu cầu chất lượng (Hướng dẫn 12-HD/BTCTW).", en: "A meeting whose attendance is not above this is below the quality standard (Guidance 12-HD/BTCTW)." },
    summary: true, value: 85, min: 0, max: 100, integer: false,
  }),
  minMinutes: numberSetting({
    label: { vi: "Thời lượng tối thiểu (phút)", en: "Minimum duration (minutes)" },
    about: { vi: "Buổi sinh hoạt ngắn hơn là cảnh báo (Hướng dẫn 42-HD/BTCTW).", en: "A shorter meeting is a warning (Guidance 42-HD/BTCTW)." },
    summary: false, value: 90, min: 0, max: 1440, integer: true,
  }),
  minMinutesCombined: numberSetting({
    label: { vi: "Thời lượng khi kết hợp chuyên đề (phút)", en: "Duration with a thematic meeting (minutes)" },
    about: { vi: "Như trên, cho buổi thường kỳ kết hợp chuyên đề.", en: "The same, for a regular meeting combined with a thematic one." },
    summary: false, value: 120, min: 0, max: 1440, integer: true,
  }),
  scoreBands: numbersSetting({
    label: { vi: "Điểm xếp loại", en: "Rating scores" },
    about: { vi: "Điểm thấp nhất của mỗi mức xếp loại; dưới mức Trung bình là Kém.", en: "The lowest score of each rating; below Trung bình is Kém." },
    parts: {
      tot: { vi: "Điểm xếp loại Tốt từ", en: "Score for “Tốt” from" },
      kha: { vi: "Điểm xếp loại Khá từ", en: "Score for “Khá” from" },
      trungBinh: { vi: "Điểm xếp loại Trung bình từ", en: "Score for “Trung bình” from" },
    },
    summary: false, value: { tot: 90, kha: 70, trungBinh: 50 }, min: 0, max: 100,
  }),
  ageBands: {
    kind: "ageBands",
    label: { vi: "Nhóm tuổi (bảng bí thư, cấp ủy viên)", en: "Age bands (secretaries, committee members)" },
    about: { vi: "Các cột nhóm tuổi của bảng 1 và 2.", en: "The age columns of tables 1 and 2." },
    hint: { vi: "Ví dụ: 18-30, 31-40, 41-50, 51-60, 61+", en: "For example: 18-30, 31-40, 41-50, 51-60, 61+" },
    summary: true,
    fresh: () => DEFAULT_AGE_BANDS.map((b) => ({ ...b })),
    restore: restoreAgeBands,
  } satisfies AgeBandsSetting as AgeBandsSetting,
  rounding: choiceSetting<RoundingMode>({
    label: { vi: "Cách làm tròn tỷ lệ", en: "Percentage rounding" },
    about: { vi: "Tỷ lệ phần trăm 2 chữ số thập phân: làm tròn hay cắt bớt (các báo cáo đã in dùng cả hai).", en: "Percentages to 2 decimals: rounded or truncated (published reports use both)." },
    choices: [
      { value: "round", label: { vi: "Làm tròn (48,72%)", en: "Round (48.72%)" } },
      { value: "truncate", label: { vi: "Cắt bớt (27,68%)", en: "Truncate (27.68%)" } },
    ],
    summary: true, value: "round",
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

type ValueOf<D> = D extends SettingBase<infer T> ? T : never;
export type SavedSettings = { -readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> };

/** The settings a run uses: the table's values, and "today", which the host passes in (the core never reads a clock). */
export type Settings = SavedSettings & { today: DayDate };

/**
 * Settings that must agree with each other. A saved set that breaks one goes
 * back to the defaults for those settings; the tab refuses to save it.
 */
export const SETTING_CHECKS: ReadonlyArray<{ keys: readonly SettingKey[]; holds(s: SavedSettings): boolean; message: Text }> = [
  {
    keys: ["minAge", "maxAge"], holds: (s) => s.minAge < s.maxAge,
    message: { vi: "Tuổi tối thiểu phải nhỏ hơn tuổi tối đa.", en: "The minimum age must be below the maximum age." },
  },
  {
    keys: ["scoreBands"], holds: (s) => s.scoreBands.tot > s.scoreBands.kha && s.scoreBands.kha > s.scoreBands.trungBinh,
    message: { vi: "Điểm các mức phải giảm dần: Tốt > Khá > Trung bình.", en: "The scores must decrease: Tốt > Khá > Trung bình." },
  },
];

function eachSetting(value: <K extends SettingKey>(key: K) => SavedSettings[K]): SavedSettings {
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) out[key] = value(key);
  return out as SavedSettings;
}

function settingOf<K extends SettingKey>(key: K): SettingBase<SavedSettings[K]> {
  return SETTINGS[key] as unknown as SettingBase<SavedSettings[K]>;
}

export function defaultSettings(today: DayDate): Settings {
  return { ...eachSetting((key) => settingOf(key).fresh()), today };
}

/**
 * The settings a workbook saved, setting by setting: anything missing or
 * malformed (an older version, a hand edit) falls back to its default, and
 * settings that disagree (SETTING_CHECKS) go back to their defaults together.
 */
export function restoreSettings(saved: unknown, today: DayDate): Settings {
  const record = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const s = eachSetting((key) => settingOf(key).restore(record[key]) ?? settingOf(key).fresh());
  for (const check of SETTING_CHECKS) {
    if (check.holds(s)) continue;
    for (const key of check.keys) (s as Record<SettingKey, unknown>)[key] = settingOf(key).fresh();
  }
  return { ...s, today };
}

/** What is saved: everything but "today", which the host supplies at each run. */
export function toSaved(s: Settings): SavedSettings {
  const { today: _today, ...rest } = s;
  return rest;
}
