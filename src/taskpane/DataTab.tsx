import { useState } from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { TABLE_LABELS, type UserMapping } from "../core/model";
import { analyse, createTemplates, type Analysis } from "../app/flow";
import { sortVi } from "../core/text/collate";
import { revealInvisible } from "../core/text/visible";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { MappingEditor } from "./MappingEditor";
import type { SharedTabProps } from "./tabProps";

const useStyles = makeStyles({
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  title: { fontWeight: tokens.fontWeightSemibold },
});

export interface DataTabProps extends SharedTabProps {
  analysis: Analysis | null;
  onAnalysis: (a: Analysis) => void;
  onSaveMappings: (m: UserMapping[]) => Promise<void>;
}

export function DataTab({ deps, task, mappings, analysis, onAnalysis, onSaveMappings }: DataTabProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const [open, setOpen] = useState<string | null>(null);
  const busy = task.busy !== null;
  // A blank template ("Tạo mẫu") has headers and no row: it is named, not counted as a table.
  const tables = analysis?.tables.filter((tb) => tb.dataRows.length > 0) ?? [];
  const empty = analysis?.tables.filter((tb) => tb.dataRows.length === 0) ?? [];

  const find = async () => {
    const a = await task.run(t("findTables"), (p, s) => analyse(deps, mappings, p, s), { cancellable: true });
    if (a) onAnalysis(a);
  };
  const saveOne = (m: UserMapping) => task.run(t("saveMapping"), async () => {
    const rest = mappings.filter((x) => !(x.sheet === m.sheet && x.kind === m.kind));
    await onSaveMappings([...rest, m]);
    const a = await analyse(deps, [...rest, m]);
    onAnalysis(a);
    task.setNotice({ intent: "success", text: t("mappingSaved") });
  });
  const resetAll = () => task.run(t("resetMappings"), async () => {
    await onSaveMappings([]);
    onAnalysis(await analyse(deps, []));
  });
  const template = () => task.run(t("makeTemplate"), async () => {
    const r = await createTemplates(deps);
    task.setNotice({ intent: "success", text: t("templateDone", { sheets: r.sheets.map((s) => s.actual).join(", ") }) });
  });

  return (
    <div className={common.section}>
      <div className={common.row}>
        <Button appearance="primary" onClick={find} disabled={busy}>{t("findTables")}</Button>
        {mappings.length > 0 && <Button onClick={resetAll} disabled={busy}>{t("resetMappings")}</Button>}
      </div>
      <section aria-label={t("tablesFound")} className={common.section}>
        <h3 style={{ margin: 0 }}>{t("tablesFound")}</h3>
        {!analysis && <span className={common.muted}>{t("noTablesYet")}</span>}
        {analysis && tables.length === 0 && <span>{t("noTablesFound")}</span>}
        {tables.map((tb) => {
          const key = `${tb.kind}@${tb.sheet}`;
          const conf = Math.round(tb.confidence * 100);
          return (
            <div key={key} className={common.card} data-testid="table-card">
              <div className={styles.head}>
                <span className={`${styles.title} ${common.wrapText}`}>{TABLE_LABELS[tb.kind][lang]}</span>
                <Badge appearance="tint" color={conf >= 80 ? "success" : conf >= 50 ? "warning" : "danger"}>
                  {t("confidence")} {conf}%
                </Badge>
              </div>
              <span className={`${common.muted} ${common.wrapText}`}>
                {t("sheet")}: {revealInvisible(tb.sheet)} · {formatNumber(tb.dataRows.length, lang)} {t(tb.dataRows.length === 1 ? "row" : "rows")}
              </span>
              <div className={common.row}>
                <Button size="small" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)}>
                  {open === key ? t("hideMapping") : t("editMapping")}
                </Button>
              </div>
              {open === key && analysis && <MappingEditor table={tb} workbook={analysis.preview} onSave={saveOne} disabled={busy} />}
            </div>
          );
        })}
        {empty.length > 0 && (
          <span className={`${common.muted} ${common.wrapText}`} data-testid="empty-tables">
            {t("emptyTables", { sheets: sortVi(empty, (tb) => tb.sheet).map((tb) => revealInvisible(tb.sheet)).join(", ") })}
          </span>
        )}
      </section>
      {analysis && (analysis.sheetNotes.length) > 0 && (
        <section aria-label={t("sheetsNotRead")} className={common.section}>
          <h3 style={{ margin: 0 }}>{t("sheetsNotRead")}</h3>
          <span className={`${common.muted} ${common.wrapText}`}>{t("sheetsNotReadHint")}</span>
          {analysis.sheetNotes.map((n) => (
            <div key={`${n.reason}@${n.sheet}`} className={common.card} data-testid="sheet-note">
              <div className={styles.head}>
                <span className={`${styles.title} ${common.wrapText}`}>{n.sheet}</span>
                <Badge appearance="tint" color={n.reason === "unreadable" ? "danger" : n.looksLikeTable ? "warning" : "informative"}>
                  {t(n.reason === "unreadable" ? "sheetNoteUnreadable" : n.looksLikeTable ? "sheetNoteTable" : "sheetNoteOther")}
                </Badge>
              </div>
              <span className={common.wrapText}>{n.detail[lang]}</span>
            </div>
          ))}
        </section>
      )}
      <section className={common.card} aria-label={t("makeTemplate")}>
        <span>{t("makeTemplateHint")}</span>
        <div className={common.row}><Button onClick={template} disabled={busy}>{t("makeTemplate")}</Button></div>
      </section>
    </div>
  );
}
