import { columnLetter, periodLabelEn, periodLabelVi, type CellValue, type Lang, type Period, type PlanOp, type Text, type WritePlan } from "../model";
import type { CommuneStatusCode, StatusRow, StatusTable } from "./types";

export const STATUS_SHEET = { vi: "Tình hình nộp báo cáo", en: "Report submissions" } as const;

export const STATUS_LABELS: Record<CommuneStatusCode, Text> = {
  sent: { vi: "Đã nộp", en: "Sent" },
  errors: { vi: "Có lỗi", en: "Has errors" },
  missing: { vi: "Chưa nộp", en: "Not sent" },
};

const FILLS: Record<CommuneStatusCode, string> = { sent: "#E2EFDA", errors: "#FCE4D6", missing: "#EDEDED" };

/** "2 tệp: dùng b.xlsx (mới hơn)", "không có trong danh sách xã": what a clerk must know beside the status. */
export function statusNote(row: StatusRow, lang: Lang): string {
  const notes: string[] = [];
  if (row.files.length > 1) {
    const used = row.files.find((f) => f.used)!.file;
    notes.push(lang === "vi" ? `${row.files.length} tệp cùng một xã: dùng tệp mới hơn ${used}` : `${row.files.length} files for one commune: the newer ${used} is used`);
  }
  if (!row.listed) notes.push(lang === "vi" ? "không có trong danh sách xã" : "not in the communes list");
  return notes.join("; ");
}

/**
 * "Tình hình nộp báo cáo": one row per commune as the status table has them
 * (đã nộp / có lỗi / chưa nộp, its errors and warnings, its file and the file's
 * period), a count of each status, then the files that could not be read.
 */
/** A file used whose rows hold no dated meeting: said, as the pane says it, not left blank. */
const PERIOD_UNKNOWN: Text = { vi: "không rõ kỳ", en: "period unknown" };

export function planStatusSheet(table: StatusTable, period: Period | null, lang: Lang = "vi"): WritePlan {
  const vi = lang === "vi";
  const sheet = STATUS_SHEET[lang];
  const header = vi
    ? ["STT", "Đảng bộ xã/phường", "Tình trạng", "Lỗi", "Cảnh báo", "Thông tin", "Tệp", "Kỳ của tệp", "Ghi chú"]
    : ["No.", "Commune", "Status", "Errors", "Warnings", "Info", "File", "File's period", "Note"];
  const width = header.length;
  const last = columnLetter(width);
  const count = (s: CommuneStatusCode) => table.rows.filter((r) => r.status === s).length;
  const title = statusTitle(period, lang);
  const tally = (["sent", "errors", "missing"] as const).map((s) => `${STATUS_LABELS[s][lang]}: ${count(s)}`).join("; ");
  const top = 4;
  const body: CellValue[][] = table.rows.map((r, i) => {
    const used = r.files.find((f) => f.used);
    return [
      i + 1, r.commune, STATUS_LABELS[r.status][lang],
      r.status === "missing" ? "" : r.counts.error, r.status === "missing" ? "" : r.counts.warning, r.status === "missing" ? "" : r.counts.info,
      r.files.map((f) => f.file).join("; "), used ? (used.period ?? PERIOD_UNKNOWN)[lang] : "", statusNote(r, lang),
    ];
  });
  const ops: PlanOp[] = [
    { op: "sheet", sheet, purpose: "summary", tabColor: "#7030A0" },
    { op: "values", sheet, address: `A1:${last}2`, values: [[title, ...blank(width - 1)], [tally, ...blank(width - 1)]] },
    { op: "merge", sheet, address: `A1:${last}1` },
    { op: "format", sheet, address: "A1", format: { bold: true, fontSize: 13 } },
    { op: "values", sheet, address: `A${top}:${last}${top + body.length}`, values: [header, ...body] },
    { op: "format", sheet, address: `A${top}:${last}${top}`, format: { bold: true, fill: "#DDEBF7", wrap: true, border: true, vAlign: "Center" } },
  ];
  if (body.length > 0) ops.push({ op: "format", sheet, address: `A${top + 1}:${last}${top + body.length}`, format: { border: true, vAlign: "Top" } });
  // One fill per run of rows with the same status, so a long table costs a few formats.
  for (let i = 0; i < table.rows.length; ) {
    let j = i;
    while (j + 1 < table.rows.length && table.rows[j + 1].status === table.rows[i].status) j++;
    ops.push({ op: "format", sheet, address: `C${top + 1 + i}:C${top + 1 + j}`, format: { fill: FILLS[table.rows[i].status] } });
    i = j + 1;
  }
  let next = top + body.length + 2;
  if (table.unreadable.length > 0 || table.noCommune.length > 0) {
    const lines: CellValue[][] = [
      [vi ? "Tệp không dùng được" : "Files not used", ""],
      ...table.unreadable.map((u) => [u.file, u.message[lang]]),
      ...table.noCommune.map((f) => [f, vi ? "Không thấy dòng nào ghi tên xã/phường: hãy kiểm tra cột Đảng bộ xã/phường hoặc tiêu đề của trang." : "No row names a commune: check the commune column or the sheet's title."]),
    ];
    ops.push({ op: "values", sheet, address: `A${next}:B${next + lines.length - 1}`, values: lines });
    ops.push({ op: "format", sheet, address: `A${next}`, format: { bold: true } });
    next += lines.length;
  }
  ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: [40, 150, 70, 45, 55, 55, 160, 90, 220] });
  ops.push({ op: "freeze", sheet, rows: top, cols: 0 });
  return { ops };
}

/** "TÌNH HÌNH NỘP BÁO CÁO – QUÝ III NĂM 2025". */
export function statusTitle(period: Period | null, lang: Lang): string {
  if (lang === "vi") return period ? `TÌNH HÌNH NỘP BÁO CÁO – ${periodLabelVi(period).toUpperCase()}` : "TÌNH HÌNH NỘP BÁO CÁO";
  return period ? `REPORT SUBMISSIONS – ${periodLabelEn(period).toUpperCase()}` : "REPORT SUBMISSIONS";
}

function blank(n: number): CellValue[] {
  return new Array<CellValue>(n).fill("");
}
