import { parsePeriod, periodLabelEn, periodLabelVi } from "../model";
import { CadreColumn, MeetingColumn, cadreColumns, meetingColumns } from "./columns";
import { formatNumberEn, formatNumberVi } from "./pct";
import { Counted, Figure, Summary, SummaryRow } from "./types";

/**
 * The report paragraph: the summary's "Toàn tỉnh" figures as the sentences an
 * office writes into its report ("… 3.471 đồng chí, trong đó nữ 961 đồng chí,
 * chiếm 27,68% (tăng 2,81% so với khóa trước); …"), one paragraph per table,
 * from the columns' own phrases (columns.ts `say`). A figure not recorded is
 * left out of the sentences, never written as 0.
 */
export type Lang = "vi" | "en";
export type ReportTable = "secretaries" | "committee" | "meetings";

export interface ReportParagraph {
  table: ReportTable;
  text: string;
}

type AnyColumn = CadreColumn | MeetingColumn;

interface Words {
  num(n: number): string;
  pct(p: number): string;
  /** The unit a count of this column is in: "đồng chí", "chi bộ", "buổi". */
  unit(c: AnyColumn): string;
  count(c: AnyColumn, n: string, cmp: string): string;
  share(c: AnyColumn, n: string, pct: string | null, first: boolean, cmp: string): string;
  ratio(c: AnyColumn, pct: string, cmp: string): string;
  change(delta: number, isCount: boolean, unit: string, against: "previousTerm" | "previousYear"): string;
  heading(table: ReportTable, summary: Summary): string;
}

/** A count's or a ratio's phrase with its number: "tổng số {n} đồng chí". */
function fill(template: string, n: string): string {
  return template.replace("{n}", n);
}

const AGAINST = {
  vi: { previousTerm: "so với khóa trước", previousYear: "so với cùng kỳ năm trước" },
  en: { previousTerm: "on the previous term", previousYear: "on the same period last year" },
};

function unitOf(c: AnyColumn, lang: Lang): string {
  const m = c.measure;
  const cells = "of" in m && m.of === "cells";
  const meetings = "of" in m && m.of === "meetings";
  if (lang === "vi") return cells ? "chi bộ" : meetings ? "buổi" : "đồng chí";
  return cells ? "cells" : meetings ? "meetings" : "";
}

const VI: Words = {
  num: (n) => formatNumberVi(n),
  pct: (p) => `${formatNumberVi(p, 2)}%`,
  unit: (c) => unitOf(c, "vi"),
  count: (c, n, cmp) => fill(c.say?.vi ?? `${c.vi} {n}`, n) + (cmp ? ` (${cmp})` : ""),
  share: (c, n, pct, first, cmp) =>
    `${first ? "trong đó " : ""}${c.say?.vi ?? c.vi} ${n} ${unitOf(c, "vi")}${pct === null ? "" : `, chiếm ${pct}`}${cmp ? ` (${cmp})` : ""}`,
  ratio: (c, pct, cmp) => fill(c.say?.vi ?? `${c.vi} {n}`, pct) + (cmp ? ` (${cmp})` : ""),
  change: (delta, isCount, unit, against) => {
    const size = isCount ? `${formatNumberVi(Math.abs(delta))}${unit ? ` ${unit}` : ""}` : `${formatNumberVi(Math.abs(delta), 2)}%`;
    const word = delta > 0 ? `tăng ${size}` : delta < 0 ? `giảm ${size}` : "không đổi";
    return `${word} ${AGAINST.vi[against]}`;
  },
  heading: (table, summary) => {
    if (table === "meetings") {
      const p = parsePeriod(summary.period);
      return `Sinh hoạt chi bộ ${p ? periodLabelVi(p).toLowerCase() : summary.period}`;
    }
    const term = summary.tables[table].term.current;
    const who = table === "secretaries" ? "Đội ngũ bí thư chi bộ" : "Cấp ủy viên cơ sở";
    return term ? `${who} nhiệm kỳ ${term}` : who;
  },
};

const EN: Words = {
  num: (n) => formatNumberEn(n),
  pct: (p) => `${formatNumberEn(p, 2)}%`,
  unit: (c) => unitOf(c, "en"),
  count: (c, n, cmp) => fill(c.say?.en ?? `${c.en} {n}`, n) + (cmp ? ` (${cmp})` : ""),
  share: (c, n, pct, first, cmp) => {
    const unit = unitOf(c, "en");
    const inner = [pct, cmp].filter((x) => x).join(", ");
    return `${first ? "of which " : ""}${c.say?.en ?? c.en} ${n}${unit ? ` ${unit}` : ""}${inner ? ` (${inner})` : ""}`;
  },
  ratio: (c, pct, cmp) => fill(c.say?.en ?? `${c.en} {n}`, pct) + (cmp ? ` (${cmp})` : ""),
  change: (delta, isCount, unit, against) => {
    const size = isCount ? `${formatNumberEn(Math.abs(delta))}` : `${formatNumberEn(Math.abs(delta), 2)} points`;
    const word = delta > 0 ? `up ${size}` : delta < 0 ? `down ${size}` : "unchanged";
    return `${word} ${AGAINST.en[against]}`;
  },
  heading: (table, summary) => {
    if (table === "meetings") {
      const p = parsePeriod(summary.period);
      return `Cell meetings, ${p ? periodLabelEn(p) : summary.period}`;
    }
    const term = summary.tables[table].term.current;
    const who = table === "secretaries" ? "Cell secretaries" : "Grassroots committee members";
    return term ? `${who} (term ${term})` : who;
  },
};

/** "tăng 2,81% so với khóa trước", or "" when there is nothing to compare with. */
function comparison(f: Counted, c: AnyColumn, w: Words): string {
  const against = f.previousTerm !== undefined ? "previousTerm" : f.previousYear !== undefined ? "previousYear" : null;
  if (against === null || f.change === undefined || f.change === null) return "";
  return w.change(f.change, c.measure.kind === "count", w.unit(c), against);
}

/** The clauses of one table: "nữ 961 đồng chí, chiếm 27,68% (…)", grouped where columns share a group. */
function clauses(columns: readonly AnyColumn[], row: SummaryRow<string>, w: Words, lang: Lang): string[] {
  const out: string[] = [];
  let group: string | null = null;
  let afterCount = false;
  for (const c of columns) {
    if (!c.say) continue;
    const f: Figure = (row.figures as Record<string, Figure>)[c.key];
    if (f === undefined || f.notRecorded !== undefined) continue;
    let text: string;
    const m = c.measure;
    const cmp = comparison(f, c, w);
    if (m.kind === "count") {
      if (f.count === null) continue;
      text = w.count(c, w.num(f.count), cmp);
    } else if (m.kind === "ratio") {
      if (f.pct === null) continue;
      text = w.ratio(c, w.pct(f.pct), cmp);
    } else {
      if (f.count === null) continue;
      text = w.share(c, w.num(f.count), f.pct === null ? null : w.pct(f.pct), afterCount, cmp);
    }
    afterCount = m.kind === "count";
    const g = c.say.group?.[lang] ?? null;
    if (g !== null && g === group) out[out.length - 1] += `, ${text}`;
    else out.push(g !== null ? `${g}: ${text}` : text);
    group = g;
  }
  return out;
}

const TABLES: ReportTable[] = ["secretaries", "committee", "meetings"];

/** One paragraph per table that has figures, in the language asked. */
export function reportParagraphs(summary: Summary, lang: Lang = "vi"): ReportParagraph[] {
  const w = lang === "vi" ? VI : EN;
  const out: ReportParagraph[] = [];
  for (const table of TABLES) {
    const columns: readonly AnyColumn[] = table === "meetings" ? meetingColumns : cadreColumns(summary.ageBands);
    const row = summary.tables[table].total as SummaryRow<string>;
    const parts = clauses(columns, row, w, lang);
    if (parts.length === 0) continue;
    out.push({ table, text: `${w.heading(table, summary)}: ${parts.join("; ")}.` });
  }
  return out;
}

/** The paragraphs as one text, a blank line between them: what the pane copies and `chibo summary --text` prints. */
export function reportText(summary: Summary, lang: Lang = "vi"): string {
  return reportParagraphs(summary, lang).map((p) => p.text).join("\n\n");
}
