import { parseYesNo, parseYesNoOrDate, parseYesNoOrName } from "./yesno";

describe("parseYesNo", () => {
  it.each(["Có", "có", "CÓ", "co", "x", "X", "✓", "✔", "√", "☑", "1", 1, true, "Yes", "yes", "y", "Đã", "rồi", "Đạt", " có "])(
    "reads %j as yes", (v) => expect(parseYesNo(v)).toEqual({ kind: "value", value: true, problems: [] }),
  );
  it.each(["Không", "không", "khong", "KHÔNG", "0", 0, false, "No", "n", "Chưa", "k", "ko", "", "  "])(
    "reads %j as no (blank is no)", (v) => expect(parseYesNo(v)).toEqual({ kind: "value", value: false, problems: [] }),
  );
  it.each(["Có lẽ", "2", 2, "?", "#N/A"])("rejects %j", (v) => {
    const r = parseYesNo(v);
    expect(r.kind).toBe("problem");
    expect(r.problems[0].code).toBe("enum");
  });
});

describe("parseYesNoOrDate", () => {
  it("reads yes/no words and blanks", () => {
    expect(parseYesNoOrDate("Có")).toMatchObject({ value: true });
    expect(parseYesNoOrDate("")).toMatchObject({ value: false });
    expect(parseYesNoOrDate("Chưa")).toMatchObject({ value: false });
  });
  it("reads a date as yes", () => {
    expect(parseYesNoOrDate("12/05/2024")).toMatchObject({ kind: "value", value: true });
    expect(parseYesNoOrDate(45658)).toMatchObject({ kind: "value", value: true });
    expect(parseYesNoOrDate("2023")).toMatchObject({ kind: "value", value: true });
  });
  it("rejects what is neither", () => {
    expect(parseYesNoOrDate("31/02/2024").problems[0]).toMatchObject({ code: "type/date" });
    expect(parseYesNoOrDate("đang học").problems[0]).toMatchObject({ code: "type/date" });
    expect(parseYesNoOrDate(60).problems[0]).toMatchObject({ code: "type/date" });
    expect(parseYesNoOrDate("#VALUE!").problems).toEqual([{ code: "type/date" }]);
    expect(parseYesNoOrDate(true)).toMatchObject({ value: true });
  });
});

describe("parseYesNoOrName", () => {
  it("reads a name as yes, and yes/no words as themselves", () => {
    expect(parseYesNoOrName("Đ/c Nguyễn Văn An")).toEqual({ kind: "value", value: true, problems: [] });
    expect(parseYesNoOrName("x")).toMatchObject({ value: true });
    expect(parseYesNoOrName("Không")).toMatchObject({ value: false });
    expect(parseYesNoOrName("")).toMatchObject({ value: false });
  });
  it("reports text problems of the name", () => {
    expect(parseYesNoOrName("Hoµng V¨n Nam")).toMatchObject({ value: true, problems: [{ code: "text/legacy-encoding" }] });
  });
  it("rejects numbers and symbols", () => {
    expect(parseYesNoOrName(2).kind).toBe("problem");
    expect(parseYesNoOrName("?").kind).toBe("problem");
    expect(parseYesNoOrName("#N/A").kind).toBe("problem");
  });
});
