import { typeDate, typeInteger, typeNumber } from "./typeValue";

const birth = { vi: "Ngày sinh", en: "Date of birth" };

describe("type/date, type/integer, type/number", () => {
  it("an unreadable date is an error with the parse detail, never a guess", () => {
    const v = typeDate({ code: "type/date", field: "birth", col: 2, value: "31/02/1975", detail: "tháng 2 không có ngày 31" }, birth);
    expect(v).toMatchObject({ severity: "error", fix: null });
    expect(v.message).toBe('Ngày sinh không đọc được: "31/02/1975" (tháng 2 không có ngày 31).');
  });
  it("a date typed as text is info, and the fix writes the real date", () => {
    const v = typeDate({ code: "type/date", field: "birth", col: 2, value: "05/07/1975", fix: 27580 }, birth);
    expect(v).toMatchObject({ severity: "info", fix: { value: 27580 } });
    expect(v.message).toBe("Ngày sinh được ghi dạng văn bản, không phải ngày.");
  });
  it("an Excel error is named as such, even when a fix is offered", () => {
    const v = typeInteger({ code: "type/integer", field: "present", col: 9, value: "#REF!" }, { vi: "Có mặt", en: "Present" });
    expect(v).toMatchObject({ severity: "error", fix: null });
    expect(v.message).toBe("Ô Có mặt chứa lỗi công thức #REF!.");
  });
  it("a number in words is an error", () => {
    expect(typeNumber({ code: "type/number", field: "score", col: 14, value: "chín mươi" }, { vi: "Điểm", en: "Score" }))
      .toMatchObject({ severity: "error", messageEn: 'Score cannot be read as a number: "chín mươi".' });
  });
});
