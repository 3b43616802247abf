import { useEffect, useRef, useState } from "react";
import { Button, Checkbox, Field, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { SETTINGS, type RoundingMode, Text } from "../core/model";
import type { Summary } from "../app/engine";
import { CADRE_COLUMNS, MEETING_COLUMNS, reportText, type Figure, type SummarizeOptions } from "../core/summary";
import { fillForm, writeSummary } from "../app/flow";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { PeriodPicker } from "./PeriodPicker";
import type { SharedTabProps } from "./tabProps";

/** Before a summary there are no forms; one list, so the effect on `forms` runs only when it changes. */
const NO_FORMS: string[] = [];

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  value: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  term: { minWidth: 0 },
  group: { gridColumn: "1 / -1", margin: `${tokens.spacingVerticalXS} 0 0`, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  note: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  paragraph: { fontSize: tokens.fontSizeBase200 },
});

/** What the tab keeps of "Tạo bảng tổng hợp": the summary, and the sheets that look like its forms. */
export interface SummaryView {
  summary: Summary;
  formSheets: string[];
}

export interface SummaryTabProps extends SharedTabProps {
  summary: SummaryView | null;
  onSummary: (s: SummaryView) => void;
  onRounding: (r: RoundingMode) => void;
}

type Lang = "vi" | "en";
const T = {
  compare: { vi: "So sánh", en: "Compare" },
  compareYear: { vi: "Cùng kỳ năm trước (biểu 3)", en: "Same period last year (table 3)" },
  compareTerm: { vi: "Khóa trước (biểu 1, 2)", en: "Previous term (tables 1, 2)" },
  roster: { vi: "Danh sách khóa trước", en: "Previous term's roster" },
  byTerm: { vi: "Theo cột Nhiệm kỳ trong dữ liệu", en: "From the Term column of the data" },
  sheetRoster: { vi: "Trang", en: "Sheet" },
  secretaries: { vi: "Bí thư chi bộ", en: "Cell secretaries" },
  committee: { vi: "Cấp ủy viên cơ sở", en: "Grassroots committee members" },
  meetings: { vi: "Sinh hoạt chi bộ", en: "Cell meetings" },
  notRecordedMark: { vi: "– : không ghi nhận, không phải 0", en: "– : not recorded, not 0" },
  missingColumns: { vi: "Cột không có trong sổ tính", en: "Columns not in the workbook" },
  missingIn: { vi: "thiếu ở", en: "missing in" },
  report: { vi: "Đoạn báo cáo", en: "Report paragraph" },
  copy: { vi: "Sao chép đoạn báo cáo", en: "Copy the paragraph" },
  copied: { vi: "Đã sao chép", en: "Copied" },
  copyFailed: { vi: "Không sao chép được: hãy chọn đoạn văn rồi nhấn Ctrl+C.", en: "Could not copy: select the text and press Ctrl+C." },
  noForms: {
    vi: "Chưa thấy trang nào giống biểu mẫu: cần một trang có dòng mang tên xã/phường (hoặc “Toàn tỉnh”) và cột mang tên chỉ tiêu (“Nữ”, “Dưới 40 tuổi”…).",
    en: "No sheet looks like a form yet: it needs rows named after communes (or “Toàn tỉnh”) and columns named after figures (“Nữ”, “Dưới 40 tuổi”…).",
  },
  notAForm: {
    vi: "Trang “{sheet}” không khớp biểu mẫu: không có dòng nào mang tên xã/phường hay “Toàn tỉnh”, hoặc không có cột nào mang tên chỉ tiêu. Không ghi ô nào.",
    en: "Sheet “{sheet}” does not match a form: no row is named after a commune or “Toàn tỉnh”, or no column after a figure. Nothing was written.",
  },
  noDataRows: { vi: "Để trống (chưa có số liệu)", en: "Left blank (no data yet)" },
  notRecordedCells: { vi: "Ghi “–” (không ghi nhận)", en: "Written “–” (not recorded)" },
  skipped: { vi: "Ô bỏ qua", en: "Cell skipped" },
} satisfies Record<string, Text>;

const KEY_CADRE = CADRE_COLUMNS.filter((c) => "keyFigure" in c && c.keyFigure);
const KEY_MEETING = MEETING_COLUMNS.filter((c) => "keyFigure" in c && c.keyFigure);

/** A figure as the pane shows it: "961 (27,68%)", "92,10%", or "–" when it is not recorded; with a comparison, its change. */
function figureText(f: Figure | undefined, lang: Lang): string {
  if (f === undefined || f.notRecorded !== undefined) return "–";
  const main = f.count === null
    ? (f.pct === null ? "–" : `${formatNumber(f.pct, lang, 2)}%`)
    : f.pct === null ? formatNumber(f.count, lang) : `${formatNumber(f.count, lang)} (${formatNumber(f.pct, lang, 2)}%)`;
  if (f.change === undefined || f.change === null) return main;
  const sign = f.change > 0 ? "+" : f.change < 0 ? "−" : "±";
  return `${main} ${sign}${formatNumber(Math.abs(f.change), lang, f.count !== null && f.pct === null ? 0 : 2)}`;
}

export function KeyFigures({ summary }: { summary: Summary }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const groups: Array<{ title: Text; columns: ReadonlyArray<{ key: string; vi: string; en: string }>; figures: Record<string, Figure> }> = [
    { title: T.secretaries, columns: KEY_CADRE, figures: summary.tables.secretaries.total.figures },
    { title: T.committee, columns: KEY_CADRE, figures: summary.tables.committee.total.figures },
    { title: T.meetings, columns: KEY_MEETING, figures: summary.tables.meetings.total.figures },
  ];
  // Why a figure shows "–": the reasons, once each.
  const reasons = new Set<string>();
  for (const g of groups) for (const c of g.columns) {
    const f = g.figures[c.key];
    if (f?.notRecorded) reasons.add(f.notRecorded[lang]);
  }
  return (
    <section aria-label={t("keyFigures")}>
      <h3 className={styles.heading}>{t("keyFigures")}</h3>
      <dl className={styles.figures} data-testid="key-figures">
        {groups.map((g) => (
          <div key={g.title.vi} style={{ display: "contents" }}>
            <dt className={styles.group}>{g.title[lang]}</dt>
            <dd className={styles.group} aria-hidden="true" />
            {g.columns.map((c) => (
              <div key={c.key} style={{ display: "contents" }}>
                <dt className={styles.term}>{c[lang]}</dt>
                <dd className={styles.value} title={g.figures[c.key]?.notRecorded?.[lang]}>{figureText(g.figures[c.key], lang)}</dd>
              </div>
            ))}
          </div>
        ))}
        {reasons.size > 0 && <p className={styles.note}>{T.notRecordedMark[lang]}: {[...reasons].join("; ")}</p>}
      </dl>
    </section>
  );
}

/** The columns the workbook does not have, and why each matters. */
function MissingColumns({ summary }: { summary: Summary }) {
  const { lang } = useI18n();
  const common = useCommonStyles();
  const styles = useStyles();
  if (summary.notRecorded.length === 0) return null;
  return (
    <section aria-label={T.missingColumns[lang]} data-testid="missing-columns">
      <h3 className={styles.heading}>{T.missingColumns[lang]} ({summary.notRecorded.length})</h3>
      <ul className={`${common.list} ${common.wrapText}`}>
        {summary.notRecorded.map((m) => (
          <li key={`${m.table}.${m.field}`} className={styles.paragraph}>
            <strong>“{m.label[lang]}”</strong>: {m.why[lang]}
            {m.communes.length > 0 && ` (${T.missingIn[lang]}: ${m.communes.join(", ")})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Copies text: the Clipboard API where the host allows it, else a selected textarea and the copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office hosts may refuse the Clipboard API: fall through to the copy command.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  document.body.removeChild(area);
  return ok;
}

/** The report paragraph in the pane's language, to copy into the office's report in one click. */
function ReportParagraph({ summary }: { summary: Summary }) {
  const { lang } = useI18n();
  const common = useCommonStyles();
  const styles = useStyles();
  const text = reportText(summary, lang);
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  useEffect(() => setCopied("idle"), [text]);
  if (text === "") return null;
  const copy = async () => {
    const ok = await copyText(text);
    setCopied(ok ? "done" : "failed");
    if (timer.current) clearTimeout(timer.current);
    if (ok) timer.current = setTimeout(() => setCopied("idle"), 3000);
  };
  return (
    <section className={common.card} aria-label={T.report[lang]}>
      <Field label={T.report[lang]} validationState={copied === "failed" ? "error" : "none"} validationMessage={copied === "failed" ? T.copyFailed[lang] : undefined}>
        <Textarea className={styles.paragraph} value={text} readOnly resize="vertical" rows={8} data-testid="report-paragraph" />
      </Field>
      <div className={common.row}>
        <Button onClick={copy} data-testid="copy-report">{copied === "done" ? `${T.copied[lang]} ✓` : T.copy[lang]}</Button>
      </div>
    </section>
  );
}

/** "terms", or the name of the sheet holding the previous term's roster. */
type TermChoice = "terms" | `sheet:${string}`;

export function SummaryTab({ deps, task, settings, mappings, period, setPeriod, summary, onSummary, onRounding }: SummaryTabProps) {
  const { t, lang } = useI18n();
  const common = useCommonStyles();
  const busy = task.busy !== null;
  const [sheets, setSheets] = useState<string[]>([]);
  const [formSheet, setFormSheet] = useState("");
  const [compareYear, setCompareYear] = useState(false);
  const [compareTerm, setCompareTerm] = useState(false);
  const [termChoice, setTermChoice] = useState<TermChoice>("terms");
  const forms = summary?.formSheets ?? NO_FORMS;

  const refreshSheets = () => {
    deps.ops.listSheets().then(setSheets, (err) => console.error(err));
  };
  useEffect(refreshSheets, [deps]);
  // The chosen form must be one of the forms found; a summary made again may have found others.
  useEffect(() => {
    if (formSheet !== "" && !forms.includes(formSheet)) setFormSheet("");
  }, [forms, formSheet]);

  const options = (): SummarizeOptions => ({
    compareWithPreviousYear: compareYear,
    compareWithPreviousTerm: !compareTerm ? undefined : termChoice === "terms" ? { from: "terms" } : { from: "sheet", sheet: termChoice.slice("sheet:".length) },
  });

  const make = async () => {
    const r = await task.run(t("makeSummary"), (p, s) => writeSummary(deps, { period, settings, mappings, lang, options: options() }, p, s), { cancellable: true });
    if (!r) return;
    onSummary({ summary: r.summary, formSheets: r.formSheets });
    refreshSheets();
    // Rows the summary had to leave out, and columns it did not find, are said plainly, so nobody reads a short count as the truth.
    const leftOut = r.summary.leftOut.filter((l) => l.count > 0).map((l) => `${l.message[lang]} (${formatNumber(l.count, lang)})`);
    const missing = r.summary.notRecorded.map((m) => `${T.missingColumns[lang]}: “${m.label[lang]}”`);
    const details = [...leftOut, ...missing];
    task.setNotice({
      intent: details.length ? "warning" : "success",
      text: t("summaryDone", { sheet: r.report.sheets[0]?.actual ?? "", charts: r.report.charts.length }),
      details,
    });
  };

  const fill = async () => {
    if (!summary) {
      task.setNotice({ intent: "warning", text: t("needSummaryFirst") });
      return;
    }
    const r = await task.run(t("fillForm"), () => fillForm(deps, formSheet, summary.summary, lang));
    if (!r) return;
    if (r.matchedRows === 0 || r.matchedColumns === 0) {
      task.setNotice({ intent: "warning", text: T.notAForm[lang].replace("{sheet}", formSheet), details: [...r.unmatchedColumns.map((x) => `${t("unmatchedColumns")}: ${x}`)] });
      return;
    }
    const details = [
      ...r.unmatchedRows.map((x) => `${t("unmatchedRows")}: ${x}`),
      ...r.unmatchedColumns.map((x) => `${t("unmatchedColumns")}: ${x}`),
      ...r.noDataRows.map((x) => `${T.noDataRows[lang]}: ${x}`),
      ...r.notRecorded.map((x) => `${T.notRecordedCells[lang]}: ${formSheet}!${x}`),
      ...r.skipped.map((x) => `${T.skipped[lang]}: ${formSheet}!${x}`),
      ...r.report.skippedCells.map((c) => `${T.skipped[lang]}: ${c.sheet}!${c.address}: ${c.reason[lang]}`),
    ];
    task.setNotice({ intent: details.length || r.cellCount === 0 ? "warning" : "success", text: t("formFilled", { n: r.cellCount, sheet: formSheet }), details });
  };

  return (
    <div className={common.section}>
      <PeriodPicker period={period} onChange={setPeriod} aroundYear={settings.today.y} disabled={busy} />
      <Field label={SETTINGS.rounding.label[lang]}>
        <Select value={settings.rounding} onChange={(_, d) => onRounding(d.value as RoundingMode)} disabled={busy}>
          {SETTINGS.rounding.choices.map((c) => <option key={c.value} value={c.value}>{c.label[lang]}</option>)}
        </Select>
      </Field>
      <fieldset className={common.card} style={{ margin: 0 }}>
        <legend>{T.compare[lang]}</legend>
        <Checkbox label={T.compareYear[lang]} checked={compareYear} onChange={(_, d) => setCompareYear(d.checked === true)} disabled={busy} data-testid="compare-year" />
        <Checkbox label={T.compareTerm[lang]} checked={compareTerm} onChange={(_, d) => setCompareTerm(d.checked === true)} disabled={busy} data-testid="compare-term" />
        {compareTerm && (
          <Field label={T.roster[lang]}>
            <Select value={termChoice} onChange={(_, d) => setTermChoice(d.value as TermChoice)} onFocus={refreshSheets} disabled={busy} data-testid="term-roster">
              <option value="terms">{T.byTerm[lang]}</option>
              {sheets.map((s) => <option key={s} value={`sheet:${s}`}>{`${T.sheetRoster[lang]}: ${s}`}</option>)}
            </Select>
          </Field>
        )}
      </fieldset>
      <div className={common.row}>
        <Button appearance="primary" onClick={make} disabled={busy} data-testid="make-summary">{t("makeSummary")}</Button>
      </div>
      {summary && <KeyFigures summary={summary.summary} />}
      {summary && <MissingColumns summary={summary.summary} />}
      {summary && <ReportParagraph summary={summary.summary} />}
      <section className={common.card} aria-label={t("fillForm")}>
        <Field label={t("formSheet")} hint={summary && forms.length === 0 ? T.noForms[lang] : t("fillFormHint")}>
          <Select value={formSheet} onChange={(_, d) => setFormSheet(d.value)} disabled={busy || !summary || forms.length === 0} data-testid="form-sheet">
            <option value="">{summary ? t("chooseSheet") : t("needSummaryFirst")}</option>
            {forms.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
        <div className={common.row}>
          <Button onClick={fill} disabled={busy || !summary || !formSheet} data-testid="fill-form">{t("fillForm")}</Button>
        </div>
      </section>
    </div>
  );
}
