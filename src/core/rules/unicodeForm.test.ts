import { unicodeForm } from "./unicodeForm";

describe("text/unicode-form", () => {
  it("is info, and the fix is the composed (NFC) text", () => {
    const nfd = "Nguyễn Thị Hồng".normalize("NFD");
    const v = unicodeForm.run.cell({ code: "text/unicode-form", field: "name", col: 2, value: nfd }, { vi: "Họ và tên", en: "Full name" });
    expect(v).toMatchObject({ severity: "info" });
    expect(v.fix?.value).toBe("Nguyễn Thị Hồng");
    expect(v.fix?.value).not.toBe(nfd);
  });
});
