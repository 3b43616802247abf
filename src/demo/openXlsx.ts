import type { Explained, SheetProblem, Text } from "../core/model";
import { nextTask } from "../app/nextTask";
import type { SimHost } from "../sim";
import { SimLoader } from "../sim/slicedLoad";
import type { FromReader, ToReader } from "./openXlsxMessages";

/**
 * Opens an .xlsx file on the demo page without freezing it: the bytes are
 * read in a Web Worker (openXlsx.worker.ts), and what comes back is loaded
 * into the simulated Excel in slices of at most SLICE_MS, each its own task,
 * so the page paints and answers between them. A province file (190,000 rows)
 * never holds the page's thread for 100 ms at a time.
 */
export interface OpenedXlsx {
  host: SimHost;
  /** Sheets the file lists but that could not be read whole, each with its sentence. */
  problems: SheetProblem[];
  date1904: boolean;
}

/** A refusal with the reader's own sentences. */
export class OpenXlsxError extends Error implements Explained {
  constructor(readonly userText: Text) {
    super(userText.en);
    this.name = "OpenXlsxError";
  }
}

/** Work on the page's thread stops after this long and goes on in the next task. */
const SLICE_MS = 25;
/** Number-format cells given per step (a province's 180,000 dates take a few slices). */
const FORMAT_CELLS_PER_STEP = 5_000;

export interface OpenOptions {
  onProgress?: (rows: number) => void;
  /** Starts the reading worker: spawnReader (spawnReader.ts) on the page, an in-process stand-in in tests. */
  spawn: () => Worker;
}

export function openXlsxInWorker(name: string, bytes: ArrayBuffer, opts: OpenOptions): Promise<OpenedXlsx> {
  const worker = opts.spawn();
  const loader = new SimLoader();
  const queue: FromReader[] = [];
  let pumping = false;

  return new Promise<OpenedXlsx>((resolve, reject) => {
    const finish = (fn: () => void) => {
      worker.terminate();
      fn();
    };

    /** Takes queued messages in order, yielding to the page whenever a slice has used its time. */
    const pump = async () => {
      if (pumping) return;
      pumping = true;
      let sliceStart = performance.now();
      const yieldIfDue = async () => {
        if (performance.now() - sliceStart < SLICE_MS) return;
        await nextTask();
        sliceStart = performance.now();
      };
      try {
        while (queue.length) {
          const m = queue.shift()!;
          switch (m.kind) {
            case "progress":
              opts.onProgress?.(m.rows);
              break;
            case "sheet":
              loader.addSheet(m.start);
              break;
            case "rows":
              loader.addRows(m.index, m.at, m.rows, m.formulas);
              break;
            case "formats":
              for (let k = 0; k < m.runs.length;) {
                k = loader.addFormats(m.index, m.runs, k, FORMAT_CELLS_PER_STEP);
                await yieldIfDue();
              }
              break;
            case "done":
              finish(() => resolve({ host: loader.host({ roundTrip: "task" }), problems: m.problems, date1904: m.date1904 }));
              return;
            case "error":
              finish(() => reject(new OpenXlsxError(m.message)));
              return;
          }
          await yieldIfDue();
        }
      } catch (err) {
        finish(() => reject(err));
        return;
      } finally {
        pumping = false;
      }
    };

    worker.onmessage = (e: MessageEvent<FromReader>) => {
      queue.push(e.data);
      void pump();
    };
    worker.onerror = (e) => finish(() => reject(new Error(e.message || "the reading worker failed")));
    const message: ToReader = { name, bytes };
    // The bytes are handed over, not copied: the page has no more use for them.
    worker.postMessage(message, [bytes]);
  });
}
