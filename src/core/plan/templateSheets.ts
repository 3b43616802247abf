import { CELL_FIELDS, CADRE_FIELDS, FieldDef, MEETING_FIELDS, PlanOp, WritePlan, columnLetter } from "../model";
import { range } from "./block";

/** Rows the template's dropdowns cover: enough for a commune's year, cheap to write. */
export const TEMPLATE_ROWS = 1000;

const YES_NO = ["Có", "Không"] as const;

/** Fields a blank template leaves out: the Nam / Nữ birth-year pair is an alternative to "Ngày sinh" + "Giới tính". */
const LEFT_OUT = new Set(["birthYearMale", "birthYearFemale"]);

const SHEETS: Array<{ sheet: string; fields: readonly FieldDef[] }> = [
  { sheet: "Chi bộ", fields: CELL_FIELDS },
  { sheet: "Cán bộ", fields: CADRE_FIELDS },
  { sheet: "Sinh hoạt chi bộ", fields: MEETING_FIELDS },
];

function widthFor(f: FieldDef): number {
  if (f.key === "name" || f.key === "cell" || f.key === "commune" || f.key === "topic") return 150;
  if (f.type === "date" || f.type === "birth") return 75;
  return Math.max(60, Math.min(130, f.label.vi.length * 6));
}

/**
 * "Tạo mẫu": blank CELLS, CADRES and MEETINGS sheets whose headers are the
 * canonical labels of fields.ts (so detection finds them exactly), with
 * dropdowns for the closed value lists and yes/no columns, and date columns
 * formatted day first as Vietnam writes them.
 */
export function planTemplateSheets(): WritePlan {
  const ops: PlanOp[] = [];
  for (const { sheet, fields } of SHEETS) {
    const cols = fields.filter((f) => !LEFT_OUT.has(f.key));
    ops.push({ op: "sheet", sheet, purpose: "template", tabColor: "#70AD47" });
    ops.push({ op: "values", sheet, address: range(1, 1, 1, cols.length), values: [cols.map((f) => f.label.vi)] });
    ops.push({ op: "format", sheet, address: range(1, 1, 1, cols.length), format: { bold: true, fill: "#E2EFDA", wrap: true, border: true, vAlign: "Center" } });
    cols.forEach((f, i) => {
      const col = columnLetter(i + 1);
      const body = `${col}2:${col}${TEMPLATE_ROWS + 1}`;
      if (f.enumDef) ops.push({ op: "dropdown", sheet, address: body, values: f.enumDef.values });
      else if (f.type === "yesno") ops.push({ op: "dropdown", sheet, address: body, values: YES_NO });
      if (f.type === "date") ops.push({ op: "format", sheet, address: body, format: { numberFormat: "dd/mm/yyyy" } });
      // Birth may be a year alone, and card numbers keep their leading zeros: both are typed as text.
      if (f.type === "digits" || f.type === "term") ops.push({ op: "format", sheet, address: body, format: { numberFormat: "@" } });
    });
    ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: cols.map(widthFor) });
    ops.push({ op: "freeze", sheet, rows: 1, cols: 0 });
  }
  return { ops };
}
