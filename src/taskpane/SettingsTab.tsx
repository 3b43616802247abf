import { Fragment, useState } from "react";
import { Button, Field, Input, Label, Select, makeStyles, tokens } from "@fluentui/react-components";
import { defaultSettings, type DayDate, type Settings } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Lang } from "../app/errors";
import { SETTINGS_KEY, toSaved } from "../app/settingsStore";
import { formatAgeBands, parseAgeBands } from "../app/ageBands";
import { useI18n, type MessageKey } from "./i18n";
import { useCommonStyles } from "./styles";
import type { Task } from "./tabProps";

const useStyles = makeStyles({
  // Label and a narrow number box on one line: the labels are long, the numbers short.
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 84px", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  input: { width: "84px", minWidth: 0 },
  error: { gridColumn: "1 / -1", color: tokens.colorPaletteRedForeground1, marginTop: `-${tokens.spacingVerticalXS}` },
});

type NumberKey = "minAge" | "maxAge" | "qualityAttendancePct" | "minMinutes" | "minMinutesCombined" | "tot" | "kha" | "trungBinh";
const FIELDS: Array<[NumberKey, MessageKey]> = [
  ["minAge", "minAge"], ["maxAge", "maxAge"], ["qualityAttendancePct", "qualityPct"],
  ["minMinutes", "minMinutes"], ["minMinutesCombined", "minMinutesCombined"],
  ["tot", "scoreTot"], ["kha", "scoreKha"], ["trungBinh", "scoreTb"],
];

function read(s: Settings, k: NumberKey): number {
  return k === "tot" || k === "kha" || k === "trungBinh" ? s.scoreBands[k] : s[k];
}
function write(s: Settings, k: NumberKey, v: number): Settings {
  return k === "tot" || k === "kha" || k === "trungBinh" ? { ...s, scoreBands: { ...s.scoreBands, [k]: v } } : { ...s, [k]: v };
}

export interface SettingsTabProps {
  ops: WorkbookOperations;
  task: Task;
  settings: Settings;
  onSettings: (s: Settings) => void;
  lang: Lang;
  onLang: (l: Lang) => void;
  today: DayDate;
}

export function SettingsTab({ ops, task, settings, onSettings, lang, onLang, today }: SettingsTabProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  // Text while typing, so "8" on the way to "85" is not rejected mid-keystroke.
  const [draft, setDraft] = useState<Record<NumberKey, string>>(() => Object.fromEntries(FIELDS.map(([k]) => [k, String(read(settings, k))])) as Record<NumberKey, string>);
  const bad = (k: NumberKey) => !/^\d+([.,]\d+)?$/.test(draft[k].trim());
  const [bandsText, setBandsText] = useState(() => formatAgeBands(settings.ageBands));
  const bands = parseAgeBands(bandsText);
  const anyBad = FIELDS.some(([k]) => bad(k)) || bands === null;

  const save = () => task.run(t("saveSettings"), async () => {
    let next = settings;
    for (const [k] of FIELDS) next = write(next, k, Number(draft[k].trim().replace(",", ".")));
    if (bands) next = { ...next, ageBands: bands };
    await ops.saveSettings(SETTINGS_KEY, toSaved(next));
    onSettings(next);
    task.setNotice({ intent: "success", text: t("settingsSaved") });
  });
  const reset = () => {
    const d = { ...defaultSettings(today), rounding: settings.rounding };
    setDraft(Object.fromEntries(FIELDS.map(([k]) => [k, String(read(d, k))])) as Record<NumberKey, string>);
    setBandsText(formatAgeBands(d.ageBands));
  };

  return (
    <div className={common.section}>
      <Field label={t("language")}>
        <Select value={lang} onChange={(_, d) => onLang(d.value as Lang)} data-testid="language">
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <section aria-label={t("thresholds")} className={common.section}>
        <h3 style={{ margin: 0 }}>{t("thresholds")}</h3>
        <div className={styles.grid}>
          {FIELDS.map(([k, label]) => (
            <Fragment key={k}>
              <Label htmlFor={`setting-${k}`}>{t(label)}</Label>
              <Input
                id={`setting-${k}`}
                className={styles.input}
                inputMode="decimal"
                value={draft[k]}
                aria-invalid={bad(k)}
                aria-describedby={bad(k) ? `setting-${k}-error` : undefined}
                onChange={(_, d) => setDraft((x) => ({ ...x, [k]: d.value }))}
              />
              {bad(k) && <span id={`setting-${k}-error`} role="alert" className={styles.error}>{t("invalidNumber")}</span>}
            </Fragment>
          ))}
        </div>
        <Field
          label={t("ageBands")}
          hint={t("ageBandsHint")}
          validationState={bands === null ? "error" : "none"}
          validationMessage={bands === null ? t("ageBandsInvalid") : undefined}
        >
          <Input value={bandsText} onChange={(_, d) => setBandsText(d.value)} />
        </Field>
      </section>
      <div className={common.row}>
        <Button appearance="primary" onClick={save} disabled={anyBad || task.busy !== null}>{t("saveSettings")}</Button>
        <Button onClick={reset}>{t("resetDefaults")}</Button>
      </div>
    </div>
  );
}
