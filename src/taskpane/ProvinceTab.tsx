import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { formatPeriod } from "../core/model";
import { STATUS_LABELS, statusNote, type CommuneStatusCode, type StatusRow, type StatusTable } from "../core/province";
import type { Handle } from "../app/engine";
import { provinceAddFiles, provinceCopy, provinceStart, provinceStatusSheet, provinceWriteSummary } from "../app/province";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { PeriodPicker } from "./PeriodPicker";
import type { SharedTabProps } from "./tabProps";

const useStyles = makeStyles({
  drop: {
    display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, minWidth: 0,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
  tally: { fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  note: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  problem: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1, minWidth: 0 },
});

const BADGE: Record<CommuneStatusCode, "success" | "danger" | "subtle"> = { sent: "success", errors: "danger", missing: "subtle" };
const STATUSES: CommuneStatusCode[] = ["missing", "errors", "sent"];

/** What the tab keeps across its re-renders and tab switches: the chosen files and the engine's session. */
export interface ProvinceState {
  files: File[];
  session: Handle<"province"> | null;
  /** The period the session checked the files for. */
  period: string | null;
  table: StatusTable | null;
}

export const EMPTY_PROVINCE: ProvinceState = { files: [], session: null, period: null, table: null };

export interface ProvinceTabProps extends SharedTabProps {
  state: ProvinceState;
  onState: (s: ProvinceState) => void;
}

/** Only .xlsx-like files are taken from a drop: folders and other things have no name ending the reader could read. */
function filesOf(list: FileList | null): File[] {
  return list ? Array.from(list).filter((f) => f.size > 0 || f.name !== "") : [];
}

function StatusItem({ row }: { row: StatusRow }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const used = row.files.find((f) => f.used);
  const note = statusNote(row, lang);
  return (
    <li className={styles.row} data-testid="commune-status" data-status={row.status}>
      <div className={styles.head}>
        <span className={`${styles.name} ${common.wrapText}`}>{row.commune}</span>
        <Badge appearance="tint" color={BADGE[row.status]}>{STATUS_LABELS[row.status][lang]}</Badge>
      </div>
      {used && (
        <span className={`${styles.detail} ${common.wrapText}`}>
          {row.status !== "missing" && `${t("errorsWarnings", { e: row.counts.error, w: row.counts.warning })} · `}
          {used.file} · {used.period?.[lang] ?? t("periodUnknown")}
        </span>
      )}
      {note && <span className={`${styles.note} ${common.wrapText}`}>{note}</span>}
    </li>
  );
}

/**
 * "Gộp số liệu các xã": the communes' files in (chosen or dropped, read in the
 * engine's worker), who has sent what, and the province's summary,
 * consolidated sheets and status sheet out into the open workbook.
 */
export function ProvinceTab({ deps, task, settings, mappings, period, setPeriod, state, onState }: ProvinceTabProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [show, setShow] = useState<CommuneStatusCode | "">("");
  const [includeWorkbook, setIncludeWorkbook] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const busy = task.busy !== null;
  const periodKey = formatPeriod(period);
  const stalePeriod = state.table !== null && state.period !== periodKey;
  const unread = state.files.length > 0 && state.session === null;

  const refreshUndo = useCallback(() => {
    deps.ops.canUndoImport().then(setCanUndo, () => setCanUndo(false));
  }, [deps]);
  useEffect(refreshUndo, [refreshUndo]);

  /** Reads files into the session, starting one (with the workbook's communes list) when there is none for this period. */
  const read = async (added: File[], restart: boolean) => {
    const files = restart ? added : [...state.files.filter((f) => !added.some((a) => a.name === f.name)), ...added];
    const result = await task.run(t("provinceTitle"), async (p, signal) => {
      let session = restart ? null : state.session;
      if (!session) session = await provinceStart(deps, { period, settings, mappings }, (x) => p({ ...x, fraction: x.fraction * 0.1 }), signal);
      const table = await provinceAddFiles(deps, session, restart ? files : added, (x) => p({ ...x, fraction: 0.1 + x.fraction * 0.9 }), signal);
      return { session, table };
    }, { cancellable: true });
    if (result) onState({ files, session: result.session, period: periodKey, table: result.table });
    // Cancelled or failed: the engine's session went with it (a cancel ends the worker); the files stay chosen.
    else onState({ files: restart ? files : state.files, session: null, period: null, table: null });
  };

  const choose = (list: FileList | null) => {
    const added = filesOf(list);
    if (input.current) input.current.value = "";
    if (added.length) void read(added, state.session === null || stalePeriod);
  };

  const clear = () => {
    if (state.session) deps.engine.release(state.session).catch(() => undefined);
    onState(EMPTY_PROVINCE);
  };

  const summary = () => state.session && task.run(t("makeSummary"), async (p, signal) => {
    const r = await provinceWriteSummary(deps, state.session!, { mappings, lang, includeWorkbook }, p, signal);
    const details = r.summary.leftOut.filter((l) => l.count > 0).map((l) => `${l.message[lang]} (${formatNumber(l.count, lang)})`);
    if (r.workbookCommunesLeftOut.length) details.unshift(t("workbookLeftOut", { list: r.workbookCommunesLeftOut.join(", ") }));
    task.setNotice({
      intent: details.length ? "warning" : "success",
      text: t("summaryDone", { sheet: r.report.sheets[0]?.actual ?? "", charts: r.report.charts.length }),
      details,
    });
  }, { cancellable: true });

  const copy = async () => {
    if (!state.session) return;
    const r = await task.run(t("copyToWorkbook"), (p, signal) => provinceCopy(deps, state.session!, p, signal), { cancellable: true });
    refreshUndo();
    if (r) task.setNotice({ intent: "success", text: t("copied", r.rows) });
  };

  const undo = async () => {
    const r = await task.run(t("undoCopy"), () => deps.ops.undoImport());
    refreshUndo();
    if (r) task.setNotice({ intent: "success", text: t("copyUndone") });
  };

  const statusSheet = () => state.session && task.run(t("writeStatusSheet"), async () => {
    const r = await provinceStatusSheet(deps, state.session!, lang);
    task.setNotice({ intent: "success", text: t("statusSheetDone", { sheet: r.sheets[0]?.actual ?? "" }) });
  });

  const table = state.table;
  const counts = useMemo(() => {
    const c: Record<CommuneStatusCode, number> = { sent: 0, errors: 0, missing: 0 };
    for (const r of table?.rows ?? []) c[r.status]++;
    return c;
  }, [table]);
  const rows = useMemo(() => (table ? table.rows.filter((r) => !show || r.status === show) : []), [table, show]);
  const notUsed = table ? table.unreadable.length + table.noCommune.length : 0;

  return (
    <div className={common.section}>
      <h3 style={{ margin: 0 }}>{t("provinceTitle")}</h3>
      <span className={common.muted}>{t("provinceIntro")}</span>
      <PeriodPicker period={period} onChange={setPeriod} aroundYear={settings.today.y} disabled={busy} />
      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
        data-testid="province-drop"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!busy) choose(e.dataTransfer.files);
        }}
      >
        <span>{t("dropFiles")}</span>
        <Button onClick={() => input.current?.click()} disabled={busy}>{t("chooseFiles")}</Button>
        <input
          ref={input} type="file" multiple accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden} data-testid="province-files" onChange={(e) => choose(e.target.files)}
        />
      </div>
      {(stalePeriod || unread) && (
        <div className={common.card} role="status">
          <span>{t(stalePeriod ? "periodChanged" : "filesNotRead")}</span>
          <div className={common.row}><Button onClick={() => void read(state.files, true)} disabled={busy}>{t("rereadFiles")}</Button></div>
        </div>
      )}
      {table && (
        <>
          <div className={common.row}>
            <span className={styles.tally} data-testid="province-tally">
              {t("filesChosen", { n: state.files.length })} · {t("statusTally", counts)}
            </span>
          </div>
          <span className={common.muted}>{t(table.listOrder ? "listOrder" : "alphaOrder")}</span>
          {notUsed > 0 && (
            <section className={common.card} aria-label={t("filesNotUsed", { n: notUsed })} data-testid="files-not-used">
              <strong>{t("filesNotUsed", { n: notUsed })}</strong>
              <ul className={common.list}>
                {table.unreadable.map((u) => <li key={u.file} className={`${styles.problem} ${common.wrapText}`}>{u.message[lang]}</li>)}
                {table.noCommune.map((f) => <li key={f} className={`${styles.problem} ${common.wrapText}`}>{t("noCommuneInFile", { file: f })}</li>)}
              </ul>
            </section>
          )}
          <Field label={t("showStatus")}>
            <Select value={show} onChange={(_, d) => setShow(d.value as CommuneStatusCode | "")} data-testid="province-show">
              <option value="">{t("allCommunes", { n: table.rows.length })}</option>
              {STATUSES.map((s) => <option key={s} value={s}>{`${STATUS_LABELS[s][lang]} (${formatNumber(counts[s], lang)})`}</option>)}
            </Select>
          </Field>
          <ul className={common.list} aria-label={t("provinceTitle")} data-testid="province-status">
            {rows.map((r) => <StatusItem key={r.commune} row={r} />)}
          </ul>
          <section className={common.card} aria-label={t("makeSummary")}>
            <Checkbox checked={includeWorkbook} onChange={(_, d) => setIncludeWorkbook(d.checked === true)} label={t("includeWorkbook")} disabled={busy} />
            <div className={common.row}>
              <Button appearance="primary" onClick={summary} disabled={busy || stalePeriod} data-testid="province-summary">{t("makeSummary")}</Button>
            </div>
          </section>
          <section className={common.card} aria-label={t("copyToWorkbook")}>
            <span className={common.muted}>{t("copyHint")}</span>
            <div className={common.row}>
              <Button onClick={copy} disabled={busy || stalePeriod} data-testid="province-copy">{t("copyToWorkbook")}</Button>
              <Button onClick={undo} disabled={busy || !canUndo} data-testid="province-undo">{t("undoCopy")}</Button>
            </div>
          </section>
          <div className={common.row}>
            <Button onClick={statusSheet} disabled={busy || stalePeriod} data-testid="province-status-sheet">{t("writeStatusSheet")}</Button>
            <Button appearance="subtle" onClick={clear} disabled={busy}>{t("clearFiles")}</Button>
          </div>
        </>
      )}
      {!table && canUndo && (
        <div className={common.row}><Button onClick={undo} disabled={busy} data-testid="province-undo">{t("undoCopy")}</Button></div>
      )}
    </div>
  );
}
