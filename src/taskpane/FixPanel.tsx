import { useEffect, useMemo, useState } from "react";
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, RuleId } from "../core/model";
import { displayText } from "../core/text/visible";
import type { FixScope, FixSelection } from "../app/engine";
import { fixKey } from "../app/findingsView";
import { ALL_TICKED, countTicks, isTicked, selectionOf, tickOne, tickScope, type Ticks } from "./fixTicks";
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

export type { FixScope };

export interface FixPanelProps {
  /** How many findings under the list's filters have a fix. */
  count: number;
  /** Those per rule (most first) and per sheet (Vietnamese order), as the engine counted them. */
  rules: ReadonlyArray<{ rule: RuleId; count: number }>;
  sheets: ReadonlyArray<{ sheet: string; count: number }>;
  /** Those per rule and sheet together: every scope's count adds up from them. */
  cells: ReadonlyArray<{ rule: RuleId; sheet: string; count: number }>;
  /** A page of the scope's fixes from the engine, and how many the scope has: the pane never holds them all. */
  loadPage: (scope: FixScope, offset: number, limit: number) => Promise<{ total: number; items: Finding[] }>;
  /** The ticked fixes of the scope; `n` is how many. */
  onApply: (scope: FixScope, selection: FixSelection, n: number) => void;
  onClose: () => void;
  disabled?: boolean;
}

/**
 * "Sửa tự động": every fix with what it will change; nothing is written until
 * the user applies the ticked ones. The fixes can be narrowed to one rule or
 * one sheet ("only the dates typed as text", "only the Cán bộ sheet"). A
 * province can have tens of thousands: the panel draws a page at a time from
 * the engine and keeps the ticks as "all but these" or "only these", per
 * scope ticked or cleared as a whole, so "select all" covers every fix of the
 * scope and no other; a fix left out stays out when the scope changes and
 * comes back.
 */
export function FixPanel({ count, rules, sheets, cells, loadPage, onApply, onClose, disabled }: FixPanelProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const [rule, setRule] = useState<RuleId | "">("");
  const [sheet, setSheet] = useState("");
  const scope = useMemo<FixScope>(() => ({ ...(rule ? { rule } : {}), ...(sheet ? { sheet } : {}) }), [rule, sheet]);
  const [page, setPage] = useState<{ total: number; items: Finding[] } | null>(null);
  const [ticks, setTicks] = useState<Ticks>(ALL_TICKED);

  useEffect(() => {
    let live = true;
    setPage(null);
    if (count > 0) loadPage(scope, 0, PAGE).then((p) => live && setPage(p), () => live && setPage({ total: 0, items: [] }));
    return () => { live = false; };
  }, [count, scope, loadPage]);
  const more = () => page && loadPage(scope, page.items.length, PAGE).then(
    (p) => setPage((old) => (old ? { total: p.total, items: [...old.items, ...p.items] } : p)),
    () => undefined, // the button stays
  );

  const { total, chosen } = countTicks(ticks, scope, cells);
  const all = chosen === total && total > 0;
  const isChosen = (f: Finding) => isTicked(ticks, fixKey(f), f);
  const tickAll = () => setTicks((s) => tickScope(s, scope, !all));
  const tick = (f: Finding) => setTicks((s) => tickOne(s, fixKey(f), f));
  const apply = () => onApply(scope, selectionOf(ticks), chosen);

  return (
    <section className={common.card} aria-label={t("fixesTitle")} data-testid="fix-panel">
      <strong>{t("fixesTitle")}</strong>
      {count === 0 ? (
        <span>{t("fixesNone")}</span>
      ) : (
        <>
          <div className={common.row}>
            <Field label={t("fixRule")} className={common.grow}>
              <Select value={rule} onChange={(_, d) => setRule(d.value as RuleId | "")} data-testid="fix-rule">
                <option value="">{t("allRules", { n: count })}</option>
                {rules.map((r) => <option key={r.rule} value={r.rule}>{ruleLabel(r.rule, lang)} ({formatNumber(r.count, lang)})</option>)}
              </Select>
            </Field>
            <Field label={t("fixSheet")} className={common.grow}>
              <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="fix-sheet">
                <option value="">{t("allSheets")}</option>
                {sheets.map((s) => <option key={s.sheet} value={s.sheet}>{shownSheet(s.sheet)} ({formatNumber(s.count, lang)})</option>)}
              </Select>
            </Field>
          </div>
          {page && total === 0 ? (
            <span>{t("fixesNoneInScope")}</span>
          ) : page ? (
            <>
              <Checkbox label={t("fixSelectAll", { n: total })} checked={all ? true : chosen ? "mixed" : false} onChange={tickAll} />
              <ul className={`${common.list} ${styles.items}`}>
                {page.items.map((f, i) => (
                  <li key={`${f.rule}:${f.sheet}!${f.address}#${i}`}>
                    <Checkbox
                      checked={isChosen(f)}
                      onChange={() => tick(f)}
                      label={
                        <span className={common.wrapText}>
                          <strong><VisibleText text={shownSheet(f.sheet)} />!{f.address}</strong>:{" "}
                          <VisibleText text={displayText(f.fix?.description[lang] ?? "", DESCRIPTION_MAX, lang)} />
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
              {total > page.items.length && (
                <Button appearance="transparent" size="small" onClick={more}>
                  {t("showMore", { n: Math.min(PAGE, total - page.items.length) })}
                </Button>
              )}
            </>
          ) : null}
        </>
      )}
      <div className={common.row}>
        {count > 0 && (
          <Button appearance="primary" disabled={disabled || chosen === 0} onClick={apply}>
            {t("applyFixes", { n: chosen })}
          </Button>
        )}
        <Button onClick={onClose}>{t("closeFixes")}</Button>
      </div>
    </section>
  );
}
