import { CellValue, Finding, PlanOp, Severity, WritePlan, Text } from "../model";
import { displayText, revealInvisible } from "../text/visible";
import { range } from "./block";

const SEVERITY_LABEL: Record<Severity, Text> = {
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  info: { vi: "Thông tin", en: "Info" },
};

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The findings sheet's header row; detection knows it as the product's own sheet, not a table to read. */
export const FINDINGS_SHEET_HEADERS = {
  vi: ["STT", "Mức độ", "Quy tắc", "Trang", "Ô", "Giá trị", "Nội dung", "Gợi ý sửa"],
  en: ["No.", "Severity", "Rule", "Sheet", "Cell", "Value", "Message", "Suggested fix"],
};

/**
 * Cell text in the list is cut to this length: the list is for reading, and
 * the link beside it opens the cell itself. (Excel holds 32,767 characters at
 * most in a cell; a revealed value can grow past that.)
 */
const TEXT_MAX = 1000;

/**
 * The value as the list shows it: a date as the day it means ("12/05/1975",
 * not the serial 27526 Excel stores), text with hidden characters written out
 * and cut when very long, anything else as it is.
 */
export function displayValue(f: Finding, lang: "vi" | "en" = "vi"): CellValue {
  if (f.value === null) return "";
  if (f.valueText !== undefined) return f.valueText;
  return typeof f.value === "string" ? displayText(f.value, TEXT_MAX, lang) : f.value;
}

/** A formula string literal: double quotes doubled. */
function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** "#'Cán bộ'!B12": a link inside this workbook; single quotes in a sheet name are doubled. */
export function internalLink(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * "Xuất danh sách lỗi": one row per finding, with a link that jumps to the
 * cell. The links are the only formulas; every text from the user's cells goes
 * through "values", so a value like "=1+1" stays text.
 */
export function planFindingsSheet(all: readonly Finding[], lang: "vi" | "en" = "vi"): WritePlan {
  // Errors first, then warnings, then info, each in the order the check gave: the severity column then colours in three blocks.
  const findings = SEVERITIES.flatMap((sev) => all.filter((f) => f.severity === sev));
  const sheet = lang === "vi" ? "Danh sách lỗi" : "Findings";
  const ops: PlanOp[] = [{ op: "sheet", sheet, purpose: "findings", tabColor: "#FFC000" }];
  const head = FINDINGS_SHEET_HEADERS[lang];
  const rows: CellValue[][] = findings.map((f, i) => [
    i + 1,
    SEVERITY_LABEL[f.severity][lang],
    f.rule,
    revealInvisible(f.sheet),
    "",
    displayValue(f, lang),
    displayText(f.message[lang], TEXT_MAX, lang),
    f.fix ? displayText(f.fix.description[lang], TEXT_MAX, lang) : "",
  ]);
  const last = findings.length + 1;
  ops.push({ op: "values", sheet, address: range(1, 1, last, head.length), values: [head, ...rows] });
  if (findings.length > 0) {
    const formulas = findings.map((f) => [`=HYPERLINK(${quoted(internalLink(f.sheet, f.address))},${quoted(f.address)})`]);
    ops.push({ op: "formulas", sheet, address: range(2, 5, last, 5), formulas });
    ops.push({ op: "format", sheet, address: range(2, 5, last, 5), format: { fontColor: "#0563C1" } });
    ops.push({ op: "format", sheet, address: range(2, 1, last, head.length), format: { border: true, vAlign: "Top", wrap: true } });
    // Colour the severity column in runs (one per severity), so the list reads at a glance.
    let s = 0;
    while (s < findings.length) {
      let e = s;
      while (e + 1 < findings.length && findings[e + 1].severity === findings[s].severity) e++;
      const fill = findings[s].severity === "error" ? "#F8CBAD" : findings[s].severity === "warning" ? "#FFE699" : "#DDEBF7";
      ops.push({ op: "format", sheet, address: range(2 + s, 2, 2 + e, 2), format: { fill } });
      s = e + 1;
    }
  }
  ops.push({ op: "format", sheet, address: range(1, 1, 1, head.length), format: { bold: true, fill: "#DDEBF7", border: true, wrap: true } });
  ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: [32, 60, 130, 90, 50, 110, 320, 200] });
  ops.push({ op: "freeze", sheet, rows: 1, cols: 0 });
  return { ops };
}
