import { describeError, CancelledError } from "../../src/app/errors";
import { fixRequests, runCheck, fillForm } from "../../src/app/flow";
import { shownValue } from "../../src/taskpane/display";
import { themeFromBackground } from "../../src/taskpane/officeTheme";
import { defaultPeriod } from "../../src/taskpane/App";
import { day, defaultSettings, type Finding } from "../../src/core/model";
import { allFindings, fakeCore, fakeEngine, fakeOps, tinyWorkbook } from "./fakes";

const TODAY = day(2026, 11, 20);

function finding(address: string, value: string, fix: string | null): Finding {
  return {
    rule: "enum", severity: "error", sheet: "Cán bộ", address, row: 2, column: "B", value,
    message: { vi: "m", en: "m" }, fix: fix === null ? null : { value: fix, description: { vi: "d", en: "d" } },
  };
}

describe("fixRequests", () => {
  test("keeps only fixable findings, one fix per cell, with the value the check saw", () => {
    const reqs = fixRequests([finding("B2", "ĐH", "Đại học"), finding("B2", "ĐH", "Other"), finding("B3", "x", null)]);
    expect(reqs).toEqual([{ sheet: "Cán bộ", address: "B2", expected: "ĐH", value: "Đại học" }]);
  });
});

describe("describeError", () => {
  test("uses the host's own sentence in the chosen language", () => {
    expect(describeError({ userText: { vi: "Hãy đóng hộp thoại.", en: "Close the dialog." } }, "en")).toBe("Close the dialog.");
    expect(describeError({ userText: { vi: "Hãy đóng hộp thoại.", en: "Close the dialog." } }, "vi")).toBe("Hãy đóng hộp thoại.");
  });
  test("maps Excel error codes and never echoes the raw message", () => {
    const text = describeError(Object.assign(new Error("at foo.js:12"), { code: "ItemNotFound" }), "vi");
    expect(text).toMatch(/^Không tìm thấy trang tính/);
    expect(describeError(new Error("TypeError: x is undefined"), "vi")).not.toContain("undefined");
  });
  test("a cancel is a note", () => {
    expect(describeError(new CancelledError(), "vi")).toBe("Đã hủy theo yêu cầu.");
  });
});

describe("flow", () => {
  test("runCheck reports progress up to 1 and returns tables and findings", async () => {
    const { ops } = fakeOps(tinyWorkbook());
    const fractions: number[] = [];
    const engine = fakeEngine();
    const r = await runCheck({ ops, engine }, { period: defaultPeriod(new Date(2026, 10, 20)), settings: defaultSettings(TODAY), mappings: [] },
      (p) => fractions.push(p.fraction));
    expect(r.tables).toHaveLength(1);
    expect((await allFindings(engine, r)).map((f) => f.rule)).toEqual(["enum", "text/spaces"]);
    expect(r.view.counts).toEqual({ error: 1, warning: 0, info: 1 });
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
  test("runCheck stops when cancelled", async () => {
    const { ops } = fakeOps(tinyWorkbook());
    const c = new AbortController();
    c.abort();
    await expect(runCheck({ ops, engine: fakeEngine() }, { period: { kind: "year", year: 2026 }, settings: defaultSettings(TODAY), mappings: [] }, undefined, c.signal))
      .rejects.toBeInstanceOf(CancelledError);
  });
  test("fillForm counts the cells it writes and labels what did not match", async () => {
    const { ops } = fakeOps(tinyWorkbook());
    const engine = fakeEngine();
    const out = await fillForm({ ops, engine }, "Biểu mẫu", fakeCore().summarize({} as never, { kind: "year", year: 2026 }, defaultSettings(TODAY)));
    expect(out.cellCount).toBe(1);
    expect(out.unmatchedRows).toEqual(["Xã Không Có (dòng 3)"]);
    const en = await fillForm({ ops, engine }, "Biểu mẫu", fakeCore().summarize({} as never, { kind: "year", year: 2026 }, defaultSettings(TODAY)), "en");
    expect(en.unmatchedRows).toEqual(["Xã Không Có (row 3)"]);
  });
});

describe("pane defaults", () => {
  test("a value in a preview: a date as the day it means, text quoted and visible, a blank as ∅", () => {
    expect(shownValue(31744, "28/11/1986", "vi")).toBe("28/11/1986");
    expect(shownValue(31744, undefined, "vi")).toBe("31744");
    expect(shownValue("\u200F1966", undefined, "vi")).toBe("“⟨RLM⟩1966”");
    expect(shownValue("", undefined, "en")).toBe("∅");
    expect(shownValue("x".repeat(30_000), undefined, "en").length).toBeLessThan(170);
  });
  test("the default period is the quarter that ended last", () => {
    expect(defaultPeriod(new Date(2026, 1, 10))).toEqual({ kind: "quarter", year: 2025, quarter: 4 });
    expect(defaultPeriod(new Date(2026, 7, 1))).toEqual({ kind: "quarter", year: 2026, quarter: 2 });
  });
  test("a dark Office background means the dark theme", () => {
    expect(themeFromBackground("#1f1f1f")).toBe("dark");
    expect(themeFromBackground("#FFFFFF")).toBe("light");
    expect(themeFromBackground(undefined)).toBe("light");
  });
});
