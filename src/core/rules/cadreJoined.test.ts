import { cadreJoined } from "./cadreJoined";
import { cadre, Q3_2026 } from "../../../test/factories/records";
import { runCadreRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("cadre/joined", () => {
  it("flags joining before turning 18", () => {
    const [f] = runCadreRule(cadreJoined, cadre({ birth: day(1980, 6, 1), joined: day(1998, 5, 31) }));
    expect(f).toMatchObject({ rule: "cadre/joined", severity: "error", value: "31/05/1998" });
    expect(f.message.vi).toContain("17 tuổi");
  });
  it("flags joining after the end of the period", () => {
    const [f] = runCadreRule(cadreJoined, cadre({ joined: day(2026, 10, 1) }), undefined, Q3_2026);
    expect(f.message.vi).toContain("30/09/2026");
  });
  it("accepts joining on the 18th birthday, unknown dates, and a year of birth that allows it", () => {
    expect(runCadreRule(cadreJoined, cadre({ birth: day(1980, 6, 1), joined: day(1998, 6, 1) }))).toEqual([]);
    expect(runCadreRule(cadreJoined, cadre({ joined: null }))).toEqual([]);
    expect(runCadreRule(cadreJoined, cadre({ birth: null, joined: day(2000, 1, 1) }))).toEqual([]);
    expect(runCadreRule(cadreJoined, cadre({ birth: { kind: "year", y: 1980 }, joined: day(1998, 1, 2) }))).toEqual([]);
  });
});
