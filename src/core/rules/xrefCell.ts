import { CellRecord, Finding, Fix, Text } from "../model";
import { NameKeys } from "./keys";
import { cellIdsOf } from "./context";
import { NameCandidate, closestName } from "./closestName";
import { RowLocation, colOf, makeFinding, rawOf } from "./finding";
import { defineRule } from "./rule";

type NamedRow = RowLocation<string> & { commune: string | null; cell: string | null };

/**
 * `xref/cell`: a cell named in MEETINGS or CADRES that CELLS does not list
 * (only when there is a CELLS sheet). The fix is the closest name among the
 * same commune's cells, when one clearly wins; without a commune there is no
 * safe candidate. Verdicts are cached per name, as one wrong name repeats on
 * every meeting row of that cell.
 */
export const xrefCell = defineRule({
  id: "xref/cell",
  severities: ["error", "warning"],
  label: { vi: "Chi bộ không có trong danh sách", en: "Cell not in the cell list" },
  checks: {
    vi: "Chi bộ ghi ở bảng sinh hoạt hoặc bảng cán bộ không có trong danh sách chi bộ (khi sổ có danh sách này): lỗi. Tên gõ không dấu của một chi bộ có trong danh sách: cảnh báo (vẫn được tính là chi bộ đó).",
    en: "A cell named in the meetings or cadres table that the list of cells does not have (when the workbook has one): an error. A listed cell's name typed without diacritics: a warning (still counted as that cell).",
  },
  fix: {
    vi: "Đổi thành tên gần nhất trong các chi bộ cùng xã/phường, khi có một tên rõ ràng nhất; tên gõ không dấu thành tên trong danh sách.",
    en: "Changes it to the closest name among the same commune's cells, when one clearly wins; a name typed without diacritics to the listed name.",
  },
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      if (ctx.cellIndex.size === 0) return;
      const verdicts = new Map<number, { known: boolean; suggestion: string | null }>();
      const candidatesOf = new Map<string, NameCandidate[]>();
      const check = (r: NamedRow, id: number, table: Text) => {
        if (id < 0 || r.cell === null) return;
        const commune = ctx.cellIds.commune[id];
        let verdict = verdicts.get(id);
        if (!verdict) {
          verdict = { known: ctx.cellIndex.byId.has(id), suggestion: null };
          if (!verdict.known && commune !== null) {
            const ck = ctx.keys.commune(commune);
            let cands = candidatesOf.get(ck);
            if (!cands) {
              cands = candidates(ctx.cellIndex.byCommune.get(ck) ?? [], ctx.keys);
              candidatesOf.set(ck, cands);
            }
            verdict.suggestion = closestName(ctx.keys.fold(r.cell), cands);
          }
          verdicts.set(id, verdict);
        }
        if (verdict.known) {
          // Known through its unmarked spelling ("Thon Dong Tam" for "Thôn Đồng Tâm", text/identity): counted as that
          // cell, but the sheet should say it the same way, so it is a warning with a certain fix.
          const listed = ctx.cellIndex.byId.get(id)?.cell;
          if (listed && ctx.keys.name(listed) !== ctx.keys.name(r.cell)) out.push(unmarkedFinding(r, listed, table));
          return;
        }
        out.push(finding(r, commune, verdict.suggestion, table));
      };
      const meetingIds = cellIdsOf(ctx, dataset.meetings);
      for (let i = 0; i < dataset.meetings.length; i++) check(dataset.meetings[i], meetingIds[i], MEETINGS_TABLE);
      const cadreIds = cellIdsOf(ctx, dataset.cadres);
      for (let i = 0; i < dataset.cadres.length; i++) check(dataset.cadres[i], cadreIds[i], CADRES_TABLE);
    },
  },
});

/**
 * The commune's cells as fix candidates, one per cell: a CELLS sheet that
 * repeats a row must not make that cell tie with itself and lose its fix.
 * Two cells that differ only by their marks ("Thôn Đồng", "Thôn Đông") stay
 * two candidates, so an unmarked spelling of either gets no fix.
 */
function candidates(cells: readonly CellRecord[], keys: NameKeys): NameCandidate[] {
  const seen = new Set<string>();
  const out: NameCandidate[] = [];
  for (const c of cells) {
    const name = c.cell as string;
    const id = keys.name(name);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ name, key: keys.fold(name) });
  }
  return out;
}

const MEETINGS_TABLE: Text = { vi: "sinh hoạt chi bộ", en: "the meetings table" };
const CADRES_TABLE: Text = { vi: "cán bộ", en: "the cadres table" };

function finding(r: NamedRow, commune: string | null, suggestion: string | null, table: Text): Finding {
  const where = commune ? ` của ${commune}` : "";
  const whereEn = commune ? ` of ${commune}` : "";
  const fix: Fix | null = suggestion === null ? null : {
    value: suggestion,
    description: { vi: `Đổi "${r.cell}" thành "${suggestion}"`, en: `Change "${r.cell}" to "${suggestion}"` },
  };
  return makeFinding({
    rule: "xref/cell", severity: "error", sheet: r.sheet, row: r.row, col: colOf(r, "cell"), value: rawOf(r, "cell"),
    message: {
      vi: `Chi bộ "${r.cell}" ở bảng ${table.vi} không có trong danh sách chi bộ${where}` +
        (suggestion ? `; có phải "${suggestion}"?` : "."),
      en: `The cell "${r.cell}" in ${table.en} is not in the list of cells${whereEn}` +
        (suggestion ? `; did you mean "${suggestion}"?` : "."),
    },
    fix,
  });
}

function unmarkedFinding(r: NamedRow, listed: string, table: Text): Finding {
  return makeFinding({
    rule: "xref/cell", severity: "warning", sheet: r.sheet, row: r.row, col: colOf(r, "cell"), value: rawOf(r, "cell"),
    message: {
      vi: `Chi bộ "${r.cell}" ở bảng ${table.vi} được gõ không dấu; danh sách chi bộ ghi "${listed}" (đã tính là một chi bộ).`,
      en: `The cell "${r.cell}" in ${table.en} is typed without diacritics; the list of cells says "${listed}" (counted as that cell).`,
    },
    fix: { value: listed, description: { vi: `Đổi "${r.cell}" thành "${listed}"`, en: `Change "${r.cell}" to "${listed}"` } },
  });
}
