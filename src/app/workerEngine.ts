import type { CellValue, WorkbookData } from "../core/model";
import type { Engine, EngineProgress, Handle, HandleKind } from "./engine";
import { CancelledError } from "./errors";
import { EngineError } from "./engineError";
import { fromWire, joinPlanRows, workbookShell, type FromWorker, type RemoteMethod, type ToWorker } from "./engineProtocol";
import { timeSlicer } from "./nextTask";

/** What the client needs of a Worker; jest passes an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/** Cells per "rows" message: a clone of this size takes a few milliseconds. */
export const SLICE_CELLS = 20_000;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress?: EngineProgress;
  /** Slices of the result's plan, by op index, as they arrive. */
  rows?: Map<number, CellValue[][][]>;
}

/**
 * The Engine of the pane, run in a Web Worker. Results stay in the worker;
 * the pane gets handles and what it draws. Cancelling a call ends the worker
 * (a synchronous core step cannot be interrupted any other way) and rejects
 * every call in flight; the next call starts a new worker, of the next
 * generation, so handles of the old one are refused (EngineError "stale").
 */
export function createWorkerEngine(spawn: () => WorkerLike): Engine {
  let worker: WorkerLike | null = null;
  let gen = 0;
  let nextId = 1;
  let nextLoad = 1;
  const pending = new Map<number, Pending>();

  const failAll = (err: () => Error) => {
    for (const p of pending.values()) p.reject(err());
    pending.clear();
  };
  /** Why the last worker ended, for a hand-over that notices it between slices. */
  let ended: () => Error = () => new CancelledError();
  const stop = (why: () => Error) => {
    worker?.terminate();
    worker = null;
    ended = why;
    failAll(why);
  };
  const current = (): WorkerLike => {
    if (worker) return worker;
    gen++;
    let w: WorkerLike;
    try {
      w = spawn();
    } catch {
      throw new EngineError("unavailable");
    }
    w.onmessage = (e) => {
      const msg = e.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.type === "progress") {
        p.onProgress?.(msg.fraction);
        return;
      }
      if (msg.type === "planRows") {
        p.rows ??= new Map();
        const parts = p.rows.get(msg.op);
        if (parts) parts.push(msg.values);
        else p.rows.set(msg.op, [msg.values]);
        return;
      }
      pending.delete(msg.id);
      if (msg.type === "result") p.resolve(p.rows ? joinPlanRows(msg.value, p.rows) : msg.value);
      else p.reject(fromWire(msg.error));
    };
    // An error event in the worker (out of memory, a script that failed to load) ends it: say so, start afresh next time.
    w.onerror = () => {
      if (worker === w) stop(() => new EngineError("crashed"));
    };
    w.postMessage({ type: "init", gen });
    worker = w;
    return w;
  };

  const cancelOn = (signal: AbortSignal | undefined) => {
    if (!signal) return () => undefined;
    const onAbort = () => stop(() => new CancelledError());
    signal.addEventListener("abort", onAbort);
    return () => signal.removeEventListener("abort", onAbort);
  };

  const call = async <T>(method: RemoteMethod, args: unknown[], signal?: AbortSignal, onProgress?: EngineProgress): Promise<T> => {
    if (signal?.aborted) throw new CancelledError();
    const w = current();
    const id = nextId++;
    const done = cancelOn(signal);
    try {
      return await new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
        w.postMessage({ type: "call", id, method, args });
      });
    } finally {
      done();
    }
  };

  const stale = (h: Handle<HandleKind>) => {
    if (h.gen !== gen || !worker) throw new EngineError("stale");
  };

  return {
    async loadWorkbook(workbook: WorkbookData, onProgress?: EngineProgress, signal?: AbortSignal) {
      if (signal?.aborted) throw new CancelledError();
      const w = current();
      const myGen = gen;
      const load = nextLoad++;
      w.postMessage({ type: "begin", load, workbook: workbookShell(workbook) });
      const total = workbook.sheets.reduce((n, s) => n + s.values.length, 0);
      let sent = 0;
      const pause = timeSlicer();
      for (let i = 0; i < workbook.sheets.length; i++) {
        const s = workbook.sheets[i];
        const width = Math.max(1, s.values.reduce((m, r) => Math.max(m, r ? r.length : 0), 0));
        const step = Math.max(1, Math.floor(SLICE_CELLS / width));
        for (let offset = 0; offset < s.values.length; offset += step) {
          await pause();
          if (signal?.aborted && gen === myGen && worker) stop(() => new CancelledError());
          if (gen !== myGen || !worker) throw ended();
          const values = s.values.slice(offset, offset + step) as CellValue[][];
          const msg: ToWorker = { type: "rows", load, sheet: i, offset, values };
          if (s.formulas) msg.formulas = s.formulas.slice(offset, offset + step);
          w.postMessage(msg);
          sent += values.length;
          onProgress?.(total ? sent / total : 1);
        }
      }
      return call<Handle<"workbook">>("endWorkbook", [load], signal);
    },
    understand: async (h, mappings, signal) => {
      stale(h);
      return call("understand", [h, mappings], signal);
    },
    check: async (h, settings, period, signal) => {
      stale(h);
      return call("check", [h, settings, period], signal);
    },
    findings: async (h, query) => {
      stale(h);
      return call("findings", [h, query]);
    },
    findingsPage: async (h, query, rule, offset, limit) => {
      stale(h);
      return call("findingsPage", [h, query, rule, offset, limit]);
    },
    fixable: async (h, query, offset, limit) => {
      stale(h);
      return call("fixable", [h, query, offset, limit]);
    },
    fixRequests: async (h, query, selection) => {
      stale(h);
      return call("fixRequests", [h, query, selection]);
    },
    highlightTargets: async (h, query) => {
      stale(h);
      return call("highlightTargets", [h, query]);
    },
    summarize: async (h, period, settings, opts, signal) => {
      stale(h);
      return call("summarize", [h, period, settings, opts], signal);
    },
    planSummarySheet: (summary, opts) => call("planSummarySheet", [summary, opts]),
    planFormFill: (form, summary) => call("planFormFill", [form, summary]),
    formSheets: async (h, summary) => {
      stale(h);
      return call("formSheets", [h, summary]);
    },
    planFindingsSheet: async (h, query, lang) => {
      stale(h);
      return call("planFindingsSheet", [h, query, lang]);
    },
    planTemplateSheets: () => call("planTemplateSheets", []),
    provinceOpen: async (start) => {
      if (start.list) stale(start.list);
      return call("provinceOpen", [start]);
    },
    provinceAdd: async (h, files, onProgress, signal) => {
      stale(h);
      return call("provinceAdd", [h, files], signal, onProgress);
    },
    provinceRemove: async (h, names) => {
      stale(h);
      return call("provinceRemove", [h, names]);
    },
    provinceSummary: async (h, opts, signal) => {
      stale(h);
      if (opts?.workbook) stale(opts.workbook);
      return call("provinceSummary", [h, opts], signal);
    },
    provinceConsolidate: async (h, existing, signal) => {
      stale(h);
      if (existing) stale(existing);
      return call("provinceConsolidate", [h, existing], signal);
    },
    provinceStatusSheet: async (h, lang) => {
      stale(h);
      return call("provinceStatusSheet", [h, lang]);
    },
    async release(...handles) {
      const live = handles.filter((h) => h && h.gen === gen);
      if (live.length && worker) await call("release", live);
    },
  };
}
