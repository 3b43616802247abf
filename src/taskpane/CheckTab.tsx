import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity, SeverityCounts } from "../core/model";
import { exportFindings, fixRequests, runCheck, type CheckResult } from "../app/flow";
import { describeError } from "../app/errors";
import { compareVi } from "../core/text/collate";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { PeriodPicker } from "./PeriodPicker";
import { FindingsList } from "./FindingsList";
import { FixPanel } from "./FixPanel";
import { shownSheet } from "./display";
import { SEVERITIES } from "./findingsTree";
import type { SharedTabProps } from "./tabProps";

/** One empty list for every render before a check, so the memos below keep their value. */
const NO_FINDINGS: Finding[] = [];

const useStyles = makeStyles({
  counts: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  count: {
    display: "flex", flexDirection: "column", alignItems: "center", padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0,
  },
  countNum: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export function countBySeverity(findings: Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export interface CheckTabProps extends SharedTabProps {
  result: CheckResult | null;
  onResult: (r: CheckResult | null) => void;
}

export function CheckTab({ deps, task, settings, mappings, period, setPeriod, result, onResult }: CheckTabProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const [sheet, setSheet] = useState("");
  const [severity, setSeverity] = useState<Severity | "">("");
  const [fixOpen, setFixOpen] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const busy = task.busy !== null;

  const refreshUndo = useCallback(() => {
    deps.ops.canUndoFixes().then(setCanUndo, () => setCanUndo(false));
  }, [deps]);
  useEffect(refreshUndo, [refreshUndo]);

  const check = useCallback(async () => {
    const r = await task.run(t("runCheck"), (p, s) => runCheck(deps, { period, settings, mappings }, p, s), { cancellable: true });
    if (r) onResult(r);
    return r;
  }, [task, t, deps, period, settings, mappings, onResult]);

  const findings = result?.findings ?? NO_FINDINGS;
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const sheets = useMemo(() => [...new Set(findings.map((f) => f.sheet))].sort(compareVi), [findings]);
  const visible = useMemo(
    () => findings.filter((f) => (!sheet || f.sheet === sheet) && (!severity || f.severity === severity)),
    [findings, sheet, severity],
  );

  const select = (f: Finding) => {
    deps.ops.select(f.sheet, f.address).catch((err) => task.setNotice({ intent: "error", text: describeError(err, lang) }));
  };

  const highlight = () => task.run(t("highlight"), async () => {
    const r = await deps.ops.highlight(visible);
    task.setNotice({ intent: "success", text: t("highlighted", { n: r.cells }) });
  });
  const clear = () => task.run(t("clearHighlight"), async () => {
    const r = await deps.ops.clearHighlights();
    task.setNotice({ intent: "success", text: t("cleared", { n: r.cells }) });
  });
  const applyFixes = async (chosen: Finding[]) => {
    const report = await task.run(t("autoFix"), () => deps.ops.applyFixes(fixRequests(chosen)));
    if (!report) return;
    setFixOpen(false);
    refreshUndo();
    await check(); // the fixed cells drop out of the list: the user sees what is left
    const details = report.skipped.map((s) => `${shownSheet(s.sheet)}!${s.address}: ${s.reason[lang]}`);
    task.setNotice({
      intent: report.skipped.length ? "warning" : "success",
      text: [t("fixesApplied", { n: report.applied.length }), report.skipped.length ? t("fixesSkipped", { n: report.skipped.length }) : ""].join(" ").trim(),
      details,
    });
  };
  const undo = async () => {
    const report = await task.run(t("undo"), () => deps.ops.undoFixes());
    if (!report) return;
    refreshUndo();
    await check();
    // A cell edited since the fix is left as the user made it: say which, and why.
    task.setNotice({
      intent: report.skipped.length ? "warning" : "success",
      text: [t("undone", { n: report.applied.length }), report.skipped.length ? t("undoSkipped", { n: report.skipped.length }) : ""].join(" ").trim(),
      details: report.skipped.map((s) => `${shownSheet(s.sheet)}!${s.address}: ${s.reason[lang]}`),
    });
  };
  const exportList = () => task.run(t("exportFindings"), async () => {
    const r = await exportFindings(deps, visible, lang);
    task.setNotice({ intent: "success", text: t("exported", { sheet: r.sheets[0]?.actual ?? "" }) });
  });

  // A table with no data row (a blank template from "Tạo mẫu") is not a table that was checked.
  const checkedTables = result ? result.tables.filter((tb) => tb.dataRows.length > 0) : [];
  const rowCount = checkedTables.reduce((n, tb) => n + tb.dataRows.length, 0);

  return (
    <div className={common.section}>
      <PeriodPicker period={period} onChange={setPeriod} aroundYear={settings.today.y} disabled={busy} />
      <div className={common.row}>
        <Button appearance="primary" onClick={check} disabled={busy} data-testid="run-check">{t("runCheck")}</Button>
      </div>
      {result && (
        <>
          <div className={styles.counts} role="group" aria-label={t("countsLabel")} data-testid="counts">
            {SEVERITIES.map((s) => (
              <div key={s} className={styles.count} data-severity={s}>
                <span className={`${styles.countNum} ${styles[s]}`} data-testid={`count-${s}`} data-count={counts[s]}>{formatNumber(counts[s], lang)}</span>
                <span>{t(`sev_${s}`)}</span>
              </div>
            ))}
          </div>
          <span className={common.muted}>{t("checkedSummary", { rows: rowCount, tables: checkedTables.length })}</span>
          {findings.length === 0 ? (
            <span role="status">{t("noFindings")}</span>
          ) : (
            <>
              <div className={common.row}>
                <Button onClick={highlight} disabled={busy}>{t("highlight")}</Button>
                <Button onClick={clear} disabled={busy}>{t("clearHighlight")}</Button>
                <Button onClick={() => setFixOpen((o) => !o)} disabled={busy} aria-expanded={fixOpen}>{t("autoFix")}</Button>
                <Button onClick={undo} disabled={busy || !canUndo}>{t("undo")}</Button>
                <Button onClick={exportList} disabled={busy}>{t("exportFindings")}</Button>
              </div>
              {fixOpen && <FixPanel findings={visible} onApply={applyFixes} onClose={() => setFixOpen(false)} disabled={busy} />}
              <div className={common.row}>
                <Field label={t("filterSheet")} className={common.grow}>
                  <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
                    <option value="">{t("all")}</option>
                    {sheets.map((s) => <option key={s} value={s}>{shownSheet(s)}</option>)}
                  </Select>
                </Field>
                <Field label={t("filterSeverity")} className={common.grow}>
                  <Select value={severity} onChange={(_, d) => setSeverity(d.value as Severity | "")}>
                    <option value="">{t("all")}</option>
                    {SEVERITIES.map((s) => <option key={s} value={s}>{t(`sev_${s}`)}</option>)}
                  </Select>
                </Field>
              </div>
              <FindingsList findings={visible} onSelect={select} />
            </>
          )}
        </>
      )}
      {!result && canUndo && (
        <div className={common.row}><Button onClick={undo} disabled={busy}>{t("undo")}</Button></div>
      )}
    </div>
  );
}
