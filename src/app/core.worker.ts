/**
 * The pane's engine thread: the core (understand, check, summary, plan) runs
 * here, so the task pane's page never freezes on a province workbook. Built by
 * webpack from `new Worker(new URL("./core.worker.ts", import.meta.url))`.
 */
import { defaultCore } from "./defaultEngine";
import { createLocalEngine } from "./localEngine";
import { serveEngine, type WorkerScope } from "./engineProtocol";

serveEngine(self as unknown as WorkerScope, (gen) => createLocalEngine(defaultCore, gen));
