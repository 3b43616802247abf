import { Places } from "./places";
import { cadre, cell, meeting } from "../../../test/factories/records";
import type { Dataset } from "../model";

const ds = (p: Partial<Dataset>): Dataset => ({ cells: [], cadres: [], meetings: [], communes: [], ...p });

describe("Places: one identity of communes and cells for check and summary", () => {
  const dataset = ds({
    cells: [
      cell({ cell: "Chi bộ Thôn Đồng Tâm", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn 1", commune: "Xã Kim Sơn" }),
    ],
    meetings: [meeting({ cell: "Chi bo Thon Dong Tam", commune: "Yen Lac" })],
    cadres: [cadre({ cell: "Chi bộ Thôn Đồng Tâm", commune: null })],
  });
  const places = new Places(dataset);

  it("takes a row's commune from CELLS when it gives none and one commune has the cell", () => {
    expect(places.communeOf({ commune: null, cell: "Chi bộ Thôn Đồng Tâm" })).toBe("Xã Yên Lạc");
    expect(places.communeKeyOf({ commune: null, cell: "chi bộ thôn  đồng tâm" })).toBe(places.commune("Xã Yên Lạc"));
    // Two communes have a "Chi bộ Thôn 1": no guess.
    expect(places.communeOf({ commune: null, cell: "Chi bộ Thôn 1" })).toBeNull();
    expect(places.communeOf({ commune: null, cell: null })).toBeNull();
  });
  it("makes an unmarked spelling the marked commune and cell it matches", () => {
    const k = places.commune("Yen Lac");
    expect(k).toBe(places.commune("Đảng bộ xã Yên Lạc"));
    expect(places.cellKey(k, "Chi bo Thon Dong Tam")).toBe(places.cellKey(k, "Chi bộ Thôn Đồng Tâm"));
  });
  it("keeps the same cell name in two communes apart", () => {
    const a = places.cellKey(places.commune("Xã Yên Lạc"), "Chi bộ Thôn 1");
    const b = places.cellKey(places.commune("Xã Kim Sơn"), "Chi bộ Thôn 1");
    expect(a).not.toBe(b);
  });
});
