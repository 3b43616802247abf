import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset, countBySeverity } from "../../src/core/rules";
import { Finding, Period, day, defaultSettings } from "../../src/core/model";

/**
 * The end-to-end proof of issue 3: a generated commune workbook with planted
 * defects goes through understand and check, and every planted defect comes
 * out at its row with its rule id; the same workbook without defects gives no
 * error and no warning. Samples are for a finished year (2025), checked "today" in 2026.
 */
const today = day(2026, 11, 23);
const year2025: Period = { kind: "year", year: 2025 };

function check(defects: boolean, seed: number): { findings: Finding[]; planted: ReturnType<typeof generateSample>["defects"] } {
  const sample = generateSample({ size: "commune", seed, defects });
  const { tables, dataset } = understand(sample.workbook);
  return { findings: checkDataset(dataset, tables, defaultSettings(today), year2025), planted: sample.defects };
}

describe.each([1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 2026])("commune sample, seed %i", (seed) => {
  it("finds every planted defect at its row with its rule id", () => {
    const { findings, planted } = check(true, seed);
    expect(planted.length).toBeGreaterThan(20);
    const found = new Set(findings.map((f) => `${f.sheet}!${f.row}|${f.rule}`));
    const missed = planted.filter((d) => !found.has(`${d.sheet}!${d.row}|${d.rule}`));
    const report = missed.map((d) => {
      const near = findings.filter((f) => f.sheet === d.sheet && f.row === d.row).map((f) => f.rule);
      return `${d.rule} at ${d.sheet}!${d.address} (${d.note}); found there: [${near.join(", ")}]`;
    });
    expect(report).toEqual([]);
  });

  it("gives no error and no warning on the clean sample", () => {
    const { findings } = check(false, seed);
    const serious = findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.address}: ${f.message.vi}`);
    expect(serious).toEqual([]);
    expect(countBySeverity(findings).error).toBe(0);
  });
});
