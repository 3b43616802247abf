import { CellValue, PlanOp, WritePlan, a1, parsePeriod, periodLabelEn, periodLabelVi } from "../model";
import { formatNumberVi } from "../summary/pct";
import { reportParagraphs } from "../summary/report";
import {
  CadreRow, CadreTable, Comparand, Figure, MeetingRow, MeetingTable, NOT_RECORDED_MARK, NO_DATA_VI, Summary, SummaryRow, isNoData,
} from "../summary/types";
import { rowsRef } from "../text/rowRef";
import { BlockRow, Column, range, tableBlock } from "./block";
import { Metric, MEETING_METRICS, TABLE_TITLES, bandLabel, cadreMetrics, figureAt } from "./metrics";

export interface SummarySheetOptions {
  sheetName?: string;
  lang?: "vi" | "en";
}

/** Stable chart names: running the summary again updates these charts instead of adding new ones. */
export const CHART_NAMES = {
  monthlyShare: "chibo-monthly-share",
  monthlyTrend: "chibo-monthly-trend",
  structure: "chibo-secretary-structure",
  ageBands: "chibo-secretary-age",
} as const;

type Lang = "vi" | "en";
const T = {
  title: { vi: "TỔNG HỢP SỐ LIỆU CHI BỘ, CÁN BỘ VÀ SINH HOẠT CHI BỘ", en: "SUMMARY OF PARTY CELLS, CADRES AND CELL MEETINGS" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  rounding: { vi: { round: "làm tròn", truncate: "cắt bớt (không làm tròn)" }, en: { round: "rounded half up", truncate: "truncated" } },
  roundingLabel: { vi: "Tỷ lệ % lấy 2 chữ số thập phân, ", en: "Percentages with 2 decimals, " },
  stt: { vi: "STT", en: "No." },
  commune: { vi: "Đảng bộ xã/phường", en: "Commune" },
  count: { vi: "Số lượng", en: "Count" },
  pct: { vi: "Tỷ lệ %", en: "%" },
  noData: { vi: NO_DATA_VI, en: "no data yet" },
  now: { vi: "Kỳ này", en: "This period" },
  before: { vi: "Cùng kỳ năm trước", en: "Same period last year" },
  change: { vi: "Tăng/giảm", en: "Change" },
  compare: { vi: "So sánh cùng kỳ năm trước", en: "Compared with the same period last year" },
  leftOut: { vi: "Dòng không được tính đủ", en: "Rows not fully counted" },
  notRecorded: { vi: "Cột không có trong sổ tính (các chỉ tiêu cần cột này ghi “–”, không phải 0)", en: "Columns not in the workbook (the figures needing them show “–”, not 0)" },
  missingIn: { vi: "Thiếu ở", en: "Missing in" },
  notes: { vi: "Ghi chú", en: "Notes" },
  report: { vi: "ĐOẠN BÁO CÁO (chép vào văn bản báo cáo)", en: "REPORT PARAGRAPH (to copy into the report)" },
  term: { vi: "nhiệm kỳ", en: "term" },
  termCounted: { vi: "tính các cán bộ nhiệm kỳ", en: "counts the cadres of the term" },
  comparedTerm: { vi: "so sánh với khóa trước", en: "compared with the previous term" },
  agesAt: { vi: "tuổi khóa trước tính đến ngày", en: "previous term's ages on" },
  termCount: { vi: "Khóa trước: số lượng", en: "Previous term: count" },
  termPct: { vi: "Khóa trước: tỷ lệ %", en: "Previous term: %" },
  changePoints: { vi: "Tăng/giảm (%)", en: "Change (points)" },
  asOf: { vi: "tính đến ngày", en: "as of" },
  none: { vi: "chưa có tháng nào", en: "none yet" },
  chartData: { vi: "SỐ LIỆU CHO BIỂU ĐỒ", en: "CHART DATA" },
  month: { vi: "Tháng", en: "Month" },
  meetings: { vi: "Số buổi sinh hoạt", en: "Meetings" },
  avg: { vi: "Tỷ lệ dự bình quân (%)", en: "Average attendance (%)" },
  share: { vi: "% chi bộ sinh hoạt đủ hằng tháng", en: "% of cells meeting every month" },
  education: { vi: "Trình độ chuyên môn", en: "Education" },
  theory: { vi: "Lý luận chính trị", en: "Political theory" },
  ageBand: { vi: "Độ tuổi", en: "Age" },
  secretaries: { vi: "Số bí thư chi bộ", en: "Cell secretaries" },
  chartShare: { vi: "Tỷ lệ chi bộ sinh hoạt đủ hằng tháng theo đảng bộ", en: "Share of cells meeting every month, by commune" },
  chartTrend: { vi: "Số buổi sinh hoạt và tỷ lệ dự theo tháng", en: "Meetings and attendance by month" },
  chartStructure: { vi: "Cơ cấu trình độ của bí thư chi bộ", en: "Education and theory of cell secretaries" },
  chartAge: { vi: "Độ tuổi bí thư chi bộ", en: "Age of cell secretaries" },
  preparer: { vi: "NGƯỜI LẬP BIỂU", en: "PREPARED BY" },
  head: { vi: "TM. BAN THƯỜNG VỤ", en: "FOR THE STANDING COMMITTEE" },
  dateLine: { vi: "……, ngày …… tháng …… năm ……", en: "……, date ……" },
  sign: { vi: "(Ký, ghi rõ họ tên)", en: "(Signature and full name)" },
} as const;

const COUNT_W = 50;
const PCT_W = 46;

/** What a sheet cell shows for one part of a figure: its number, "–" when not recorded, blank when there is no share. */
function part(f: Figure | Comparand | undefined, which: "count" | "pct"): CellValue {
  if (f === undefined) return "";
  if (f.notRecorded !== undefined) return NOT_RECORDED_MARK;
  return f[which] ?? "";
}

/** The headline number of a figure for the comparison columns: its % when it has one, else its count. */
function headline(f: Figure | Comparand | undefined, m: Metric): CellValue {
  if (f === undefined) return "";
  if (f.notRecorded !== undefined) return NOT_RECORDED_MARK;
  return (m.kind === "count" ? f.count : f.pct) ?? "";
}

function change(f: Figure): CellValue {
  if (f.notRecorded !== undefined) return NOT_RECORDED_MARK;
  if (f.change === undefined) return "";
  return f.change === null ? NOT_RECORDED_MARK : f.change;
}

/**
 * A metric's columns: "Số lượng | Tỷ lệ %" for a share, one column for a
 * count or a ratio; with the previous term, "Khóa trước" (count and %) and
 * "Tăng/giảm" beside them, under the same group label.
 */
function metricColumns<R extends SummaryRow<string>>(metrics: readonly Metric[], lang: Lang, withTerm: boolean): Column<R>[] {
  return metrics.flatMap((m): Column<R>[] => {
    const label = m[lang];
    const f = (r: R) => figureAt(r, m.id);
    const prev = (r: R) => f(r).previousTerm;
    const cols: Column<R>[] = [];
    if (m.kind === "count") cols.push({ group: label, ...(withTerm ? { sub: T.count[lang] } : {}), fmt: "count", width: COUNT_W + 6, cell: (r) => part(f(r), "count") });
    else if (m.kind === "pct") cols.push({ group: label, ...(withTerm ? { sub: T.pct[lang] } : {}), fmt: "pct", width: PCT_W + 16, cell: (r) => part(f(r), "pct") });
    else {
      cols.push({ group: label, sub: T.count[lang], fmt: "count", width: COUNT_W, cell: (r) => part(f(r), "count") });
      cols.push({ group: label, sub: T.pct[lang], fmt: "pct", width: PCT_W, cell: (r) => part(f(r), "pct") });
    }
    if (!withTerm) return cols;
    if (m.kind !== "pct") cols.push({ group: label, sub: T.termCount[lang], fmt: "count", width: COUNT_W + 10, cell: (r) => part(prev(r), "count") });
    if (m.kind !== "count") cols.push({ group: label, sub: T.termPct[lang], fmt: "pct", width: PCT_W + 10, cell: (r) => part(prev(r), "pct") });
    cols.push({ group: label, sub: m.kind === "count" ? T.change[lang] : T.changePoints[lang], fmt: m.kind === "count" ? "countChange" : "pctChange", width: PCT_W + 6, cell: (r) => change(f(r)) });
    return cols;
  });
}

function labelColumns<R extends { commune: string }>(lang: Lang, withStt: boolean): Column<R>[] {
  const commune: Column<R> = { group: T.commune[lang], fmt: "text", width: 150, cell: (r) => r.commune };
  if (!withStt) return [commune];
  return [{ group: T.stt[lang], fmt: "int", width: 28, cell: (_r, i) => (i < 0 ? "" : i + 1) }, commune];
}

function totalLabel(lang: Lang): string {
  return lang === "vi" ? "Toàn tỉnh" : "Whole province";
}

function blockRows<R extends { commune: string }, N extends { commune: string; noData: true }>(rows: Array<R | N>, total: R, lang: Lang): BlockRow<R>[] {
  const out: BlockRow<R>[] = rows.map((r) => (isNoData(r) ? { kind: "noData" as const, label: r.commune } : { kind: "data" as const, row: r as R }));
  out.push({ kind: "total", row: { ...total, commune: totalLabel(lang) } });
  return out;
}

/** Table 3's "Kỳ này | Cùng kỳ năm trước | Tăng/giảm", one group per metric, headline figures. */
function comparisonColumns(lang: Lang): Column<MeetingRow>[] {
  return MEETING_METRICS.flatMap((m): Column<MeetingRow>[] => {
    const isCount = m.kind === "count";
    const label = isCount ? m[lang] : `${m[lang]} (%)`;
    const fmt = isCount ? ("count" as const) : ("pct" as const);
    const f = (r: MeetingRow) => figureAt(r, m.id);
    return [
      { group: label, sub: T.now[lang], fmt, width: PCT_W, cell: (r) => headline(f(r), m) },
      { group: label, sub: T.before[lang], fmt, width: PCT_W + 6, cell: (r) => headline(f(r).previousYear, m) },
      { group: label, sub: T.change[lang], fmt: isCount ? "countChange" : "pctChange", width: PCT_W, cell: (r) => change(f(r)) },
    ];
  });
}

/** Lines of text under the tables: one cell per line in column B, the first in bold. */
function textLines(sheet: string, row: number, title: string, lines: readonly string[]): { ops: PlanOp[]; rows: number } {
  const values: CellValue[][] = [[title], ...lines.map((l) => [l])];
  return {
    ops: [
      { op: "values", sheet, address: range(row, 2, row + values.length - 1, 2), values },
      { op: "format", sheet, address: a1(row, 2), format: { bold: true } },
    ],
    rows: values.length,
  };
}

/** A paragraph cut at its clauses ("; "), one per line, so it reads down the sheet without a merged cell. */
function clauseLines(text: string): string[] {
  return text.split(/(?<=;) /);
}

/**
 * The "Tổng hợp" sheet as a plan: title and period, tables 1 and 3 side by
 * side under one frozen header (their rows are the same communes, in the same
 * order), table 2 under table 1 with the same columns, then the notes (rows
 * left out, columns not found, the terms compared, a period not over), the
 * report paragraph, the signature lines, and the small tables the four
 * charts are bound to. A figure not recorded shows "–", never 0.
 */
export function planSummarySheet(summary: Summary, opts: SummarySheetOptions = {}): WritePlan {
  const lang: Lang = opts.lang ?? "vi";
  const sheet = opts.sheetName ?? (lang === "vi" ? "Tổng hợp" : "Summary");
  const ops: PlanOp[] = [{ op: "sheet", sheet, purpose: "summary", tabColor: "#C00000" }];
  const cadreM = cadreMetrics(summary);
  // With nothing to compare with (one term in the data, no roster), the note says so; columns of "–" would not.
  const withTerm = (t: CadreTable) => Boolean(t.term.previous?.label);
  const cadreCols = (t: CadreTable): Column<CadreRow>[] => [...labelColumns<CadreRow>(lang, true), ...metricColumns<CadreRow>(cadreM, lang, withTerm(t))];
  const t1Cols = cadreCols(summary.tables.secretaries);
  const t2Cols = cadreCols(summary.tables.committee);
  const compare = summary.comparedWith !== undefined;
  const meetingCols: Column<MeetingRow>[] = [
    ...labelColumns<MeetingRow>(lang, false),
    ...metricColumns<MeetingRow>(MEETING_METRICS, lang, false),
    ...(compare ? comparisonColumns(lang) : []),
  ];

  // Title rows.
  const period = parsePeriod(summary.period);
  const periodText = period ? (lang === "vi" ? periodLabelVi(period) : periodLabelEn(period)) : summary.period;
  const asOf = summary.openPeriod ? ` (${T.asOf[lang]} ${summary.openPeriod.today})` : "";
  // The title spans what the first printed page shows, not all the columns: centred over 100 columns it would print on page three.
  const titleWidth = Math.min(t1Cols.length, 13);
  ops.push({ op: "values", sheet, address: "A1:A2", values: [[T.title[lang]], [`${T.period[lang]}: ${periodText}${asOf}. ${T.roundingLabel[lang]}${T.rounding[lang][summary.rounding]}.`]] });
  ops.push({ op: "merge", sheet, address: range(1, 1, 1, titleWidth) });
  ops.push({ op: "merge", sheet, address: range(2, 1, 2, titleWidth) });
  ops.push({ op: "format", sheet, address: "A1", format: { bold: true, fontSize: 14, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: "A2", format: { italic: true, hAlign: "Center" } });

  // Tables 1 and 3 side by side, headers on rows 4-5.
  const headerTop = 4;
  const termTitle = (t: CadreTable) => {
    if (!t.term.current && !t.term.previous) return "";
    const now = t.term.current ? ` ${T.term[lang]} ${t.term.current}` : "";
    const prev = t.term.previous?.label ? ` (${T.comparedTerm[lang]}: ${t.term.previous.label})` : "";
    return `,${now}${prev}`.replace(/^,$/, "");
  };
  const t1 = tableBlock(sheet, headerTop, 1, t1Cols, blockRows(summary.tables.secretaries.rows, summary.tables.secretaries.total, lang), 2, T.noData[lang]);
  const t3Left = t1.right + 2;
  const meetingTable: MeetingTable = summary.tables.meetings;
  const t3 = tableBlock(sheet, headerTop, t3Left, meetingCols, blockRows(meetingTable.rows, meetingTable.total, lang), 1, T.noData[lang]);
  ops.push({ op: "values", sheet, address: a1(3, 1), values: [[TABLE_TITLES.secretaries[lang] + termTitle(summary.tables.secretaries)]] });
  ops.push({ op: "values", sheet, address: a1(3, t3Left), values: [[TABLE_TITLES.meetings[lang] + (compare ? ` (${T.compare[lang].toLowerCase()}: ${summary.comparedWith})` : "")]] });
  ops.push({ op: "format", sheet, address: a1(3, 1), format: { bold: true, fontSize: 12 } });
  ops.push({ op: "format", sheet, address: a1(3, t3Left), format: { bold: true, fontSize: 12 } });
  ops.push(...t1.ops, ...t3.ops);

  // Table 2 under table 1.
  const t2Title = Math.max(t1.bottom, t3.bottom) + 2;
  const committee: CadreTable = summary.tables.committee;
  const t2 = tableBlock(sheet, t2Title + 1, 1, t2Cols, blockRows(committee.rows, committee.total, lang), 2, T.noData[lang]);
  ops.push({ op: "values", sheet, address: a1(t2Title, 1), values: [[TABLE_TITLES.committee[lang] + termTitle(committee)]] });
  ops.push({ op: "format", sheet, address: a1(t2Title, 1), format: { bold: true, fontSize: 12 } });
  ops.push(...t2.ops);

  // The notes, then the report paragraph, then the signature lines.
  let row = t2.bottom + 2;
  const block = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    const b = textLines(sheet, row, title, lines);
    ops.push(...b.ops);
    row += b.rows + 1;
  };
  block(`${T.leftOut[lang]}:`, summary.leftOut.map((l) => {
    // "Theo doi SH, dòng 232, 240": rows written as rows, not as "Theo doi SH!232" (which reads as a cell).
    const where = rowsRef(l.examples.slice(0, 5), lang);
    return `- ${l.message[lang]}: ${formatNumberVi(l.count)}${where ? ` (${where}${l.count > 5 ? ", …" : ""})` : ""}`;
  }));
  block(`${T.notRecorded[lang]}:`, summary.notRecorded.map((m) => {
    const where = m.communes.length > 0 ? ` ${T.missingIn[lang]}: ${m.communes.join(", ")}.` : "";
    return `- “${m.label[lang]}”: ${m.why[lang]}${where}`;
  }));
  block(`${T.notes[lang]}:`, notes(summary, lang));
  const paragraphs = reportParagraphs(summary, lang);
  block(T.report[lang], paragraphs.flatMap((p, i) => [...(i > 0 ? [""] : []), ...clauseLines(p.text)]));
  // Within the first printed page, not at the far right of a 37-column table.
  const signCol = Math.min(10, t1Cols.length);
  ops.push({ op: "values", sheet, address: range(row, 2, row + 1, 2), values: [[T.preparer[lang]], [T.sign[lang]]] });
  ops.push({ op: "values", sheet, address: range(row - 1, signCol, row + 1, signCol), values: [[T.dateLine[lang]], [T.head[lang]], [T.sign[lang]]] });
  ops.push({ op: "format", sheet, address: a1(row, 2), format: { bold: true, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: a1(row, signCol), format: { bold: true } });
  ops.push({ op: "format", sheet, address: range(row + 1, 2, row + 1, 2), format: { italic: true, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: a1(row - 1, signCol), format: { italic: true } });
  ops.push({ op: "format", sheet, address: a1(row + 1, signCol), format: { italic: true } });
  row += 6;

  ops.push(...chartOps(sheet, summary, lang, row));

  // Column widths: the widest of the tables sharing a column wins.
  const widths = new Map<number, number>();
  const setW = (col: number, w: number) => widths.set(col, Math.max(widths.get(col) ?? 0, w));
  t1Cols.forEach((c, i) => setW(1 + i, c.width));
  t2Cols.forEach((c, i) => setW(1 + i, c.width));
  meetingCols.forEach((c, i) => setW(t3Left + i, c.width));
  setW(t1.right + 1, 12);
  const last = Math.max(...widths.keys());
  ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: Array.from({ length: last }, (_, i) => widths.get(i + 1) ?? 48) });
  ops.push({ op: "freeze", sheet, rows: headerTop + 1, cols: 2 });
  return { ops };
}

/** What the reader must know to read the tables right: the terms counted and compared, a period not over. */
function notes(summary: Summary, lang: Lang): string[] {
  const out: string[] = [];
  for (const key of ["secretaries", "committee"] as const) {
    const t = summary.tables[key];
    const title = TABLE_TITLES[key][lang];
    if (t.term.current) out.push(`- ${title}: ${T.termCounted[lang]} ${t.term.current}.`);
    const prev = t.term.previous;
    if (prev) {
      if (prev.label) out.push(`- ${title}: ${T.comparedTerm[lang]} ${prev.label} (${T.agesAt[lang]} ${prev.agesAt}).`);
      else if (prev.missing) out.push(`- ${title}: ${prev.missing[lang]}.`);
    }
  }
  const open = summary.openPeriod;
  if (open) {
    const months = open.monthsOver.length > 0 ? open.monthsOver.join(", ") : T.none[lang];
    out.push(lang === "vi"
      ? `- Kỳ báo cáo chưa kết thúc: số liệu tính đến ngày ${open.today}; buổi sinh hoạt ghi sau ngày này chưa tính; “sinh hoạt đủ hằng tháng” tính trên các tháng đã qua (${months}).`
      : `- The period is not over: figures as of ${open.today}; meetings dated later are not counted; “every month” counts the months already over (${months}).`);
  }
  return out;
}

/** A chart's data cell: a number, or blank (a gap in the chart, not a bar at 0) when there is none. */
function chartNumber(n: number | null): CellValue {
  return n ?? "";
}

/** The small tables the charts are bound to, and the four charts beside them. */
function chartOps(sheet: string, summary: Summary, lang: Lang, top: number): PlanOp[] {
  const ops: PlanOp[] = [];
  ops.push({ op: "values", sheet, address: a1(top, 2), values: [[T.chartData[lang]]] });
  ops.push({ op: "format", sheet, address: a1(top, 2), format: { bold: true, fontSize: 12 } });
  const chartCol = 7; // G: charts sit to the right of their data, which uses B:E.
  let row = top + 2;
  const put = (values: CellValue[][], name: string, kind: "ColumnClustered" | "Line" | "BarStacked100", title: string, seriesBy: "Columns" | "Rows", numberFmts: Array<string | null>) => {
    const width = values[0].length;
    const address = range(row, 2, row + values.length - 1, 1 + width);
    ops.push({ op: "values", sheet, address, values });
    ops.push({ op: "format", sheet, address: range(row, 2, row, 1 + width), format: { bold: true, fill: "#DDEBF7", wrap: true, border: true } });
    ops.push({ op: "format", sheet, address: range(row + 1, 2, row + values.length - 1, 1 + width), format: { border: true } });
    numberFmts.forEach((nf, i) => {
      if (nf && values.length > 1) ops.push({ op: "format", sheet, address: range(row + 1, 2 + i, row + values.length - 1, 2 + i), format: { numberFormat: nf } });
    });
    ops.push({ op: "chart", sheet, name, kind, title, source: address, seriesBy, anchor: { from: a1(row, chartCol), to: a1(row + 17, chartCol + 9) } });
    row += Math.max(values.length, 19) + 2;
  };

  put(
    [[T.month[lang], T.meetings[lang], T.avg[lang]], ...summary.monthly.map((m) => [`${T.month[lang]} ${m.month}`, m.meetings, m.avgAttendancePct ?? ""])],
    CHART_NAMES.monthlyTrend, "Line", T.chartTrend[lang], "Columns", [null, "#,##0", "0.00"],
  );
  const shareRows = summary.tables.meetings.rows.filter((r): r is MeetingRow => !isNoData(r));
  put(
    [[T.commune[lang], T.share[lang]], ...shareRows.map((r) => [r.commune, chartNumber(r.figures.allMonthly.pct)]), [lang === "vi" ? "Toàn tỉnh" : "Whole province", chartNumber(summary.tables.meetings.total.figures.allMonthly.pct)]],
    CHART_NAMES.monthlyShare, "ColumnClustered", T.chartShare[lang], "Columns", [null, "0.00"],
  );
  const e = summary.secretaryStructure.education;
  const t = summary.secretaryStructure.theory;
  const levels = lang === "vi"
    ? ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học trở lên", "Cao cấp, Cử nhân"]
    : ["Untrained", "Sơ cấp", "Trung cấp", "Cao đẳng", "University+", "Cao cấp, Cử nhân"];
  // One bar per dimension; a level that does not exist in one dimension is 0 there.
  put(
    [["", ...levels], [T.education[lang], e.chuaDaoTao, e.soCap, e.trungCap, e.caoDang, e.daiHocTroLen, 0], [T.theory[lang], t.chuaDaoTao, t.soCap, t.trungCap, 0, 0, t.caoCapCuNhan]],
    CHART_NAMES.structure, "BarStacked100", T.chartStructure[lang], "Columns", [null, "#,##0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0"],
  );
  const total = summary.tables.secretaries.total;
  put(
    [[T.ageBand[lang], T.secretaries[lang]], ...summary.ageBands.map((b) => [bandLabel(b, lang), chartNumber(figureAt(total, `age.${b.key}`)?.count ?? null)])],
    CHART_NAMES.ageBands, "ColumnClustered", T.chartAge[lang], "Columns", [null, "#,##0"],
  );
  return ops;
}
