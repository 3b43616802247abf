import { cadreDuplicate } from "./cadreDuplicate";
import { cadre, dataset, runTableRule } from "../../../test/rules/factories";
import { day } from "../model";

describe("cadre/duplicate", () => {
  it("warns on the same folded name and birth date", () => {
    const a = cadre({ name: "Nguyễn Văn An", birth: day(1975, 3, 12), row: 4 });
    const b = cadre({ name: "NGUYEN VAN AN", birth: day(1975, 3, 12), row: 8, role: "Đảng ủy viên" });
    const [f, ...rest] = runTableRule(cadreDuplicate, dataset({ cadres: [a, b] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "cadre/duplicate", severity: "warning", row: 8, relatedRows: [4] });
  });
  it("matches a birth year with a full date of that year", () => {
    const ds = dataset({ cadres: [cadre({ birth: { kind: "year", y: 1975 } }), cadre({ birth: day(1975, 3, 12) })] });
    expect(runTableRule(cadreDuplicate, ds)).toHaveLength(1);
  });
  it("errors on the same party card number, whatever the names", () => {
    const ds = dataset({ cadres: [cadre({ name: "A", cardNo: "01234567", row: 2 }), cadre({ name: "B", cardNo: "01234567", row: 3 })] });
    const [f] = runTableRule(cadreDuplicate, ds);
    expect(f).toMatchObject({ severity: "error", row: 3, value: "01234567" });
  });
  it("accepts namesakes born on other days, and people without a birth date", () => {
    const ds = dataset({ cadres: [
      cadre({ birth: day(1975, 3, 12) }), cadre({ birth: day(1975, 3, 13) }), cadre({ birth: day(1980, 3, 12) }),
      cadre({ birth: null }), cadre({ birth: null }),
    ] });
    expect(runTableRule(cadreDuplicate, ds)).toEqual([]);
  });
});
