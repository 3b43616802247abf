import type { ApiSupport } from "./host";
import { SYNC_BUDGET } from "./payload";

/**
 * Queues writes and syncs only when the next write would push the request over
 * the budget, so a plan costs as many round trips as its bytes need. Calculation
 * (and, from ExcelApi 1.9, screen updating) is suspended for every batch: each
 * suspension lasts until the next sync, so it is renewed per batch.
 */
export class WriteBatch {
  private bytes = 0;
  private started = false;
  private reads = false;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly onSync?: () => void,
  ) {}

  /** Makes room for a write of about `bytes`; syncs first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > SYNC_BUDGET) await this.flush();
    this.begin();
    this.bytes += bytes;
  }

  /** A load queued in this batch: the next flush must sync even if nothing was written. */
  markRead(bytes = 100): void {
    this.begin();
    this.reads = true;
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    if (!this.started) return;
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.started = false;
    this.reads = false;
    this.onSync?.();
  }

  get pending(): boolean {
    return this.started || this.reads;
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    const app = this.context.workbook.application;
    if (this.support.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (this.support.cellProperties) app.suspendScreenUpdatingUntilNextSync();
  }
}
