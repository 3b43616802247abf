import { typeDate, typeInteger, typeNumber } from "./typeValue";

const birth = { vi: "Ngày sinh", en: "Date of birth" };

describe("type/date, type/integer, type/number", () => {
  it("an unreadable date is an error with the parse detail, never a guess", () => {
    const v = typeDate.run.cell({ code: "type/date", field: "birth", col: 2, value: "31/02/1975", detail: { vi: "không có ngày này", en: "there is no such day" } }, birth);
    expect(v).toMatchObject({ severity: "error", fix: null });
    // Each language gets its own detail: no "vi / en" halves.
    expect(v.message.vi).toBe('Ngày sinh "31/02/1975" không hợp lệ: không có ngày này.');
    expect(v.message.en).toBe('Date of birth "31/02/1975" is not valid: there is no such day.');
  });
  it("a date typed as text is info, and the fix writes the real date", () => {
    const v = typeDate.run.cell({ code: "type/date", field: "birth", col: 2, value: "05/07/1975", fix: 27580 }, birth);
    expect(v).toMatchObject({ severity: "info", fix: { value: 27580 } });
    expect(v.message.vi).toBe('Ngày sinh "05/07/1975" được ghi dạng văn bản, không phải ngày.');
    expect(v.message.en).toBe('Date of birth "05/07/1975" is written as text, not as a date.');
  });
  it("an Excel error is named as such, even when a fix is offered", () => {
    const v = typeInteger.run.cell({ code: "type/integer", field: "present", col: 9, value: "#REF!" }, { vi: "Có mặt", en: "Present" });
    expect(v).toMatchObject({ severity: "error", fix: null });
    expect(v.message.vi).toBe("Ô Có mặt chứa lỗi công thức #REF!.");
  });
  it("a number in words is an error", () => {
    expect(typeNumber.run.cell({ code: "type/number", field: "score", col: 14, value: "chín mươi" }, { vi: "Điểm", en: "Score" }))
      .toMatchObject({ severity: "error", message: { vi: 'Điểm "chín mươi" không phải là số.', en: 'Score "chín mươi" is not a number.' } });
  });
  it("a number out of range says the limit, in each language", () => {
    const v = typeNumber.run.cell({ code: "type/number", field: "score", col: 14, value: 150, detail: { vi: "lớn hơn mức tối đa 100", en: "above the maximum of 100" } }, { vi: "Điểm", en: "Score" });
    expect(v).toMatchObject({ severity: "error", message: { vi: "Điểm 150 không hợp lệ: lớn hơn mức tối đa 100.", en: "Score 150 is not valid: above the maximum of 100." } });
  });
});
