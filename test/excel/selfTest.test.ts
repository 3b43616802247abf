/**
 * "Tự kiểm tra trong Excel" on the simulated Excel and through the real
 * office.js client: every check runs, the scratch sheet and test setting are
 * gone afterwards, the user's workbook is as it was, and the report is text
 * the user can copy.
 */
import { createSimulatedExcel } from "../../src/sim";
import { OfficeJsClient } from "./officeClient";
import { createExcelOperations } from "../../src/excel";
import { API_VERSIONS, setup, smallWorkbook } from "./helpers";

jest.setTimeout(120_000);

describe.each(API_VERSIONS)("self-test, ExcelApi %s", (apiVersion) => {
  it("runs every check it can, leaves the workbook as it was, and reports as text", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    const before = sim.snapshot();
    const report = await ops.runSelfTest();
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
    expect(report.checks.filter((c) => c.outcome === "error" || c.outcome === "differs")).toEqual([]);
    expect(report.apiVersions).toContain(apiVersion);
    expect(report.text.split("\n").length).toBe(report.checks.length + 2);
    expect(sim.snapshot()).toEqual(before);
    expect(sim.settings()).toEqual({});
  });
});

it("through the real client: the 6 MB request is refused as Excel on the web refuses it, and reported", async () => {
  const client = new OfficeJsClient();
  const host = client.hostFor(createSimulatedExcel(smallWorkbook(), { apiVersion: "1.17" }));
  const report = await createExcelOperations(host).runSelfTest();
  const big = report.checks.find((c) => c.id === "request-6mb")!;
  expect(big.detail).toMatch(/^RequestPayloadSizeLimitExceeded/);
  expect(report.checks.find((c) => c.id === "request-4mb")!.detail).toBe("accepted");
  expect(report.checks.filter((c) => c.outcome === "error" || c.outcome === "differs")).toEqual([]);
});
