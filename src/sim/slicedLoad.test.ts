import type { CellValue, WorkbookData } from "../core/model";
import { createSimulatedExcel } from "./host";
import { SimLoader, simFromWorkbookData } from "./slicedLoad";

const book = (): WorkbookData => ({
  sheets: [
    {
      name: "Sinh hoạt", originRow: 2, originCol: 3, merges: ["C2:E2"],
      values: [["SINH HOẠT CHI BỘ", "", ""], ["Chi bộ", "Ngày", "Số người"], ["Chi bộ Thôn 1", 45672, 12], ["Chi bộ Thôn 2", 45700, "=A1"]],
      formulas: [[false, false, false], [false, false, false], [false, false, false], [false, false, true]],
      formatRuns: [{ col: 4, row: 4, count: 2, format: "dd/mm/yyyy" }],
    },
    { name: "Ẩn", originRow: 1, originCol: 1, values: [["x"]], visibility: "hidden" },
  ],
});

describe("SimLoader", () => {
  it("loads in slices what createSimulatedExcel loads at once, with number formats on top", () => {
    const data = book();
    const loader = new SimLoader();
    const i = loader.addSheet(data.sheets[0]);
    loader.addRows(i, 0, data.sheets[0].values.slice(0, 2));
    loader.addRows(i, 2, data.sheets[0].values.slice(2), data.sheets[0].formulas!.slice(2));
    expect(loader.addFormats(i, data.sheets[0].formatRuns!, 0, 1)).toBe(1);
    const j = loader.addSheet(data.sheets[1]);
    loader.addRows(j, 0, data.sheets[1].values);
    const sim = loader.host();
    expect(sim.snapshot()).toEqual(createSimulatedExcel(book()).snapshot());
    expect(sim.getText("Sinh hoạt", 4, 4)).toBe("15/01/2025");
    expect(sim.getText("Sinh hoạt", 5, 4)).toBe("12/02/2025");
    expect(sim.getFormula("Sinh hoạt", 5, 5)).toBe('="=A1"');
    expect(sim.sheetInfo("Sinh hoạt").merges).toEqual(["C2:E2"]);
    expect(sim.sheetInfo("Ẩn").visibility).toBe("Hidden");
  });

  it("keeps sparse values sparse: a missing row reads blank, one far cell costs one row", () => {
    const values: CellValue[][] = [];
    values[0] = ["Họ và tên"];
    const far: CellValue[] = [];
    far[16383] = "x";
    values[1048575] = far;
    const sim = simFromWorkbookData({ sheets: [{ name: "S", originRow: 1, originCol: 1, values }] });
    expect(sim.getValue("S", 1, 1)).toBe("Họ và tên");
    expect(sim.getValue("S", 500, 1)).toBe("");
    expect(sim.getValue("S", 1048576, 16384)).toBe("x");
    expect(Object.keys(sim.model.sheets[0].values)).toEqual(["0", "1048575"]);
  });

  it("copies the caller's rows in one-go loading, so edits in the simulator never reach them", async () => {
    const data = book();
    const sim = simFromWorkbookData(data);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Ẩn").getRange("A1").values = [["y"]];
      await context.sync();
    });
    expect(data.sheets[1].values[0][0]).toBe("x");
  });
});
