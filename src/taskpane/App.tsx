import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Button, Tab, TabList,
  makeStyles, tokens, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import { restoreSettings, toSaved, type Period, type RoundingMode, type Settings, type UserMapping } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Engine } from "../app/engine";
import type { Lang } from "../app/errors";
import type { Analysis, CheckResult } from "../app/flow";
import { LANG_KEY, MAPPINGS_KEY, SETTINGS_KEY, loadAll, todayOf } from "../app/settingsStore";
import { displayText } from "../core/text/visible";
import { I18nContext, makeT } from "./i18n";
import { useScopedTask, useTasks } from "./useTask";
import { DataTab } from "./DataTab";
import { CheckTab } from "./CheckTab";
import { SummaryTab, type SummaryView } from "./SummaryTab";
import { SettingsTab } from "./SettingsTab";
import { EMPTY_PROVINCE, ProvinceTab, type ProvinceState } from "./ProvinceTab";
import { ProgressPanel } from "./ProgressPanel";

export interface AppProps {
  ops: WorkbookOperations;
  engine: Engine;
  /** Office's theme in Office; the demo page passes its own. */
  theme?: "light" | "dark";
  initialLang?: Lang;
  /** "Today" for `meeting/future` and the default period; tests pass a fixed day. */
  now?: Date;
}

/** A notice lists at most this many details (unmatched rows, skipped cells); the rest are counted. */
const MAX_DETAILS = 20;
/** Notices quote names from the workbook: shown visibly and cut, like the findings. */
const NOTICE_MAX = 400;

export type TabId = "data" | "check" | "summary" | "province" | "settings";

const TAB_LABELS = { data: "tabData", check: "tabCheck", summary: "tabSummary", province: "tabProvince", settings: "tabSettings" } as const;

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "100%",
    // The browser's scroll anchoring would scroll back down when the progress bar leaves from above a notice
    // brought into view: the pane places its own notices (see the effect in App).
    overflowAnchor: "none",
  },
  tabs: { flexWrap: "wrap" },
  details: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
});

/** The period the office is most likely reporting: the quarter that ended last. */
export function defaultPeriod(now: Date): Period {
  const q = Math.floor(now.getMonth() / 3) + 1;
  return q === 1 ? { kind: "quarter", year: now.getFullYear() - 1, quarter: 4 } : { kind: "quarter", year: now.getFullYear(), quarter: (q - 1) as 1 | 2 | 3 };
}

export function App({ ops, engine, theme = "light", initialLang = "vi", now }: AppProps) {
  const today = useMemo(() => todayOf(now ?? new Date()), [now]);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>("check");
  const [settings, setSettings] = useState<Settings>(() => restoreSettings(null, today));
  const [mappings, setMappings] = useState<UserMapping[]>([]);
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(now ?? new Date()));
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [summary, setSummary] = useState<SummaryView | null>(null);
  const [province, setProvince] = useState<ProvinceState>(EMPTY_PROVINCE);
  const i18n = useMemo(() => ({ lang, t: makeT(lang) }), [lang]);
  const tasks = useTasks(lang);
  // The tab on screen gets its own notices: one from another tab stays with that tab.
  const task = useScopedTask(tasks, tab);

  // Settings, mappings and language travel with the workbook.
  useEffect(() => {
    let live = true;
    loadAll(ops, today).then(
      (saved) => {
        if (!live) return;
        setSettings(saved.settings);
        setMappings(saved.mappings);
        if (saved.lang) setLang(saved.lang);
      },
      (err) => console.error(err), // defaults are a fine start when the workbook holds nothing readable
    );
    return () => { live = false; };
  }, [ops, today]);

  const changeLang = useCallback((l: Lang) => {
    setLang(l);
    ops.saveSettings(LANG_KEY, l).catch((err) => console.error(err));
  }, [ops]);

  const saveMappings = useCallback(async (m: UserMapping[]) => {
    await ops.saveSettings(MAPPINGS_KEY, m);
    setMappings(m);
  }, [ops]);

  // The rounding mode is a setting like the others: it is saved with the workbook as soon as it changes.
  const changeRounding = useCallback((r: RoundingMode) => {
    const next = { ...settings, rounding: r };
    setSettings(next);
    ops.saveSettings(SETTINGS_KEY, toSaved(next)).catch((err) => console.error(err));
  }, [ops, settings]);

  const deps = useMemo(() => ({ ops, engine }), [ops, engine]);
  const styles = useStyles();
  const shared = { deps, task, settings, mappings, period, setPeriod };

  // Progress and notices sit above the tabs' content, but the button that started the work may be far below
  // (the Gộp các xã tab is long at 350 px): bring them into view when they appear, or the user sees nothing happen.
  const progressRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const working = task.busy !== null;
  // Also when the work ends: the progress bar leaving from above moves the notice up, out of view again.
  useEffect(() => {
    if (working) progressRef.current?.scrollIntoView?.({ block: "nearest" });
    else if (task.notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [working, task.notice]);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <I18nContext.Provider value={i18n}>
        <main className={styles.root} aria-label={i18n.t("appTitle")}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={i18n.t("tabsLabel")}
            size="small"
          >
            <Tab value="data">{i18n.t("tabData")}</Tab>
            <Tab value="check">{i18n.t("tabCheck")}</Tab>
            <Tab value="summary">{i18n.t("tabSummary")}</Tab>
            <Tab value="province">{i18n.t("tabProvince")}</Tab>
            <Tab value="settings">{i18n.t("tabSettings")}</Tab>
          </TabList>
          {task.busy && <div ref={progressRef}><ProgressPanel busy={task.busy} onCancel={task.cancel} /></div>}
          {task.notice && (
            <div ref={noticeRef} data-testid="notice" role={task.notice.intent === "error" ? "alert" : "status"}>
              <MessageBar intent={task.notice.intent}>
                <MessageBarBody>{displayText(task.notice.text, NOTICE_MAX, lang)}</MessageBarBody>
                <MessageBarActions containerAction={
                  <Button appearance="transparent" size="small" aria-label={i18n.t("dismiss")} onClick={() => task.setNotice(null)}>×</Button>
                } />
              </MessageBar>
              {/* Details go below the bar, full width: inside it they would wrap to a narrow column in a 320 px pane. */}
              {task.notice.details?.length ? (
                <ul className={styles.details}>
                  {task.notice.details.slice(0, MAX_DETAILS).map((d, i) => <li key={i}>{displayText(d, NOTICE_MAX, lang)}</li>)}
                  {task.notice.details.length > MAX_DETAILS && <li>… (+{task.notice.details.length - MAX_DETAILS})</li>}
                </ul>
              ) : null}
            </div>
          )}
          <div role="tabpanel" aria-label={i18n.t(TAB_LABELS[tab])}>
            {tab === "data" && (
              <DataTab {...shared} analysis={check ?? analysis} onAnalysis={setAnalysis} onSaveMappings={saveMappings} />
            )}
            {tab === "check" && <CheckTab {...shared} result={check} onResult={setCheck} />}
            {tab === "summary" && <SummaryTab {...shared} summary={summary} onSummary={setSummary} onRounding={changeRounding} />}
            {tab === "province" && <ProvinceTab {...shared} state={province} onState={setProvince} />}
            {tab === "settings" && (
              <SettingsTab ops={ops} task={task} settings={settings} onSettings={setSettings} lang={lang} onLang={changeLang} today={today} />
            )}
          </div>
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
