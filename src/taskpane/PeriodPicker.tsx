import { useId } from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Period } from "../core/model";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  year: { width: "96px" },
  kind: { minWidth: "120px", flexGrow: 1 },
});

export interface PeriodPickerProps {
  period: Period;
  onChange: (p: Period) => void;
  /** The year the pane opens in; the list covers a few years either side. */
  aroundYear: number;
  disabled?: boolean;
}

export function PeriodPicker({ period, onChange, aroundYear, disabled }: PeriodPickerProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const id = useId();
  const years: number[] = [];
  for (let y = aroundYear + 1; y >= aroundYear - 6; y--) years.push(y);
  if (!years.includes(period.year)) years.push(period.year);
  const kindValue = period.kind === "year" ? "year" : `q${period.quarter}`;
  return (
    <fieldset className={styles.root} aria-labelledby={`${id}-legend`} style={{ border: "none", padding: 0, margin: 0 }}>
      <legend id={`${id}-legend`} style={{ padding: 0, marginBottom: 4 }}>{t("period")}</legend>
      <Field label={t("periodKind")} className={styles.kind}>
        <Select
          value={kindValue}
          disabled={disabled}
          onChange={(_, d) => {
            const v = d.value;
            onChange(v === "year" ? { kind: "year", year: period.year } : { kind: "quarter", year: period.year, quarter: Number(v.slice(1)) as 1 | 2 | 3 | 4 });
          }}
        >
          {[1, 2, 3, 4].map((q) => <option key={q} value={`q${q}`}>{t("quarter", { q: lang === "vi" ? ["I", "II", "III", "IV"][q - 1] : String(q) })}</option>)}
          <option value="year">{t("wholeYear")}</option>
        </Select>
      </Field>
      <Field label={t("year")} className={styles.year}>
        <Select value={String(period.year)} disabled={disabled} onChange={(_, d) => onChange({ ...period, year: Number(d.value) })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </Select>
      </Field>
    </fieldset>
  );
}
