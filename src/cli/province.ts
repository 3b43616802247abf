import * as fs from "fs";
import {
  type CellValue, type CommuneRecord, type Period, type SheetData, type Text, type WorkbookData, type WritePlan, day, defaultSettings,
  formatPeriod, parsePeriod,
} from "../core/model";
import { understand } from "../core/understand";
import {
  CONSOLIDATED_KINDS, CONSOLIDATED_SHEETS, STATUS_LABELS, STATUS_SHEET, ProvinceSession, consolidatedFields, consolidatedHeader,
  statusNote, type StatusTable,
} from "../core/province";
import { readWorkbookFile } from "../xlsx/read";
import { XlsxReadError } from "../xlsx/errors";
import { writeWorkbookFile } from "../xlsx/write";
import { parseRange } from "../xlsx/applyPlan";
import { oneLine } from "./terminalText";
import { OutputError, checkOutput, writeOutput } from "./safeWrite";
import { EXIT_DATA_ERRORS, EXIT_OK, EXIT_UNREADABLE, type Lang, type Output, createProgress, formatCount, langOf, printError, processOutput, t } from "./common";

/**
 * `chibo status` and `chibo merge`: the province's side of the command line,
 * the same core as the pane's "Gộp số liệu các xã". Files are read one at a
 * time and reduced as they are read (core/province), so 166 files cost what
 * their rows cost, not what 166 workbooks do.
 */
export interface ProvinceCommandOptions {
  period?: string;
  communes?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  lang?: string;
}

function todayUtc() {
  const now = new Date();
  return day(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

function sentenceOf(e: unknown, file: string): Text {
  const err = e instanceof XlsxReadError ? e : new XlsxReadError("corrupt", file, e instanceof Error ? e.message : String(e));
  return err.userText;
}

/** The communes list of --communes LIST.xlsx: its COMMUNES table, in order; a sentence when it has none. */
async function readList(file: string, lang: Lang, io: Output): Promise<CommuneRecord[] | null> {
  let workbook: WorkbookData;
  try {
    workbook = await readWorkbookFile(file);
  } catch (e) {
    const m = sentenceOf(e, file);
    printError(lang, m, io);
    return null;
  }
  const list = understand(workbook).dataset.communes.filter((c) => c.commune !== null && c.commune.trim() !== "");
  if (list.length === 0) {
    printError(lang,
      {
        vi: `Tệp ${file} không có bảng danh sách xã: cần một trang có cột "Tên xã/phường" (hoặc "Đảng bộ xã/phường"), mỗi dòng một xã.`,
        en: `${file} has no communes list: it needs a sheet with a "Tên xã/phường" (or "Commune") column, one commune per row.`,
      }, io);
    return null;
  }
  return list;
}

/** Reads the files one by one into the session; a file that cannot be read is noted with its sentence and the others go on. */
async function readInto(session: ProvinceSession, files: readonly string[], lang: Lang, io: Output): Promise<number> {
  let failed = 0;
  const bar = createProgress(t(lang, "Đang đọc các tệp", "Reading the files"), io);
  for (const [i, file] of files.entries()) {
    let modified: number | null = null;
    try {
      modified = (await fs.promises.stat(file)).mtimeMs;
    } catch {
      // The reader says what is wrong with a file it cannot open.
    }
    try {
      session.add(file, await readWorkbookFile(file), modified);
    } catch (e) {
      failed++;
      const m = sentenceOf(e, file);
      session.failed(file, m, modified);
      io.err(`${oneLine(m[lang])}\n`);
    }
    bar.update(i + 1, files.length);
  }
  bar.done();
  return failed;
}

/** `--json`: the period, and per commune its status, files (the one used first) and findings. */
export function statusJson(table: StatusTable, period: Period): object {
  return {
    period: formatPeriod(period),
    communes: table.rows.map((r) => ({ commune: r.commune, status: r.status, files: r.files.map((f) => f.file), counts: r.counts })),
    unreadable: table.unreadable.map((u) => ({ file: u.file, message: u.message.vi, messageEn: u.message.en })),
    noCommune: table.noCommune,
  };
}

export function statusText(table: StatusTable, lang: Lang): string {
  const L: string[] = [];
  const count = (s: "sent" | "errors" | "missing") => table.rows.filter((r) => r.status === s).length;
  L.push(t(lang,
    `${table.rows.length} xã: đã nộp ${count("sent")}, có lỗi ${count("errors")}, chưa nộp ${count("missing")}`,
    `${table.rows.length} communes: sent ${count("sent")}, with errors ${count("errors")}, not sent ${count("missing")}`));
  for (const r of table.rows) {
    const used = r.files.find((f) => f.used);
    const parts = [oneLine(r.commune), STATUS_LABELS[r.status][lang]];
    if (used) {
      parts.push(t(lang, `${r.counts.error} lỗi, ${r.counts.warning} cảnh báo`, `${r.counts.error} errors, ${r.counts.warning} warnings`));
      parts.push(`${oneLine(used.file)} (${used.period?.[lang] ?? t(lang, "không rõ kỳ", "period unknown")})`);
    }
    const note = statusNote(r, lang);
    if (note) parts.push(oneLine(note));
    L.push(`- ${parts.join(" — ")}`);
  }
  for (const f of table.noCommune) {
    L.push(t(lang, `Tệp ${oneLine(f)}: không thấy dòng nào ghi tên xã/phường.`, `File ${oneLine(f)}: no row names a commune.`));
  }
  return L.join("\n") + "\n";
}

/** `chibo status FILE... [--communes LIST.xlsx] --period P [--json]`: who has sent what. Exit 1 when a commune has errors or has not sent. */
export async function runStatus(files: string[], opts: ProvinceCommandOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  const period = parsePeriod(opts.period ?? "");
  if (!period) {
    printError(lang, { vi: `Kỳ báo cáo không hợp lệ: "${opts.period ?? ""}". Ví dụ: --period 2025-Q3 hoặc --period 2025.`, en: `Invalid period "${opts.period ?? ""}". For example --period 2025-Q3 or --period 2025.` }, io);
    return EXIT_UNREADABLE;
  }
  const list = opts.communes ? await readList(opts.communes, lang, io) : [];
  if (list === null) return EXIT_UNREADABLE;
  const session = new ProvinceSession(period, defaultSettings(todayUtc()), list);
  const failed = await readInto(session, files, lang, io);
  const table = session.status();
  io.out(opts.json ? JSON.stringify(statusJson(table, period), null, 2) + "\n" : statusText(table, lang));
  if (failed > 0) return EXIT_UNREADABLE;
  return table.rows.some((r) => r.status !== "sent") ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** The values a plan writes on one sheet, laid out as a grid from A1 (what writeWorkbookFile takes). */
function gridOf(plan: WritePlan, sheet: string): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const op of plan.ops) {
    if (op.op !== "values" || op.sheet !== sheet) continue;
    const r = parseRange(op.address);
    if (!r) continue;
    op.values.forEach((row, i) => {
      const line = (grid[r.r1 - 1 + i] ??= []);
      row.forEach((v, j) => (line[r.c1 - 1 + j] = v));
    });
  }
  for (let i = 0; i < grid.length; i++) {
    const line = (grid[i] ??= []);
    for (let j = 0; j < line.length; j++) if (line[j] === undefined) line[j] = "";
  }
  return grid;
}

/**
 * `chibo merge FILE... --out OUT.xlsx [--communes LIST.xlsx] [--period P] [--force]`:
 * one workbook with the consolidated CELLS, CADRES and MEETINGS sheets (each
 * row with its source file), the communes list, and, with --period, the
 * "Tình hình nộp báo cáo" sheet. Written through safeWrite: never over an
 * input, never over an existing file without --force, whole or not at all.
 */
export async function runMerge(files: string[], opts: ProvinceCommandOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  if (!opts.out) {
    printError(lang, { vi: "Thiếu --out: hãy cho biết tệp cần ghi, ví dụ: chibo merge xa/*.xlsx --out tinh.xlsx", en: "Missing --out: name the file to write, e.g. chibo merge communes/*.xlsx --out province.xlsx" }, io);
    return EXIT_UNREADABLE;
  }
  let period: Period | null = null;
  if (opts.period !== undefined) {
    period = parsePeriod(opts.period);
    if (!period) {
      printError(lang, { vi: `Kỳ báo cáo không hợp lệ: "${opts.period}". Ví dụ: --period 2025-Q3 hoặc --period 2025.`, en: `Invalid period "${opts.period}". For example --period 2025-Q3 or --period 2025.` }, io);
      return EXIT_UNREADABLE;
    }
  }
  try {
    // The target is checked before any file is read, so a bad --out costs no work.
    const target = await checkOutput(opts.out, { force: opts.force, inputs: opts.communes ? [...files, opts.communes] : files });
    const list = opts.communes ? await readList(opts.communes, lang, io) : [];
    if (list === null) return EXIT_UNREADABLE;
    const session = new ProvinceSession(period, defaultSettings(todayUtc()), list);
    const failed = await readInto(session, files, lang, io);
    const rows = session.consolidatedRows();
    const sheets: SheetData[] = CONSOLIDATED_KINDS.map((kind) => {
      const columnFormats: Record<number, string> = {};
      consolidatedFields(kind).forEach((f, i) => {
        if (f.type === "date") columnFormats[i + 1] = "dd/mm/yyyy";
        if (f.type === "birth") columnFormats[i + 1] = "[<3000]0;dd/mm/yyyy";
      });
      return { name: CONSOLIDATED_SHEETS[kind], originRow: 1, originCol: 1, values: [consolidatedHeader(kind), ...rows[kind]], columnFormats };
    });
    const communes = session.communeList();
    if (communes.length > 0) {
      sheets.push({ name: "Danh sách xã", originRow: 1, originCol: 1, values: [["STT", "Tên xã/phường", "Mã"], ...communes.map((c, i) => [i + 1, c.commune ?? "", c.code ?? ""])] });
    }
    if (period) sheets.push({ name: STATUS_SHEET[lang], originRow: 1, originCol: 1, values: gridOf(session.statusPlan(lang), STATUS_SHEET[lang]) });
    const header = Object.fromEntries(sheets.map((s) => [s.name, [1]]));
    await writeOutput(target, (temp) => writeWorkbookFile(temp, { sheets }, { boldRows: header }));
    const used = session.status().rows.filter((r) => r.files.length > 0).length;
    io.err(t(lang,
      `Đã ghi ${opts.out}: ${formatCount(used, lang)} xã, ${formatCount(rows.cells.length, lang)} chi bộ, ${formatCount(rows.cadres.length, lang)} cán bộ, ${formatCount(rows.meetings.length, lang)} buổi sinh hoạt.\n`,
      `Wrote ${opts.out}: ${formatCount(used, lang)} communes, ${formatCount(rows.cells.length, lang)} cells, ${formatCount(rows.cadres.length, lang)} cadres, ${formatCount(rows.meetings.length, lang)} meetings.\n`));
    return failed > 0 ? EXIT_UNREADABLE : EXIT_OK;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    printError(lang, e.userText, io);
    return EXIT_UNREADABLE;
  }
}
