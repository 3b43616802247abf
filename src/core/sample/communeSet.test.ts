import { understand } from "../understand";
import { communeNameKey } from "../text/identity";
import { communeFiles } from "./index";

describe("a province's worth of commune files", () => {
  const files = communeFiles(Array.from({ length: 166 }, (_, i) => i + 1));

  test("166 seeds give 166 different communes, whatever names the generator repeats", () => {
    expect(new Set(files.map((f) => communeNameKey(f.commune))).size).toBe(166);
    // The generator does repeat names: seeds 5 and 42 both draw Xã Lộc Hải.
    expect(files[41].commune).toBe(`${files[4].commune} Nam`);
  });

  test("a renamed commune is renamed everywhere its file writes it: rows, titles, the communes list", () => {
    const f = files[41];
    const { dataset } = understand(f.workbook);
    const named = new Set([...dataset.cells, ...dataset.cadres, ...dataset.meetings].map((r) => r.commune));
    expect(named).toEqual(new Set([f.commune]));
    expect(dataset.communes.map((c) => c.commune)).toEqual([f.commune]);
    const titles = f.workbook.sheets.map((s) => String(s.values[0]?.[0] ?? ""));
    expect(titles.some((x) => x.includes(f.commune.toUpperCase()))).toBe(true);
  });
});
