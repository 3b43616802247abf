import { useMemo, useState } from "react";
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, RuleId } from "../core/model";
import { compareVi } from "../core/text/collate";
import { displayText } from "../core/text/visible";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { ruleLabel } from "./ruleLabels";
import { shownSheet, shownValue } from "./display";
import { VisibleText } from "./VisibleText";

const PAGE = 100;
/** A fix's one-line description quotes the value it changes: cut like the findings. */
const DESCRIPTION_MAX = 300;

const useStyles = makeStyles({
  change: { display: "block", color: tokens.colorNeutralForeground2 },
  items: { maxHeight: "320px", overflowY: "auto", minWidth: 0 },
});

export interface FixPanelProps {
  findings: Finding[];
  onApply: (chosen: Finding[]) => void;
  onClose: () => void;
  disabled?: boolean;
}

/** Counts per key, in first-seen order. */
function countBy<K>(items: readonly Finding[], key: (f: Finding) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const f of items) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/**
 * "Sửa tự động": every fix with what it will change; nothing is written until
 * the user applies the ticked ones. The fixes can be narrowed to one rule or
 * one sheet ("only the dates typed as text", "only the Cán bộ sheet").
 */
export function FixPanel({ findings, onApply, onClose, disabled }: FixPanelProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const fixable = useMemo(() => findings.filter((f) => f.fix && f.value !== null), [findings]);
  const rules = useMemo(() => [...countBy(fixable, (f) => f.rule).entries()].sort((a, b) => b[1] - a[1]), [fixable]);
  const sheets = useMemo(() => [...countBy(fixable, (f) => f.sheet).entries()].sort((a, b) => compareVi(a[0], b[0])), [fixable]);
  const [rule, setRule] = useState<RuleId | "">("");
  const [sheet, setSheet] = useState("");
  const scope = useMemo(() => fixable.filter((f) => (!rule || f.rule === rule) && (!sheet || f.sheet === sheet)), [fixable, rule, sheet]);
  // Unticked fixes, by identity: a fix left out stays left out when the scope changes and comes back.
  const [unticked, setUnticked] = useState<ReadonlySet<Finding>>(() => new Set());
  const chosen = useMemo(() => scope.filter((f) => !unticked.has(f)), [scope, unticked]);
  // A province can have tens of thousands of fixes: draw a page at a time; "select all" still covers every one.
  const [limit, setLimit] = useState(PAGE);
  const all = chosen.length === scope.length && scope.length > 0;
  const tickAll = () => setUnticked((u) => {
    const n = new Set(u);
    for (const f of scope) {
      if (all) n.add(f);
      else n.delete(f);
    }
    return n;
  });
  const tick = (f: Finding, on: boolean) => setUnticked((u) => {
    const n = new Set(u);
    if (on) n.delete(f);
    else n.add(f);
    return n;
  });
  return (
    <section className={common.card} aria-label={t("fixesTitle")} data-testid="fix-panel">
      <strong>{t("fixesTitle")}</strong>
      {fixable.length === 0 ? (
        <span>{t("fixesNone")}</span>
      ) : (
        <>
          <div className={common.row}>
            <Field label={t("fixRule")} className={common.grow}>
              <Select value={rule} onChange={(_, d) => { setRule(d.value as RuleId | ""); setLimit(PAGE); }} data-testid="fix-rule">
                <option value="">{t("allRules", { n: fixable.length })}</option>
                {rules.map(([r, n]) => <option key={r} value={r}>{ruleLabel(r, lang)} ({formatNumber(n, lang)})</option>)}
              </Select>
            </Field>
            <Field label={t("fixSheet")} className={common.grow}>
              <Select value={sheet} onChange={(_, d) => { setSheet(d.value); setLimit(PAGE); }} data-testid="fix-sheet">
                <option value="">{t("allSheets")}</option>
                {sheets.map(([s, n]) => <option key={s} value={s}>{shownSheet(s)} ({formatNumber(n, lang)})</option>)}
              </Select>
            </Field>
          </div>
          {scope.length === 0 ? (
            <span>{t("fixesNoneInScope")}</span>
          ) : (
            <>
              <Checkbox label={t("fixSelectAll", { n: scope.length })} checked={all ? true : chosen.length ? "mixed" : false} onChange={tickAll} />
              <ul className={`${common.list} ${styles.items}`}>
                {scope.slice(0, limit).map((f, i) => (
                  <li key={`${f.rule}:${f.sheet}!${f.address}#${i}`}>
                    <Checkbox
                      checked={!unticked.has(f)}
                      onChange={(_, d) => tick(f, !!d.checked)}
                      label={
                        <span className={common.wrapText}>
                          <strong><VisibleText text={shownSheet(f.sheet)} />!{f.address}</strong>:{" "}
                          <VisibleText text={displayText((lang === "vi" ? f.fix?.description : f.fix?.descriptionEn) ?? "", DESCRIPTION_MAX, lang)} />
                          <span className={styles.change}>
                            <VisibleText text={shownValue(f.value, f.valueText, lang)} /> {t("fixArrow")}{" "}
                            <VisibleText text={shownValue(f.fix?.value ?? null, f.fix?.valueText, lang)} />
                          </span>
                        </span>
                      }
                    />
                  </li>
                ))}
              </ul>
              {scope.length > limit && (
                <Button appearance="transparent" size="small" onClick={() => setLimit((l) => l + PAGE)}>
                  {t("showMore", { n: Math.min(PAGE, scope.length - limit) })}
                </Button>
              )}
            </>
          )}
        </>
      )}
      <div className={common.row}>
        {fixable.length > 0 && (
          <Button appearance="primary" disabled={disabled || chosen.length === 0} onClick={() => onApply(chosen)}>
            {t("applyFixes", { n: chosen.length })}
          </Button>
        )}
        <Button onClick={onClose}>{t("closeFixes")}</Button>
      </div>
    </section>
  );
}
