import { Fragment, useState } from "react";
import { Button, Field, Input, Label, Select, makeStyles, tokens } from "@fluentui/react-components";
import { defaultSettings, toSaved, type DayDate, type Settings } from "../core/model";
import type { WorkbookOperations } from "../excel/operations";
import type { Lang } from "../app/errors";
import { SETTINGS_KEY } from "../app/settingsStore";
import { SETTING_INPUTS, draftsOf, readDrafts } from "../app/settingsForm";
import { useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import type { Task } from "./tabProps";
import { SelfTestPage } from "./SelfTestPage";

const useStyles = makeStyles({
  // Label and a narrow number box on one line: the labels are long, the numbers short.
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 84px", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  input: { width: "84px", minWidth: 0 },
  error: { gridColumn: "1 / -1", color: tokens.colorPaletteRedForeground1, marginTop: `-${tokens.spacingVerticalXS}` },
});

/** The number boxes sit in the grid; the text lines (age bands) below it. Both come from the settings table. */
const NUMBER_INPUTS = SETTING_INPUTS.filter((i) => !i.wide);
const TEXT_INPUTS = SETTING_INPUTS.filter((i) => i.wide);

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
  const [drafts, setDrafts] = useState(() => draftsOf(settings));
  const draft = readDrafts(settings, drafts);
  const edit = (id: string, value: string) => setDrafts((x) => ({ ...x, [id]: value }));
  const [selfTest, setSelfTest] = useState(false);

  const save = () => task.run(t("saveSettings"), async () => {
    const next = draft.settings;
    if (!next) return;
    await ops.saveSettings(SETTINGS_KEY, toSaved(next));
    onSettings(next);
    task.setNotice({ intent: "success", text: t("settingsSaved") });
  });
  // The rounding is chosen on the Tổng hợp tab and stays as it is.
  const reset = () => setDrafts(draftsOf({ ...defaultSettings(today), rounding: settings.rounding }));

  if (selfTest) return <SelfTestPage ops={ops} task={task} onClose={() => setSelfTest(false)} />;

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
          {NUMBER_INPUTS.map(({ id, label }) => {
            const error = draft.errors[id];
            return (
              <Fragment key={id}>
                <Label htmlFor={`setting-${id}`}>{label[lang]}</Label>
                <Input
                  id={`setting-${id}`}
                  className={styles.input}
                  inputMode="decimal"
                  value={drafts[id]}
                  aria-invalid={error !== undefined}
                  aria-describedby={error ? `setting-${id}-error` : undefined}
                  onChange={(_, d) => edit(id, d.value)}
                />
                {error && <span id={`setting-${id}-error`} role="alert" className={styles.error}>{error[lang]}</span>}
              </Fragment>
            );
          })}
        </div>
        {TEXT_INPUTS.map(({ id, label, hint }) => (
          <Field
            key={id}
            label={label[lang]}
            hint={hint?.[lang]}
            validationState={draft.errors[id] ? "error" : "none"}
            validationMessage={draft.errors[id]?.[lang]}
          >
            <Input value={drafts[id]} onChange={(_, d) => edit(id, d.value)} />
          </Field>
        ))}
        {draft.conflicts.map((c) => <span key={c.en} role="alert" className={styles.error}>{c[lang]}</span>)}
      </section>
      <div className={common.row}>
        <Button appearance="primary" onClick={save} disabled={draft.settings === null || task.busy !== null}>{t("saveSettings")}</Button>
        <Button onClick={reset}>{t("resetDefaults")}</Button>
      </div>
      <div className={common.row}>
        <Button onClick={() => setSelfTest(true)} disabled={task.busy !== null}>{t("selfTest")}</Button>
      </div>
    </div>
  );
}
