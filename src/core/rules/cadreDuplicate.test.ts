import { cadreDuplicate } from "./cadreDuplicate";
import { cadre, dataset } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { CadreRecord, day } from "../model";

const run = (...cadres: CadreRecord[]) => runTableRule(cadreDuplicate, dataset({ cadres }));

describe("cadre/duplicate: same person twice", () => {
  it("warns on the same folded name and birth date with the same role, naming the earlier row's post", () => {
    const a = cadre({ name: "Nguyễn Văn An", birth: day(1975, 3, 12), row: 4, role: "Chi ủy viên", cell: "Chi bộ Thôn 1" });
    const b = cadre({ name: "NGUYEN VAN AN", birth: day(1975, 3, 12), row: 8, role: "Chi ủy viên" });
    const [f, ...rest] = run(a, b);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "cadre/duplicate", severity: "warning", row: 8, relatedRows: [4] });
    expect(f.message.vi).toBe("NGUYEN VAN AN (sinh 12/03/1975) có thể đã được ghi ở dòng 4 (Chi ủy viên, Chi bộ Thôn 1).");
    expect(f.message.en).toBe("NGUYEN VAN AN (born 12/03/1975) may already be listed at row 4 (Chi ủy viên, Chi bộ Thôn 1).");
  });
  it("matches a birth year with a full date of that year", () => {
    expect(run(cadre({ birth: { kind: "year", y: 1975 } }), cadre({ birth: day(1975, 3, 12) }))).toHaveLength(1);
  });
  it("accepts namesakes born on other days, and people without a birth date", () => {
    expect(run(
      cadre({ birth: day(1975, 3, 12) }), cadre({ birth: day(1975, 3, 13) }), cadre({ birth: day(1980, 3, 12) }),
      cadre({ birth: null }), cadre({ birth: null }),
    )).toEqual([]);
  });
  it("accepts one person holding a cell-level post and a commune committee post", () => {
    expect(run(
      cadre({ role: "Bí thư chi bộ", row: 4 }), cadre({ role: "Đảng ủy viên", row: 30 }),
    )).toEqual([]);
    expect(run(
      cadre({ role: "Phó Bí thư đảng ủy", row: 2 }), cadre({ role: "Chi ủy viên", row: 9 }),
    )).toEqual([]);
  });
  it("still warns on two cell-level roles, two committee roles, or a missing role", () => {
    const twoCell = run(cadre({ role: "Bí thư chi bộ", row: 4 }), cadre({ role: "Chi ủy viên", row: 5 }));
    expect(twoCell).toEqual([expect.objectContaining({ severity: "warning", row: 5, relatedRows: [4] })]);
    const twoCommittee = run(cadre({ role: "Bí thư đảng ủy", row: 4 }), cadre({ role: "Đảng ủy viên", row: 5 }));
    expect(twoCommittee).toEqual([expect.objectContaining({ severity: "warning", row: 5 })]);
    const noRole = run(cadre({ role: "Đảng ủy viên", row: 4 }), cadre({ role: null, row: 5 }));
    expect(noRole).toEqual([expect.objectContaining({ severity: "warning", row: 5 })]);
    expect(noRole[0].message.vi).toContain("(Đảng ủy viên, Chi bộ Thôn 1)");
  });
  it("points a third row at the earlier row it really repeats", () => {
    // Rows 4 and 8 are one person's two posts; row 12 repeats row 4's post.
    const found = run(
      cadre({ role: "Bí thư chi bộ", row: 4 }), cadre({ role: "Đảng ủy viên", row: 8 }), cadre({ role: "Bí thư chi bộ", row: 12 }),
    );
    expect(found).toEqual([expect.objectContaining({ severity: "warning", row: 12, relatedRows: [4] })]);
  });
});

describe("cadre/duplicate: same party card number", () => {
  it("errors on one card number given to two people", () => {
    const [f, ...rest] = run(cadre({ name: "Lê Thị Hoa", cardNo: "01234567", row: 2 }), cadre({ name: "Trần Văn Bình", cardNo: "01234567", row: 3, role: "Đảng ủy viên" }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: "error", row: 3, value: "01234567", relatedRows: [2] });
    expect(f.message.vi).toBe("Số thẻ đảng viên 01234567 của Trần Văn Bình trùng với số thẻ của Lê Thị Hoa ở dòng 2.");
    expect(f.message.en).toBe("Party card no. 01234567 of Trần Văn Bình is also given to Lê Thị Hoa at row 2.");
  });
  it("accepts one person's card on a cell-level row and a committee row", () => {
    expect(run(
      cadre({ name: "Nguyễn Văn An", cardNo: "01234567", role: "Bí thư chi bộ", row: 4 }),
      cadre({ name: "Nguyễn Văn  An", cardNo: "01234567", role: "Ủy viên BTV đảng ủy", row: 40, birth: { kind: "year", y: 1975 } }),
    )).toEqual([]);
  });
  it("errors when one person's card is on two rows at the same level, or one row has no role", () => {
    const sameLevel = run(
      cadre({ cardNo: "01234567", role: "Bí thư chi bộ", row: 4 }), cadre({ cardNo: "01234567", role: "Phó Bí thư chi bộ", row: 5 }),
    );
    // Same name and birth too: the warning says "probably", the card says "certainly".
    expect(sameLevel.map((f) => f.severity).sort()).toEqual(["error", "warning"]);
    const card = sameLevel.find((f) => f.severity === "error")!;
    expect(card.message.vi).toBe("Nguyễn Văn An được ghi hai lần với cùng số thẻ đảng viên 01234567: đã có ở dòng 4 (Bí thư chi bộ, Chi bộ Thôn 1).");
    const noRole = run(cadre({ cardNo: "01234567", role: "Đảng ủy viên", row: 4, birth: null }), cadre({ cardNo: "01234567", role: null, row: 5, birth: null }));
    expect(noRole).toEqual([expect.objectContaining({ severity: "error", row: 5 })]);
  });
  it("errors when the same name has a different birth date on the card's other row", () => {
    const found = run(
      cadre({ cardNo: "01234567", role: "Bí thư chi bộ", row: 4, birth: day(1975, 3, 12) }),
      cadre({ cardNo: "01234567", role: "Đảng ủy viên", row: 5, birth: day(1968, 1, 1) }),
    );
    expect(found).toEqual([expect.objectContaining({ severity: "error", row: 5, relatedRows: [4] })]);
    expect(found[0].message.vi).toContain("trùng với số thẻ của Nguyễn Văn An ở dòng 4");
  });
  it("names the other sheet when the earlier row is on another sheet", () => {
    const [f] = run(cadre({ name: "A", cardNo: "9", row: 2, sheet: "Xã A" }), cadre({ name: "B", cardNo: "9", row: 3 }));
    expect(f.message.vi).toContain("ở Xã A, dòng 2");
  });
});
