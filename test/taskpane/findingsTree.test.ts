import type { Finding, RuleId, Severity } from "../../src/core/model";
import {
  EMPTY_STATE, PAGE, groupFindings, isCut, keyAction, setOpen, showMore, toggle, visibleRows, type Row, type TreeState,
} from "../../src/taskpane/findingsTree";

function finding(rule: RuleId, severity: Severity, row: number, sheet = "Cán bộ", extra: Partial<Finding> = {}): Finding {
  return { rule, severity, sheet, address: `C${row}`, row, column: "C", value: "", message: { vi: `m${row}`, en: `m${row}` }, fix: null, ...extra };
}

const msg = (f: Finding) => f.message.vi;
const kinds = (rows: Row[]) => rows.map((r) => (r.kind === "item" ? `${r.finding.severity}:${r.finding.row}` : r.key));

describe("groupFindings: errors first, then warnings, then notes", () => {
  // The case of the issue: one unreadable date among 80 dates typed as text.
  const findings = [
    ...Array.from({ length: 80 }, (_, i) => finding("type/date", "info", 10 + i)),
    finding("type/date", "error", 50),
    finding("meeting/duration", "warning", 3, "Sinh hoạt"),
    finding("text/spaces", "info", 6),
    finding("enum", "error", 7),
    finding("enum", "error", 8),
  ];
  const sections = groupFindings(findings);

  it("puts severities in order, each group holding one severity only", () => {
    expect(sections.map((s) => [s.severity, s.count])).toEqual([["error", 3], ["warning", 1], ["info", 81]]);
    for (const s of sections) for (const g of s.groups) expect(g.items.every((f) => f.severity === s.severity)).toBe(true);
  });

  it("lists a rule with errors and notes twice: its errors under Lỗi, its notes under Thông tin", () => {
    const errors = sections[0].groups.map((g) => [g.rule, g.items.length]);
    expect(errors).toEqual([["enum", 2], ["type/date", 1]]);
    expect(sections[2].groups.map((g) => [g.rule, g.items.length])).toEqual([["type/date", 80], ["text/spaces", 1]]);
  });

  it("orders sheets the Vietnamese way, numbers as numbers, and rows in order inside a sheet", () => {
    const g = groupFindings([
      finding("enum", "error", 9, "Phường Số 10"), finding("enum", "error", 2, "Phường Số 2"),
      finding("enum", "error", 1, "Phường Số 10"), finding("enum", "error", 5, "Đông"), finding("enum", "error", 4, "Dương"),
    ])[0].groups[0];
    expect(g.items.map((f) => `${f.sheet}!${f.row}`)).toEqual(["Dương!4", "Đông!5", "Phường Số 2!2", "Phường Số 10!1", "Phường Số 10!9"]);
  });

  it("is fast and linear on a province: 70,000 notes in two sheets", () => {
    const many = Array.from({ length: 70_000 }, (_, i) => finding(i % 3 ? "type/date" : "meeting/quality", "info", i + 2, i < 35_000 ? "Cán bộ" : "Sinh hoạt"));
    const t0 = process.cpuUsage();
    const s = groupFindings(many);
    const cpuMs = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    expect(s[0].count).toBe(70_000);
    // Not a timing assertion: logged so a slowdown shows in the output.
    console.log(`groupFindings, 70,000 findings: ${cpuMs.toFixed(0)} ms CPU`);
  });
});

describe("visibleRows: what is drawn", () => {
  const findings = [
    ...Array.from({ length: 120 }, (_, i) => finding("type/date", "info", 10 + i)),
    finding("type/date", "error", 5),
    ...Array.from({ length: 60 }, (_, i) => finding("enum", "error", 200 + i)),
    finding("meeting/duration", "warning", 3),
  ];
  const sections = groupFindings(findings);

  it("opens errors and warnings, and keeps the notes closed with their count", () => {
    const rows = visibleRows(sections, EMPTY_STATE, msg);
    const info = rows.find((r) => r.kind === "section" && r.section.severity === "info");
    expect(info).toMatchObject({ open: false, section: { count: 120 } });
    expect(rows.some((r) => r.kind === "item" && r.finding.severity === "info")).toBe(false);
    // A group draws a page at most, then offers the rest.
    const enumItems = rows.filter((r) => r.kind === "item" && r.finding.rule === "enum");
    expect(enumItems).toHaveLength(PAGE);
    expect(rows.find((r) => r.kind === "more")).toMatchObject({ groupKey: "error:enum", next: PAGE, left: 10 });
  });

  it("draws the errors of a rule above everything else of it", () => {
    const rows = visibleRows(sections, EMPTY_STATE, msg);
    const first = rows.findIndex((r) => r.kind === "item");
    expect(rows[first]).toMatchObject({ kind: "item", finding: { severity: "error" } });
    const severities = rows.filter((r): r is Extract<Row, { kind: "item" }> => r.kind === "item").map((r) => r.finding.severity);
    expect(severities.lastIndexOf("error")).toBeLessThan(severities.indexOf("warning"));
  });

  it("opens the notes on request, a page of their biggest group at a time", () => {
    let state: TreeState = EMPTY_STATE;
    const info = visibleRows(sections, state, msg).find((r) => r.kind === "section" && r.key === "info")!;
    state = toggle(state, info);
    let rows = visibleRows(sections, state, msg);
    expect(rows.filter((r) => r.kind === "group" && r.group.severity === "info").map((r) => r.key)).toEqual(["info:type/date"]);
    expect(rows.filter((r) => r.kind === "item" && r.finding.severity === "info")).toHaveLength(PAGE);
    const group = rows.find((r) => r.key === "info:type/date")!;
    state = setOpen(state, group, false);
    expect(visibleRows(sections, state, msg).filter((r) => r.kind === "item" && r.finding.severity === "info")).toHaveLength(0);
    state = setOpen(state, { ...(group as Extract<Row, { kind: "group" }>), open: false }, true);
    rows = visibleRows(sections, state, msg);
    expect(rows.filter((r) => r.kind === "item" && r.finding.severity === "info")).toHaveLength(PAGE);
    const more = rows.find((r): r is Extract<Row, { kind: "more" }> => r.kind === "more" && r.groupKey === "info:type/date")!;
    state = showMore(state, more);
    expect(visibleRows(sections, state, msg).filter((r) => r.kind === "item" && r.finding.severity === "info")).toHaveLength(2 * PAGE);
  });

  it("opens a lone section and its groups: the severity filter set to notes shows them", () => {
    const rows = visibleRows(groupFindings([finding("text/spaces", "info", 4)]), EMPTY_STATE, msg);
    expect(kinds(rows)).toEqual(["info", "info:text/spaces", "info:4"]);
  });

  it("offers the whole text under a finding whose value or sentence is cut", () => {
    const long = finding("text/spaces", "error", 4, "Cán bộ", { value: "x".repeat(30_000) });
    expect(isCut(long, "short")).toBe(true);
    expect(isCut(finding("enum", "error", 5), "y".repeat(400))).toBe(true);
    expect(isCut(finding("enum", "error", 5), "short")).toBe(false);
    const rows = visibleRows(groupFindings([long]), EMPTY_STATE, msg);
    expect(rows.map((r) => r.kind)).toEqual(["section", "group", "item", "whole"]);
    expect(rows[3]).toMatchObject({ open: false, level: 4 });
  });
});

describe("keyAction: the keyboard walk", () => {
  const sections = groupFindings([finding("enum", "error", 7), finding("enum", "error", 8), finding("text/spaces", "info", 9)]);
  const rows = visibleRows(sections, EMPTY_STATE, msg);
  // error, error:enum, item 7, item 8, info (closed)
  it("walks down and up, to the ends with Home and End", () => {
    expect(kinds(rows)).toEqual(["error", "error:enum", "error:7", "error:8", "info"]);
    expect(keyAction(rows, 0, "ArrowDown")).toEqual({ type: "focus", index: 1 });
    expect(keyAction(rows, 4, "ArrowDown")).toEqual({ type: "none" });
    expect(keyAction(rows, 2, "ArrowUp")).toEqual({ type: "focus", index: 1 });
    expect(keyAction(rows, 3, "Home")).toEqual({ type: "focus", index: 0 });
    expect(keyAction(rows, 0, "End")).toEqual({ type: "focus", index: 4 });
  });

  it("opens and closes with Right and Left, and Left from a finding goes to its group", () => {
    expect(keyAction(rows, 4, "ArrowRight")).toEqual({ type: "toggle", open: true });
    expect(keyAction(rows, 1, "ArrowRight")).toEqual({ type: "focus", index: 2 });
    expect(keyAction(rows, 1, "ArrowLeft")).toEqual({ type: "toggle", open: false });
    expect(keyAction(rows, 3, "ArrowLeft")).toEqual({ type: "focus", index: 1 });
  });

  it("selects a finding's cell with Enter or Space, and folds a header", () => {
    expect(keyAction(rows, 2, "Enter")).toEqual({ type: "select" });
    expect(keyAction(rows, 2, " ")).toEqual({ type: "select" });
    expect(keyAction(rows, 0, "Enter")).toEqual({ type: "toggle" });
    expect(keyAction(rows, 0, "x")).toEqual({ type: "none" });
  });
});
