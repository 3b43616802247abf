import { required } from "./required";

describe("required", () => {
  it("is an error naming the field in both languages, with no fix", () => {
    expect(required.run.cell({ code: "required", field: "date", col: 3, value: "" }, { vi: "Ngày sinh hoạt", en: "Meeting date" }))
      .toEqual({ severity: "error", message: { vi: "Thiếu Ngày sinh hoạt.", en: "Meeting date is missing." }, fix: null });
  });
});
