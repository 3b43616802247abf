import { createContext, useContext } from "react";
import type { Lang } from "../app/errors";

/**
 * Every string the pane shows, Vietnamese first. One object per language with
 * the same keys, so TypeScript refuses a missing translation.
 */
const vi = {
  appTitle: "Tổng hợp Chi bộ",
  tabData: "Dữ liệu",
  tabCheck: "Kiểm tra",
  tabSummary: "Tổng hợp",
  tabSettings: "Cài đặt",
  tabsLabel: "Các phần của ngăn tác vụ",
  // data
  findTables: "Tìm bảng dữ liệu",
  tablesFound: "Các bảng tìm thấy",
  noTablesYet: "Chưa đọc sổ làm việc. Nhấn “Tìm bảng dữ liệu” hoặc chạy Kiểm tra.",
  noTablesFound: "Không tìm thấy bảng chi bộ, cán bộ hay sinh hoạt nào. Hãy kiểm tra dòng tiêu đề, hoặc nhấn “Tạo mẫu” để có trang chuẩn.",
  confidence: "Độ tin cậy",
  rows: "dòng",
  sheet: "Trang",
  editMapping: "Sửa ánh xạ cột",
  hideMapping: "Ẩn ánh xạ cột",
  notMapped: "(không có)",
  column: "Cột",
  preview: "Xem trước các dòng đầu",
  saveMapping: "Lưu ánh xạ",
  mappingSaved: "Đã lưu ánh xạ cột vào sổ làm việc. Lần kiểm tra sau sẽ dùng ánh xạ này.",
  resetMappings: "Bỏ ánh xạ tự đặt",
  makeTemplate: "Tạo mẫu",
  makeTemplateHint: "Tạo các trang chuẩn trống (Chi bộ, Cán bộ, Sinh hoạt) có tiêu đề và danh sách chọn.",
  templateDone: "Đã tạo trang mẫu: {sheets}.",
  // check
  period: "Kỳ báo cáo",
  year: "Năm",
  periodKind: "Kỳ",
  wholeYear: "Cả năm",
  quarter: "Quý {q}",
  runCheck: "Kiểm tra",
  cancel: "Hủy",
  progressLabel: "Tiến độ",
  step_reading: "Đang đọc sổ làm việc…",
  step_understanding: "Đang nhận dạng bảng…",
  step_checking: "Đang kiểm tra…",
  step_summing: "Đang tổng hợp…",
  step_planning: "Đang chuẩn bị trang tổng hợp…",
  step_writing: "Đang ghi vào sổ làm việc…",
  sev_error: "Lỗi",
  sev_warning: "Cảnh báo",
  sev_info: "Thông tin",
  countsLabel: "Số phát hiện theo mức độ",
  noFindings: "Không phát hiện vấn đề nào trong kỳ này.",
  checkedSummary: "Đã kiểm tra {rows} dòng trong {tables} bảng.",
  filterSheet: "Lọc theo trang",
  filterSeverity: "Lọc theo mức độ",
  all: "Tất cả",
  findingsList: "Danh sách phát hiện",
  showMore: "Xem thêm {n}",
  highlight: "Tô màu ô lỗi",
  clearHighlight: "Xóa tô màu",
  highlighted: "Đã tô màu {n} ô.",
  cleared: "Đã xóa tô màu, trả lại định dạng cũ cho {n} ô.",
  autoFix: "Sửa tự động",
  fixesTitle: "Các sửa đổi sẽ thực hiện",
  fixesNone: "Không có phát hiện nào sửa tự động được.",
  fixSelectAll: "Chọn tất cả",
  applyFixes: "Áp dụng {n} sửa đổi",
  closeFixes: "Đóng",
  fixesApplied: "Đã sửa {n} ô.",
  fixesSkipped: "Bỏ qua {n} ô vì giá trị đã thay đổi.",
  undo: "Hoàn tác",
  undone: "Đã hoàn tác {n} ô.",
  exportFindings: "Xuất danh sách lỗi",
  exported: "Đã ghi danh sách lỗi vào trang “{sheet}”.",
  fixArrow: "→",
  // summary
  makeSummary: "Tạo bảng tổng hợp",
  summaryDone: "Đã ghi trang “{sheet}” với {charts} biểu đồ.",
  keyFigures: "Số liệu chính",
  kfSecretaries: "Bí thư chi bộ",
  kfWomen: "Nữ",
  kfUnder40: "Dưới 40 tuổi",
  kfCommittee: "Cấp ủy viên cơ sở",
  kfCells: "Chi bộ",
  kfMeetings: "Buổi sinh hoạt",
  kfAttendance: "Tỷ lệ dự trung bình",
  kfAllMonthly: "Chi bộ sinh hoạt đủ hằng tháng",
  fillForm: "Điền vào biểu mẫu",
  formSheet: "Trang biểu mẫu của bạn",
  chooseSheet: "Chọn trang…",
  fillFormHint: "Chỉ ghi vào các ô giao giữa tên xã/phường và tên chỉ tiêu; không đụng tới tiêu đề, công thức hay định dạng.",
  needSummaryFirst: "Hãy nhấn “Tạo bảng tổng hợp” trước.",
  formFilled: "Đã điền {n} ô vào trang “{sheet}”.",
  unmatchedRows: "Dòng không khớp",
  unmatchedColumns: "Cột không khớp",
  skippedCells: "Ô bỏ qua (có công thức hoặc bị khóa)",
  // settings
  thresholds: "Ngưỡng kiểm tra",
  language: "Ngôn ngữ",
  saveSettings: "Lưu cài đặt",
  settingsSaved: "Đã lưu cài đặt vào sổ làm việc.",
  resetDefaults: "Khôi phục mặc định",
  dismiss: "Đóng thông báo",
};

export type Messages = typeof vi;
export type MessageKey = keyof Messages;

const en: Messages = {
  appTitle: "Party Cell Summary",
  tabData: "Data",
  tabCheck: "Check",
  tabSummary: "Summary",
  tabSettings: "Settings",
  tabsLabel: "Task pane sections",
  findTables: "Find data tables",
  tablesFound: "Tables found",
  noTablesYet: "The workbook has not been read yet. Press “Find data tables” or run a check.",
  noTablesFound: "No cell, cadre or meeting table was found. Check the header rows, or press “Make templates” for standard sheets.",
  confidence: "Confidence",
  rows: "rows",
  sheet: "Sheet",
  editMapping: "Edit column mapping",
  hideMapping: "Hide column mapping",
  notMapped: "(none)",
  column: "Column",
  preview: "Preview of the first rows",
  saveMapping: "Save mapping",
  mappingSaved: "The column mapping was saved in the workbook. The next check will use it.",
  resetMappings: "Remove custom mappings",
  makeTemplate: "Make templates",
  makeTemplateHint: "Creates blank standard sheets (cells, cadres, meetings) with headers and dropdowns.",
  templateDone: "Template sheets created: {sheets}.",
  period: "Reporting period",
  year: "Year",
  periodKind: "Period",
  wholeYear: "Whole year",
  quarter: "Quarter {q}",
  runCheck: "Check",
  cancel: "Cancel",
  progressLabel: "Progress",
  step_reading: "Reading the workbook…",
  step_understanding: "Recognising tables…",
  step_checking: "Checking…",
  step_summing: "Summing up…",
  step_planning: "Preparing the summary sheet…",
  step_writing: "Writing to the workbook…",
  sev_error: "Errors",
  sev_warning: "Warnings",
  sev_info: "Info",
  countsLabel: "Findings by severity",
  noFindings: "No problems found for this period.",
  checkedSummary: "Checked {rows} rows in {tables} tables.",
  filterSheet: "Filter by sheet",
  filterSeverity: "Filter by severity",
  all: "All",
  findingsList: "Findings",
  showMore: "Show {n} more",
  highlight: "Highlight problem cells",
  clearHighlight: "Clear highlights",
  highlighted: "{n} cells highlighted.",
  cleared: "Highlights cleared; the previous formatting of {n} cells is back.",
  autoFix: "Fix automatically",
  fixesTitle: "Changes that will be made",
  fixesNone: "None of the findings can be fixed automatically.",
  fixSelectAll: "Select all",
  applyFixes: "Apply {n} fixes",
  closeFixes: "Close",
  fixesApplied: "{n} cells fixed.",
  fixesSkipped: "{n} cells skipped because their value changed.",
  undo: "Undo",
  undone: "{n} cells restored.",
  exportFindings: "Export findings",
  exported: "Findings written to the sheet “{sheet}”.",
  fixArrow: "→",
  makeSummary: "Create summary sheet",
  summaryDone: "Sheet “{sheet}” written with {charts} charts.",
  keyFigures: "Key figures",
  kfSecretaries: "Cell secretaries",
  kfWomen: "Women",
  kfUnder40: "Under 40",
  kfCommittee: "Grassroots committee members",
  kfCells: "Party cells",
  kfMeetings: "Meetings",
  kfAttendance: "Average attendance",
  kfAllMonthly: "Cells meeting every month",
  fillForm: "Fill my form",
  formSheet: "Your form sheet",
  chooseSheet: "Choose a sheet…",
  fillFormHint: "Writes only where a commune row meets a metric column; titles, formulas and formatting are left alone.",
  needSummaryFirst: "Press “Create summary sheet” first.",
  formFilled: "{n} cells filled in “{sheet}”.",
  unmatchedRows: "Rows not matched",
  unmatchedColumns: "Columns not matched",
  skippedCells: "Cells skipped (formula or protected)",
  thresholds: "Check thresholds",
  language: "Language",
  saveSettings: "Save settings",
  settingsSaved: "Settings saved in the workbook.",
  resetDefaults: "Restore defaults",
  dismiss: "Dismiss message",
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Numbers as each language writes them: "3.471" and "27,68" in Vietnamese. */
export function formatNumber(n: number, lang: Lang, decimals = 0): string {
  return n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function makeT(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, vars) => {
    let s = table[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(typeof v === "number" ? formatNumber(v, lang) : v);
    return s;
  };
}

export interface I18n {
  lang: Lang;
  t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: "vi", t: makeT("vi") });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
