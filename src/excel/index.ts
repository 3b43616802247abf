/**
 * The Office.js adapter: the "read" and "apply" steps of the flow, inside Excel.
 *
 * Requirement sets. The manifest can declare ExcelApi 1.7, the lowest set every
 * unguarded call belongs to (getItemOrNullObject/getUsedRangeOrNullObject and
 * workbook settings 1.4, protection 1.2, tabColor, freezePanes and chart.chartType 1.7).
 * Newer calls are guarded by isSetSupported, with a fallback:
 *   1.6  suspendApiCalculationUntilNextSync            (else: no suspension)
 *   1.8  dataValidation list rules ("Tạo mẫu")         (else: a note to the user)
 *   1.9  getRanges (lists of areas: fills and values read a few bytes a cell), RangeFill.tintAndShade
 *        (white told from no fill), suspendScreenUpdatingUntilNextSync (once per operation)
 *        (else: a range per cell or run; white is taken as "no fill")
 *   1.15 RangeFill.pattern / patternColor (patterned fills kept; else their colour only)
 *   1.13 getMergedAreasOrNullObject when reading       (else: no merges in SheetData)
 */
import type { ExcelHost } from "./host";
import { apiSupport } from "./host";
import type { WorkbookOperations } from "./operations";
import { hostError, toHostError } from "./errors";
import { readSheets } from "./read";
import { applyWritePlan } from "./apply";
import { clearHighlights, highlightFindings } from "./highlight";
import { applyCellFixes, hasUndoableFixes, undoLastFixes } from "./fixes";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { queueStateIndex, stateSheetId } from "./stateStore";
import { runSelfTest } from "./selfTest";
import { canUndoImport, ownSheets, undoImport } from "./replace";

export type { ExcelHost } from "./host";
export * from "./operations";
export { HostError, hostError, toHostError } from "./errors";
export { HIGHLIGHT_FILL } from "./highlight";

/**
 * Every operation lets out only HostError, whatever Excel threw. AccessDenied
 * names a protected sheet or a protected workbook structure; for operations
 * that add sheets we ask Excel which (WorkbookProtection, ExcelApi 1.7).
 */
async function guarded<T>(host: ExcelHost, work: () => Promise<T>, addsSheets = false): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const err = toHostError(e);
    if (addsSheets && err.code === "protected" && (await structureProtected(host))) throw hostError("structureProtected", err.detail);
    throw err;
  }
}

async function structureProtected(host: ExcelHost): Promise<boolean> {
  try {
    return await host.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      return protection.protected;
    });
  } catch {
    return false;
  }
}

export function createExcelOperations(host: ExcelHost): WorkbookOperations {
  const support = apiSupport(host);
  return {
    readWorkbook: (onProgress, signal) => guarded(host, () => readSheets(host, support, { withFormulas: false, onProgress, signal })),
    readSheet: (name, opts) =>
      guarded(host, async () => {
        const wb = await readSheets(host, support, { withFormulas: opts?.formulas ?? true, onlySheet: name });
        return wb.sheets[0];
      }),
    listSheets: () =>
      guarded(host, () =>
        host.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name,items/id");
          const index = queueStateIndex(context);
          await context.sync();
          // Our state sheet is the add-in's, never the user's to pick.
          const own = stateSheetId(index.read());
          return sheets.items.filter((s) => s.id !== own).map((s) => s.name);
        }),
      ),
    applyPlan: (plan, onProgress, signal) => guarded(host, () => applyWritePlan(host, support, plan, onProgress, signal), true),
    ownSheets: () => guarded(host, () => ownSheets(host)),
    undoImport: () => guarded(host, () => undoImport(host), true),
    canUndoImport: () => guarded(host, () => canUndoImport(host)),
    highlight: (findings) => guarded(host, () => highlightFindings(host, support, findings), true),
    clearHighlights: () => guarded(host, () => clearHighlights(host, support)),
    applyFixes: (fixes) => guarded(host, () => applyCellFixes(host, support, fixes), true),
    undoFixes: () => guarded(host, () => undoLastFixes(host, support)),
    canUndoFixes: () => guarded(host, () => hasUndoableFixes(host)),
    select: (sheet, address) =>
      guarded(host, () =>
        host.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          try {
            await context.sync();
          } catch (e) {
            // Excel refuses to activate a hidden sheet with a bare InvalidOperation.
            if ((e as { code?: string }).code === "InvalidOperation") throw hostError("hiddenSheet", String((e as Error).message));
            throw e;
          }
        }),
      ),
    loadSettings: <T>(key: string) =>
      guarded(host, () =>
        host.run(async (context) => {
          const pending = queueLoadSetting<T>(context, SETTING_KEYS.userPrefix + key);
          await context.sync();
          return pending.read();
        }),
      ),
    saveSettings: <T>(key: string, value: T) =>
      guarded(host, () =>
        host.run(async (context) => {
          queueSaveSetting(context, SETTING_KEYS.userPrefix + key, value);
          try {
            await context.sync();
          } catch (e) {
            // Settings refused (their size, or the host): say so plainly; nothing else is affected.
            const code = (e as { code?: string }).code;
            if (code === "InvalidArgument" || code === "GeneralException") throw hostError("settingsStore", String((e as Error).message));
            throw e;
          }
        }),
      ),
    runSelfTest: (onProgress) => guarded(host, () => runSelfTest(host, support, onProgress)),
  };
}
