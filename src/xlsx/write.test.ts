import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { WorkbookData } from "../core/model";
import { writeWorkbookFile } from "./write";

describe("writeWorkbookFile", () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-write-")); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("makes sheet names Excel would refuse legal and unique, through the shared rule", async () => {
    const data: WorkbookData = {
      sheets: [
        { name: "Danh sách cấp ủy viên cơ sở năm 2025 (bản cuối)", originRow: 1, originCol: 1, values: [["a"]] },
        { name: "Quý 3/2025", originRow: 1, originCol: 1, values: [["b"]] },
        { name: "danh sách cấp ủy viên cơ sở năm 2025", originRow: 1, originCol: 1, values: [["c"]] },
        { name: "History", originRow: 1, originCol: 1, values: [["d"]] },
      ],
    };
    const file = path.join(dir, "names.xlsx");
    await writeWorkbookFile(file, data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Danh sách cấp ủy viên cơ sở năm", "Quý 3-2025", "danh sách cấp ủy viên cơ sở (2)", "History (2)",
    ]);
    expect(wb.worksheets.map((w) => w.getCell("A1").value)).toEqual(["a", "b", "c", "d"]);
  });
});
