/**
 * The Office.js adapter: the "read" and "apply" steps of the flow, inside Excel.
 *
 * Requirement sets. The manifest can declare ExcelApi 1.7, the lowest set every
 * unguarded call belongs to (getItemOrNullObject/getUsedRangeOrNullObject and
 * workbook settings 1.4, protection 1.2, tabColor, freezePanes and chart.chartType 1.7).
 * Newer calls are guarded by isSetSupported, with a fallback:
 *   1.6  suspendApiCalculationUntilNextSync            (else: no suspension)
 *   1.8  dataValidation list rules ("Tạo mẫu")         (else: a note to the user)
 *   1.9  getCellProperties / setCellProperties, getRanges, suspendScreenUpdatingUntilNextSync
 *        (else: fills read per cell and written per run; white is taken as "no fill")
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

export type { ExcelHost } from "./host";
export * from "./operations";
export { HostError, toHostError } from "./errors";
export { HIGHLIGHT_FILL } from "./highlight";

/** Every operation lets out only HostError, whatever Excel threw. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toHostError(e);
  }
}

export function createExcelOperations(host: ExcelHost): WorkbookOperations {
  const support = apiSupport(host);
  return {
    readWorkbook: (onProgress, signal) => guarded(() => readSheets(host, support, { withFormulas: false, onProgress, signal })),
    readSheet: (name) =>
      guarded(async () => {
        const wb = await readSheets(host, support, { withFormulas: true, onlySheet: name });
        return wb.sheets[0];
      }),
    listSheets: () =>
      guarded(() =>
        host.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          await context.sync();
          return sheets.items.map((s) => s.name);
        }),
      ),
    applyPlan: (plan, onProgress) => guarded(() => applyWritePlan(host, support, plan, onProgress)),
    highlight: (findings) => guarded(() => highlightFindings(host, support, findings)),
    clearHighlights: () => guarded(() => clearHighlights(host, support)),
    applyFixes: (fixes) => guarded(() => applyCellFixes(host, support, fixes)),
    undoFixes: () => guarded(() => undoLastFixes(host, support)),
    canUndoFixes: () => guarded(() => hasUndoableFixes(host)),
    select: (sheet, address) =>
      guarded(() =>
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
      guarded(() =>
        host.run(async (context) => {
          const pending = queueLoadSetting<T>(context, SETTING_KEYS.userPrefix + key);
          await context.sync();
          return pending.read();
        }),
      ),
    saveSettings: <T>(key: string, value: T) =>
      guarded(() =>
        host.run(async (context) => {
          queueSaveSetting(context, SETTING_KEYS.userPrefix + key, value);
          await context.sync();
        }),
      ),
  };
}
