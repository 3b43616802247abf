import { checkCellProblems } from "./cellProblems";
import { cadre, cell, dataset, meeting } from "../../../test/factories/records";
import { CadreField, CellField, Finding, MeetingField, ParseProblem } from "../model";

function findingsFor(problem: ParseProblem, table: "meetings" | "cadres" | "cells" = "meetings"): Finding[] {
  const ds = table === "meetings" ? dataset({ meetings: [meeting({ row: 8, problems: [problem as ParseProblem<MeetingField>] })] })
    : table === "cadres" ? dataset({ cadres: [cadre({ row: 8, problems: [problem as ParseProblem<CadreField>] })] })
    : dataset({ cells: [cell({ row: 8, problems: [problem as ParseProblem<CellField>] })] });
  const out: Finding[] = [];
  checkCellProblems(ds, out);
  return out;
}

describe("cell rules from parse problems", () => {
  it("required: error at the problem's cell, naming the field", () => {
    const [f] = findingsFor({ code: "required", field: "date", col: 3, value: "" });
    expect(f).toMatchObject({ rule: "required", severity: "error", row: 8, address: "C8", column: "C", fix: null });
    expect(f.message.vi).toBe("Thiếu Ngày sinh hoạt.");
    expect(f.message.en).toBe("Meeting date is missing.");
  });
  it("type/date: an unreadable date is an error, with the detail", () => {
    const [f] = findingsFor({ code: "type/date", field: "birth", col: 2, value: "31/02/1975", detail: { vi: "không có ngày này", en: "there is no such day" } }, "cadres");
    expect(f).toMatchObject({ rule: "type/date", severity: "error", fix: null });
    expect(f.message.vi).toBe('Ngày sinh "31/02/1975" không hợp lệ: không có ngày này.');
    expect(f.message.en).toBe('Date of birth "31/02/1975" is not valid: there is no such day.');
  });
  it("type/date: a date written as text is info, with the real date as fix", () => {
    const [f] = findingsFor({ code: "type/date", field: "date", col: 3, value: "05/07/2026", fix: 46208 });
    expect(f).toMatchObject({ severity: "info", fix: { value: 46208 } });
  });
  it("type/integer and type/number: Excel errors are named as such", () => {
    const [f] = findingsFor({ code: "type/integer", field: "present", col: 9, value: "#REF!" });
    expect(f).toMatchObject({ rule: "type/integer", severity: "error", value: "#REF!" });
    expect(f.message.vi).toContain("#REF!");
    const [g] = findingsFor({ code: "type/number", field: "score", col: 14, value: "chín mươi" });
    expect(g).toMatchObject({ rule: "type/number", severity: "error" });
  });
  it("enum: a recognised synonym is info with the canonical value; an unknown value is an error", () => {
    const [f] = findingsFor({ code: "enum", field: "education", col: 11, value: "ĐH", fix: "Đại học" }, "cadres");
    expect(f).toMatchObject({ rule: "enum", severity: "info", fix: { value: "Đại học", description: { vi: 'Đổi "ĐH" thành "Đại học"', en: 'Change "ĐH" to "Đại học"' } } });
    const [g] = findingsFor({ code: "enum", field: "cellType", col: 4, value: "Hợp tác xã" }, "cells");
    expect(g).toMatchObject({ rule: "enum", severity: "error", fix: null });
    expect(g.message.vi).toContain("Loại hình");
  });
  it("text/spaces: info, fix trims and collapses", () => {
    const [f] = findingsFor({ code: "text/spaces", field: "cell", col: 1, value: "  Chi bộ  Thôn 1 " });
    expect(f).toMatchObject({ rule: "text/spaces", severity: "info", fix: { value: "Chi bộ Thôn 1" } });
  });
  it("text/legacy-encoding: warning, fix is the Unicode text", () => {
    const [f] = findingsFor({ code: "text/legacy-encoding", field: "name", col: 1, value: "Hoµng V¨n Nam", fix: "Hoàng Văn Nam", detail: { vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" } }, "cadres");
    expect(f).toMatchObject({ rule: "text/legacy-encoding", severity: "warning", fix: { value: "Hoàng Văn Nam" } });
    expect(f.message.vi).toBe('Họ và tên "Hoµng V¨n Nam" được gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), đọc là "Hoàng Văn Nam".');
    expect(f.message.en).toBe('Full name "Hoµng V¨n Nam" is in the legacy TCVN3 (ABC, .VnTime fonts) encoding, read as "Hoàng Văn Nam".');
  });
  it("text/unicode-form: info, fix is NFC", () => {
    const nfd = "Nguyễn".normalize("NFD");
    const [f] = findingsFor({ code: "text/unicode-form", field: "name", col: 1, value: nfd }, "cadres");
    expect(f).toMatchObject({ rule: "text/unicode-form", severity: "info", fix: { value: "Nguyễn" } });
  });
  it("records without problems give nothing", () => {
    const out: Finding[] = [];
    checkCellProblems(dataset({ meetings: [meeting()], cadres: [cadre()], cells: [cell()] }), out);
    expect(out).toEqual([]);
  });
});
