import { CELL_TYPES, EDUCATION, GENDERS, MEETING_KINDS, RATINGS, ROLES, THEORY } from "../model";
import { editDistance, nearestCanonical, parseEnum } from "./enum";

describe("parseEnum", () => {
  it("reads canonical values with no problem", () => {
    for (const v of EDUCATION.values) expect(parseEnum(EDUCATION, v)).toEqual({ kind: "value", value: v, problems: [] });
    for (const v of ROLES.values) expect(parseEnum(ROLES, v)).toEqual({ kind: "value", value: v, problems: [] });
  });

  it.each([
    [EDUCATION, "ĐH", "Đại học"], [EDUCATION, "Cử nhân", "Đại học"], [EDUCATION, "Kỹ sư", "Đại học"],
    [EDUCATION, "CĐ", "Cao đẳng"], [EDUCATION, "TCCN", "Trung cấp"], [EDUCATION, "ThS", "Thạc sĩ"],
    [EDUCATION, "Thạc sỹ", "Thạc sĩ"], [EDUCATION, "Tiến sỹ", "Tiến sĩ"], [EDUCATION, "CNKT", "Sơ cấp"],
    [EDUCATION, "dai hoc", "Đại học"], [EDUCATION, "ĐẠI HỌC", "Đại học"],
    [THEORY, "SC", "Sơ cấp"], [THEORY, "TC", "Trung cấp"], [THEORY, "CC", "Cao cấp"], [THEORY, "Cao cấp LLCT", "Cao cấp"],
    [THEORY, "CN", "Cử nhân"],
    [GENDERS, "nam", "Nam"], [GENDERS, "NAM", "Nam"], [GENDERS, "nu", "Nữ"], [GENDERS, "NỮ", "Nữ"],
    [ROLES, "Bí thư", "Bí thư chi bộ"], [ROLES, "bí thư chi bộ", "Bí thư chi bộ"], [ROLES, "PBT", "Phó Bí thư chi bộ"],
    [MEETING_KINDS, "TK+CĐ", "Thường kỳ kết hợp chuyên đề"], [RATINGS, "TB", "Trung bình"],
  ])("reads the synonym %#: %j as %j, with the canonical value as fix", (def, input, canonical) => {
    expect(parseEnum(def, input)).toEqual({ kind: "value", value: canonical, problems: [{ code: "enum", fix: canonical }] });
  });

  it("reads a canonical value with extra spaces, reporting only the spaces", () => {
    expect(parseEnum(EDUCATION, " Đại  học ")).toEqual({
      kind: "value", value: "Đại học", problems: [{ code: "text/spaces", fix: "Đại học" }],
    });
  });

  it("reads a canonical value typed in TCVN3, reporting the encoding", () => {
    // "Bí thư chi bộ" as typed with .VnTime
    expect(parseEnum(ROLES, "BÝ th\u00ad chi bé")).toEqual({
      kind: "value", value: "Bí thư chi bộ",
      problems: [{ code: "text/legacy-encoding", detail: { vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" }, fix: "Bí thư chi bộ" }],
    });
    // A TCVN3 synonym: the enum fix alone, since it also cures the encoding.
    expect(parseEnum(ROLES, "BÝ th\u00ad")).toEqual({
      kind: "value", value: "Bí thư chi bộ", problems: [{ code: "enum", fix: "Bí thư chi bộ" }],
    });
  });

  it("suggests the nearest value only when one clearly wins", () => {
    const typo = parseEnum(EDUCATION, "Đại hoc c");
    expect(typo.kind).toBe("problem");
    expect(typo.problems[0]).toMatchObject({ code: "enum", fix: "Đại học" });
    const unknown = parseEnum(EDUCATION, "Phi công");
    expect(unknown.kind).toBe("problem");
    expect(unknown.problems[0].fix).toBeUndefined();
    expect(unknown.problems[0].detail?.vi).toContain("Đại học");
    expect(unknown.problems[0].detail?.en).toMatch(/^the allowed values are .*Đại học/);
    expect(nearestCanonical(THEORY, "XY")).toBeNull();
    expect(nearestCanonical(RATINGS, "Khaa")).toBe("Khá");
  });

  it("does not pick between two equally near values", () => {
    // "sao cap" is one edit from both "so cap" (Sơ cấp) and "cao cap" (Cao cấp).
    expect(nearestCanonical(THEORY, "Sao cấp")).toBeNull();
  });

  it("handles blanks, numbers, booleans and errors", () => {
    expect(parseEnum(EDUCATION, "").kind).toBe("blank");
    expect(parseEnum(EDUCATION, 12).kind).toBe("problem");
    expect(parseEnum(EDUCATION, true).kind).toBe("problem");
    expect(parseEnum(EDUCATION, "#N/A")).toEqual({ kind: "problem", problems: [{ code: "enum" }] });
  });

  it("measures edit distance with an early stop", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abcdef", "a", 2)).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 1)).toBe(2);
  });
});

describe("parseEnum: how offices shorten and extend values", () => {
  it.each([
    ["BT", "Bí thư chi bộ"], ["B.T", "Bí thư chi bộ"], ["Bí thư CB", "Bí thư chi bộ"], ["BT CB", "Bí thư chi bộ"], ["bt", "Bí thư chi bộ"],
    ["PBT", "Phó Bí thư chi bộ"], ["P.BT", "Phó Bí thư chi bộ"], ["P. Bí thư", "Phó Bí thư chi bộ"], ["PBT CB", "Phó Bí thư chi bộ"], ["Phó BT", "Phó Bí thư chi bộ"],
    ["CUV", "Chi ủy viên"], ["C.U.V", "Chi ủy viên"], ["UV chi ủy", "Chi ủy viên"],
    ["BT ĐU", "Bí thư đảng ủy"], ["BTĐU", "Bí thư đảng ủy"], ["Bí thư ĐU xã", "Bí thư đảng ủy"], ["BT Đảng ủy phường", "Bí thư đảng ủy"],
    ["PBT ĐU", "Phó Bí thư đảng ủy"], ["P.BT ĐU", "Phó Bí thư đảng ủy"], ["PBT TT ĐU", "Phó Bí thư đảng ủy"], ["Phó Bí thư Thường trực Đảng ủy xã", "Phó Bí thư đảng ủy"],
    ["UV BTV", "Ủy viên BTV đảng ủy"], ["UVBTV", "Ủy viên BTV đảng ủy"], ["UV.BTV ĐU", "Ủy viên BTV đảng ủy"], ["Ủy viên Ban Thường vụ Đảng ủy xã", "Ủy viên BTV đảng ủy"],
    ["ĐUV", "Đảng ủy viên"], ["Đ.U.V", "Đảng ủy viên"], ["UV BCH", "Đảng ủy viên"], ["Ủy viên BCH Đảng bộ xã", "Đảng ủy viên"],
  ])("reads the position %j as %j, with a fix to the standard spelling", (input, canonical) => {
    expect(parseEnum(ROLES, input)).toEqual({ kind: "value", value: canonical, problems: [{ code: "enum", fix: canonical }] });
  });

  it("reads an abbreviation of a synonym the same way", () => {
    expect(parseEnum(THEORY, "TC LLCT")).toEqual({ kind: "value", value: "Trung cấp", problems: [{ code: "enum", fix: "Trung cấp" }] });
  });

  it.each([
    ["Bí thư chi bộ kiêm Trưởng thôn", "Bí thư chi bộ"], ["BT kiêm TT", "Bí thư chi bộ"], ["Bí thư chi bộ, trưởng thôn", "Bí thư chi bộ"],
    ["PBT ĐU - Chủ tịch UBND", "Phó Bí thư đảng ủy"], ["Đảng ủy viên/Trưởng Công an xã", "Đảng ủy viên"],
  ])("reads the first post of %j, with no finding", (input, value) => {
    expect(parseEnum(ROLES, input)).toEqual({ kind: "value", value, problems: [] });
  });

  it("does not take a post that only starts like one", () => {
    expect(parseEnum(ROLES, "Bí thư Đoàn thanh niên").kind).toBe("problem");
    expect(parseEnum(ROLES, "Trưởng thôn").kind).toBe("problem");
  });

  it.each([
    [EDUCATION, "Đại học Luật", "Đại học"], [EDUCATION, "ĐH Sư phạm", "Đại học"], [EDUCATION, "Cử nhân Kinh tế", "Đại học"],
    [EDUCATION, "Kỹ sư Nông nghiệp", "Đại học"], [EDUCATION, "Thạc sĩ Quản lý giáo dục", "Thạc sĩ"], [EDUCATION, "TC Kế toán", "Trung cấp"],
    [THEORY, "Trung cấp chính trị", "Trung cấp"], [THEORY, "Cao cấp lý luận chính trị - hành chính", "Cao cấp"],
  ])("reads %#: %j as its level, the subject being no mistake", (def, input, value) => {
    expect(parseEnum(def, input)).toEqual({ kind: "value", value, problems: [] });
  });

  it.each([
    ["Xóm", "Thôn"], ["Làng", "Thôn"], ["Ấp", "Thôn"], ["Buôn", "Thôn"], ["Bon", "Thôn"], ["Plei", "Thôn"], ["Sóc", "Thôn"],
    ["Khu phố", "Tổ dân phố"], ["Khóm", "Tổ dân phố"], ["Tổ", "Tổ dân phố"], ["KP", "Tổ dân phố"], ["khu", "Tổ dân phố"],
  ])("reads the regional cell type %j as %j with no finding", (input, value) => {
    expect(parseEnum(CELL_TYPES, input)).toEqual({ kind: "value", value, problems: [] });
  });
});
