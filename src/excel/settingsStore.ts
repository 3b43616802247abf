/**
 * Workbook settings (ExcelApi 1.4) travel inside the file, so what we keep there
 * comes back when the workbook is opened again, on any computer. Values are
 * stored as JSON text: hosts differ in how they round-trip objects, never strings.
 */
export const SETTING_KEYS = {
  highlights: "chibo.highlights",
  sheets: "chibo.sheets",
  fixes: "chibo.fixes",
  imported: "chibo.imported",
  userPrefix: "chibo.settings.",
} as const;

export interface PendingSetting<T> {
  /** Call only after the context was synced. */
  read(): T | null;
}

export function queueLoadSetting<T>(context: Excel.RequestContext, key: string): PendingSetting<T> {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  return {
    // The rules cannot see that read() runs only after the caller's sync (PendingSetting says so).
    read() {
      // eslint-disable-next-line office-addins/call-sync-before-read
      if (item.isNullObject) return null;
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      const raw: unknown = item.value;
      if (raw === null || raw === undefined || raw === "") return null;
      if (typeof raw !== "string") return raw as T;
      try {
        return JSON.parse(raw) as T;
      } catch {
        return null;
      }
    },
  };
}

export function queueSaveSetting<T>(context: Excel.RequestContext, key: string, value: T | null): void {
  // An empty string rather than a delete: deleting a key that may not exist needs
  // one more round trip to find out, and "" reads back as null all the same.
  context.workbook.settings.add(key, value === null ? "" : JSON.stringify(value));
}
