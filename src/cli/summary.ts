import { Dataset, Period, RoundingMode, day, defaultSettings, parsePeriod, periodLabelEn, periodLabelVi } from "../core/model";
import { understand } from "../core/understand";
import { checkDataset } from "../core/rules";
import {
  Figure, PreviousTermSource, Summary, SummaryRow, formatNumberEn, formatNumberVi, isNoData, reportParagraphs, summarize,
} from "../core/summary";
import { planSummarySheet } from "../core/plan";
import { writeWorkbookWithPlan } from "../xlsx/copyWithPlan";
import type { XlsxApplyReport } from "../xlsx/applyPlan";
import { PackageError } from "../xlsx/zipPackage";
import { oneLine } from "./terminalText";
import { CheckedOutput, OutputError, TEMP_OPEN_FLAGS, checkOutput, writeOutput } from "./safeWrite";
import { EXIT_OK, EXIT_UNREADABLE, Lang, Output, langOf, loadWorkbooks, printError, processOutput, t } from "./common";

export interface SummaryCommandOptions {
  period: string;
  rounding?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  compare?: boolean;
  /** Tables 1 and 2 against the previous term: from the Nhiệm kỳ column, or the roster named below. */
  compareTerm?: boolean;
  /** The previous term's roster in another .xlsx file. */
  previousRoster?: string;
  /** The previous term's roster in a sheet of the input. */
  previousSheet?: string;
  /** Print the report paragraph only. */
  text?: boolean;
  lang?: string;
}

/** The datasets of several files as one: a province summed from its communes' files. */
export function mergeDatasets(parts: readonly Dataset[]): Dataset {
  return {
    cells: parts.flatMap((d) => d.cells),
    cadres: parts.flatMap((d) => d.cadres),
    meetings: parts.flatMap((d) => d.meetings),
    communes: parts.flatMap((d) => d.communes),
  };
}

function todayUtc(): ReturnType<typeof day> {
  const now = new Date();
  return day(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/**
 * The JSON document of `--json`: the summary (each figure `{count, pct}`, or
 * null numbers with `notRecorded` saying why; with a comparison, also
 * `previousTerm` or `previousYear`, and `change`), how many counted rows carry
 * error findings, and the report paragraphs.
 */
export function summaryJson(summary: Summary, rowsWithErrors: number, lang: Lang = "vi"): object {
  return { ...summary, rowsWithErrors, report: reportParagraphs(summary, lang) };
}

function figureText(f: Figure | undefined, lang: Lang): string {
  if (f === undefined || f.notRecorded !== undefined) return "–";
  const num = (n: number, d = 0) => (lang === "vi" ? formatNumberVi(n, d) : formatNumberEn(n, d));
  const main = f.count === null ? (f.pct === null ? "–" : `${num(f.pct, 2)}%`) : f.pct === null ? num(f.count) : `${num(f.count)} (${num(f.pct, 2)}%)`;
  if (f.change === undefined) return main;
  const sign = f.change !== null && f.change > 0 ? "+" : "";
  const change = f.change === null ? "–" : `${sign}${num(f.change, f.pct === null ? 0 : 2)}`;
  const against = f.previousTerm !== undefined ? t(lang, "so với khóa trước", "vs previous term") : t(lang, "so với cùng kỳ", "vs last year");
  return `${main} [${against} ${change}]`;
}

/** A few lines a person reads in the terminal; the full tables are in --json and --out, the paragraph in --text. */
export function summaryText(summary: Summary, period: Period, lang: Lang, rowsWithErrors: number): string {
  const L: string[] = [];
  const fig = (row: SummaryRow<string>, key: string) => figureText((row.figures as Record<string, Figure>)[key], lang);
  const s = summary.tables.secretaries;
  const c = summary.tables.committee;
  const m = summary.tables.meetings.total;
  const noData = summary.tables.meetings.rows.filter((r) => isNoData(r) && isNoData(s.rows.find((x) => x.commune === r.commune) ?? r)).map((r) => oneLine(r.commune));
  L.push(t(lang, `Tổng hợp ${periodLabelVi(period)} (tỷ lệ ${summary.rounding === "round" ? "làm tròn" : "cắt bớt"} 2 chữ số thập phân)`, `Summary for ${periodLabelEn(period)} (percentages ${summary.rounding === "round" ? "rounded" : "truncated"} to 2 decimals)`));
  if (summary.openPeriod) L.push(t(lang, `Kỳ chưa kết thúc: tính đến ngày ${summary.openPeriod.today}.`, `The period is not over: as of ${summary.openPeriod.today}.`));
  L.push(t(lang, `Số đảng bộ xã/phường: ${summary.tables.meetings.rows.length}`, `Communes: ${summary.tables.meetings.rows.length}`) + (noData.length ? t(lang, `, chưa có số liệu: ${noData.join(", ")}`, `, no data yet: ${noData.join(", ")}`) : ""));
  for (const [label, table] of [[t(lang, "Bí thư chi bộ", "Cell secretaries"), s], [t(lang, "Cấp ủy viên cơ sở", "Committee members"), c]] as const) {
    const term = table.term.current ? ` (${t(lang, "nhiệm kỳ", "term")} ${oneLine(table.term.current)})` : "";
    const r = table.total;
    L.push(`${label}${term}: ${fig(r, "total")}; ${t(lang, "nữ", "women")} ${fig(r, "women")}; DTTS ${fig(r, "minority")}; ${t(lang, "dưới 40 tuổi", "under 40")} ${fig(r, "under40")}; ${t(lang, "cao đẳng trở lên", "college+")} ${fig(r, "education.caoDangTroLen")}`);
    const prev = table.term.previous;
    if (prev) L.push(oneLine(prev.label ? t(lang, `  so sánh với khóa trước: ${prev.label}`, `  compared with the previous term: ${prev.label}`) : `  ${prev.missing?.[lang] ?? ""}`));
  }
  L.push(t(lang, "Sinh hoạt chi bộ", "Cell meetings") + `: ${fig(m, "cells")} ${t(lang, "chi bộ", "cells")}, ${fig(m, "meetings")} ${t(lang, "buổi", "meetings")}; ` +
    `${t(lang, "đủ hằng tháng", "every month")} ${fig(m, "allMonthly")}; ${t(lang, "chuyên đề mỗi quý", "thematic each quarter")} ${fig(m, "thematicEveryQuarter")}; ` +
    `${t(lang, "dự bình quân", "attendance")} ${fig(m, "avgAttendancePct")}; ${t(lang, "đạt chất lượng", "quality")} ${fig(m, "quality")}`);
  if (summary.comparedWith) L.push(t(lang, `(so với cùng kỳ năm trước: ${summary.comparedWith})`, `(compared with ${summary.comparedWith})`));
  for (const col of summary.notRecorded) {
    const where = col.communes.length ? t(lang, ` (thiếu ở: ${col.communes.join(", ")})`, ` (missing in: ${col.communes.join(", ")})`) : "";
    L.push(oneLine(t(lang, `Không có cột “${col.label.vi}”${where}: ${col.why.vi}`, `No “${col.label.en}” column${where}: ${col.why.en}`)));
  }
  for (const l of summary.leftOut) L.push(`- ${oneLine(l.message[lang])}: ${formatNumberVi(l.count)}`);
  if (rowsWithErrors > 0) {
    L.push(t(lang, `${formatNumberVi(rowsWithErrors)} dòng có lỗi vẫn được tính ở những cột đọc được (xem "chibo check").`,
      `${rowsWithErrors} rows with errors are still counted where their fields could be read (see "chibo check").`));
  }
  return L.join("\n") + "\n";
}

/**
 * Where the previous term comes from: a roster file (read here), a sheet of
 * the input, or the Nhiệm kỳ column. Null when no comparison is asked; a
 * string when the roster named cannot be used (the message to print).
 */
async function previousTermSource(
  opts: SummaryCommandOptions, sheets: ReadonlySet<string>, lang: Lang, io: Output,
): Promise<PreviousTermSource | null | { error: [string, string] }> {
  if (opts.previousRoster) {
    const { loaded } = await loadWorkbooks([opts.previousRoster], lang, io);
    if (loaded.length === 0) return { error: [`Không đọc được danh sách khóa trước ${opts.previousRoster}.`, `Cannot read the previous-term roster ${opts.previousRoster}.`] };
    const cadres = understand(loaded[0].workbook).dataset.cadres;
    if (cadres.length === 0) {
      return { error: [`Tệp ${opts.previousRoster} không có bảng cán bộ nào: hãy chọn danh sách khóa trước khác.`, `${opts.previousRoster} holds no cadre table: choose another previous-term roster.`] };
    }
    return { from: "file", name: opts.previousRoster, cadres };
  }
  if (opts.previousSheet) {
    if (!sheets.has(opts.previousSheet)) {
      const list = [...sheets].join(", ");
      return { error: [`Không có trang "${opts.previousSheet}" trong tệp đầu vào (có: ${list}).`, `No sheet "${opts.previousSheet}" in the input (sheets: ${list}).`] };
    }
    return { from: "sheet", sheet: opts.previousSheet };
  }
  return opts.compareTerm ? { from: "terms" } : null;
}

export async function runSummary(files: string[], opts: SummaryCommandOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  const period = parsePeriod(opts.period ?? "");
  if (!period) {
    printError(lang, { vi: `Kỳ báo cáo không hợp lệ: "${opts.period}". Ví dụ: --period 2026-Q3 hoặc --period 2026.`, en: `Invalid period "${opts.period}". For example --period 2026-Q3 or --period 2026.` }, io);
    return EXIT_UNREADABLE;
  }
  const rounding: RoundingMode = opts.rounding === "truncate" ? "truncate" : "round";
  let target: CheckedOutput | null = null;
  if (opts.out) {
    // Before any reading: a folder that takes no file, or an --out that is an input, costs no work.
    try {
      target = await checkOutput(opts.out, { inputs: files, force: opts.force });
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      printError(lang, e.userText, io);
      return EXIT_UNREADABLE;
    }
  }
  const { loaded, failed } = await loadWorkbooks(files, lang, io);
  if (loaded.length === 0) return EXIT_UNREADABLE;
  const today = todayUtc();
  const settings = { ...defaultSettings(today), rounding };
  const parts: Dataset[] = [];
  let rowsWithErrors = 0;
  for (const { workbook } of loaded) {
    const { tables, dataset } = understand(workbook);
    parts.push(dataset);
    const errorRows = new Set(checkDataset(dataset, tables, settings, period).filter((f) => f.severity === "error").map((f) => `${f.sheet}\u0000${f.row}`));
    rowsWithErrors += errorRows.size;
  }
  const term = await previousTermSource(opts, new Set(loaded.flatMap((l) => l.workbook.sheets.map((s) => s.name))), lang, io);
  if (term !== null && "error" in term) {
    printError(lang, { vi: term.error[0], en: term.error[1] }, io);
    return EXIT_UNREADABLE;
  }
  const summary = summarize(mergeDatasets(parts), period, settings, { compareWithPreviousYear: Boolean(opts.compare), compareWithPreviousTerm: term ?? undefined });
  if (opts.json) io.out(JSON.stringify(summaryJson(summary, rowsWithErrors, lang), null, 2) + "\n");
  // Paragraph by paragraph, so a term label typed with control characters cannot break the terminal's lines.
  else if (opts.text) io.out(reportParagraphs(summary, lang).map((p) => oneLine(p.text)).join("\n\n") + "\n");
  else io.out(summaryText(summary, period, lang, rowsWithErrors));
  // Asked for and not made: said on stderr too, so a paragraph without "so với khóa trước" is never taken for a comparison.
  if (!opts.json) {
    const missing = summary.tables.secretaries.term.previous?.missing ?? summary.tables.committee.term.previous?.missing;
    if (missing) io.err(oneLine(t(lang, `Không so sánh được với khóa trước: ${missing.vi}`, `No comparison with the previous term: ${missing.en}`)) + "\n");
  }

  if (target) {
    // One input: a copy of it with the summary sheet added. Several: a new workbook with the summary sheet only
    // (their sheets together would be a merge of the communes' files, which `summary` does not do).
    const input = files.length === 1 && loaded.length === 1 ? loaded[0].path : null;
    if (!input) {
      io.err(oneLine(t(lang, `Có ${files.length} tệp đầu vào: tệp ${target.file} chỉ chứa trang tổng hợp.`, `${files.length} input files: ${target.file} holds the summary sheet only.`)) + "\n");
    }
    let report: XlsxApplyReport;
    try {
      const plan = planSummarySheet(summary, { lang });
      report = await writeOutput(target, (temp) => writeWorkbookWithPlan(input, temp, plan, TEMP_OPEN_FLAGS));
    } catch (e) {
      if (!(e instanceof OutputError) && !(e instanceof PackageError)) throw e;
      printError(lang, e.userText, io);
      return EXIT_UNREADABLE;
    }
    const sheet = report.sheets[0]?.actual ?? "";
    io.err(oneLine(t(lang, `Đã ghi ${target.file} (trang "${sheet}").`, `Wrote ${target.file} (sheet "${sheet}").`)) + "\n");
    for (const n of report.notes) io.err(oneLine(t(lang, n.vi, n.en)) + "\n");
  }
  return failed.length > 0 ? EXIT_UNREADABLE : EXIT_OK;
}
