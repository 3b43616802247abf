import { useMemo, useState } from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, RuleId, Severity } from "../core/model";
import { formatNumber, useI18n } from "./i18n";
import { useCommonStyles } from "./styles";
import { ruleLabel } from "./ruleLabels";

const PAGE = 50;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: {
    display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0,
    fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold,
  },
  item: {
    justifyContent: "flex-start", textAlign: "left", width: "100%", minWidth: 0,
    fontWeight: tokens.fontWeightRegular, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS,
  },
  where: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger", warning: "warning", info: "informative",
};

export function groupByRule(findings: Finding[]): Array<{ rule: RuleId; severity: Severity; items: Finding[] }> {
  const groups = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  // A rule can mix severities (an unreadable date is an error, a date typed as text only info):
  // the worst come first inside the group, so the group's badge matches the items on top.
  const worstFirst = (items: Finding[]) => items.slice().sort((a, b) => rank[a.severity] - rank[b.severity]);
  return [...groups.entries()]
    .map(([rule, items]) => ({ rule, items: worstFirst(items), severity: items.reduce<Severity>((s, f) => (rank[f.severity] < rank[s] ? f.severity : s), "info") }))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.items.length - a.items.length);
}

export interface FindingsListProps {
  findings: Finding[];
  onSelect: (f: Finding) => void;
}

/** Findings grouped by rule, worst first; each group shows a page at a time so 10,000 findings stay responsive. */
export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const common = useCommonStyles();
  const groups = useMemo(() => groupByRule(findings), [findings]);
  const [shown, setShown] = useState<Record<string, number>>({});
  return (
    <section aria-label={t("findingsList")} className={common.section} data-testid="findings">
      {groups.map((g) => {
        const limit = shown[g.rule] ?? PAGE;
        const headingId = `rule-${g.rule.replace(/\W/g, "-")}`;
        return (
          <div key={g.rule} className={styles.group} data-rule={g.rule}>
            <h3 className={styles.heading} id={headingId}>
              <Badge appearance="tint" color={SEVERITY_COLOR[g.severity]}>{t(`sev_${g.severity}`)}</Badge>
              <span className={common.wrapText}>
                {ruleLabel(g.rule, lang)} <span className={common.muted}>({g.rule})</span>
              </span>
              <Badge appearance="outline" color="informative">{formatNumber(g.items.length, lang)}</Badge>
            </h3>
            <ul className={common.list} aria-labelledby={headingId}>
              {g.items.slice(0, limit).map((f, i) => (
                <li key={`${f.sheet}!${f.address}#${i}`}>
                  <Button appearance="subtle" className={styles.item} onClick={() => onSelect(f)} data-testid="finding">
                    <span className={common.wrapText}>
                      {f.severity !== g.severity && <span className={styles.where}>[{t(`sev_${f.severity}`)}]</span>}
                      <span className={styles.where}>{f.sheet}!{f.address}</span>
                      {lang === "vi" ? f.message : f.messageEn}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
            {g.items.length > limit && (
              <Button appearance="transparent" size="small" onClick={() => setShown((s) => ({ ...s, [g.rule]: limit + PAGE }))}>
                {t("showMore", { n: Math.min(PAGE, g.items.length - limit) })}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}
