import { cadreAge } from "./cadreAge";
import { cadre, CADRE_COLS, Q3_2026, settings } from "../../../test/factories/records";
import { runCadreRule } from "../../../test/factories/rules";
import { columnLetter, day } from "../model";

describe("cadre/age", () => {
  it("measures age at the last day of the period", () => {
    // 18 on 1/10/2026: still 17 on 30/9/2026, the end of Q3.
    const [f] = runCadreRule(cadreAge, cadre({ birth: day(2008, 10, 1), row: 7 }), settings(), Q3_2026);
    expect(f).toMatchObject({ rule: "cadre/age", severity: "error", row: 7, column: columnLetter(CADRE_COLS.birth), value: "01/10/2008" });
    expect(f.message.vi).toContain("17 tuổi");
    expect(runCadreRule(cadreAge, cadre({ birth: day(2008, 9, 30) }), settings(), Q3_2026)).toEqual([]);
  });
  it("flags over 80, and uses period year − birth year for a year alone", () => {
    expect(runCadreRule(cadreAge, cadre({ birth: { kind: "year", y: 1945 } }))).toHaveLength(1); // 81 in 2026
    expect(runCadreRule(cadreAge, cadre({ birth: { kind: "year", y: 1946 } }))).toEqual([]); // 80
    expect(runCadreRule(cadreAge, cadre({ birth: { kind: "year", y: 2008 } }))).toEqual([]); // 18
  });
  it("flags a birth date after today", () => {
    const [f] = runCadreRule(cadreAge, cadre({ birth: day(2027, 5, 1) }), settings({ today: day(2026, 11, 23) }));
    expect(f.message.vi).toContain("sau ngày hôm nay");
  });
  it("points at the Nữ birth-year column when that is the one filled", () => {
    const c = cadre({ birth: { kind: "year", y: 1930 }, cols: { name: 2, birthYearMale: 3, birthYearFemale: 4 }, raw: { name: "Lê Thị Hoa", birthYearFemale: 1930 } });
    expect(runCadreRule(cadreAge, c)[0]).toMatchObject({ column: "D", value: 1930 });
  });
  it("follows the age settings and ignores a missing birth", () => {
    expect(runCadreRule(cadreAge, cadre({ birth: day(1950, 1, 1) }), settings({ maxAge: 70 }))).toHaveLength(1);
    expect(runCadreRule(cadreAge, cadre({ birth: null }))).toEqual([]);
  });
});
