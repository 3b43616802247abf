import { readWorkbookFile } from "../xlsx/read";
import { writeWorkbookFile } from "../xlsx/write";
import { SimHost, SimOptions, createSimulatedExcel } from "./host";

/**
 * .xlsx files for Node tests, through the command line's own reader and
 * writer, so the same real files serve the CLI, the adapter and the browser
 * tests. Kept apart from index.ts: these pull in Node's fs.
 *
 * The reader keeps values, formula masks, merges and visibility (what the core
 * reads); fills and fonts are not read. For a workbook whose formats matter in
 * a test, load it with xlsxBrowser.ts (ExcelJS in memory) instead.
 */
export async function loadSimulatedExcelFromFile(path: string, opts: SimOptions = {}): Promise<SimHost> {
  const data = await readWorkbookFile(path);
  return createSimulatedExcel(data, opts);
}

/** Writes the simulated workbook's current values back to .xlsx (charts, fills and settings are not kept). */
export async function saveSimulatedWorkbook(host: SimHost, path: string): Promise<void> {
  await writeWorkbookFile(path, host.snapshot());
}
