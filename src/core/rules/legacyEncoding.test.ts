import { legacyEncoding } from "./legacyEncoding";

describe("text/legacy-encoding", () => {
  it("is a warning, and the fix writes the Unicode text", () => {
    const v = legacyEncoding.run.cell({ code: "text/legacy-encoding", field: "name", col: 2, value: "Hoµng V¨n Nam", fix: "Hoàng Văn Nam", detail: { vi: "TCVN3", en: "TCVN3" } }, { vi: "Họ và tên", en: "Full name" });
    expect(v).toMatchObject({ severity: "warning", fix: { value: "Hoàng Văn Nam" } });
    expect(v.message.vi).toBe('Họ và tên "Hoµng V¨n Nam" được gõ bằng bảng mã cũ TCVN3, đọc là "Hoàng Văn Nam".');
  });
  it("offers no fix when the conversion is unknown", () => {
    expect(legacyEncoding.run.cell({ code: "text/legacy-encoding", field: "name", col: 2, value: "Hoµng" }, { vi: "Họ và tên", en: "Full name" }).fix).toBeNull();
  });
});
