import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import type { FindingsQuery, FindingsView, FixSelection } from "../app/engine";
import { applyFixes, exportFindings, highlightFindings, runCheck, type CheckResult } from "../app/flow";
import { describeError } from "../app/errors";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { PeriodPicker } from "./PeriodPicker";
import { FindingsList } from "./FindingsList";
import { FixPanel, type FixScope } from "./FixPanel";
import { shownSheet } from "./display";
import { SEVERITIES } from "./findingsTree";
import type { SharedTabProps } from "./tabProps";

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

export { countBySeverity } from "../app/findingsView";

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
  // The view under the filters; the engine answers for another filter without sending the list.
  const [filtered, setFiltered] = useState<FindingsView | null>(null);
  const busy = task.busy !== null;
  const query = useMemo<FindingsQuery>(() => ({ ...(sheet ? { sheet } : {}), ...(severity ? { severity } : {}) }), [sheet, severity]);
  const filtering = !!(query.sheet || query.severity);

  const refreshUndo = useCallback(() => {
    deps.ops.canUndoFixes().then(setCanUndo, () => setCanUndo(false));
  }, [deps]);
  useEffect(refreshUndo, [refreshUndo]);

  const setNotice = task.setNotice;
  useEffect(() => {
    let live = true;
    setFiltered(null);
    if (result && filtering) {
      deps.engine.findings(result.findings, query).then(
        (v) => live && setFiltered(v),
        (err) => live && setNotice({ intent: "error", text: describeError(err, lang) }),
      );
    }
    return () => { live = false; };
  }, [deps, result, query, filtering, lang, setNotice]);

  const check = useCallback(async () => {
    const r = await task.run(t("runCheck"), (p, s) => runCheck(deps, { period, settings, mappings }, p, s), { cancellable: true });
    if (r) {
      if (result) deps.engine.release(result.findings).catch(() => undefined); // the old findings are not shown any more
      onResult(r);
    }
    return r;
  }, [task, t, deps, period, settings, mappings, onResult, result]);

  const view = result ? (filtering ? filtered : result.view) : null;
  const counts = result?.view.counts ?? { error: 0, warning: 0, info: 0 };
  const total = counts.error + counts.warning + counts.info;
  const sheets = result?.view.sheets ?? [];

  const select = (f: Finding) => {
    // A sheet the reader could not read is not in the workbook as the product sees it: there is no cell to go to.
    if (f.rule === "sheet/unreadable") {
      task.setNotice({ intent: "info", text: t("unreadableSheetNoCell") });
      return;
    }
    deps.ops.select(f.sheet, f.address).catch((err) => task.setNotice({ intent: "error", text: describeError(err, lang) }));
  };
  const loadMore = useCallback(
    (group: string, offset: number, limit: number) => (result ? deps.engine.findingsPage(result.findings, query, group, offset, limit) : Promise.resolve([])),
    [deps, result, query],
  );
  const loadFixes = useCallback(
    (scope: FixScope, offset: number, limit: number) =>
      (result ? deps.engine.fixable(result.findings, { ...query, ...scope }, offset, limit) : Promise.resolve({ total: 0, items: [] })),
    [deps, result, query],
  );

  const highlight = () => result && task.run(t("highlight"), async () => {
    const r = await highlightFindings(deps, result.findings, query);
    task.setNotice({ intent: "success", text: t("highlighted", { n: r.cells }) });
  });
  const clear = () => task.run(t("clearHighlight"), async () => {
    const r = await deps.ops.clearHighlights();
    task.setNotice({ intent: "success", text: t("cleared", { n: r.cells }) });
  });
  const fix = async (scope: FixScope, selection: FixSelection) => {
    if (!result) return;
    const report = await task.run(t("autoFix"), () => applyFixes(deps, result.findings, { ...query, ...scope }, selection));
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
  const exportList = () => result && task.run(t("exportFindings"), async () => {
    const r = await exportFindings(deps, result.findings, query, lang);
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
          {total === 0 ? (
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
              {fixOpen && view && (
                // A new filter is a new list of fixes: the panel starts over with it.
                <FixPanel key={JSON.stringify(query)} count={view.fixable} rules={view.fixRules} sheets={view.fixSheets} cells={view.fixCells}
                  loadPage={loadFixes} onApply={fix} onClose={() => setFixOpen(false)} disabled={busy} />
              )}
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
              {view && <FindingsList groups={view.groups} loadMore={loadMore} onSelect={select} />}
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
