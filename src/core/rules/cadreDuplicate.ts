import { CELL_LEVEL_ROLES, COMMITTEE_ROLES, CadreRecord, DateOrYear, Role, formatDay } from "../model";
import { rowRef } from "../text/rowRef";
import { NameKeys } from "./keys";
import { colOf, makeFinding, rawOf } from "./finding";
import { defineRule } from "./rule";

/** Same birth: the same day, or the same year when either side gives only the year. */
function sameBirth(a: DateOrYear, b: DateOrYear): boolean {
  if (a.y !== b.y) return false;
  if (a.kind === "year" || b.kind === "year") return true;
  return a.m === b.m && a.d === b.d;
}

type RoleLevel = "cell" | "committee";

function levelOf(role: Role | null): RoleLevel | null {
  if (role === null) return null;
  if (CELL_LEVEL_ROLES.includes(role)) return "cell";
  return COMMITTEE_ROLES.includes(role) ? "committee" : null;
}

/**
 * One person holding two posts at two levels (secretary of a cell and member
 * of the commune's đảng ủy) is listed once per post in real CADRES sheets:
 * two rows, not a duplicate. The same role twice, two cell-level roles, or a
 * row without a role is still suspect.
 */
function twoPosts(a: CadreRecord, b: CadreRecord): boolean {
  const la = levelOf(a.role);
  const lb = levelOf(b.role);
  return la !== null && lb !== null && la !== lb;
}

/**
 * The same card on two rows is one person's two posts only when the names
 * fold to the same, the births (when both are given) agree, and the roles are
 * at different levels; anything else is one card given to two rows by mistake.
 */
function sameHolderTwoPosts(keys: NameKeys, a: CadreRecord, b: CadreRecord): boolean {
  if (a.name === null || b.name === null || keys.person(a.name) !== keys.person(b.name)) return false;
  if (a.birth !== null && b.birth !== null && !sameBirth(a.birth, b.birth)) return false;
  return twoPosts(a, b);
}

/** Where the earlier row is, written as a row ("dòng 12", "Cán bộ 2, dòng 12"), never as a cell address. */
function whereIs(earlier: CadreRecord, c: CadreRecord, en: boolean): string {
  return rowRef(earlier.sheet, earlier.row, en ? "en" : "vi", c.sheet);
}

/** " (Bí thư chi bộ, Chi bộ Thôn 1)": what the earlier row says, so the reader can tell the two rows apart. */
function postOf(c: CadreRecord, en: boolean): string {
  const parts = [c.role ?? (en ? "no role given" : "chưa ghi chức vụ")];
  if (c.cell !== null) parts.push(c.cell);
  return ` (${parts.join(", ")})`;
}

const UNKNOWN = { vi: "(chưa rõ họ tên)", en: "(name not given)" };

/** The error for a card number already on `earlier`'s row, saying which of the two cases it is. */
function cardFinding(keys: NameKeys, card: string, earlier: CadreRecord, c: CadreRecord) {
  const samePerson = c.name !== null && earlier.name !== null && keys.person(c.name) === keys.person(earlier.name) &&
    (c.birth === null || earlier.birth === null || sameBirth(c.birth, earlier.birth));
  const at = whereIs(earlier, c, false);
  const atEn = whereIs(earlier, c, true);
  return makeFinding({
    rule: "cadre/duplicate", severity: "error", sheet: c.sheet, row: c.row,
    col: colOf(c, "cardNo"), value: rawOf(c, "cardNo"),
    message: {
      vi: samePerson
        ? `${c.name} được ghi hai lần với cùng số thẻ đảng viên ${card}: đã có ở ${at}${postOf(earlier, false)}.`
        : `Số thẻ đảng viên ${card} của ${c.name ?? UNKNOWN.vi} trùng với số thẻ của ${earlier.name ?? UNKNOWN.vi} ở ${at}.`,
      en: samePerson
        ? `${c.name} is listed twice with party card no. ${card}: already at ${atEn}${postOf(earlier, true)}.`
        : `Party card no. ${card} of ${c.name ?? UNKNOWN.en} is also given to ${earlier.name ?? UNKNOWN.en} at ${atEn}.`,
    },
    relatedRows: [earlier.row],
  });
}

/**
 * `cadre/duplicate`: the same person twice. Same folded name and birth is
 * probably the same person (warning); the same party card number on two
 * people is certainly one card given twice (error). One person's two posts at
 * two levels are neither. Grouped by key, so the cost stays linear.
 */
export const cadreDuplicate = defineRule({
  id: "cadre/duplicate",
  severities: ["error", "warning"],
  label: { vi: "Cán bộ trùng", en: "Duplicate cadre" },
  checks: {
    vi: "Một người được ghi hai lần: cùng họ tên (không kể dấu) và cùng ngày hoặc năm sinh là cảnh báo; cùng số thẻ đảng viên ở hai người là lỗi. Một người giữ hai chức ở hai cấp (bí thư chi bộ và đảng ủy viên) không bị tính là trùng.",
    en: "One person listed twice: the same name (diacritics aside) and the same birth date or year is a warning; the same party card number on two people is an error. One person's two posts at two levels (cell secretary and commune committee member) are not a duplicate.",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      const byPerson = new Map<string, CadreRecord[]>();
      const byCard = new Map<string, CadreRecord[]>();
      for (const c of dataset.cadres) {
        if (c.cardNo !== null && c.cardNo.trim() !== "") {
          const card = c.cardNo.replace(/\s+/g, "");
          let holders = byCard.get(card);
          if (!holders) byCard.set(card, (holders = []));
          const earlier = holders.find((h) => !sameHolderTwoPosts(ctx.keys, h, c));
          holders.push(c);
          if (earlier) out.push(cardFinding(ctx.keys, card, earlier, c));
        }
        if (c.name === null || c.birth === null) continue;
        const key = ctx.keys.person(c.name) + "\u0001" + c.birth.y;
        let group = byPerson.get(key);
        if (!group) byPerson.set(key, (group = []));
        const earlier = group.find((g) => sameBirth(g.birth as DateOrYear, c.birth as DateOrYear) && !twoPosts(g, c));
        group.push(c);
        if (!earlier) continue;
        out.push(makeFinding({
          rule: "cadre/duplicate", severity: "warning", sheet: c.sheet, row: c.row,
          col: colOf(c, "name"), value: rawOf(c, "name"),
          message: {
            vi: `${c.name} (sinh ${formatDay(c.birth)}) có thể đã được ghi ở ${whereIs(earlier, c, false)}${postOf(earlier, false)}.`,
            en: `${c.name} (born ${formatDay(c.birth)}) may already be listed at ${whereIs(earlier, c, true)}${postOf(earlier, true)}.`,
          },
          relatedRows: [earlier.row],
        }));
      }
    },
  },
});
