import { CadreRecord, DateOrYear, formatDay } from "../model";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule } from "./tableRule";

/** Same birth: the same day, or the same year when either side gives only the year. */
function sameBirth(a: DateOrYear, b: DateOrYear): boolean {
  if (a.y !== b.y) return false;
  if (a.kind === "year" || b.kind === "year") return true;
  return a.m === b.m && a.d === b.d;
}

function rowRef(earlier: CadreRecord, c: CadreRecord, en: boolean): string {
  if (earlier.sheet === c.sheet) return en ? `row ${earlier.row}` : `dòng ${earlier.row}`;
  return `${earlier.sheet}!${earlier.row}`;
}

/**
 * `cadre/duplicate`: the same person twice. Same folded name and birth is
 * probably the same person (warning); the same party card number is certainly
 * one card given twice (error). Grouped by key, so the cost stays linear.
 */
export const cadreDuplicate: TableRule = (dataset, ctx, out) => {
  const byPerson = new Map<string, CadreRecord[]>();
  const byCard = new Map<string, CadreRecord>();
  for (const c of dataset.cadres) {
    if (c.cardNo !== null && c.cardNo.trim() !== "") {
      const card = c.cardNo.replace(/\s+/g, "");
      const earlier = byCard.get(card);
      if (earlier) {
        out.push(makeFinding({
          rule: "cadre/duplicate", severity: "error", sheet: c.sheet, row: c.row,
          col: colOf(c, "cardNo"), value: rawOf(c, "cardNo"),
          message: `Số thẻ đảng viên ${card} của ${c.name ?? "(chưa rõ họ tên)"} trùng với ${earlier.name ?? "(chưa rõ họ tên)"} (${rowRef(earlier, c, false)}).`,
          messageEn: `Party card no. ${card} of ${c.name ?? "(unknown)"} is also given to ${earlier.name ?? "(unknown)"} (${rowRef(earlier, c, true)}).`,
          relatedRows: [earlier.row],
        }));
      } else byCard.set(card, c);
    }
    if (c.name === null || c.birth === null) continue;
    const key = ctx.keys.person(c.name) + "\u0001" + c.birth.y;
    let group = byPerson.get(key);
    if (!group) byPerson.set(key, (group = []));
    const earlier = group.find((g) => sameBirth(g.birth as DateOrYear, c.birth as DateOrYear));
    group.push(c);
    if (!earlier) continue;
    out.push(makeFinding({
      rule: "cadre/duplicate", severity: "warning", sheet: c.sheet, row: c.row,
      col: colOf(c, "name"), value: rawOf(c, "name"),
      message: `${c.name} (sinh ${formatDay(c.birth)}) có thể đã được ghi ở ${rowRef(earlier, c, false)}.`,
      messageEn: `${c.name} (born ${formatDay(c.birth)}) may already be listed at ${rowRef(earlier, c, true)}.`,
      relatedRows: [earlier.row],
    }));
  }
};
