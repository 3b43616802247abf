import { Dataset, Period, RoundingMode, day, defaultSettings, parsePeriod, periodLabelEn, periodLabelVi } from "../core/model";
import { understand } from "../core/understand";
import { checkDataset } from "../core/rules";
import { summarize, Summary, formatNumberVi, formatPctVi, CountPct, isNoData } from "../core/summary";
import { planSummarySheet } from "../core/plan";
import { writeWorkbookWithPlan } from "../xlsx/copyWithPlan";
import type { XlsxApplyReport } from "../xlsx/applyPlan";
import { PackageError } from "../xlsx/zipPackage";
import { oneLine } from "./terminalText";
import { CheckedOutput, OutputError, checkOutput, writeOutput } from "./safeWrite";
import { EXIT_OK, EXIT_UNREADABLE, Lang, Output, langOf, loadWorkbooks, printError, processOutput, t } from "./common";

export interface SummaryCommandOptions {
  period: string;
  rounding?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  compare?: boolean;
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

/** The JSON document of `--json`: the summary, plus how many counted rows carry error findings. */
export function summaryJson(summary: Summary, rowsWithErrors: number): object {
  return { ...summary, rowsWithErrors };
}

function pctText(c: CountPct): string {
  return `${formatNumberVi(c.count)} (${formatPctVi(c.pct)})`;
}

/** A few lines a person reads in the terminal; the full tables are in --json and --out. */
export function summaryText(summary: Summary, period: Period, lang: Lang, rowsWithErrors: number): string {
  const L: string[] = [];
  const s = summary.tables.secretaries.total;
  const c = summary.tables.committee.total;
  const m = summary.tables.meetings.total;
  const noData = summary.tables.meetings.rows.filter((r) => isNoData(r) && isNoData(summary.tables.secretaries.rows.find((x) => x.commune === r.commune) ?? r)).map((r) => oneLine(r.commune));
  L.push(t(lang, `Tổng hợp ${periodLabelVi(period)} (tỷ lệ ${summary.rounding === "round" ? "làm tròn" : "cắt bớt"} 2 chữ số thập phân)`, `Summary for ${periodLabelEn(period)} (percentages ${summary.rounding === "round" ? "rounded" : "truncated"} to 2 decimals)`));
  L.push(t(lang, `Số đảng bộ xã/phường: ${summary.tables.meetings.rows.length}`, `Communes: ${summary.tables.meetings.rows.length}`) + (noData.length ? t(lang, `, chưa có số liệu: ${noData.join(", ")}`, `, no data yet: ${noData.join(", ")}`) : ""));
  for (const [label, r] of [[t(lang, "Bí thư chi bộ", "Cell secretaries"), s], [t(lang, "Cấp ủy viên cơ sở", "Committee members"), c]] as const) {
    L.push(`${label}: ${formatNumberVi(r.total)}; ${t(lang, "nữ", "women")} ${pctText(r.women)}; DTTS ${pctText(r.minority)}; ${t(lang, "dưới 40 tuổi", "under 40")} ${pctText(r.under40)}; ${t(lang, "đại học trở lên", "university+")} ${pctText(r.education.daiHocTroLen)}`);
  }
  L.push(t(lang, "Sinh hoạt chi bộ", "Cell meetings") + `: ${formatNumberVi(m.cells)} ${t(lang, "chi bộ", "cells")}, ${formatNumberVi(m.meetings)} ${t(lang, "buổi", "meetings")}; ` +
    `${t(lang, "đủ hằng tháng", "every month")} ${pctText(m.allMonthly)}; ${t(lang, "chuyên đề mỗi quý", "thematic each quarter")} ${pctText(m.thematicEveryQuarter)}; ` +
    `${t(lang, "dự bình quân", "attendance")} ${formatPctVi(m.avgAttendancePct)}; ${t(lang, "đạt chất lượng", "quality")} ${pctText(m.quality)}`);
  if (m.previousYear && m.change) {
    L.push(t(lang, `Cùng kỳ năm trước (${summary.comparedWith}): ${formatNumberVi(m.previousYear.meetings)} buổi, tăng/giảm ${m.change.meetings >= 0 ? "+" : ""}${formatNumberVi(m.change.meetings)}`,
      `Same period last year (${summary.comparedWith}): ${formatNumberVi(m.previousYear.meetings)} meetings, change ${m.change.meetings >= 0 ? "+" : ""}${m.change.meetings}`));
  }
  for (const l of summary.leftOut) L.push(`- ${oneLine(lang === "en" ? l.messageEn : l.messageVi)}: ${formatNumberVi(l.count)}`);
  if (rowsWithErrors > 0) {
    L.push(t(lang, `${formatNumberVi(rowsWithErrors)} dòng có lỗi vẫn được tính ở những cột đọc được (xem "chibo check").`,
      `${rowsWithErrors} rows with errors are still counted where their fields could be read (see "chibo check").`));
  }
  return L.join("\n") + "\n";
}

export async function runSummary(files: string[], opts: SummaryCommandOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  const period = parsePeriod(opts.period ?? "");
  if (!period) {
    printError(lang, `Kỳ báo cáo không hợp lệ: "${opts.period}". Ví dụ: --period 2026-Q3 hoặc --period 2026.`, `Invalid period "${opts.period}". For example --period 2026-Q3 or --period 2026.`, io);
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
      printError(lang, e.messageVi, e.messageEn, io);
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
  const summary = summarize(mergeDatasets(parts), period, settings, { compareWithPreviousYear: Boolean(opts.compare) });
  if (opts.json) io.out(JSON.stringify(summaryJson(summary, rowsWithErrors), null, 2) + "\n");
  else io.out(summaryText(summary, period, lang, rowsWithErrors));

  if (target) {
    // One input: a copy of it with the summary sheet added. Several: a new workbook with the summary sheet only
    // (their sheets together would be a merge of the communes' files, which `summary` does not do).
    const input = files.length === 1 && loaded.length === 1 ? loaded[0].path : null;
    if (!input) {
      io.err(oneLine(t(lang, `Có ${files.length} tệp đầu vào: tệp ${target.file} chỉ chứa trang tổng hợp.`, `${files.length} input files: ${target.file} holds the summary sheet only.`)) + "\n");
    }
    let report: XlsxApplyReport | null = null;
    try {
      const plan = planSummarySheet(summary, { lang });
      await writeOutput(target, async (temp) => { report = await writeWorkbookWithPlan(input, temp, plan); });
    } catch (e) {
      if (!(e instanceof OutputError) && !(e instanceof PackageError)) throw e;
      printError(lang, e.messageVi, e.messageEn, io);
      return EXIT_UNREADABLE;
    }
    const done = report as XlsxApplyReport | null;
    const sheet = done?.sheets[0]?.actual ?? "";
    io.err(oneLine(t(lang, `Đã ghi ${target.file} (trang "${sheet}").`, `Wrote ${target.file} (sheet "${sheet}").`)) + "\n");
    for (const n of done?.notes ?? []) io.err(oneLine(t(lang, n.vi, n.en)) + "\n");
  }
  return failed.length > 0 ? EXIT_UNREADABLE : EXIT_OK;
}
