import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import type { FindingGroup } from "../app/engine";
import { formatNumber, useI18n } from "./i18n";
import { ruleLabel } from "./ruleLabels";
import { findingMessage, shownSheet, wholeText } from "./display";
import {
  EMPTY_STATE, MESSAGE_MAX, PAGE, keyAction, sectionsOf, setOpen, showMore, toggle, visibleRows, type Row, type TreeState,
} from "./findingsTree";
import { clipText } from "../core/text/visible";
import { VisibleText } from "./VisibleText";

const useStyles = makeStyles({
  tree: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  row: {
    display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer", outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    // A visible focus for the keyboard walk; the mouse gets the hover colour only.
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  section: {
    alignItems: "center", backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold,
    marginTop: tokens.spacingVerticalS,
  },
  group: { alignItems: "center", fontWeight: tokens.fontWeightSemibold, paddingLeft: tokens.spacingHorizontalM },
  item: { paddingLeft: "28px", display: "block", overflowWrap: "anywhere", wordBreak: "break-word" },
  more: { paddingLeft: "28px", color: tokens.colorBrandForegroundLink },
  whole: { paddingLeft: "40px", display: "block", color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase200 },
  wholeText: {
    display: "block", marginTop: tokens.spacingVerticalXS, maxHeight: "12em", overflowY: "auto", whiteSpace: "pre-wrap",
    overflowWrap: "anywhere", color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalXS, borderRadius: tokens.borderRadiusSmall, fontSize: tokens.fontSizeBase200,
  },
  // A plain glyph turned a quarter when open: no icon package for one arrow.
  chevron: {
    flexShrink: 0, display: "inline-block", width: "16px", textAlign: "center", alignSelf: "center",
    color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase400, lineHeight: "16px",
    transitionProperty: "transform", transitionDuration: tokens.durationFaster,
  },
  chevronOpen: { transform: "rotate(90deg)" },
  // Badges keep their width: a long rule name wraps, the badge never shrinks ("Varnings").
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  label: { minWidth: 0, flexGrow: 1, overflowWrap: "anywhere" },
  ruleId: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  where: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger", warning: "warning", info: "informative",
};

export interface FindingsListProps {
  /** Each group's count and first page, as the engine sent them (the whole list stays in the engine). */
  groups: FindingGroup[];
  /** More of a group's findings, from the engine. */
  loadMore: (group: string, offset: number, limit: number) => Promise<Finding[]>;
  onSelect: (f: Finding) => void;
}

/**
 * The findings as a tree: severity, then rule, then finding. One tab stop;
 * the arrows walk it, Right and Left open and close, Enter selects the cell in
 * Excel. Only the open groups are drawn, a page at a time, and only a page
 * at a time crosses from the engine, so a province's 70,000 notes cost
 * nothing until someone opens them.
 */
export function FindingsList({ groups, loadMore, onSelect }: FindingsListProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // The pages fetched after the first, per group.
  const [fetched, setFetched] = useState<Readonly<Record<string, Finding[]>>>({});
  const pending = useRef(new Set<string>());
  const sections = useMemo(
    () => sectionsOf(groups.map((g) => (fetched[g.key] ? { ...g, items: [...g.items, ...fetched[g.key]] } : g))),
    [groups, fetched],
  );
  const [state, setState] = useState<TreeState>(EMPTY_STATE);
  const [active, setActive] = useState<string>("");
  const treeRef = useRef<HTMLDivElement>(null);
  /** The row to focus once it is drawn (the next page's first row may still be on its way from the engine). */
  const focusNext = useRef<string | null>(null);
  const messageOf = useCallback((f: Finding) => findingMessage(f, lang), [lang]);
  const rows = useMemo(() => visibleRows(sections, state, messageOf), [sections, state, messageOf]);

  // A new check (or filter) starts from the defaults: what was opened in the last one may not exist any more.
  useEffect(() => {
    setState(EMPTY_STATE);
    setActive("");
    setFetched((f) => (Object.keys(f).length ? {} : f));
    pending.current.clear();
  }, [groups]);

  /** Fetches the group's next page when what is to be drawn goes past what is at hand. */
  const fetchMore = (groupKey: string, want: number) => {
    const g = sections.flatMap((s) => s.groups).find((x) => x.key === groupKey);
    if (!g || g.items.length >= Math.min(want, g.count) || pending.current.has(groupKey)) return;
    pending.current.add(groupKey);
    loadMore(groupKey, g.items.length, want - g.items.length).then(
      (items) => {
        pending.current.delete(groupKey);
        setFetched((m) => ({ ...m, [groupKey]: [...(m[groupKey] ?? []), ...items] }));
      },
      // "Show more" stays; the next check gives a fresh list.
      () => pending.current.delete(groupKey),
    );
  };

  const activeIndex = Math.max(0, rows.findIndex((r) => r.key === active));

  useEffect(() => {
    const key = focusNext.current;
    if (key === null || !rows.some((r) => r.key === key)) return;
    focusNext.current = null;
    const rowEls = treeRef.current?.children ?? [];
    for (const el of rowEls) if ((el as HTMLElement).dataset.key === key) (el as HTMLElement).focus();
  }, [rows, active]);

  const act = (row: Row, index: number, key: string) => {
    const a = keyAction(rows, index, key);
    switch (a.type) {
      case "focus":
        focusNext.current = rows[a.index].key;
        setActive(rows[a.index].key);
        return true;
      case "toggle":
        setState((s) => (a.open === undefined ? toggle(s, row) : setOpen(s, row, a.open!)));
        return true;
      case "select":
        if (row.kind === "item") onSelect(row.finding);
        return true;
      case "more":
        if (row.kind === "more") {
          setState((s) => showMore(s, row));
          fetchMore(row.groupKey, row.next + PAGE);
          // The focus lands on the first finding just drawn, where the reading goes on.
          focusNext.current = `${row.groupKey}#${row.next}`;
          setActive(focusNext.current);
        }
        return true;
      default:
        return false;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = rows.findIndex((r) => r.key === (e.target as HTMLElement).dataset.key);
    if (index < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    if (act(rows[index], index, e.key)) e.preventDefault();
  };

  const onClick = (row: Row, index: number) => {
    setActive(row.key);
    act(row, index, "Enter");
  };

  const chevron = (open: boolean) => (
    <span className={mergeClasses(styles.chevron, open && styles.chevronOpen)} aria-hidden>›</span>
  );

  const draw = (row: Row, index: number) => {
    // The key goes to each element directly: React wants it out of a spread props object.
    const common = {
      role: "treeitem",
      "aria-level": row.level,
      tabIndex: index === activeIndex ? 0 : -1,
      "data-key": row.key,
      onClick: () => onClick(row, index),
    } as const;
    switch (row.kind) {
      case "section": {
        const sev = row.section.severity;
        return (
          <div key={row.key} {...common} aria-expanded={row.open} className={mergeClasses(styles.row, styles.section)} data-testid="severity-section" data-severity={sev}
            aria-label={`${t(`sev_${sev}`)}: ${formatNumber(row.section.count, lang)}`}>
            {chevron(row.open)}
            <Badge className={styles.badge} appearance="filled" color={SEVERITY_COLOR[sev]}>{t(`sev_${sev}`)}</Badge>
            <span className={styles.label}>{t("findingsCount", { n: row.section.count })}</span>
          </div>
        );
      }
      case "group": {
        const g = row.group;
        return (
          <div key={row.key} {...common} aria-expanded={row.open} className={mergeClasses(styles.row, styles.group)} data-testid="rule-group" data-rule={g.rule} data-severity={g.severity}
            aria-label={`${ruleLabel(g.rule, lang)} (${g.rule}): ${formatNumber(g.count, lang)} ${t(`sevWord_${g.severity}`)}`}>
            {chevron(row.open)}
            <span className={styles.label}>
              {ruleLabel(g.rule, lang)} <span className={styles.ruleId}>({g.rule})</span>
            </span>
            <Badge className={styles.badge} appearance="outline" color={SEVERITY_COLOR[g.severity]}>{formatNumber(g.count, lang)}</Badge>
          </div>
        );
      }
      case "item": {
        const f = row.finding;
        return (
          <div key={row.key} {...common} className={mergeClasses(styles.row, styles.item)} data-testid="finding" data-severity={f.severity}>
            <span className={styles.where}><VisibleText text={shownSheet(f.sheet)} />!{f.address}</span>
            <VisibleText text={clipText(findingMessage(f, lang), MESSAGE_MAX, lang)} />
          </div>
        );
      }
      case "whole": {
        const whole = wholeText(row.finding, lang);
        return (
          <div key={row.key} {...common} aria-expanded={row.open} className={mergeClasses(styles.row, styles.whole)} data-testid="whole-value">
            {row.open ? t("hideWhole") : t("showWhole", { n: whole.length })}
            {/* The text can be selected and copied: a click in it does not fold it away. */}
            {row.open && <span className={styles.wholeText} onClick={(e) => e.stopPropagation()}><VisibleText text={whole.text} /></span>}
          </div>
        );
      }
      case "more":
        return (
          <div key={row.key} {...common} className={mergeClasses(styles.row, styles.more)} data-testid="show-more">
            {t("showMoreOf", { n: Math.min(row.left, PAGE), left: row.left })}
          </div>
        );
    }
  };

  return (
    <section aria-label={t("findingsList")} data-testid="findings">
      <div className={styles.hint} id="findings-hint">{t("findingsKeys")}</div>
      <div role="tree" aria-label={t("findingsList")} aria-describedby="findings-hint" className={styles.tree} ref={treeRef} onKeyDown={onKeyDown}>
        {rows.map(draw)}
      </div>
    </section>
  );
}
