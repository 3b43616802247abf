import { enumValue } from "./enumValue";

const education = { vi: "Trình độ chuyên môn", en: "Education" };

describe("enum", () => {
  it("a recognised synonym is info, and the fix writes the canonical value", () => {
    const v = enumValue.run.cell({ code: "enum", field: "education", col: 11, value: "ĐH", fix: "Đại học" }, education);
    expect(v).toMatchObject({ severity: "info", fix: { value: "Đại học", description: { vi: 'Đổi "ĐH" thành "Đại học"', en: 'Change "ĐH" to "Đại học"' } } });
  });
  it("an unknown value is an error without a fix: a person must choose", () => {
    const v = enumValue.run.cell({ code: "enum", field: "education", col: 11, value: "Trung học cơ sở" }, education);
    expect(v).toMatchObject({ severity: "error", fix: null });
    expect(v.message.vi).toBe('Trình độ chuyên môn "Trung học cơ sở" không thuộc danh sách giá trị cho phép.');
    expect(v.message.en).toBe('Education "Trung học cơ sở" is not one of the allowed values.');
  });
  it("an unread value with a nearest match is an error that offers the match, each language with its own reason", () => {
    const v = enumValue.run.cell({
      code: "enum", field: "education", col: 11, value: "Đại hocc", fix: "Đại học",
      detail: { vi: 'không có trong danh sách; gần nhất là "Đại học"', en: 'not in the list; the nearest is "Đại học"' },
    }, education);
    expect(v).toMatchObject({ severity: "error", fix: { value: "Đại học" } });
    expect(v.message.vi).toBe('Trình độ chuyên môn "Đại hocc" không hợp lệ: không có trong danh sách; gần nhất là "Đại học".');
    expect(v.message.en).toBe('Education "Đại hocc" is not valid: not in the list; the nearest is "Đại học".');
  });
  it("an Excel error is named as such", () => {
    expect(enumValue.run.cell({ code: "enum", field: "education", col: 11, value: "#N/A" }, education).message.vi).toBe("Ô Trình độ chuyên môn chứa lỗi công thức #N/A.");
  });
});
