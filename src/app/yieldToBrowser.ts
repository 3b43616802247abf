import { CancelledError } from "./errors";

/**
 * Gives the browser a turn to paint and handle clicks (the progress bar, the
 * cancel button) between the heavy steps of the flow. A resolved promise
 * would not do (microtasks run before any paint), and a bare setTimeout(0)
 * often runs before the next frame, so the page would still look frozen:
 * wait for a frame, then for the task after it. The timer is the fallback
 * where frames do not come (a hidden pane, jsdom).
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 50);
  });
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}
