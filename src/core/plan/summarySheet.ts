import { CellValue, PlanOp, WritePlan, a1, parsePeriod, periodLabelEn, periodLabelVi } from "../model";
import { formatNumberVi } from "../summary/pct";
import { CadreRow, CadreTable, CountPct, MeetingMetrics, MeetingRow, MeetingTable, NO_DATA_VI, Summary, isNoData } from "../summary/types";
import { BlockRow, Column, range, tableBlock } from "./block";
import { CadreMetric, MeetingMetric, MEETING_METRICS, TABLE_TITLES, bandLabel, cadreMetrics } from "./metrics";

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

function cp(v: CountPct | number | null, part: "count" | "pct"): CellValue {
  if (v === null) return "";
  if (typeof v === "number") return v;
  if (part === "count") return v.count;
  return v.pct ?? "";
}

function metricColumns<R>(metrics: Array<CadreMetric | MeetingMetric>, lang: Lang, get: (r: R, m: CadreMetric | MeetingMetric) => CountPct | number | null): Column<R>[] {
  return metrics.flatMap((m): Column<R>[] => {
    const label = m[lang];
    if (m.kind === "count") return [{ group: label, fmt: "count", width: COUNT_W + 6, cell: (r) => cp(get(r, m), "count") }];
    if (m.kind === "pct") return [{ group: label, fmt: "pct", width: PCT_W + 16, cell: (r) => cp(get(r, m), "pct") }];
    return [
      { group: label, sub: T.count[lang], fmt: "count", width: COUNT_W, cell: (r) => cp(get(r, m), "count") },
      { group: label, sub: T.pct[lang], fmt: "pct", width: PCT_W, cell: (r) => cp(get(r, m), "pct") },
    ];
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

/** The headline figure of a metric, for the comparison columns: the % of a share, else the number. */
function headline(v: CountPct | number | null): number | null {
  if (v === null) return null;
  return typeof v === "number" ? v : v.pct;
}

function comparisonColumns(lang: Lang): Column<MeetingRow>[] {
  return MEETING_METRICS.flatMap((m): Column<MeetingRow>[] => {
    const isCount = m.kind === "count";
    const label = isCount ? m[lang] : `${m[lang]} (%)`;
    const fmt = isCount ? ("count" as const) : ("pct" as const);
    const now = (r: MeetingRow) => headline(m.get(r));
    const before = (r: MeetingRow) => (r.previousYear ? headline(m.get(r.previousYear)) : null);
    return [
      { group: label, sub: T.now[lang], fmt, width: PCT_W, cell: (r) => now(r) ?? "" },
      { group: label, sub: T.before[lang], fmt, width: PCT_W + 6, cell: (r) => before(r) ?? "" },
      {
        group: label, sub: T.change[lang], fmt: isCount ? "countChange" : "pctChange", width: PCT_W,
        cell: (r) => {
          const a = now(r);
          const b = before(r);
          return a === null || b === null ? "" : (Math.round(a * 100) - Math.round(b * 100)) / 100;
        },
      },
    ];
  });
}

/**
 * The "Tổng hợp" sheet as a plan: title and period, tables 1 and 3 side by
 * side under one frozen header (their rows are the same communes, in the same
 * order), table 2 under table 1 with the same columns, the rows left out, the
 * signature lines, then the small tables the four charts are bound to.
 */
export function planSummarySheet(summary: Summary, opts: SummarySheetOptions = {}): WritePlan {
  const lang: Lang = opts.lang ?? "vi";
  const sheet = opts.sheetName ?? (lang === "vi" ? "Tổng hợp" : "Summary");
  const ops: PlanOp[] = [{ op: "sheet", sheet, purpose: "summary", tabColor: "#C00000" }];
  const cadreM = cadreMetrics(summary);
  const cadreCols: Column<CadreRow>[] = [...labelColumns<CadreRow>(lang, true), ...metricColumns<CadreRow>(cadreM, lang, (r, m) => (m as CadreMetric).get(r))];
  const compare = summary.comparedWith !== undefined;
  const meetingCols: Column<MeetingRow>[] = [
    ...labelColumns<MeetingRow>(lang, false),
    ...metricColumns<MeetingRow>(MEETING_METRICS, lang, (r, m) => (m as MeetingMetric).get(r as MeetingMetrics)),
    ...(compare ? comparisonColumns(lang) : []),
  ];

  // Title rows.
  const period = parsePeriod(summary.period);
  const periodText = period ? (lang === "vi" ? periodLabelVi(period) : periodLabelEn(period)) : summary.period;
  // The title spans what the first printed page shows, not all the columns: centred over 100 columns it would print on page three.
  const titleWidth = Math.min(cadreCols.length, 13);
  ops.push({ op: "values", sheet, address: "A1:A2", values: [[T.title[lang]], [`${T.period[lang]}: ${periodText}. ${T.roundingLabel[lang]}${T.rounding[lang][summary.rounding]}.`]] });
  ops.push({ op: "merge", sheet, address: range(1, 1, 1, titleWidth) });
  ops.push({ op: "merge", sheet, address: range(2, 1, 2, titleWidth) });
  ops.push({ op: "format", sheet, address: "A1", format: { bold: true, fontSize: 14, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: "A2", format: { italic: true, hAlign: "Center" } });

  // Tables 1 and 3 side by side, headers on rows 4-5.
  const headerTop = 4;
  const t1 = tableBlock(sheet, headerTop, 1, cadreCols, blockRows(summary.tables.secretaries.rows, summary.tables.secretaries.total, lang), 2, T.noData[lang]);
  const t3Left = t1.right + 2;
  const meetingTable: MeetingTable = summary.tables.meetings;
  const t3 = tableBlock(sheet, headerTop, t3Left, meetingCols, blockRows(meetingTable.rows, meetingTable.total, lang), 1, T.noData[lang]);
  ops.push({ op: "values", sheet, address: a1(3, 1), values: [[TABLE_TITLES.secretaries[lang]]] });
  ops.push({ op: "values", sheet, address: a1(3, t3Left), values: [[TABLE_TITLES.meetings[lang] + (compare ? ` (${T.compare[lang].toLowerCase()}: ${summary.comparedWith})` : "")]] });
  ops.push({ op: "format", sheet, address: a1(3, 1), format: { bold: true, fontSize: 12 } });
  ops.push({ op: "format", sheet, address: a1(3, t3Left), format: { bold: true, fontSize: 12 } });
  ops.push(...t1.ops, ...t3.ops);

  // Table 2 under table 1.
  const t2Title = Math.max(t1.bottom, t3.bottom) + 2;
  const committee: CadreTable = summary.tables.committee;
  const t2 = tableBlock(sheet, t2Title + 1, 1, cadreCols, blockRows(committee.rows, committee.total, lang), 2, T.noData[lang]);
  ops.push({ op: "values", sheet, address: a1(t2Title, 1), values: [[TABLE_TITLES.committee[lang]]] });
  ops.push({ op: "format", sheet, address: a1(t2Title, 1), format: { bold: true, fontSize: 12 } });
  ops.push(...t2.ops);

  // Rows left out, then the signature lines.
  let row = t2.bottom + 2;
  if (summary.leftOut.length > 0) {
    const lines: CellValue[][] = [[`${T.leftOut[lang]}:`]];
    for (const l of summary.leftOut) {
      const where = l.examples.slice(0, 5).map((e) => `${e.sheet}!${e.row}`).join(", ");
      lines.push([`- ${lang === "vi" ? l.messageVi : l.messageEn}: ${formatNumberVi(l.count)}${where ? ` (${where}${l.count > 5 ? ", …" : ""})` : ""}`]);
    }
    ops.push({ op: "values", sheet, address: range(row, 2, row + lines.length - 1, 2), values: lines });
    ops.push({ op: "format", sheet, address: a1(row, 2), format: { bold: true } });
    row += lines.length + 1;
  }
  // Within the first printed page, not at the far right of a 37-column table.
  const signCol = Math.min(10, cadreCols.length);
  ops.push({ op: "values", sheet, address: range(row, 2, row + 1, 2), values: [[T.preparer[lang]], [T.sign[lang]]] });
  ops.push({ op: "values", sheet, address: range(row - 1, signCol, row + 1, signCol), values: [[T.dateLine[lang]], [T.head[lang]], [T.sign[lang]]] });
  ops.push({ op: "format", sheet, address: a1(row, 2), format: { bold: true, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: a1(row, signCol), format: { bold: true } });
  ops.push({ op: "format", sheet, address: range(row + 1, 2, row + 1, 2), format: { italic: true, hAlign: "Center" } });
  ops.push({ op: "format", sheet, address: a1(row - 1, signCol), format: { italic: true } });
  ops.push({ op: "format", sheet, address: a1(row + 1, signCol), format: { italic: true } });
  row += 6;

  ops.push(...chartOps(sheet, summary, lang, row));

  // Column widths: the wider of the two tables sharing a column wins.
  const widths = new Map<number, number>();
  const setW = (col: number, w: number) => widths.set(col, Math.max(widths.get(col) ?? 0, w));
  cadreCols.forEach((c, i) => setW(1 + i, c.width));
  meetingCols.forEach((c, i) => setW(t3Left + i, c.width));
  setW(t1.right + 1, 12);
  const last = Math.max(...widths.keys());
  ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: Array.from({ length: last }, (_, i) => widths.get(i + 1) ?? 48) });
  ops.push({ op: "freeze", sheet, rows: headerTop + 1, cols: 2 });
  return { ops };
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
    [[T.commune[lang], T.share[lang]], ...shareRows.map((r) => [r.commune, r.allMonthly.pct ?? ""]), [lang === "vi" ? "Toàn tỉnh" : "Whole province", summary.tables.meetings.total.allMonthly.pct ?? ""]],
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
    [[T.ageBand[lang], T.secretaries[lang]], ...summary.ageBands.map((b) => [bandLabel(b, lang), total.age[b.key]?.count ?? 0])],
    CHART_NAMES.ageBands, "ColumnClustered", T.chartAge[lang], "Columns", [null, "#,##0"],
  );
  return ops;
}
