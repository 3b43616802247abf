import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "./i18n";
import type { Busy } from "./useTask";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
  bar: { flexGrow: 1, minWidth: 0 },
});

export function ProgressPanel({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const label = busy.step ? t(`step_${busy.step}`) : busy.name;
  return (
    <div className={styles.root} data-testid="progress">
      <Field className={styles.bar} label={label} validationState="none">
        <ProgressBar value={busy.fraction} max={1} aria-label={t("progressLabel")} thickness="large" />
      </Field>
      {busy.cancellable && <Button onClick={onCancel}>{t("cancel")}</Button>}
    </div>
  );
}
