import { useMemo, useState } from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue, Finding } from "../core/model";
import { useI18n } from "./i18n";
import { useCommonStyles } from "./styles";

const PAGE = 100;

const useStyles = makeStyles({
  change: { display: "block", color: tokens.colorNeutralForeground2 },
  items: { maxHeight: "320px", overflowY: "auto", minWidth: 0 },
});

/** Excel serial -> "dd/mm/yyyy" (serial 25569 is 01/01/1970; serials count from 30/12/1899). */
export function serialToText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A date fix writes a serial; the user should see the day it means, not the serial. */
function show(v: CellValue | null, asDate = false): string {
  if (v === null || v === "") return "∅";
  if (asDate && typeof v === "number") return serialToText(v);
  return `“${String(v)}”`;
}

export interface FixPanelProps {
  findings: Finding[];
  onApply: (chosen: Finding[]) => void;
  onClose: () => void;
  disabled?: boolean;
}

/** "Sửa tự động": every fix with what it will change; nothing is written until the user applies the ticked ones. */
export function FixPanel({ findings, onApply, onClose, disabled }: FixPanelProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const fixable = useMemo(() => findings.filter((f) => f.fix && f.value !== null), [findings]);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(fixable.map((_, i) => i)));
  // A province can have tens of thousands of fixes: draw a page at a time; "select all" still covers every one.
  const [limit, setLimit] = useState(PAGE);
  const all = chosen.size === fixable.length && fixable.length > 0;
  return (
    <section className={common.card} aria-label={t("fixesTitle")} data-testid="fix-panel">
      <strong>{t("fixesTitle")}</strong>
      {fixable.length === 0 ? (
        <span>{t("fixesNone")}</span>
      ) : (
        <>
          <Checkbox
            label={t("fixSelectAll")}
            checked={all ? true : chosen.size ? "mixed" : false}
            onChange={() => setChosen(all ? new Set() : new Set(fixable.map((_, i) => i)))}
          />
          <ul className={`${common.list} ${styles.items}`}>
            {fixable.slice(0, limit).map((f, i) => (
              <li key={`${f.sheet}!${f.address}#${i}`}>
                <Checkbox
                  checked={chosen.has(i)}
                  onChange={(_, d) => setChosen((s) => {
                    const n = new Set(s);
                    if (d.checked) n.add(i);
                    else n.delete(i);
                    return n;
                  })}
                  label={
                    <span className={common.wrapText}>
                      <strong>{f.sheet}!{f.address}</strong>: {lang === "vi" ? f.fix?.description : f.fix?.descriptionEn}
                      <span className={styles.change}>{show(f.value)} {t("fixArrow")} {show(f.fix?.value ?? null, f.rule === "type/date" || f.rule === "cadre/age" || f.rule === "cadre/joined")}</span>
                    </span>
                  }
                />
              </li>
            ))}
          </ul>
          {fixable.length > limit && (
            <Button appearance="transparent" size="small" onClick={() => setLimit((l) => l + PAGE)}>
              {t("showMore", { n: Math.min(PAGE, fixable.length - limit) })}
            </Button>
          )}
        </>
      )}
      <div className={common.row}>
        {fixable.length > 0 && (
          <Button appearance="primary" disabled={disabled || chosen.size === 0} onClick={() => onApply(fixable.filter((_, i) => chosen.has(i)))}>
            {t("applyFixes", { n: chosen.size })}
          </Button>
        )}
        <Button onClick={onClose}>{t("closeFixes")}</Button>
      </div>
    </section>
  );
}
