import { day, defaultSettings, type Dataset, type DetectedTable, type Finding, type SheetData, type WorkbookData, type WritePlan } from "../../src/core/model";
import { summarize, type LeftOut, type Summary } from "../../src/core/summary";
import { cadre, dataset } from "../factories/records";
import type { ApplyReport, FixReport, FixRequest, WorkbookOperations } from "../../src/excel/operations";
import type { CheckOutcome, Core, Engine, Handle } from "../../src/app/engine";
import { createLocalEngine } from "../../src/app/localEngine";

/** A workbook operations fake that records calls and keeps cell values, so fixes and undo can be observed. */
export function fakeOps(workbook: WorkbookData) {
  const calls: string[] = [];
  const settings = new Map<string, unknown>();
  let lastFixes: FixRequest[] = [];
  const cell = (sheet: string, address: string): { s: SheetData; r: number; c: number } => {
    const s = workbook.sheets.find((x) => x.name === sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const c = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { s, r: Number(m[2]) - s.originRow, c: c - s.originCol };
  };
  const ops: WorkbookOperations = {
    async readWorkbook(onProgress) {
      calls.push("readWorkbook");
      onProgress?.({ done: 1, total: 1, label: "x" });
      return JSON.parse(JSON.stringify(workbook));
    },
    async readSheet(name) {
      calls.push(`readSheet:${name}`);
      return workbook.sheets.find((s) => s.name === name)!;
    },
    async listSheets() {
      return workbook.sheets.map((s) => s.name);
    },
    async applyPlan(plan: WritePlan): Promise<ApplyReport> {
      calls.push(`applyPlan:${plan.ops.length}`);
      const sheets = plan.ops.flatMap((o) => (o.op === "sheet" ? [{ requested: o.sheet, actual: o.sheet }] : []));
      const charts = plan.ops.flatMap((o) => (o.op === "chart" ? [o.name] : []));
      return { sheets, charts, skippedCells: [] };
    },
    async highlight(findings: readonly unknown[]) {
      calls.push(`highlight:${findings.length}`);
      return { cells: findings.length, skipped: 0 };
    },
    async clearHighlights() {
      calls.push("clearHighlights");
      return { cells: 2, skipped: 0 };
    },
    async applyFixes(fixes): Promise<FixReport> {
      calls.push(`applyFixes:${fixes.length}`);
      // As the host does: a fix to a sheet the workbook no longer has is skipped with a reason, never a crash.
      const report: FixReport = { applied: [], skipped: [] };
      for (const f of fixes) {
        if (!workbook.sheets.some((x) => x.name === f.sheet)) {
          report.skipped.push({ ...f, reason: { vi: "Không còn trang này.", en: "The sheet is gone." } });
          continue;
        }
        const { s, r, c } = cell(f.sheet, f.address);
        s.values[r][c] = f.value;
        report.applied.push(f);
      }
      lastFixes = report.applied;
      return report;
    },
    async undoFixes(): Promise<FixReport> {
      calls.push("undoFixes");
      for (const f of lastFixes) {
        const { s, r, c } = cell(f.sheet, f.address);
        s.values[r][c] = f.expected;
      }
      const applied = lastFixes;
      lastFixes = [];
      return { applied, skipped: [] };
    },
    async canUndoFixes() {
      return lastFixes.length > 0;
    },
    async ownSheets() {
      return [];
    },
    async undoImport() {
      calls.push("undoImport");
      return { sheets: 0 };
    },
    async canUndoImport() {
      return false;
    },
    async select(sheet, address) {
      calls.push(`select:${sheet}!${address}`);
    },
    async loadSettings<T>(key: string) {
      return (settings.get(key) as T) ?? null;
    },
    async saveSettings(key, value) {
      calls.push(`saveSettings:${key}`);
      settings.set(key, value);
    },
    async runSelfTest() {
      calls.push("runSelfTest");
      const checks = [{ id: "white-fill", title: { vi: "Tô trắng", en: "White fill" }, outcome: "ok" as const, detail: "tintAndShade 0 / null" }];
      return { apiVersions: ["1.7", "1.17"], checks, text: "[ok] white-fill" };
    },
  };
  return { ops, calls, settings };
}

/** A workbook of one cadre sheet: A name, B education. */
export function tinyWorkbook(): WorkbookData {
  return {
    sheets: [
      { name: "Cán bộ", originRow: 1, originCol: 1, values: [["Họ và tên", "Trình độ chuyên môn"], ["Nguyễn Văn An", "ĐH"], ["Trần Thị Bình ", "Đại học"]] },
      { name: "Biểu mẫu", originRow: 1, originCol: 1, values: [["Đơn vị", "Nữ"], ["Toàn tỉnh", ""]] },
    ],
  };
}

/**
 * A fake core: finds one cadre table and reports an `enum` finding for every
 * "ĐH" it sees, so fixing it makes the finding go away on the next check.
 */
export function fakeCore(): Core {
  // A real summary (the pane reads the core's own type): 429 secretaries, 45 of them women, 100 under 40.
  const cadres = Array.from({ length: 429 }, (_, i) => cadre({
    row: i + 2, gender: i < 45 ? "Nữ" : "Nam", birth: i < 100 ? day(1995, 1, 1) : day(1975, 1, 1),
  }));
  const leftOut: LeftOut[] = [
    { reason: "cadre/no-commune", scope: "row", count: 3, message: { vi: "Cán bộ không rõ đảng bộ xã/phường: không tính", en: "Cadre with no commune: not counted" }, examples: [] },
    { reason: "cadre/no-role", scope: "row", count: 0, message: { vi: "Không hiện", en: "Hidden" }, examples: [] },
  ];
  const summary: Summary = { ...summarize(dataset({ cadres }), { kind: "year", year: 2026 }, defaultSettings(day(2026, 12, 31))), leftOut };
  return {
    understand(workbook) {
      const s = workbook.sheets[0];
      const table: DetectedTable = {
        kind: "cadres", sheet: s.name, headerTop: 1, headerBottom: 1, dataRows: [2, 3], skippedRows: [],
        columns: { name: { col: 1, header: "Họ và tên", confidence: 1 }, education: { col: 2, header: "Trình độ chuyên môn", confidence: 1 } },
        unmapped: [], confidence: 0.95, source: "detected",
      };
      return { tables: [table], dataset: { ...dataset(), raw: s.values } as unknown as Dataset };
    },
    checkDataset(dataset) {
      const values = (dataset as unknown as { raw: string[][] }).raw;
      const out: Finding[] = [];
      values.forEach((row, i) => {
        if (row[1] === "ĐH") {
          out.push({
            rule: "enum", severity: "error", sheet: "Cán bộ", address: `B${i + 1}`, row: i + 1, column: "B", value: "ĐH",
            message: { vi: "Trình độ chuyên môn không hợp lệ: ĐH", en: "Invalid education: ĐH" },
            fix: { value: "Đại học", description: { vi: "Đổi “ĐH” thành “Đại học”", en: "Change “ĐH” to “Đại học”" } },
          });
        }
        if (typeof row[0] === "string" && row[0] !== row[0].trim()) {
          out.push({
            rule: "text/spaces", severity: "info", sheet: "Cán bộ", address: `A${i + 1}`, row: i + 1, column: "A", value: row[0],
            message: { vi: "Có khoảng trắng thừa", en: "Extra spaces" }, fix: null,
          });
        }
      });
      return out;
    },
    summarize: () => summary,
    planSummarySheet: () => ({
      ops: [
        { op: "sheet", sheet: "Tổng hợp", purpose: "summary" },
        ...["a", "b", "c", "d"].map((n) => ({ op: "chart" as const, sheet: "Tổng hợp", name: `chibo-${n}`, kind: "Line" as const, title: n, source: "A1:B2", seriesBy: "Columns" as const, anchor: { from: "A1", to: "B2" } })),
      ],
    }),
    planFormFill: () => ({
      plan: { ops: [{ op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 2, col: 2, value: 45 }] }] },
      table: "secretaries",
      matched: { rows: [{ row: 2, label: "Toàn tỉnh", commune: "Toàn tỉnh", noData: false }], columns: [{ col: 2, header: "Nữ", metric: "women", part: "count" }] },
      unmatchedRows: [{ label: "Xã Không Có", row: 3 }],
      unmatchedColumns: [],
      noDataRows: [],
      skipped: [],
      notRecorded: [],
    }),
    formSheets: () => ["Biểu mẫu"],
    planFindingsSheet: () => ({ ops: [{ op: "sheet", sheet: "Danh sách lỗi", purpose: "findings" }] }),
    planTemplateSheets: () => ({ ops: [{ op: "sheet", sheet: "Mẫu Cán bộ", purpose: "template" }] }),
  };
}

/** The fake core behind the real engine bookkeeping, as the pane gets it; `overrides` replace core functions. */
export function fakeEngine(overrides: Partial<Core> = {}): Engine {
  return createLocalEngine({ ...fakeCore(), ...overrides });
}

/** Every finding of a check, rule by rule, for tests that look at the whole list (the pane never asks for it). */
export async function allFindings(engine: Engine, outcome: Pick<CheckOutcome, "findings" | "view">): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const g of outcome.view.groups) out.push(...(await engine.findingsPage(outcome.findings as Handle<"findings">, {}, g.key, 0, g.count)));
  return out;
}
