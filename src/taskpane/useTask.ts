import { useCallback, useMemo, useRef, useState } from "react";
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

type Work<T> = (onProgress: FlowProgress, signal: AbortSignal) => Promise<T>;

/**
 * Runs one piece of work at a time: keeps its progress, lets the user cancel
 * it, and turns any failure into a notice with a plain sentence. Cancelling
 * is a note, not an error.
 *
 * A notice belongs to the tab whose work made it: "Đã xóa tô màu" is about
 * the check, and does not follow the user to Cài đặt. Each tab gets a `Task`
 * scoped to itself (`useScopedTask`); the App shows a tab's notice on that tab only.
 */
export function useTasks(lang: Lang) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notices, setNotices] = useState<Readonly<Record<string, Notice>>>({});
  const abortRef = useRef<AbortController | null>(null);

  const setNotice = useCallback((scope: string, notice: Notice | null) => {
    setNotices((all) => {
      if (!notice && !(scope in all)) return all;
      const next = { ...all };
      if (notice) next[scope] = notice;
      else delete next[scope];
      return next;
    });
  }, []);

  const run = useCallback(
    async <T,>(scope: string, name: string, work: Work<T>, opts: { cancellable?: boolean } = {}): Promise<T | undefined> => {
      const controller = new AbortController();
      abortRef.current = controller;
      setNotice(scope, null);
      setBusy({ name, fraction: 0, cancellable: !!opts.cancellable });
      try {
        return await work(
          (p) => setBusy((b) => (b ? { ...b, fraction: p.fraction, step: p.step } : b)),
          controller.signal,
        );
      } catch (err) {
        if (!isCancelled(err)) console.error(err); // for whoever opens the developer tools; the user gets a sentence
        setNotice(scope, { intent: isCancelled(err) ? "info" : "error", text: describeError(err, lang) });
        return undefined;
      } finally {
        abortRef.current = null;
        setBusy(null);
      }
    },
    [lang, setNotice],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  return { busy, notices, setNotice, run, cancel };
}

export type Tasks = ReturnType<typeof useTasks>;

/** What a tab sees: the shared runner, with its own notice. */
export interface Task {
  busy: Busy | null;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
  run: <T>(name: string, work: Work<T>, opts?: { cancellable?: boolean }) => Promise<T | undefined>;
  cancel: () => void;
}

/** The Task of one tab, stable while nothing it shows changes. */
export function useScopedTask(tasks: Tasks, scope: string): Task {
  const { busy, notices, setNotice, run, cancel } = tasks;
  const notice = notices[scope] ?? null;
  return useMemo<Task>(() => ({
    busy,
    notice,
    setNotice: (n) => setNotice(scope, n),
    run: (name, work, opts) => run(scope, name, work, opts),
    cancel,
  }), [busy, notice, setNotice, run, cancel, scope]);
}
