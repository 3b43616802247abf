import { sheetUnreadable } from "./sheetUnreadable";
import { dataset } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { understand } from "../understand";

describe("sheet/unreadable", () => {
  it("gives an error for each sheet the reader could not read, with its sentence, from the workbook's problems", () => {
    const { dataset: ds } = understand({
      sheets: [],
      problems: [
        { sheet: "Sinh hoạt", code: "missing-part", lost: true, detail: { vi: "Tệp thiếu phần của trang này; hãy mở và lưu lại tệp bằng Excel.", en: "The file lacks this sheet's part; open and save it again in Excel." } },
        { sheet: "Cán bộ", code: "truncated", lost: false, detail: { vi: "Trang bị cắt ở dòng 5.000", en: "The sheet is cut at row 5,000" } },
      ],
    });
    const findings = runTableRule(sheetUnreadable, ds);
    expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.address])).toEqual([
      ["sheet/unreadable", "error", "Sinh hoạt", "A1"], ["sheet/unreadable", "error", "Cán bộ", "A1"],
    ]);
    expect(findings[0].message.vi).toBe('Không đọc được (đầy đủ) trang "Sinh hoạt": Tệp thiếu phần của trang này; hãy mở và lưu lại tệp bằng Excel.');
    expect(findings[1].message.en).toBe('Sheet "Cán bộ" could not be read (in full): The sheet is cut at row 5,000.');
  });
  it("is silent when every sheet was read", () => {
    expect(runTableRule(sheetUnreadable, dataset())).toEqual([]);
  });
});
