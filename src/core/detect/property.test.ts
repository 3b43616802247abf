import fc from "fast-check";
import { detectTables } from ".";
import { FIELDS, TABLE_KINDS, TableKind } from "../model/fields";
import { CellValue } from "../model/values";

const ANCHOR: Record<TableKind, string> = { cells: "cell", cadres: "name", meetings: "date", communes: "commune" };

/** A header: some fields of a kind (always its anchor), each under one of its synonyms, in any order. */
const headerArb = fc.constantFrom(...TABLE_KINDS).chain((kind) => {
  const defs = FIELDS[kind];
  return fc
    .tuple(
      fc.subarray(defs.filter((d) => d.key !== ANCHOR[kind]).map((d) => d.key), { minLength: kind === "communes" ? 1 : 2 }),
      fc.array(fc.nat(), { minLength: defs.length, maxLength: defs.length }),
      fc.boolean(),
      fc.nat(3),
    )
    .chain(([others, picks, stt, titles]) => {
      const keys = [ANCHOR[kind], ...others];
      const labels = keys.map((k) => {
        const headers = defs.find((d) => d.key === k)!.headers;
        return { key: k, label: headers[picks[defs.findIndex((d) => d.key === k)] % headers.length] };
      });
      return fc.shuffledSubarray(labels, { minLength: labels.length, maxLength: labels.length }).map((order) => ({ kind, order, stt, titles }));
    });
});

describe("detectTables (property)", () => {
  it("maps any synonyms of a kind's fields, in any order, under any titles", () => {
    fc.assert(
      fc.property(headerArb, ({ kind, order, stt, titles }) => {
        const header: CellValue[] = [...(stt ? ["STT"] : []), ...order.map((o) => o.label)];
        const values: CellValue[][] = [];
        for (let i = 0; i < titles; i++) values.push([["ĐẢNG BỘ XÃ YÊN LẠC", "DANH SÁCH", "Quý I năm 2026"][i]]);
        values.push(header);
        for (let r = 1; r <= 3; r++) values.push(header.map((_, c) => (c === 0 && stt ? r : `giá trị ${r}.${c}`)));
        const tables = detectTables({ name: "P", originRow: 1, originCol: 1, values });
        const off = stt ? 2 : 1;
        const expected: Record<string, number> = {};
        order.forEach((o, i) => (expected[o.key] = i + off));
        const got: Record<string, number> = {};
        for (const [k, m] of Object.entries(tables[0]?.columns ?? {})) if (m) got[k] = m.col;
        expect(tables.map((t) => t.kind)).toEqual([kind]);
        expect(got).toEqual(expected);
        expect(tables[0].headerTop).toBe(titles + 1);
        expect(tables[0].dataRows).toEqual([titles + 2, titles + 3, titles + 4]);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
