import type { ApiSupport } from "./host";
import { SYNC_BUDGET } from "./payload";

/**
 * One operation (a highlight, a set of fixes, a plan): what it did to Excel's
 * state once, however many syncs it takes. Screen updating is suspended once
 * per operation: each call lasts until the next sync, and calling it again in
 * every sync makes Excel redraw in between (it flickers).
 */
export interface Operation {
  screenSuspended: boolean;
}

export function newOperation(): Operation {
  return { screenSuspended: false };
}

/**
 * A piece of work for one request: its estimated bytes there and back, and a
 * function that queues it on the context. `queue` may return a function that
 * reads its results after the sync. A piece is queued again, whole, when a
 * request is split after a refusal, so it must not depend on having been
 * queued before.
 */
export interface Unit {
  request: number;
  response?: number;
  queue(): (() => void) | void;
  /** The same work as smaller units (a block of rows in halves), for when even this unit alone is refused. */
  split?(): Unit[] | null;
}

/** What Excel answers when a request is too large: the codes of the web, desktop, and the response side. */
const SIZE_CODES = new Set(["RequestPayloadSizeLimitExceeded", "PayloadTooLarge", "ResponsePayloadSizeLimitExceeded"]);
/**
 * Some hosts answer an oversized request with a bare GeneralException ("An
 * internal error has occurred."). A request this large may be one of them; a
 * smaller one failing so is a real error and is not retried.
 */
const GENERAL_EXCEPTION_SIZE = 1_000_000;
/** Requests are never planned below this after refusals: a single unit is sent alone anyway. */
const MIN_BUDGET = 64 * 1024;

function codeOf(e: unknown): string {
  const err = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  if (typeof err?.code === "string") return err.code;
  return typeof err?.debugInfo?.code === "string" ? err.debugInfo.code : "";
}

/** Whether a failed request may have failed for its size alone. */
export function isSizeRefusal(e: unknown, requestBytes: number): boolean {
  const code = codeOf(e);
  return SIZE_CODES.has(code) || (code === "GeneralException" && requestBytes >= GENERAL_EXCEPTION_SIZE);
}

/**
 * Packs units into requests of at most the budget (by estimate, both ways) and
 * syncs when the next unit would not fit. A request Excel refuses for its size
 * is split in two and each half sent in a fresh request, down to single units;
 * later requests are planned smaller. Writes suspend calculation (ExcelApi 1.6)
 * in every request, and screen updating once per operation (1.9).
 */
export class SyncBatch {
  private units: Unit[] = [];
  private request = 0;
  private response = 0;
  private budget = SYNC_BUDGET;
  syncs = 0;
  /** Requests Excel refused for their size, each retried in halves. */
  refusals = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly operation: Operation,
    private readonly options: { writes: boolean; onSync?: () => void },
  ) {}

  async add(unit: Unit): Promise<void> {
    const response = unit.response ?? 0;
    if (this.units.length > 0 && (this.request + unit.request > this.budget || this.response + response > this.budget)) await this.flush();
    this.units.push(unit);
    this.request += unit.request;
    this.response += response;
  }

  /** Queues and syncs now (a unit's results are read only after this). */
  async flush(): Promise<void> {
    if (this.units.length === 0) return;
    const units = this.units;
    this.units = [];
    this.request = 0;
    this.response = 0;
    await this.send(units);
  }

  private async send(units: Unit[]): Promise<void> {
    this.beforeRequest();
    const readers = units.map((u) => u.queue());
    const bytes = units.reduce((n, u) => n + u.request, 0);
    try {
      await this.context.sync();
    } catch (e) {
      const parts = units.length > 1 ? null : (units[0].split?.() ?? null);
      if ((units.length < 2 && !parts) || !isSizeRefusal(e, bytes)) throw e;
      this.refusals++;
      this.budget = Math.max(MIN_BUDGET, Math.floor(Math.max(bytes, units.reduce((n, u) => n + (u.response ?? 0), 0)) / 2));
      if (parts) {
        for (const part of parts) await this.send([part]);
        return;
      }
      const half = Math.ceil(units.length / 2);
      await this.send(units.slice(0, half));
      await this.send(units.slice(half));
      return;
    }
    this.syncs++;
    for (const read of readers) if (read) read();
    this.options.onSync?.();
  }

  private beforeRequest(): void {
    if (!this.options.writes) return;
    const app = this.context.workbook.application;
    if (this.support.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (this.support.screenUpdating && !this.operation.screenSuspended) {
      app.suspendScreenUpdatingUntilNextSync();
      this.operation.screenSuspended = true;
    }
  }
}
