/**
 * What real Excel does that a kind simulator would not: oversized requests
 * refused (as RequestPayloadSizeLimitExceeded or a bare GeneralException),
 * settings that must stay small, white fills that read like no fill, date
 * serials that show as numbers without a date format, a workbook whose
 * structure is protected, a user editing while a long run goes on, and one
 * stray value at the far corner of a sheet.
 */
import type { CellValue, Finding, WorkbookData } from "../../src/core/model";
import { createSimulatedExcel } from "../../src/sim";
import { OfficeJsClient } from "./officeClient";
import { createExcelOperations, HostError, HIGHLIGHT_FILL } from "../../src/excel";
import { toHostError } from "../../src/excel/errors";
import { planFindingsSheet } from "../../src/core/plan";
import { STATE_INDEX_KEY, STATE_SHEET_NAME } from "../../src/excel/stateStore";
import { API_VERSIONS, hostOf, setup } from "./helpers";

jest.setTimeout(120_000);

function dates(): WorkbookData {
  return {
    sheets: [{
      name: "Cán bộ",
      originRow: 1,
      originCol: 1,
      values: [
        ["Họ và tên", "Ngày sinh", "Ngày vào Đảng"],
        ["Nguyễn Văn An", "02/01/1987", "03/02/2010"],
        ["Trần Thị Bình", "15/06/1990", 40000],
      ],
      formatRuns: [{ col: 3, row: 2, count: 2, format: "d/m/yyyy" }],
    }],
  };
}

const finding = (sheet: string, address: string, value: CellValue | null, severity: Finding["severity"] = "error"): Finding => {
  const column = address.replace(/\d+/g, "");
  return { rule: "required", severity, sheet, address, row: Number(address.slice(column.length)), column, value, message: { vi: "", en: "" }, fix: null };
};

describe.each(API_VERSIONS)("date fixes stay dates, ExcelApi %s", (apiVersion) => {
  it("writes the serial with dd/mm/yyyy into a General cell, keeps a cell's own date format, and undo puts text and format back", async () => {
    const { sim, ops } = setup(dates(), apiVersion);
    const before = sim.snapshot();
    const report = await ops.applyFixes([
      { sheet: "Cán bộ", address: "B2", expected: "02/01/1987", value: 31779, kind: "date" },
      { sheet: "Cán bộ", address: "C2", expected: "03/02/2010", value: 40212, kind: "date" },
    ]);
    expect(report.applied).toHaveLength(2);
    expect(sim.getValue("Cán bộ", 2, 2)).toBe(31779);
    expect(sim.getText("Cán bộ", 2, 2)).toBe("02/01/1987");
    expect(sim.getFormat("Cán bộ", 2, 3).numberFormat).toBe("d/m/yyyy");
    expect(sim.getText("Cán bộ", 2, 3)).toBe("3/2/2010");
    await ops.undoFixes();
    expect(sim.snapshot()).toEqual(before);
    expect(sim.getFormat("Cán bộ", 2, 2).numberFormat ?? "General").toBe("General");
    expect(sim.getText("Cán bộ", 2, 2)).toBe("02/01/1987");
  });

  it("shifts a date fix by 1,462 days in a workbook that counts from 1904, and says so when it reads", async () => {
    const { sim, ops } = setup({ ...dates(), date1904: true }, apiVersion);
    expect((await ops.readWorkbook()).date1904).toBe(true);
    await ops.applyFixes([{ sheet: "Cán bộ", address: "B2", expected: "02/01/1987", value: 31779, kind: "date" }]);
    expect(sim.getValue("Cán bộ", 2, 2)).toBe(31779 - 1462);
  });
});

describe.each(["1.12", "1.17"])("white fills, ExcelApi %s (tintAndShade, 1.9)", (apiVersion) => {
  it("gives a white-filled cell back white and a cell with no fill back none", async () => {
    const { sim, ops } = setup(dates(), apiVersion);
    sim.model.sheets[0].updateStyle(1, 0, { fill: "#FFFFFF" });
    await ops.highlight([finding("Cán bộ", "A2", "Nguyễn Văn An"), finding("Cán bộ", "A3", "Trần Thị Bình")]);
    expect(sim.getFill("Cán bộ", 2, 1)).toBe(HIGHLIGHT_FILL.error);
    await ops.clearHighlights();
    expect(sim.getFill("Cán bộ", 2, 1)).toBe("#FFFFFF");
    expect(sim.getFill("Cán bộ", 3, 1)).toBeUndefined();
  });
});

it("before ExcelApi 1.9 white reads like no fill, and comes back as no fill (no tintAndShade to tell them apart)", async () => {
  const { sim, ops } = setup(dates(), "1.7");
  sim.model.sheets[0].updateStyle(1, 0, { fill: "#FFFFFF" });
  await ops.highlight([finding("Cán bộ", "A2", "Nguyễn Văn An")]);
  await ops.clearHighlights();
  expect(sim.getFill("Cán bộ", 2, 1)).toBeUndefined();
});

describe.each(API_VERSIONS)("a user editing during a run, ExcelApi %s", (apiVersion) => {
  it("does not colour a cell whose value changed since the check, and clearing keeps a colour the user gave since", async () => {
    const { sim, ops } = setup(dates(), apiVersion);
    const report = await ops.highlight([finding("Cán bộ", "A2", "Nguyễn Văn An"), finding("Cán bộ", "A3", "Trần Thị B")]);
    expect(report).toEqual({ cells: 1, skipped: 1 });
    expect(sim.getFill("Cán bộ", 3, 1)).toBeUndefined();
    sim.model.sheets[0].updateStyle(1, 0, { fill: "#00B050" });
    const cleared = await ops.clearHighlights();
    expect(cleared).toEqual({ cells: 0, skipped: 1 });
    expect(sim.getFill("Cán bộ", 2, 1)).toBe("#00B050");
  });
});

describe("large state lives in a very hidden sheet; settings stay small", () => {
  function wide(rows: number): WorkbookData {
    return { sheets: [{ name: "Sinh hoạt", originRow: 1, originCol: 1, values: [["Tên", "Ghi chú"], ...Array.from({ length: rows }, (_, i) => [`Chi bộ ${i}`, ` thừa khoảng trắng ${i} `])] }] };
  }

  it("20,000 fixes: the undo record goes to the very hidden sheet, which reads, lists and checks never see; undo works from a reopened pane", async () => {
    const { sim, ops, reopen } = setup(wide(20_000), "1.17");
    const before = sim.snapshot();
    const fixes = Array.from({ length: 20_000 }, (_, i) => ({ sheet: "Sinh hoạt", address: `B${i + 2}`, expected: ` thừa khoảng trắng ${i} `, value: `thừa khoảng trắng ${i}` }));
    const report = await ops.applyFixes(fixes);
    expect(report.applied).toHaveLength(20_000);
    expect(sim.sheetInfo(STATE_SHEET_NAME).visibility).toBe("VeryHidden");
    const settingsBytes = Buffer.byteLength(JSON.stringify(sim.settings()));
    expect(settingsBytes).toBeLessThan(100_000);
    expect((await ops.readWorkbook()).sheets.map((s) => s.name)).toEqual(["Sinh hoạt"]);
    expect(await ops.listSheets()).toEqual(["Sinh hoạt"]);
    expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(4_500_000);
    const undo = await reopen().undoFixes();
    expect(undo.applied).toHaveLength(20_000);
    expect(sim.snapshot().sheets.filter((s) => s.name !== STATE_SHEET_NAME)).toEqual(before.sheets);
    expect(await ops.canUndoFixes()).toBe(false);
  });

  it("a workbook whose structure is protected: a small state stays in settings, a large one is refused before any cell changes", async () => {
    const sim = createSimulatedExcel(wide(20_000), { apiVersion: "1.17", protectedStructure: true });
    const ops = createExcelOperations(hostOf(sim));
    const few = await ops.applyFixes([{ sheet: "Sinh hoạt", address: "B2", expected: " thừa khoảng trắng 0 ", value: "thừa khoảng trắng 0" }]);
    expect(few.applied).toHaveLength(1);
    expect(sim.settings()[STATE_INDEX_KEY]).toBeTruthy();
    const before = sim.snapshot();
    const fixes = Array.from({ length: 19_000 }, (_, i) => ({ sheet: "Sinh hoạt", address: `B${i + 3}`, expected: ` thừa khoảng trắng ${i + 1} `, value: `thừa khoảng trắng ${i + 1}` }));
    const err = await ops.applyFixes(fixes).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("stateStore");
    expect(err.userText.vi).toMatch(/chưa ô nào bị thay đổi/);
    expect(sim.snapshot()).toEqual(before);
    const plan = await ops.applyPlan(planFindingsSheet([finding("Sinh hoạt", "B2", "x")], "vi")).catch((e) => e);
    expect(plan.code).toBe("structureProtected");
    expect(plan.userText.vi).toMatch(/Bảo vệ Sổ làm việc/);
  });
});

describe("oversized requests are retried smaller, in fresh requests", () => {
  const big = (): Finding[] => Array.from({ length: 12_000 }, (_, i) => ({ ...finding("Sinh hoạt", `B${i + 2}`, `Ghi chú khá dài để mỗi dòng nặng hơn ${i}`), message: { vi: "Có khoảng trắng thừa ở đầu hoặc cuối ô", en: "Extra spaces at the start or end" } }));

  it.each(["RequestPayloadSizeLimitExceeded", "GeneralException"] as const)("a host that refuses 1.2 MB as %s still gets the whole findings sheet", async (oversizeAs) => {
    const client = new OfficeJsClient();
    const sim = createSimulatedExcel({ sheets: [{ name: "Sinh hoạt", originRow: 1, originCol: 1, values: [["a"]] }] }, { apiVersion: "1.17" });
    const host = client.hostFor(sim, { oversizeAs, requestLimit: 1_200_000 });
    const ops = createExcelOperations(host);
    const findings = big();
    const report = await ops.applyPlan(planFindingsSheet(findings, "vi"));
    await host.settle();
    const refused = host.requests.filter((r) => r.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error === oversizeAs)).toBe(true);
    expect(sim.sheetData(report.sheets[0].actual).values.length).toBeGreaterThan(findings.length);
  });

  it("a host that answers a large read with GeneralException still gets the whole sheet read, in smaller answers", async () => {
    const values: CellValue[][] = Array.from({ length: 30_000 }, (_, i) => [`Nguyễn Văn ${i}`, `Chi bộ thôn ${i % 40}`, `Ghi chú khá dài số ${i}`, i]);
    const client = new OfficeJsClient();
    const host = client.hostFor(createSimulatedExcel({ sheets: [{ name: "Cán bộ", originRow: 1, originCol: 1, values }] }, { apiVersion: "1.17" }), { oversizeAs: "GeneralException", responseLimit: 1_200_000 });
    const read = await createExcelOperations(host).readWorkbook();
    await host.settle();
    expect(read.sheets[0].values).toEqual(values);
    expect(host.requests.some((r) => r.error === "GeneralException")).toBe(true);
  });

  it("a single unit still too large is reported plainly", () => {
    const e = toHostError({ code: "RequestPayloadSizeLimitExceeded", message: "too big" });
    expect(e.code).toBe("payloadTooLarge");
  });
});

describe("plain messages for what Excel answers", () => {
  it.each([
    ["WriteNotSupportedWhenModalDialogOpen", "dialogOpen", /hộp thoại/],
    ["InvalidOrTimedOutSession", "sessionExpired", /hết hạn/],
    ["Timeout", "timeout", /không trả lời kịp/],
    ["ConnectionFailure", "connection", /kết nối/],
    ["AccessDenied", "protected", /bảo vệ/],
  ])("%s", (code, ours, vi) => {
    const e = toHostError({ code, message: "…" });
    expect(e.code).toBe(ours);
    expect(e.userText.vi).toMatch(vi);
    expect(e.userText.vi).toMatch(/Hãy/);
    expect(e.userText.en.length).toBeGreaterThan(20);
  });
});

describe("one stray value far from the table", () => {
  it("reads the table, not 17 billion cells, and names what it cut in problems", async () => {
    const values: CellValue[][] = [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", 31779], ["Trần Thị Bình", 32000]];
    const { sim, ops } = setup({ sheets: [{ name: "Cán bộ", originRow: 1, originCol: 1, values }] }, "1.17");
    sim.model.sheets[0].setContent(1_048_575, 16_383, { value: "x" });
    sim.counters.reset();
    const read = await ops.readWorkbook();
    expect(read.sheets[0].values.slice(0, 3)).toEqual(values);
    expect(read.problems).toEqual([expect.objectContaining({ sheet: "Cán bộ", code: "truncated", lost: false, detail: expect.objectContaining({ vi: expect.stringMatching(/Ctrl\+End/) }) })]);
    expect(sim.counters.syncs).toBeLessThanOrEqual(6);
  });

  it("a stray value in the last row of column A is read up to the cap and named", async () => {
    const { sim, ops } = setup({ sheets: [{ name: "Cán bộ", originRow: 1, originCol: 1, values: [["Họ và tên", "Ngày sinh"], ["An", 1]] }] }, "1.17");
    sim.model.sheets[0].setContent(1_048_575, 0, { value: "x" });
    const read = await ops.readWorkbook();
    expect(read.sheets[0].values[1]).toEqual(["An", 1]);
    expect(read.sheets[0].values.length).toBe(1_048_576);
    expect(read.problems ?? []).toEqual([]);
  });
});

it("suspends screen updating once per operation, not once per request", async () => {
  const { sim, ops } = setup({ sheets: [{ name: "Sinh hoạt", originRow: 1, originCol: 1, values: [["a"]] }] }, "1.17");
  sim.counters.reset();
  const report = await ops.applyPlan(planFindingsSheet(Array.from({ length: 30_000 }, (_, i) => finding("Sinh hoạt", `B${i + 2}`, `ghi chú ${i} `.repeat(8))), "vi"));
  expect(report.sheets).toHaveLength(1);
  expect(sim.counters.syncs).toBeGreaterThan(3);
  expect(sim.counters.screenSuspensions).toBe(1);
});
