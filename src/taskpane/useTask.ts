import { useCallback, useRef, useState } from "react";
import type { FlowProgress, StepLabel } from "../app/flow";
import { describeError, isCancelled, type Lang } from "../app/errors";

export type NoticeIntent = "success" | "error" | "info" | "warning";
export interface Notice {
  intent: NoticeIntent;
  text: string;
  /** Extra lines: what could not be matched, skipped cells. */
  details?: string[];
}

export interface Busy {
  /** What the button that started it said, so the pane can tell which part is working. */
  name: string;
  fraction: number;
  step?: StepLabel;
  cancellable: boolean;
}

/**
 * Runs one piece of work at a time: keeps its progress, lets the user cancel
 * it, and turns any failure into a notice with a plain sentence. Cancelling
 * is a note, not an error.
 */
export function useTask(lang: Lang) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T,>(
      name: string,
      work: (onProgress: FlowProgress, signal: AbortSignal) => Promise<T>,
      opts: { cancellable?: boolean } = {},
    ): Promise<T | undefined> => {
      const controller = new AbortController();
      abortRef.current = controller;
      setNotice(null);
      setBusy({ name, fraction: 0, cancellable: !!opts.cancellable });
      try {
        return await work(
          (p) => setBusy((b) => (b ? { ...b, fraction: p.fraction, step: p.step } : b)),
          controller.signal,
        );
      } catch (err) {
        if (!isCancelled(err)) console.error(err); // for whoever opens the developer tools; the user gets a sentence
        setNotice({ intent: isCancelled(err) ? "info" : "error", text: describeError(err, lang) });
        return undefined;
      } finally {
        abortRef.current = null;
        setBusy(null);
      }
    },
    [lang],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { busy, notice, setNotice, run, cancel };
}
