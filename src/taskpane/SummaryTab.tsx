import { useEffect, useState } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { RoundingMode } from "../core/model";
import type { Summary } from "../app/engine";
import type { CountPct } from "../core/summary";
import { fillForm, writeSummary } from "../app/flow";
import { formatNumber, useI18n, type MessageKey } from "./i18n";
import { useCommonStyles } from "./styles";
import { PeriodPicker } from "./PeriodPicker";
import type { SharedTabProps } from "./tabProps";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  value: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  term: { minWidth: 0 },
});

export interface SummaryTabProps extends SharedTabProps {
  summary: Summary | null;
  onSummary: (s: Summary) => void;
  onRounding: (r: RoundingMode) => void;
}

export function KeyFigures({ summary }: { summary: Summary }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const pct = (c: CountPct) => (c.pct === null ? formatNumber(c.count, lang) : `${formatNumber(c.count, lang)} (${formatNumber(c.pct, lang, 2)}%)`);
  const sec = summary.tables.secretaries.total;
  const meet = summary.tables.meetings.total;
  const rows: Array<[MessageKey, string]> = [
    ["kfSecretaries", formatNumber(sec.total, lang)],
    ["kfWomen", pct(sec.women)],
    ["kfUnder40", pct(sec.under40)],
  ];
  rows.push(["kfCommittee", formatNumber(summary.tables.committee.total.total, lang)]);
  rows.push(
    ["kfCells", formatNumber(meet.cells, lang)],
    ["kfAllMonthly", pct(meet.allMonthly)],
    ["kfMeetings", formatNumber(meet.meetings, lang)],
    ["kfAttendance", meet.avgAttendancePct !== null ? `${formatNumber(meet.avgAttendancePct, lang, 2)}%` : "–"],
  );
  return (
    <section aria-label={t("keyFigures")}>
      <h3 style={{ margin: "0 0 4px" }}>{t("keyFigures")}</h3>
      <dl className={styles.figures} data-testid="key-figures">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt className={styles.term}>{t(k)}</dt>
            <dd className={styles.value}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function SummaryTab({ deps, task, settings, mappings, period, setPeriod, summary, onSummary, onRounding }: SummaryTabProps) {
  const { t, lang } = useI18n();
  const common = useCommonStyles();
  const busy = task.busy !== null;
  const [sheets, setSheets] = useState<string[]>([]);
  const [formSheet, setFormSheet] = useState("");

  const refreshSheets = () => {
    deps.ops.listSheets().then(setSheets, (err) => console.error(err));
  };
  useEffect(refreshSheets, [deps]);

  const make = async () => {
    const r = await task.run(t("makeSummary"), (p, s) => writeSummary(deps, { period, settings, mappings, lang }, p, s), { cancellable: true });
    if (!r) return;
    onSummary(r.summary);
    refreshSheets();
    // Rows the summary had to leave out are said plainly, so nobody reads a short count as the truth.
    const leftOut = r.summary.leftOut.filter((l) => l.count > 0).map((l) => `${lang === "vi" ? l.messageVi : l.messageEn} (${formatNumber(l.count, lang)})`);
    task.setNotice({
      intent: leftOut.length ? "warning" : "success",
      text: t("summaryDone", { sheet: r.report.sheets[0]?.actual ?? "", charts: r.report.charts.length }),
      details: leftOut,
    });
  };

  const fill = async () => {
    if (!summary) {
      task.setNotice({ intent: "warning", text: t("needSummaryFirst") });
      return;
    }
    const r = await task.run(t("fillForm"), () => fillForm(deps, formSheet, summary, lang));
    if (!r) return;
    const details = [
      ...r.unmatchedRows.map((x) => `${t("unmatchedRows")}: ${x}`),
      ...r.unmatchedColumns.map((x) => `${t("unmatchedColumns")}: ${x}`),
      ...r.skipped.map((c) => `${t("skippedCells")}: ${formSheet}!${c.address} (${c.reason})`),
      ...r.report.skippedCells.map((c) => `${t("skippedCells")}: ${c.sheet}!${c.address} (${c.reason})`),
    ];
    task.setNotice({ intent: details.length ? "warning" : "success", text: t("formFilled", { n: r.cellCount, sheet: formSheet }), details });
  };

  return (
    <div className={common.section}>
      <PeriodPicker period={period} onChange={setPeriod} aroundYear={settings.today.y} disabled={busy} />
      <Field label={t("rounding")}>
        <Select value={settings.rounding} onChange={(_, d) => onRounding(d.value as RoundingMode)} disabled={busy}>
          <option value="round">{t("roundHalfUp")}</option>
          <option value="truncate">{t("truncate")}</option>
        </Select>
      </Field>
      <div className={common.row}>
        <Button appearance="primary" onClick={make} disabled={busy} data-testid="make-summary">{t("makeSummary")}</Button>
      </div>
      {summary && <KeyFigures summary={summary} />}
      <section className={common.card} aria-label={t("fillForm")}>
        <Field label={t("formSheet")} hint={t("fillFormHint")}>
          <Select value={formSheet} onChange={(_, d) => setFormSheet(d.value)} onFocus={refreshSheets} data-testid="form-sheet">
            <option value="">{t("chooseSheet")}</option>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
        <div className={common.row}>
          <Button onClick={fill} disabled={busy || !formSheet} data-testid="fill-form">{t("fillForm")}</Button>
        </div>
      </section>
    </div>
  );
}
