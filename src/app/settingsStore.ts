import { defaultSettings, type DayDate, type Settings, type UserMapping } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Lang } from "./errors";

/** Keys under which the pane keeps its state in the workbook, so it travels with the file. */
export const SETTINGS_KEY = "chibo.settings";
export const MAPPINGS_KEY = "chibo.mappings";
export const LANG_KEY = "chibo.lang";

/** What is saved: everything but "today", which the host supplies at each run. */
export type SavedSettings = Omit<Settings, "today">;

function finite(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** Saved values win field by field; anything missing or malformed (an older version, a hand edit) falls back to the default. */
export function mergeSettings(saved: Partial<SavedSettings> | null, today: DayDate): Settings {
  const d = defaultSettings(today);
  if (!saved) return d;
  const bands = saved.scoreBands;
  return {
    ...d,
    minAge: finite(saved.minAge, d.minAge),
    maxAge: finite(saved.maxAge, d.maxAge),
    qualityAttendancePct: finite(saved.qualityAttendancePct, d.qualityAttendancePct),
    minMinutes: finite(saved.minMinutes, d.minMinutes),
    minMinutesCombined: finite(saved.minMinutesCombined, d.minMinutesCombined),
    scoreBands: {
      tot: finite(bands?.tot, d.scoreBands.tot),
      kha: finite(bands?.kha, d.scoreBands.kha),
      trungBinh: finite(bands?.trungBinh, d.scoreBands.trungBinh),
    },
    ageBands: Array.isArray(saved.ageBands) && saved.ageBands.length ? saved.ageBands : d.ageBands,
    rounding: saved.rounding === "truncate" ? "truncate" : "round",
  };
}

export function todayOf(now: Date): DayDate {
  return { kind: "day", y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

export async function loadAll(ops: WorkbookOperations, today: DayDate): Promise<{ settings: Settings; mappings: UserMapping[]; lang: Lang | null }> {
  const [saved, mappings, lang] = await Promise.all([
    ops.loadSettings<Partial<SavedSettings>>(SETTINGS_KEY),
    ops.loadSettings<UserMapping[]>(MAPPINGS_KEY),
    ops.loadSettings<Lang>(LANG_KEY),
  ]);
  return {
    settings: mergeSettings(saved, today),
    mappings: Array.isArray(mappings) ? mappings : [],
    lang: lang === "vi" || lang === "en" ? lang : null,
  };
}

export function toSaved(s: Settings): SavedSettings {
  const { today: _today, ...rest } = s;
  return rest;
}
