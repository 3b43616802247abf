import { CELL_LEVEL_ROLES } from "../model";
import { communeOfRecord } from "./context";
import { colOf, makeFinding, rawOf } from "./finding";
import { Runs } from "./rule";

/**
 * The table part of `required` (declared in required.ts): `required` for the two fields whose need depends on other data, so the
 * parse step cannot see it: a meeting's commune (unless CELLS gives it for
 * that cell name), and the cell of a cadre whose role is at the cell level.
 * A MEETINGS sheet with no commune column at all gets one finding, not one per row.
 */
export const requiredByContext: Runs<never>["table"] = (dataset, ctx, out) => {
  const sheetsWithoutColumn = new Set<string>();
  for (const m of dataset.meetings) {
    if (m.commune !== null || m.cell === null || communeOfRecord(ctx, m) !== null) continue;
    const hasColumn = m.cols.commune !== undefined;
    if (!hasColumn) {
      if (sheetsWithoutColumn.has(m.sheet)) continue;
      sheetsWithoutColumn.add(m.sheet);
    }
    out.push(makeFinding({
      rule: "required", severity: "error", sheet: m.sheet, row: m.row, col: colOf(m, "commune", "cell"),
      value: rawOf(m, "commune"),
      message: {
        vi: hasColumn
          ? `Thiếu Đảng bộ xã/phường của ${m.cell}, và danh sách chi bộ không cho biết chi bộ này thuộc xã/phường nào.`
          : `Bảng sinh hoạt trên trang ${m.sheet} không có cột Đảng bộ xã/phường, và danh sách chi bộ không cho biết ${m.cell} thuộc xã/phường nào.`,
        en: hasColumn
          ? `The commune of ${m.cell} is missing, and the list of cells does not say which commune it belongs to.`
          : `The meetings table on ${m.sheet} has no commune column, and the list of cells does not say which commune ${m.cell} belongs to.`,
      },
    }));
  }
  for (const c of dataset.cadres) {
    if (c.cell !== null || c.role === null || !CELL_LEVEL_ROLES.includes(c.role)) continue;
    out.push(makeFinding({
      rule: "required", severity: "error", sheet: c.sheet, row: c.row, col: colOf(c, "cell", "role"),
      value: rawOf(c, "cell"),
      message: {
        vi: `${c.name ?? "(chưa rõ họ tên)"} giữ chức ${c.role} nhưng thiếu tên chi bộ.`,
        en: `${c.name ?? "(unknown)"} is ${c.role} but no party cell is given.`,
      },
    }));
  }
};
