import type { ExcelHost } from "./host";
import type { OwnSheet } from "./operations";
import { freeName, type SheetMarker } from "./sheets";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";

/**
 * "Chép dữ liệu vào sổ" writes consolidated sheets whole. A consolidated sheet
 * made by an earlier import is not cleared: it is renamed, hidden and marked
 * "backup", and a new sheet takes its name and its place. The import's record
 * (which sheets it made, which it replaced) is kept in workbook settings, so
 * "Hoàn tác" deletes the new sheets and puts the old ones back exactly as they
 * were (the same sheets, so every value, format and width), even after the pane
 * was closed. One import can be undone: the next import drops the backups of
 * the one before.
 */
export interface ImportedSheet {
  /** The name the plan asked for. */
  requested: string;
  /** The name the consolidated sheet has (and the backup gets back on undo). */
  name: string;
  newId: string;
  /** The replaced sheet, now hidden; null when the import made the sheet for the first time. */
  backupId: string | null;
  /** Where the replaced sheet stood, 0-based. */
  position: number;
}

export interface ImportRecord {
  sheets: ImportedSheet[];
}

/** "Chi bộ (các xã) (bản trước)", shortened to Excel's 31 characters and free among the sheets. */
export function backupSheetName(name: string, taken: readonly string[]): string {
  return freeName(`${name} (bản trước)`, taken);
}

/** A sheet an import is replacing or making, while the plan is carried out. */
export interface Replacement {
  requested: string;
  name: string;
  /** The replaced sheet's id and its hidden name; absent when the sheet is new. */
  old?: { id: string; backupName: string; position: number };
  ws: Excel.Worksheet;
}

/** Hides our old consolidated sheet under its backup name and makes the new one in its place (queued, not synced). */
export function queueReplace(worksheets: Excel.WorksheetCollection, name: string, old: { id: string; position: number }, taken: string[]): { ws: Excel.Worksheet; backupName: string } {
  const backupName = backupSheetName(name, taken);
  taken.push(backupName);
  const previous = worksheets.getItem(name);
  previous.name = backupName;
  previous.visibility = "Hidden";
  const ws = worksheets.add(name);
  ws.position = old.position;
  ws.load("id");
  return { ws, backupName };
}

/**
 * The markers and the import record once a plan with consolidated sheets was
 * written: replaced sheets become backups, the backups of the import before are
 * forgotten (their sheets are deleted by the caller), the new sheets are ours.
 */
export function afterImport(markers: readonly SheetMarker[], replacements: readonly Replacement[], dropped: ReadonlySet<string>): { markers: SheetMarker[]; record: ImportRecord } {
  const replacedIds = new Set(replacements.flatMap((r) => (r.old ? [r.old.id] : [])));
  const next = markers
    .filter((m) => !dropped.has(m.id))
    .map((m) => (replacedIds.has(m.id) ? { ...m, purpose: "backup" as const } : m));
  const record: ImportRecord = {
    sheets: replacements.map((r) => ({ requested: r.requested, name: r.name, newId: r.ws.id, backupId: r.old?.id ?? null, position: r.old?.position ?? -1 })),
  };
  return { markers: next, record };
}

/** Puts the workbook back as it was before a plan that failed or was cancelled half-way: its new sheets go, the old ones return. */
export async function rollBack(context: Excel.RequestContext, replacements: readonly Replacement[], before: ReadonlySet<string>): Promise<void> {
  // Looked up afresh by name: a collection loaded earlier in this run may still list the sheets as they were then.
  const sheets = context.workbook.worksheets;
  const found = replacements.map((r) => {
    const now = sheets.getItemOrNullObject(r.name);
    now.load("id");
    return { r, now };
  });
  await context.sync();
  for (const { now } of found) if (!now.isNullObject && !before.has(now.id)) now.delete();
  for (const { r } of found) {
    if (!r.old) continue;
    const backup = sheets.getItemOrNullObject(r.old.backupName);
    backup.name = r.name;
    backup.visibility = "Visible";
    backup.position = r.old.position;
  }
  await context.sync();
}

/** Whether the last import can be undone: its record is there and one of its new sheets still is. */
export async function canUndoImport(host: ExcelHost): Promise<boolean> {
  return host.run(async (context) => {
    const record = queueLoadSetting<ImportRecord>(context, SETTING_KEYS.imported);
    const sheets = context.workbook.worksheets;
    sheets.load("items/id");
    await context.sync();
    const r = record.read();
    return !!r && r.sheets.some((s) => sheets.items.some((x) => x.id === s.newId));
  });
}

/**
 * "Hoàn tác lần chép": deletes the sheets the last import made and gives the
 * replaced ones back their name, visibility and place. Returns how many sheets
 * were put back or removed.
 */
export async function undoImport(host: ExcelHost): Promise<{ sheets: number }> {
  return host.run(async (context) => {
    const recordSetting = queueLoadSetting<ImportRecord>(context, SETTING_KEYS.imported);
    const markerSetting = queueLoadSetting<SheetMarker[]>(context, SETTING_KEYS.sheets);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await context.sync();
    const record = recordSetting.read();
    if (!record || record.sheets.length === 0) return { sheets: 0 };
    const byId = (id: string | null) => (id === null ? undefined : sheets.items.find((s) => s.id === id));
    let changed = 0;
    // Deletes first: a backup takes back the name its replacement holds.
    for (const s of record.sheets) {
      const made = byId(s.newId);
      if (made) {
        made.delete();
        changed++;
      }
    }
    for (const s of record.sheets) {
      const backup = byId(s.backupId);
      if (!backup) continue;
      backup.name = s.name;
      backup.visibility = "Visible";
      backup.position = s.position;
    }
    const newIds = new Set(record.sheets.map((s) => s.newId));
    const backupIds = new Set(record.sheets.flatMap((s) => (s.backupId ? [s.backupId] : [])));
    const markers = (markerSetting.read() ?? [])
      .filter((m) => !newIds.has(m.id))
      .map((m) => (backupIds.has(m.id) ? { ...m, purpose: "consolidated" as const } : m));
    queueSaveSetting(context, SETTING_KEYS.sheets, markers);
    queueSaveSetting(context, SETTING_KEYS.imported, null);
    await context.sync();
    return { sheets: Math.max(changed, backupIds.size) };
  });
}

/** The product's sheets that hold data or results (not the hidden backups), with what each was made for. */
export async function ownSheets(host: ExcelHost): Promise<OwnSheet[]> {
  return host.run(async (context) => {
    const markers = queueLoadSetting<SheetMarker[]>(context, SETTING_KEYS.sheets);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await context.sync();
    return (markers.read() ?? []).flatMap((m) => {
      const ws = sheets.items.find((s) => s.id === m.id);
      return ws && m.purpose !== "backup" ? [{ name: ws.name, requested: m.requested, purpose: m.purpose as OwnSheet["purpose"] }] : [];
    });
  });
}
