import type { WorkerLike } from "./workerEngine";

/**
 * Starts the engine's Web Worker. webpack 5 sees `new Worker(new URL(…,
 * import.meta.url))` (it must be written exactly so), bundles core.worker.ts
 * as its own file and serves it from the add-in's origin (the pages' CSP
 * allows scripts from 'self' only). Only the webpack build reads this file:
 * jest and the CLI run the engine in-process.
 */
export function spawnCoreWorker(): WorkerLike {
  return new Worker(
    // @ts-expect-error import.meta is ES-module syntax: webpack compiles this file as one; tsc checks the repo as CommonJS.
    new URL("./core.worker.ts", import.meta.url),
    { name: "chibo-core" },
  ) as unknown as WorkerLike;
}
