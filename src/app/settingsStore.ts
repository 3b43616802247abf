import { restoreSettings, type DayDate, type Settings, type UserMapping } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Lang } from "./errors";

/** Keys under which the pane keeps its state in the workbook, so it travels with the file. */
export const SETTINGS_KEY = "chibo.settings";
export const MAPPINGS_KEY = "chibo.mappings";
export const LANG_KEY = "chibo.lang";

export function todayOf(now: Date): DayDate {
  return { kind: "day", y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

export async function loadAll(ops: WorkbookOperations, today: DayDate): Promise<{ settings: Settings; mappings: UserMapping[]; lang: Lang | null }> {
  const [saved, mappings, lang] = await Promise.all([
    ops.loadSettings<unknown>(SETTINGS_KEY),
    ops.loadSettings<UserMapping[]>(MAPPINGS_KEY),
    ops.loadSettings<Lang>(LANG_KEY),
  ]);
  return {
    settings: restoreSettings(saved, today),
    mappings: Array.isArray(mappings) ? mappings : [],
    lang: lang === "vi" || lang === "en" ? lang : null,
  };
}

