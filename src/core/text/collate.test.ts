import { compareVi, sortVi } from "./collate";

describe("compareVi", () => {
  it("reads numbers as numbers", () => {
    const names = ["Phường Số 10", "Phường Số 2", "Phường Số 1", "Phường Số 19", "Phường Số 11"];
    expect([...names].sort(compareVi)).toEqual(["Phường Số 1", "Phường Số 2", "Phường Số 10", "Phường Số 11", "Phường Số 19"]);
  });

  it("follows the Vietnamese alphabet: a ă â, d đ, o ô ơ", () => {
    const names = ["Xã Đông Sơn", "Xã Dương Hòa", "Xã Ân Nghĩa", "Xã Ăn Cư", "Xã An Bình", "Thôn Ơn", "Thôn Ôn", "Thôn On"];
    expect([...names].sort(compareVi)).toEqual([
      "Thôn On", "Thôn Ôn", "Thôn Ơn", "Xã An Bình", "Xã Ăn Cư", "Xã Ân Nghĩa", "Xã Dương Hòa", "Xã Đông Sơn",
    ]);
  });

  it("sorts objects by a key without changing the input", () => {
    const rows = [{ c: "Thôn 9" }, { c: "Thôn 11" }, { c: "Thôn 1" }];
    expect(sortVi(rows, (r) => r.c).map((r) => r.c)).toEqual(["Thôn 1", "Thôn 9", "Thôn 11"]);
    expect(rows[0].c).toBe("Thôn 9");
  });
});
