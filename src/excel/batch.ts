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
  private responseBytes = 0;
  private started = false;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly onSync?: () => void,
    /** Reads only: nothing to suspend. */
    private readonly suspend = true,
  ) {}

  /**
   * Makes room for an action of about `bytes` on the way there and `responseBytes`
   * on the way back; syncs first when either would not fit.
   */
  async reserve(bytes: number, responseBytes = 0): Promise<void> {
    const empty = this.bytes === 0 && this.responseBytes === 0;
    if (!empty && (this.bytes + bytes > SYNC_BUDGET || this.responseBytes + responseBytes > SYNC_BUDGET)) await this.flush();
    this.begin();
    this.bytes += bytes;
    this.responseBytes += responseBytes;
  }

  async flush(): Promise<void> {
    if (!this.started) return;
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
    this.responseBytes = 0;
    this.started = false;
    this.onSync?.();
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    if (!this.suspend) return;
    const app = this.context.workbook.application;
    if (this.support.suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (this.support.cellProperties) app.suspendScreenUpdatingUntilNextSync();
  }
}
