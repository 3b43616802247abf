import { CELL_LEVEL_ROLES, CadreRecord } from "../model";
import { cellIdsOf } from "./context";
import { cellTitle, cellsToCover } from "./cellUniverse";
import { colOf, makeFinding, rawOf } from "./finding";
import { defineRule } from "./rule";

const SECRETARY = "Bí thư chi bộ";

/**
 * `cell/secretary-count`: every cell has exactly one secretary. Two or more:
 * one finding at the second secretary's row, naming the others. None: one
 * finding at the role cell of the cell's first cell-level cadre (where the
 * secretary is usually listed), or its CELLS row, or its first meeting row.
 */
export const secretaryCount = defineRule({
  id: "cell/secretary-count",
  severities: ["error"],
  label: { vi: "Số bí thư chi bộ", en: "Number of secretaries" },
  checks: {
    vi: "Một chi bộ không có bí thư, hoặc có từ hai bí thư trở lên.",
    en: "A cell with no secretary, or with two or more.",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      if (!ctx.tables.has("cadres")) return;
      const cadres = dataset.cadres;
      const ids = cellIdsOf(ctx, cadres);
      const secretaries = new Map<number, CadreRecord[]>();
      for (let i = 0; i < cadres.length; i++) {
        const c = cadres[i];
        if (ids[i] < 0 || c.role !== SECRETARY) continue;
        let list = secretaries.get(ids[i]);
        if (!list) secretaries.set(ids[i], (list = []));
        list.push(c);
      }
      // Committee members name a cell too (where they belong), but say nothing about its committee.
      const cellLevel = (i: number) => cadres[i].role !== null && CELL_LEVEL_ROLES.includes(cadres[i].role!);
      for (const entry of cellsToCover(dataset, ctx, cadres, { extra: dataset.meetings, anchorField: "role", include: cellLevel })) {
        const list = secretaries.get(entry.id) ?? [];
        const title = cellTitle(entry);
        if (list.length === 1) continue;
        if (list.length === 0) {
          out.push(makeFinding({
            rule: "cell/secretary-count", severity: "error", ...entry.anchor,
            message: { vi: `${title} không có bí thư chi bộ.`, en: `${title} has no cell secretary.` },
          }));
          continue;
        }
        const second = list[1];
        const names = list.map((c) => c.name ?? "(chưa rõ họ tên)").join(", ");
        out.push(makeFinding({
          rule: "cell/secretary-count", severity: "error", sheet: second.sheet, row: second.row,
          col: colOf(second, "role"), value: rawOf(second, "role"),
          message: {
            vi: `${title} có ${list.length} bí thư chi bộ: ${names} (dòng ${list.map((c) => c.row).join(", ")}).`,
            en: `${title} has ${list.length} cell secretaries: ${names} (rows ${list.map((c) => c.row).join(", ")}).`,
          },
          relatedRows: list.filter((c) => c !== second).map((c) => c.row),
        }));
      }
    },
  },
});
