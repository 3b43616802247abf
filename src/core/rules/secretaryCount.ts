import { CELL_LEVEL_ROLES, CadreRecord } from "../model";
import { cellKeysOf } from "./context";
import { cellTitle, cellsToCover } from "./cellUniverse";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule } from "./tableRule";

const SECRETARY = "Bí thư chi bộ";

/**
 * `cell/secretary-count`: every cell has exactly one secretary. Two or more:
 * one finding at the second secretary's row, naming the others. None: one
 * finding at the role cell of the cell's first cell-level cadre (where the
 * secretary is usually listed), or its CELLS row, or its first meeting row.
 */
export const secretaryCount: TableRule = (dataset, ctx, out) => {
  if (!ctx.tables.has("cadres")) return;
  const keys = cellKeysOf(ctx, dataset.cadres);
  const secretaries = new Map<string, CadreRecord[]>();
  const cellCadres: CadreRecord[] = [];
  for (let i = 0; i < dataset.cadres.length; i++) {
    const c = dataset.cadres[i];
    const key = keys[i];
    if (key === null) continue;
    // Committee members name a cell too (where they belong), but say nothing about its committee.
    if (c.role !== null && CELL_LEVEL_ROLES.includes(c.role)) cellCadres.push(c);
    if (c.role !== SECRETARY) continue;
    let list = secretaries.get(key);
    if (!list) secretaries.set(key, (list = []));
    list.push(c);
  }
  for (const entry of cellsToCover(dataset, ctx, cellCadres, dataset.meetings, "role").values()) {
    const list = secretaries.get(entry.key) ?? [];
    const title = cellTitle(entry);
    if (list.length === 1) continue;
    if (list.length === 0) {
      out.push(makeFinding({
        rule: "cell/secretary-count", severity: "error", ...entry.anchor,
        message: `${title} không có bí thư chi bộ.`,
        messageEn: `${title} has no cell secretary.`,
      }));
      continue;
    }
    const second = list[1];
    const names = list.map((c) => c.name ?? "(chưa rõ họ tên)").join(", ");
    out.push(makeFinding({
      rule: "cell/secretary-count", severity: "error", sheet: second.sheet, row: second.row,
      col: colOf(second, "role"), value: rawOf(second, "role"),
      message: `${title} có ${list.length} bí thư chi bộ: ${names} (dòng ${list.map((c) => c.row).join(", ")}).`,
      messageEn: `${title} has ${list.length} cell secretaries: ${names} (rows ${list.map((c) => c.row).join(", ")}).`,
      relatedRows: list.filter((c) => c !== second).map((c) => c.row),
    }));
  }
};
