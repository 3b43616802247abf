import { enumValue } from "./enumValue";

const education = { vi: "Trình độ chuyên môn", en: "Education" };

describe("enum", () => {
  it("a recognised synonym is info, and the fix writes the canonical value", () => {
    const v = enumValue({ code: "enum", field: "education", col: 11, value: "ĐH", fix: "Đại học" }, education);
    expect(v).toMatchObject({ severity: "info", fix: { value: "Đại học", description: 'Đổi "ĐH" thành "Đại học"' } });
  });
  it("an unknown value is an error without a fix: a person must choose", () => {
    const v = enumValue({ code: "enum", field: "education", col: 11, value: "Trung học cơ sở" }, education);
    expect(v).toMatchObject({ severity: "error", fix: null });
    expect(v.message).toContain("không thuộc danh sách");
  });
});
