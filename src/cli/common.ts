import { Command, Option } from "commander";
import type { Text, WorkbookData } from "../core/model";
import { XlsxReadError } from "../xlsx/errors";
import { oneLine, terminalSafe } from "./terminalText";

/**
 * Helpers every `chibo` command shares: the --lang option, one-line messages,
 * the progress bar, and loading .xlsx files with a plain sentence per file
 * that cannot be read.
 */
export type Lang = "vi" | "en";

export const EXIT_OK = 0;
export const EXIT_DATA_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

/** Adds `--lang vi|en` (default vi) to a command. */
export function addLangOption(cmd: Command): Command {
  return cmd.addOption(new Option("--lang <lang>", "ngôn ngữ thông báo / message language").choices(["vi", "en"]).default("vi"));
}

export function langOf(opts: { lang?: string }): Lang {
  return opts.lang === "en" ? "en" : "vi";
}

/** Picks the sentence for the language. */
export function t(lang: Lang, vi: string, en: string): string {
  return lang === "en" ? en : vi;
}

export interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether the error stream is a terminal (progress bars only then). */
  errIsTTY: boolean;
  /** The error stream as it is, for the progress bar's own carriage returns; `err` when absent. */
  progress?: (s: string) => void;
}

/**
 * Reads process.std* at call time, so tests that swap process.stdout.write
 * capture everything. Whatever is printed passes through terminalSafe: no
 * control or bidi character from a file reaches the terminal, and JSON stays
 * exact (see terminalText.ts).
 */
export function processOutput(): Output {
  return {
    out: (s) => { process.stdout.write(terminalSafe(s)); },
    err: (s) => { process.stderr.write(terminalSafe(s)); },
    errIsTTY: Boolean(process.stderr.isTTY),
    progress: (s) => { process.stderr.write(s); },
  };
}

/** One line on stderr, never a stack trace; what it quotes from a file or the command line cannot break the line. */
export function printError(lang: Lang, said: Text, io: Output = processOutput()): void {
  io.err(`${oneLine(said[lang])}\n`);
}

export interface ProgressBar {
  update(done: number, total?: number): void;
  done(): void;
}

const NO_PROGRESS: ProgressBar = { update: () => undefined, done: () => undefined };

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second. Shown
 * only when stderr is a terminal, so pipes, CI logs and tests stay clean.
 */
export function createProgress(label: string, io: Output = processOutput(), now: () => number = Date.now): ProgressBar {
  if (!io.errIsTTY) return NO_PROGRESS;
  const write = io.progress ?? io.err;
  const shown = oneLine(label);
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const tNow = now();
      if (tNow - last < 100) return;
      last = tNow;
      drawn = true;
      const count = done.toLocaleString("vi-VN");
      if (total && total > 0) {
        const width = 24;
        const filled = Math.min(width, Math.round((done / total) * width));
        write(`\r${shown} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.min(100, Math.round((done / total) * 100))}%`);
      } else {
        write(`\r${shown} ${count} dòng`);
      }
    },
    done() {
      if (drawn) write("\r\x1b[K");
    },
  };
}

export interface LoadedWorkbook {
  path: string;
  workbook: WorkbookData;
}

export interface LoadResult {
  loaded: LoadedWorkbook[];
  failed: Array<{ path: string; error: XlsxReadError }>;
}

/**
 * Reads each file in turn. A file that cannot be read gets one line on stderr
 * ("Tệp … được đặt mật khẩu: …") and is left out; the caller decides the exit
 * code (EXIT_UNREADABLE when `failed` is not empty).
 */
export async function loadWorkbooks(paths: string[], lang: Lang = "vi", io: Output = processOutput()): Promise<LoadResult> {
  const result: LoadResult = { loaded: [], failed: [] };
  // Loaded here, not at the top: `chibo --help` must not pay for the reader.
  const { readWorkbookFile } = await import("../xlsx/read");
  for (const path of paths) {
    const bar = createProgress(t(lang, `Đang đọc ${path}`, `Reading ${path}`), io);
    try {
      const workbook = await readWorkbookFile(path, { onProgress: (rows) => bar.update(rows) });
      bar.done();
      result.loaded.push({ path, workbook });
    } catch (e) {
      bar.done();
      const error = e instanceof XlsxReadError ? e : new XlsxReadError("corrupt", path, e instanceof Error ? e.message : String(e));
      result.failed.push({ path, error });
      io.err(`${oneLine(error.userText[lang])}\n`);
    }
  }
  return result;
}

/** Parses a whole number option ("--seed 7"); null when it is not one. */
export function parseIntOption(text: string | undefined): number | null {
  if (text === undefined) return null;
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Commander's own argument errors are English ("error: unknown option '--x'").
 * This gives them one Vietnamese line each (English after it), for a command.
 */
export function vietnameseArgumentErrors(cmd: Command): Command {
  return cmd.configureOutput({
    outputError: (str, write) => write(`${translateCommanderError(str.trim())}\n`),
  });
}

export function translateCommanderError(message: string): string {
  const m = message.replace(/^error:\s*/i, "");
  let r: RegExpExecArray | null;
  if ((r = /^unknown option '([^']+)'/.exec(m))) return `Không có tùy chọn ${r[1]}: xem "chibo <lệnh> --help". (${m})`;
  if ((r = /^missing required argument '([^']+)'/.exec(m))) return `Thiếu tham số ${r[1]}: xem "chibo <lệnh> --help". (${m})`;
  if ((r = /^option '([^']+)' argument missing/.exec(m))) return `Tùy chọn ${r[1]} cần một giá trị. (${m})`;
  if ((r = /^option '([^']+)' argument '([^']*)' is invalid/.exec(m))) return `Giá trị "${r[2]}" không hợp lệ cho tùy chọn ${r[1]}. (${m})`;
  if ((r = /^too many arguments/.exec(m))) return `Thừa tham số: xem "chibo <lệnh> --help". (${m})`;
  return `Tham số không hợp lệ: ${m}`;
}

/** Counts as Vietnamese write them ("9.553"), or English ("9,553"). */
export function formatCount(n: number, lang: Lang): string {
  const s = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : ".");
  return n < 0 ? `-${s}` : s;
}
