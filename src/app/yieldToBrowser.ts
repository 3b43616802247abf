import { CancelledError } from "./errors";

/**
 * Gives the browser a turn to paint and handle clicks (the progress bar, the
 * cancel button) between the heavy steps of the flow. A macrotask, not a
 * microtask: a resolved promise alone would not let the page repaint.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}
