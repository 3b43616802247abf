/**
 * The pane's engine thread: the core (understand, check, summary, plan) runs
 * here, so the task pane's page never freezes on a province workbook. The
 * communes' files for "Gộp số liệu các xã" are read here too, with the shared
 * reader (src/xlsx, the same code and bounds as `chibo status`): in the
 * browser, nothing uploaded. This entry is the one file of app that imports
 * xlsx (eslint.config.js). Built by webpack from
 * `new Worker(new URL("./core.worker.ts", import.meta.url))`.
 */
import { defaultCore } from "./defaultEngine";
import { createLocalEngine } from "./localEngine";
import { serveEngine, type WorkerScope } from "./engineProtocol";
import { readWorkbookBytes } from "../xlsx/workbook";

serveEngine(self as unknown as WorkerScope, (gen) =>
  createLocalEngine(defaultCore, gen, { readWorkbookBytes: (bytes, fileName) => readWorkbookBytes(bytes, { fileName }) }));
