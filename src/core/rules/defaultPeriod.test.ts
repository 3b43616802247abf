import { defaultPeriod } from "./defaultPeriod";
import { dataset, meeting } from "../../../test/factories/records";
import { day } from "../model";

describe("defaultPeriod", () => {
  it("is the year of the latest meeting that is not in the future", () => {
    const ds = dataset({ meetings: [meeting({ date: day(2025, 3, 1) }), meeting({ date: day(2026, 2, 1) }), meeting({ date: day(2031, 1, 1) })] });
    expect(defaultPeriod(ds, day(2026, 11, 23))).toEqual({ kind: "year", year: 2026 });
  });
  it("is null without a dated meeting", () => {
    expect(defaultPeriod(dataset({ meetings: [meeting({ date: null })] }), day(2026, 1, 1))).toBeNull();
    expect(defaultPeriod(dataset(), day(2026, 1, 1))).toBeNull();
  });
});
