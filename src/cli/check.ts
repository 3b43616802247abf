import {
  Dataset, DayDate, DetectedTable, Finding, Period, RULE_IDS, RuleId, Severity, SeverityCounts, Text, WorkbookData, day,
  defaultSettings, formatPeriod, parsePeriod, periodLabelEn, periodLabelVi,
} from "../core/model";
import { checkDataset, countBySeverity, defaultPeriod } from "../core/rules";
import { understand } from "../core/understand";
import { readWorkbookFile } from "../xlsx/read";
import { XlsxReadError } from "../xlsx/errors";
import { oneLine } from "./terminalText";
import { EXIT_DATA_ERRORS, EXIT_OK, EXIT_UNREADABLE, Lang, Output, createProgress, langOf, printError, processOutput } from "./common";

/** What checking one file gave: findings, or the sentence that says why the file could not be checked. */
export type FileResult =
  | { file: string; ok: true; period: Period; periodIsDefault: boolean; findings: Finding[]; counts: SeverityCounts; tables: DetectedTable[] }
  | { file: string; ok: false; error: Text };

export interface CheckWorkbookOptions {
  period: Period | null;
  today: DayDate;
}

/**
 * understand + check for one workbook already in memory. A workbook in which
 * no table is recognised cannot be checked: that is an error result, not "no findings".
 */
export function checkWorkbook(file: string, workbook: WorkbookData, opts: CheckWorkbookOptions): FileResult {
  if (workbook.sheets.length === 0 || workbook.sheets.every((s) => s.values.length === 0)) {
    return {
      file, ok: false, error: {
        vi: `Tệp ${file} không có dữ liệu: sổ làm việc trống.`,
        en: `File ${file} holds no data: the workbook is empty.`,
      },
    };
  }
  const { tables, dataset } = understand(workbook) as { tables: DetectedTable[]; dataset: Dataset };
  const checked = tables.filter((t) => t.kind !== "communes");
  if (checked.length === 0) {
    // Each sheet with the reason it gave no table (understand's sheet notes), so the sentence says what to change.
    const why = (lang: "vi" | "en") => [
      ...workbook.sheets.map((s) => {
        const note = dataset.sheetNotes?.find((n) => n.sheet === s.name);
        return note ? `${s.name}: ${note.detail[lang]}` : s.name;
      }),
      ...(dataset.sheetNotes ?? []).filter((n) => n.reason === "unreadable").map((n) => `${n.sheet}: ${n.detail[lang]}`),
    ].join("; ");
    return {
      file, ok: false, error: {
        vi: `Không tìm thấy bảng chi bộ, cán bộ hay sinh hoạt chi bộ nào trong tệp ${file} (các trang: ${why("vi")}). ` +
          `Hãy kiểm tra dòng tiêu đề cột (ví dụ "Chi bộ", "Họ và tên", "Ngày sinh hoạt"), hoặc dùng "chibo inspect" để xem tệp được hiểu thế nào.`,
        en: `No party-cell, cadre or meeting table was found in ${file} (sheets: ${why("en")}). ` +
          `Check the column header row (e.g. "Chi bộ", "Họ và tên", "Ngày sinh hoạt"), or run "chibo inspect" to see how the file is understood.`,
      },
    };
  }
  const fallback = defaultPeriod(dataset, opts.today);
  const period = opts.period ?? fallback ?? { kind: "year", year: opts.today.y };
  const findings = checkDataset(dataset, tables, defaultSettings(opts.today), period);
  return { file, ok: true, period, periodIsDefault: opts.period === null, findings, counts: countBySeverity(findings), tables };
}

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Errors", warning: "Warnings", info: "Info" },
};

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));

/** Findings grouped by rule, in docs/RULES.md order; within a rule, in sheet/row order as checkDataset sorted them. */
export function groupByRule(findings: readonly Finding[]): Array<{ rule: RuleId; findings: Finding[] }> {
  const groups = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    let g = groups.get(f.rule);
    if (!g) groups.set(f.rule, (g = []));
    g.push(f);
  }
  return [...groups.entries()]
    .sort((a, b) => (RULE_ORDER.get(a[0]) ?? 99) - (RULE_ORDER.get(b[0]) ?? 99))
    .map(([rule, list]) => ({ rule, findings: list }));
}

function formatNumberVi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function quoteSheet(sheet: string): string {
  return oneLine(/^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
}

/**
 * The human report: per file, counts by severity, then findings grouped by rule
 * with sheet!address. Whatever comes from a file (its name, sheet names,
 * messages quoting cells) goes through oneLine: it cannot move the cursor,
 * overwrite a line or start one.
 */
export function formatText(results: readonly FileResult[], lang: Lang, limitPerRule: number | null): string {
  const lines: string[] = [];
  const n = (x: number) => (lang === "vi" ? formatNumberVi(x) : x.toLocaleString("en-US"));
  for (const r of results) {
    lines.push(`== ${oneLine(r.file)}`);
    if (!r.ok) {
      lines.push(oneLine(lang === "vi" ? r.error.vi : r.error.en), "");
      continue;
    }
    const label = lang === "vi" ? periodLabelVi(r.period) : periodLabelEn(r.period);
    const note = r.periodIsDefault
      ? lang === "vi" ? ` (kỳ mặc định: năm của buổi sinh hoạt gần nhất; dùng --period để chọn kỳ khác)` : ` (default period: the year of the latest meeting; use --period to choose)`
      : "";
    lines.push((lang === "vi" ? "Kỳ báo cáo: " : "Period: ") + label + note);
    const c = r.counts;
    const sev = SEVERITY_LABEL[lang];
    lines.push(`${sev.error}: ${n(c.error)}   ${sev.warning}: ${n(c.warning)}   ${sev.info}: ${n(c.info)}`);
    for (const g of groupByRule(r.findings)) {
      const per = countBySeverity(g.findings);
      const heading = SEVERITIES.filter((k) => per[k] > 0).map((k) => `${sev[k]}: ${n(per[k])}`).join(", ");
      lines.push("", `[${g.rule}] ${heading}`);
      // Errors first inside a rule, so three unreadable dates are not hidden behind 50,000 dates typed as text.
      const ordered = [...g.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      const shown = limitPerRule === null ? ordered : ordered.slice(0, limitPerRule);
      for (const f of shown) {
        const fix = f.fix ? `  → ${lang === "vi" ? "Sửa" : "Fix"}: ${oneLine(f.fix.description[lang])}` : "";
        lines.push(`  ${quoteSheet(f.sheet)}!${f.address}  ${oneLine(f.message[lang])}${fix}`);
      }
      const hidden = g.findings.length - shown.length;
      if (hidden > 0) {
        lines.push(lang === "vi"
          ? `  … và ${n(hidden)} phát hiện khác (dùng --all hoặc --json để xem hết)`
          : `  … and ${n(hidden)} more (use --all or --json to see them all)`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** The --json document: the shape issue 3 fixes (message in Vietnamese, messageEn in English); --lang picks the language of file errors. */
export function jsonDocument(results: readonly FileResult[], lang: Lang): unknown {
  return {
    files: results.map((r) => r.ok
      ? {
          file: r.file,
          period: formatPeriod(r.period),
          // True when --period was not given and the period is the year of the latest meeting.
          periodIsDefault: r.periodIsDefault,
          findings: r.findings.map((f) => ({
            rule: f.rule, severity: f.severity, sheet: f.sheet, address: f.address, row: f.row, column: f.column,
            value: f.value,
            // A date cell's serial as the day it means ("15/08/2026"), when the value is one.
            ...(f.valueText !== undefined ? { valueText: f.valueText } : {}),
            message: f.message.vi,
            messageEn: f.message.en,
            fix: f.fix
              ? { value: f.fix.value, ...(f.fix.valueText !== undefined ? { valueText: f.fix.valueText } : {}), description: f.fix.description.vi, descriptionEn: f.fix.description.en }
              : null,
            ...(f.relatedRows ? { relatedRows: f.relatedRows } : {}),
          })),
          counts: r.counts,
        }
      : { file: r.file, error: lang === "vi" ? r.error.vi : r.error.en, findings: [], counts: { error: 0, warning: 0, info: 0 } }),
  };
}

/** 0: no file has an error; 1: some file has errors; 2: some file could not be read. */
export function exitCodeFor(results: readonly FileResult[]): number {
  if (results.some((r) => !r.ok)) return EXIT_UNREADABLE;
  return results.some((r) => r.ok && r.counts.error > 0) ? EXIT_DATA_ERRORS : EXIT_OK;
}

function localToday(): DayDate {
  const now = new Date();
  return day(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function checkFile(file: string, opts: CheckWorkbookOptions, lang: Lang, io: Output): Promise<FileResult> {
  const progress = createProgress(lang === "vi" ? `Đang đọc ${file}` : `Reading ${file}`, io);
  let workbook: WorkbookData;
  try {
    workbook = await readWorkbookFile(file, { onProgress: (rows) => progress.update(rows) });
  } catch (e) {
    if (e instanceof XlsxReadError) return { file, ok: false, error: e.userText };
    const detail = e instanceof Error ? e.message : String(e);
    return { file, ok: false, error: { vi: `Không đọc được tệp ${file}: ${detail}`, en: `Could not read ${file}: ${detail}` } };
  } finally {
    progress.done();
  }
  return checkWorkbook(file, workbook, opts);
}

export interface CheckCliOptions {
  period?: string;
  json?: boolean;
  lang?: string;
  all?: boolean;
}

/** `chibo check FILE... [--period P] [--json] [--all]`: findings per file; exit 0, 1 (errors in the data) or 2 (unreadable). */
export async function runCheck(files: string[], opts: CheckCliOptions, io: Output = processOutput()): Promise<number> {
  const lang = langOf(opts);
  let period: Period | null = null;
  if (opts.period !== undefined) {
    period = parsePeriod(opts.period);
    if (period === null) {
      printError(lang,
        {
          vi: `Kỳ báo cáo không hợp lệ: "${opts.period}". Ví dụ đúng: --period 2026-Q3 (quý III năm 2026) hoặc --period 2026 (cả năm).`,
          en: `Invalid period "${opts.period}". Examples: --period 2026-Q3 (third quarter) or --period 2026 (whole year).`,
        }, io);
      return EXIT_UNREADABLE;
    }
  }
  const today = localToday();
  const results: FileResult[] = [];
  for (const file of files) {
    const r = await checkFile(file, { period, today }, lang, io);
    // With --json, stdout holds the document only; the reason is also said on stderr for a person.
    if (!r.ok && opts.json) io.err(oneLine(lang === "vi" ? r.error.vi : r.error.en) + "\n");
    results.push(r);
  }
  if (opts.json) io.out(JSON.stringify(jsonDocument(results, lang)) + "\n");
  else io.out(formatText(results, lang, opts.all ? null : 100) + "\n");
  return exitCodeFor(results);
}
