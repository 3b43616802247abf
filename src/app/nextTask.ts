/**
 * Resolves in a new task of the event loop, so the page can paint and take
 * clicks in between. setTimeout would do, but browsers stretch nested timers to
 * 4 ms each; a MessageChannel message is not stretched. Node (jest, the CLI)
 * has setImmediate.
 */
const g = globalThis as unknown as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

export function nextTask(): Promise<void> {
  if (typeof g.setImmediate === "function") return new Promise((resolve) => g.setImmediate!(resolve));
  if (typeof g.MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new g.MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Time spent in one task before giving the page a turn: well under the 50 ms of a "long task". */
export const SLICE_MS = 25;

/** Counts the time since the last turn given to the page, and gives one when the slice is spent. */
export function timeSlicer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < sliceMs) return;
    await nextTask();
    since = now();
  };
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
