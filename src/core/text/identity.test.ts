import { cellNameKey, communeFoldedKey, communeNameKey, nameKey, unmarkedCommuneAliases } from "./identity";

describe("nameKey", () => {
  it("ignores case, spacing and Unicode form", () => {
    expect(nameKey("Thôn  1")).toBe(nameKey("thôn 1"));
    expect(nameKey(" Chi bộ Thôn Đồng ")).toBe(nameKey("CHI BỘ THÔN ĐỒNG"));
    expect(nameKey("Thôn Đồng".normalize("NFD"))).toBe(nameKey("Thôn Đồng"));
    expect(nameKey("Tổ\u00a0dân phố 3")).toBe(nameKey("Tổ dân phố 3"));
  });

  it("keeps diacritics: different hamlets stay different", () => {
    expect(nameKey("Thôn Đồng")).not.toBe(nameKey("Thôn Đông"));
    expect(nameKey("Thôn Đông")).not.toBe(nameKey("Thon Dong"));
    expect(nameKey("Bản Nà Hóa")).not.toBe(nameKey("Bản Nà Hòa"));
    expect(nameKey("Thôn Tân Lập")).not.toBe(nameKey("Thôn Tấn Lập"));
  });

  it("does not care where the tone mark sits (old and new style)", () => {
    expect(nameKey("Thôn Tân Hòa")).toBe(nameKey("Thôn Tân Hoà"));
    expect(nameKey("Tổ dân phố Thủy Lợi")).toBe(nameKey("Tổ dân phố Thuỷ Lợi"));
    expect(nameKey("Khỏe")).toBe(nameKey("Khoẻ"));
    expect(nameKey("Hòa")).toBe("hoa2");
  });
});

describe("communeNameKey", () => {
  it("leaves out the unit words", () => {
    const k = communeNameKey("Xã Yên Lạc");
    expect(communeNameKey("Đảng bộ xã Yên Lạc")).toBe(k);
    expect(communeNameKey("Yên Lạc")).toBe(k);
    expect(communeNameKey("XÃ YÊN LẠC")).toBe(k);
    expect(communeNameKey("Phường Hòa Bình")).toBe(communeNameKey("Hoà Bình"));
    expect(communeNameKey("Thị trấn Nông Cống")).toBe(communeNameKey("Nông Cống"));
  });

  it("keeps communes that differ only by their marks apart, and never gives an empty key", () => {
    expect(communeNameKey("Xã An Hòa")).not.toBe(communeNameKey("Xã An Hóa"));
    expect(communeNameKey("Xã")).toBe("xa4");
  });
});

describe("communeFoldedKey", () => {
  it("folds the marks away after leaving out the unit words", () => {
    expect(communeFoldedKey("Đảng bộ xã Yên Lạc")).toBe("yen lac");
    expect(communeFoldedKey("yen lac")).toBe("yen lac");
    expect(communeFoldedKey("Phường 3")).toBe("3");
  });
});

describe("unmarkedCommuneAliases", () => {
  it("points an unmarked spelling at the one marked commune it matches, and at none when two match", () => {
    const aliases = unmarkedCommuneAliases(["Xã Yên Lạc", "yen lac", "Xã An Hòa", "Xã An Hóa", "xa an hoa", null, " "]);
    expect(aliases.get(communeNameKey("yen lac"))).toBe(communeNameKey("Xã Yên Lạc"));
    expect(aliases.has(communeNameKey("xa an hoa"))).toBe(false);
    expect(aliases.size).toBe(1);
  });
});

describe("cellNameKey", () => {
  it("reads a cell named with or without the words 'chi bộ', and short forms of its type, as one", () => {
    const k = cellNameKey("Chi bộ Thôn Đông");
    expect(cellNameKey("Thôn Đông")).toBe(k);
    expect(cellNameKey("CB thôn Đông")).toBe(k);
    expect(cellNameKey("CHI BỘ THÔN ĐÔNG")).toBe(k);
    expect(cellNameKey("Chi bộ TDP số 3")).toBe(cellNameKey("Tổ dân phố 3"));
    expect(cellNameKey("KP 2")).toBe(cellNameKey("Chi bộ Khu phố 2"));
  });
  it("keeps cells apart that differ by their marks or their type", () => {
    expect(cellNameKey("Chi bộ Thôn Đồng")).not.toBe(cellNameKey("Thôn Đông"));
    expect(cellNameKey("Thôn 1")).not.toBe(cellNameKey("Xóm 1"));
    expect(cellNameKey("Chi bộ")).toBe("chi bô5");
  });
});
