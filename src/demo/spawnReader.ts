/**
 * Starts the demo's file-reading worker (openXlsx.worker.ts). webpack 5 bundles
 * the worker from this exact expression; kept alone in its file because jest
 * (CommonJS) cannot load `import.meta`.
 */
export function spawnReader(): Worker {
  // @ts-expect-error import.meta is ES-module syntax: webpack compiles this file as one; tsc checks the repo as CommonJS.
  return new Worker(new URL("./openXlsx.worker.ts", import.meta.url));
}
