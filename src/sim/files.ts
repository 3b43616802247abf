import { readWorkbookFile } from "../xlsx/read";
import { writeWorkbookFile } from "../xlsx/write";
import type { SimHost, SimOptions } from "./host";
import { simFromWorkbookData } from "./slicedLoad";

/**
 * .xlsx files for Node tests, through the command line's own reader and
 * writer, so the same real files serve the CLI, the adapter and the browser
 * tests. Kept apart from index.ts: these pull in Node's fs.
 *
 * The reader keeps values, formula masks, merges, visibility and number
 * formats (what the core reads, and dates shown as dates); fills, fonts and
 * widths are not read.
 */
export async function loadSimulatedExcelFromFile(path: string, opts: SimOptions = {}): Promise<SimHost> {
  return simFromWorkbookData(await readWorkbookFile(path), opts);
}

/** Writes the simulated workbook's current values back to .xlsx (charts, fills and settings are not kept). */
export async function saveSimulatedWorkbook(host: SimHost, path: string): Promise<void> {
  await writeWorkbookFile(path, host.snapshot());
}
