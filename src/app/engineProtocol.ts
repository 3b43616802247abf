import { CellValue, SheetData, Text, WorkbookData, WritePlan, userTextOf } from "../core/model";
import type { Engine, Handle, Summary } from "./engine";
import { CancelledError } from "./errors";
import { EngineError } from "./engineError";

/**
 * The messages between the pane and the engine's Web Worker. A call names an
 * Engine method and carries its arguments (structured-cloned); functions and
 * AbortSignals never cross: progress comes back as messages, and cancelling
 * ends the worker (workerEngine.ts).
 *
 * A workbook crosses in slices: "begin" carries its shape, "rows" messages its
 * cells, and the call endWorkbook hands it to the engine; so no single clone
 * holds the page's thread for long. "begin" and "rows" are taken as they come,
 * before any queued call, and the load id is the pane's.
 */
export type ToWorker =
  | { type: "init"; gen: number }
  | { type: "call"; id: number; method: RemoteMethod; args: unknown[] }
  | { type: "begin"; load: number; workbook: WorkbookData }
  | { type: "rows"; load: number; sheet: number; offset: number; values: CellValue[][]; formulas?: boolean[][] };

export type FromWorker =
  /** `rows`: values ops of the result's plan whose rows came before it in "planRows" messages. */
  | { type: "result"; id: number; value: unknown; rows?: Array<{ op: number; count: number }> }
  | { type: "error"; id: number; error: WireError }
  | { type: "progress"; id: number; fraction: number }
  | { type: "planRows"; id: number; op: number; values: CellValue[][] };

/** The Engine methods called as they are (their signals and callbacks dropped), plus the two halves of loadWorkbook. */
export const ENGINE_METHODS = [
  "understand", "check", "findings", "findingsPage", "fixable", "fixRequests", "highlightTargets",
  "summarize", "planSummarySheet", "planFormFill", "formSheets", "planFindingsSheet", "planTemplateSheets",
  "provinceOpen", "provinceAdd", "provinceRemove", "provinceSummary", "provinceConsolidate", "provinceStatusSheet", "release",
] as const satisfies ReadonlyArray<keyof Engine>;
export type EngineMethod = (typeof ENGINE_METHODS)[number];
export type RemoteMethod = EngineMethod | "endWorkbook";

/** An error as it crosses: its name and the sentences the pane shows, never a stack. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  userText?: Text;
}

export function toWire(err: unknown): WireError {
  if (typeof err !== "object" || err === null) return { name: "Error", message: String(err) };
  const e = err as { name?: unknown; message?: unknown; code?: unknown };
  const out: WireError = { name: typeof e.name === "string" ? e.name : "Error", message: typeof e.message === "string" ? e.message : "" };
  if (typeof e.code === "string") out.code = e.code;
  const said = userTextOf(err);
  if (said) out.userText = said;
  return out;
}

export function fromWire(w: WireError): Error {
  if (w.name === "CancelledError") return new CancelledError();
  if (w.name === "EngineError" && (w.code === "stale" || w.code === "crashed" || w.code === "unavailable")) return new EngineError(w.code);
  return Object.assign(new Error(w.message), w);
}

/** The shape of a workbook without its cells: what beginWorkbook carries. */
export function workbookShell(workbook: WorkbookData): WorkbookData {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      const { values: _v, formulas: _f, ...rest } = s;
      const shell: SheetData = { ...rest, values: [] };
      if (s.formulas) shell.formulas = [];
      return shell;
    }),
  };
}

/** The side of the protocol that runs in the worker. */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((e: { data: ToWorker }) => void) | null;
}

/**
 * Answers the pane's calls with an in-process engine (made once the pane has
 * said which generation this worker is). Calls are answered in order: the core
 * is synchronous, so one runs at a time anyway.
 */
export function serveEngine(scope: WorkerScope, makeEngine: (gen: number) => Engine): void {
  let engine: Engine | null = null;
  const loads = new Map<number, WorkbookData>();
  let queue: Promise<void> = Promise.resolve();

  const run = async (id: number, method: RemoteMethod, args: unknown[]): Promise<unknown> => {
    if (!engine) throw new EngineError("unavailable");
    const onProgress = (fraction: number) => scope.postMessage({ type: "progress", id, fraction });
    switch (method) {
      case "endWorkbook": {
        const load = args[0] as number;
        const workbook = loads.get(load);
        loads.delete(load);
        if (!workbook) throw new EngineError("stale");
        return engine.loadWorkbook(workbook, onProgress);
      }
      case "understand": return engine.understand(args[0] as Handle<"workbook">, args[1] as never);
      case "check": return engine.check(args[0] as Handle<"dataset">, args[1] as never, args[2] as never);
      case "findings": return engine.findings(args[0] as Handle<"findings">, args[1] as never);
      case "findingsPage": return engine.findingsPage(args[0] as Handle<"findings">, args[1] as never, args[2] as never, args[3] as number, args[4] as number);
      case "fixable": return engine.fixable(args[0] as Handle<"findings">, args[1] as never, args[2] as number, args[3] as number);
      case "fixRequests": return engine.fixRequests(args[0] as Handle<"findings">, args[1] as never, args[2] as never);
      case "highlightTargets": return engine.highlightTargets(args[0] as Handle<"findings">, args[1] as never);
      case "summarize": return engine.summarize(args[0] as Handle<"dataset">, args[1] as never, args[2] as never, args[3] as never);
      case "planSummarySheet": return engine.planSummarySheet(args[0] as Summary, args[1] as never);
      case "planFormFill": return engine.planFormFill(args[0] as SheetData, args[1] as Summary);
      case "formSheets": return engine.formSheets(args[0] as Handle<"dataset">, args[1] as Summary);
      case "planFindingsSheet": return engine.planFindingsSheet(args[0] as Handle<"findings">, args[1] as never, args[2] as "vi" | "en");
      case "planTemplateSheets": return engine.planTemplateSheets();
      case "provinceOpen": return engine.provinceOpen(args[0] as never);
      case "provinceAdd": return engine.provinceAdd(args[0] as Handle<"province">, args[1] as never, onProgress);
      case "provinceRemove": return engine.provinceRemove(args[0] as Handle<"province">, args[1] as string[]);
      case "provinceSummary": return engine.provinceSummary(args[0] as Handle<"province">, args[1] as never);
      case "provinceConsolidate": return engine.provinceConsolidate(args[0] as Handle<"province">, args[1] as Handle<"workbook"> | undefined);
      case "provinceStatusSheet": return engine.provinceStatusSheet(args[0] as Handle<"province">, args[1] as "vi" | "en");
      case "release": return engine.release(...(args as Array<Handle<"workbook">>));
      default: {
        const never: never = method;
        throw new Error(`unknown engine method ${String(never)}`);
      }
    }
  };

  scope.onmessage = (e) => {
    const msg = e.data;
    switch (msg.type) {
      case "init":
        engine = makeEngine(msg.gen);
        return;
      case "begin":
        loads.set(msg.load, msg.workbook);
        return;
      case "rows": {
        // Rows arrive in order after beginWorkbook; a load that was dropped ignores them.
        const sheet = loads.get(msg.load)?.sheets[msg.sheet];
        if (!sheet) return;
        msg.values.forEach((row, k) => (sheet.values[msg.offset + k] = row));
        if (msg.formulas && sheet.formulas) msg.formulas.forEach((row, k) => (sheet.formulas![msg.offset + k] = row));
        return;
      }
      case "call":
        queue = queue.then(() =>
          run(msg.id, msg.method, msg.args).then(
            (value) => postResult(scope, msg.id, value),
            (err) => scope.postMessage({ type: "error", id: msg.id, error: toWire(err) }),
          ),
        );
        return;
      default: {
        const never: never = msg;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  };
}

/** Rows per "planRows" message, as for the workbook's slices. */
export const PLAN_SLICE_CELLS = 20_000;

/** The write plan a result carries (a plan, or an object with one under `plan`), if any. */
export function planOf(value: unknown): WritePlan | null {
  const v = value as { ops?: unknown; plan?: { ops?: unknown } } | null;
  if (v && Array.isArray(v.ops)) return v as WritePlan;
  if (v && v.plan && Array.isArray(v.plan.ops)) return v.plan as WritePlan;
  return null;
}

/**
 * Posts a result; a plan's big values blocks (a province's consolidated
 * sheets, 70,000 findings) go first in slices, so the pane never takes one
 * clone of tens of megabytes in a single task.
 */
function postResult(scope: WorkerScope, id: number, value: unknown): void {
  const plan = planOf(value);
  const rows: Array<{ op: number; count: number }> = [];
  if (plan) {
    plan.ops = plan.ops.map((op, i) => {
      if (op.op !== "values" || op.values.length * (op.values[0]?.length ?? 1) <= PLAN_SLICE_CELLS) return op;
      const step = Math.max(1, Math.floor(PLAN_SLICE_CELLS / Math.max(1, op.values[0]?.length ?? 1)));
      for (let at = 0; at < op.values.length; at += step) scope.postMessage({ type: "planRows", id, op: i, values: op.values.slice(at, at + step) });
      rows.push({ op: i, count: op.values.length });
      return { ...op, values: [] };
    });
  }
  scope.postMessage(rows.length ? { type: "result", id, value, rows } : { type: "result", id, value });
}

/** The pane's side of postResult: puts the slices back into the plan's values blocks. */
export function joinPlanRows(value: unknown, slices: ReadonlyMap<number, CellValue[][][]>): unknown {
  const plan = planOf(value);
  if (!plan) return value;
  for (const [op, parts] of slices) {
    const target = plan.ops[op];
    if (target?.op === "values") target.values = parts.length === 1 ? parts[0] : ([] as CellValue[][]).concat(...parts);
  }
  return value;
}
