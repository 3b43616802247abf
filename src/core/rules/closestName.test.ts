import { closestName, editDistance } from "./closestName";
import { fold } from "../text/fold";

const cands = (...names: string[]) => names.map((name) => ({ name, key: fold(name) }));

describe("closestName", () => {
  it("computes bounded edit distances", () => {
    expect(editDistance("thon", "thon", 2)).toBe(0);
    expect(editDistance("thon", "thom", 2)).toBe(1);
    expect(editDistance("abcdef", "x", 2)).toBe(3);
  });
  it("finds a clear winner: a typo, or the same name without 'Chi bộ'", () => {
    expect(closestName(fold("Chi bộ Thôn Đông Hòa"), cands("Chi bộ Thôn Đông Hoà", "Chi bộ Thôn Tây Sơn"))).toBe("Chi bộ Thôn Đông Hoà");
    expect(closestName(fold("Chi bộ Thon Dong Hao"), cands("Chi bộ Thôn Đông Hòa", "Chi bộ Thôn Tây Sơn"))).toBe("Chi bộ Thôn Đông Hòa");
    expect(closestName(fold("Thôn Tây Sơn"), cands("Chi bộ Thôn Đông Hòa", "Chi bộ Thôn Tây Sơn"))).toBe("Chi bộ Thôn Tây Sơn");
  });
  it("never changes a number, and gives up on near ties or far names", () => {
    expect(closestName(fold("Chi bộ Thôn 1"), cands("Chi bộ Thôn 11", "Chi bộ Thôn 12"))).toBeNull();
    expect(closestName(fold("Chi bộ Thôn An"), cands("Chi bộ Thôn Am", "Chi bộ Thôn Ân Hà", "Chi bộ Thôn Anh"))).toBeNull();
    expect(closestName(fold("Chi bộ Cơ quan UBND"), cands("Chi bộ Thôn Đông Hòa"))).toBeNull();
  });
});
