import type { Core } from "../../src/app/engine";
import { serveEngine, type FromWorker, type ToWorker, type WorkerScope } from "../../src/app/engineProtocol";
import { createLocalEngine, type LocalEngineOptions } from "../../src/app/localEngine";
import type { WorkerLike } from "../../src/app/workerEngine";

/**
 * A Web Worker stand-in for jest: the real protocol (serveEngine) on the other
 * side, every message structured-cloned and delivered in a later task, as a
 * browser does. Records what the pane sent.
 */
export class InProcessWorker implements WorkerLike {
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  terminated = false;
  readonly sent: ToWorker[] = [];
  /** What the worker answered, in order. */
  readonly received: FromWorker[] = [];
  private readonly scope: WorkerScope;

  constructor(core: Core, options: LocalEngineOptions = {}) {
    this.scope = {
      onmessage: null,
      postMessage: (m) => {
        this.received.push(m);
        const copy = structuredClone(m);
        setImmediate(() => {
          if (!this.terminated) this.onmessage?.({ data: copy });
        });
      },
    };
    serveEngine(this.scope, (gen) => createLocalEngine(core, gen, options));
  }

  postMessage(message: ToWorker): void {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.sent.push(message);
    const copy = structuredClone(message);
    setImmediate(() => {
      if (!this.terminated) this.scope.onmessage?.({ data: copy });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** As a worker that died (out of memory, a script error): an error event. */
  crash(): void {
    this.onerror?.(new Error("worker died"));
  }
}

export function spawner(core: Core, options: LocalEngineOptions = {}) {
  const workers: InProcessWorker[] = [];
  return {
    workers,
    spawn: (): WorkerLike => {
      const w = new InProcessWorker(core, options);
      workers.push(w);
      return w;
    },
  };
}
