import { detectTables, matchHeader } from ".";
import { isMetricLabel, namesAnotherThing } from "./headerWords";
import { TableKind } from "../model/fields";
import { CellValue, SheetData } from "../model/values";

function fieldsOf(text: string, kind: TableKind): string[] {
  return matchHeader(text)[kind].map((h) => h.field).sort();
}

function sheet(values: CellValue[][], merges?: string[]): SheetData {
  return { name: "S", originRow: 1, originCol: 1, values, merges };
}

describe("matchHeader: a header about a role, an amount or a condition of a thing is not that thing", () => {
  it.each([
    "Bí thư chi bộ",
    "Phó Bí thư chi bộ",
    "Chi ủy viên chi bộ",
    "Số chi bộ",
    "Tổng số chi bộ",
    "Số lượng chi bộ",
    "Tỷ lệ chi bộ sinh hoạt đúng định kỳ (%)",
    "Chi bộ đạt trong sạch vững mạnh",
    "Chi bộ không sinh hoạt",
    "Chi bộ sinh hoạt đủ hằng tháng / Số lượng",
  ])("%s is not the cell field of any kind", (text) => {
    for (const kind of ["cells", "cadres", "meetings"] as const) expect(fieldsOf(text, kind)).not.toContain("cell");
  });

  it("still reads longer headers that hold the thing itself", () => {
    expect(fieldsOf("Tên chi bộ trực thuộc", "cells")).toContain("cell");
    expect(fieldsOf("Họ và tên đảng viên", "cadres")).toContain("name");
    // A role after the name says whose name it is.
    expect(fieldsOf("Họ và tên bí thư", "cadres")).toContain("name");
    expect(fieldsOf("Ngày sinh hoạt chi bộ", "meetings")).toContain("date");
  });

  it("keeps amount fields whose own synonyms are amounts", () => {
    expect(fieldsOf("Số đảng viên", "cells")).toEqual(["members"]);
    expect(fieldsOf("Tổng số đảng viên của chi bộ", "meetings")).toContain("total");
    expect(fieldsOf("Tổng số", "meetings")).toEqual(["total"]);
  });

  it("'Số đảng viên' is not a name, 'Số buổi sinh hoạt' and 'Tổng số ngày sinh hoạt' are not a date", () => {
    expect(fieldsOf("Số đảng viên", "cadres")).not.toContain("name");
    expect(fieldsOf("Số buổi sinh hoạt", "meetings")).not.toContain("date");
    expect(fieldsOf("Tổng số ngày sinh hoạt", "meetings")).not.toContain("date");
    expect(fieldsOf("Số đảng bộ xã", "cells")).not.toContain("commune");
    expect(fieldsOf("Dân tộc thiểu số", "cadres")).not.toContain("ethnicity");
  });

  it("a label of amount words alone shortens no field ('Tổng số' is not 'Tổng số ĐV' of a cells list)", () => {
    expect(fieldsOf("Tổng số", "cells")).toEqual([]);
    expect(fieldsOf("Số lượng", "cells")).toEqual([]);
    expect(fieldsOf("Tỷ lệ %", "meetings")).toEqual([]);
  });
});

describe("namesAnotherThing", () => {
  it("reads amount words on either side, roles only before, conditions only right after", () => {
    expect(namesAnotherThing(["so"], [])).toBe(true);
    expect(namesAnotherThing([], ["ty", "le"])).toBe(true);
    expect(namesAnotherThing(["bi", "thu"], [])).toBe(true);
    expect(namesAnotherThing([], ["bi", "thu"])).toBe(false);
    expect(namesAnotherThing([], ["dat", "tsvm"])).toBe(true);
    expect(namesAnotherThing([], ["truc", "thuoc"])).toBe(false);
    expect(namesAnotherThing(["ten"], [])).toBe(false);
  });
});

describe("isMetricLabel", () => {
  it.each(["Số lượng", "Tỷ lệ %", "Tổng số", "Nữ", "Dưới 40 tuổi", "18–30 tuổi", "Đại học trở lên", "Dân tộc thiểu số", "Đại học", "Tốt", "Chuyên đề"])(
    "%s is a figure",
    (label) => expect(isMetricLabel(label)).toBe(true),
  );
  it.each(["Họ và tên", "Đơn vị", "Ghi chú", "Bí thư chi bộ", "Cấp trên dự", "Tên chi bộ", ""])("%s is not a figure", (label) =>
    expect(isMetricLabel(label)).toBe(false),
  );
});

describe("detectTables: forms and key columns", () => {
  it("a communes list is still found when it is just a list with an unknown column", () => {
    const found = detectTables(sheet([["STT", "Đơn vị", "Ghi chú"], [1, "Xã Yên Lạc", ""], [2, "Xã Kim Sơn", "mới"]]));
    expect(found.map((t) => t.kind)).toEqual(["communes"]);
  });

  it("a communes report with metric columns (Số lượng | Tỷ lệ %) is not a communes list", () => {
    const found = detectTables(
      sheet(
        [
          ["STT", "Đơn vị", "Bí thư nữ", "", "Bí thư dưới 40 tuổi", ""],
          ["", "", "Số lượng", "Tỷ lệ %", "Số lượng", "Tỷ lệ %"],
          [1, "Xã Yên Lạc", 3, 30, 2, 20],
          [2, "Xã Kim Sơn", 1, 10, 4, 40],
        ],
        ["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
      ),
    );
    expect(found).toEqual([]);
  });

  it("a meetings header whose date column is blank on every row is no table; one dated row makes it one", () => {
    const rows = (date: CellValue): CellValue[][] => [
      ["STT", "Chi bộ", "Ngày sinh hoạt", "Loại sinh hoạt", "Có mặt"],
      [1, "Chi bộ thôn Đông", "", "Thường kỳ", 20],
      [2, "Chi bộ thôn Tây", date, "Thường kỳ", 18],
    ];
    expect(detectTables(sheet(rows("")))).toEqual([]);
    const found = detectTables(sheet(rows("05/01/2026")));
    expect(found.map((t) => [t.kind, t.dataRows])).toEqual([["meetings", [2, 3]]]);
  });

  it("a cadres list with Nam/Nữ birth-year columns and Đại học | Trung cấp tick columns is still a list", () => {
    const found = detectTables(
      sheet(
        [
          ["STT", "Họ và tên", "Năm sinh", "", "Chức vụ", "Chi bộ", "Đại học", "Trung cấp"],
          ["", "", "Nam", "Nữ", "", "", "", ""],
          [1, "Nguyễn Văn An", 1975, "", "Bí thư chi bộ", "Chi bộ thôn Đông", "x", ""],
          [2, "Trần Thị Bình", "", 1980, "Bí thư chi bộ", "Chi bộ thôn Tây", "", "x"],
        ],
        ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2", "H1:H2"],
      ),
    );
    expect(found.map((t) => [t.kind, t.columns.name?.col, t.dataRows])).toEqual([["cadres", 2, [3, 4]]]);
  });
});
