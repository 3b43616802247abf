import { textSpaces } from "./textSpaces";

const name = { vi: "Họ và tên", en: "Full name" };

describe("text/spaces", () => {
  it("is info, and the fix trims and collapses doubled spaces", () => {
    expect(textSpaces.run.cell({ code: "text/spaces", field: "name", col: 2, value: "  Nguyễn  Văn An " }, name))
      .toMatchObject({ severity: "info", fix: { value: "Nguyễn Văn An", description: { vi: "Bỏ khoảng trắng thừa", en: "Remove the extra spaces" } } });
  });
  it("prefers the parse step's fix when it gives one", () => {
    expect(textSpaces.run.cell({ code: "text/spaces", field: "name", col: 2, value: " A ", fix: "A" }, name).fix?.value).toBe("A");
  });
});
