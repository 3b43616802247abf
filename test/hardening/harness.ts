/**
 * What the hardening tests drive: the command line as a user types it, and the
 * add-in's own flow (src/app/flow) over the simulated Excel, with the same
 * engine the task pane uses. Kept apart so each test file states only what it
 * asserts.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import { main } from "../../src/cli/main";
import { columnNumber, day, defaultSettings, type Finding, type Period, type WorkbookData } from "../../src/core/model";
import { loadSimulatedExcelFromFile } from "../../src/sim/files";
import { createExcelOperations, HostError } from "../../src/excel";
import { XlsxReadError } from "../../src/xlsx/errors";
import { defaultCore } from "../../src/app/defaultEngine";
import { createLocalEngine } from "../../src/app/localEngine";
import { exportFindings, runCheck, writeSummary, type CheckResult, type FlowDeps } from "../../src/app/flow";
import { allFindings } from "../taskpane/fakes";
import { hostOf, type Sim } from "../excel/helpers";

export function depsOf(sim: Sim): FlowDeps {
  return { ops: createExcelOperations(hostOf(sim)), engine: createLocalEngine(defaultCore) };
}

/** A check through the pane's flow, with every finding fetched from the engine (the pane itself never holds them all). */
export async function checkAll(deps: FlowDeps, input: Parameters<typeof runCheck>[1]): Promise<CheckResult & { all: Finding[] }> {
  const r = await runCheck(deps, input);
  return { ...r, all: await allFindings(deps.engine, r) };
}

export const PERIOD: Period = { kind: "year", year: 2025 };
export const settings = () => defaultSettings(day(2026, 1, 15));

export interface CliRun {
  code: number;
  out: string;
  err: string;
  ms: number;
  /** CPU time this process spent on the command: unlike wall time, the machine's other load does not change it. */
  cpuMs: number;
}

/** A clock of this process's CPU time (user + system, in ms) since it was made. */
function cpuClock(): () => number {
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
}

/** Runs `chibo ...args` in-process; a thrown error is returned as a crash, never hidden. */
export async function chibo(...args: string[]): Promise<CliRun & { crash?: unknown }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  const t0 = Date.now();
  const cpuMs = cpuClock();
  try {
    const code = await main(["node", "chibo", ...args]);
    return { code, out, err, ms: Date.now() - t0, cpuMs: cpuMs() };
  } catch (crash) {
    return { code: -1, out, err, ms: Date.now() - t0, cpuMs: cpuMs(), crash };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** A file's identity, to prove nothing wrote to it. Missing files hash as "missing". */
export function fileDigest(file: string): string {
  if (!fs.existsSync(file)) return "missing";
  const st = fs.statSync(file);
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") + ":" + st.mtimeMs;
}

/** Only the sheets the user had: the product's own sheets may be added next to them. */
export function userSheets(snapshot: WorkbookData, names: readonly string[]): WorkbookData {
  return { sheets: snapshot.sheets.filter((s) => names.includes(s.name)) };
}

/** A one-line, Vietnamese sentence from an error the tools are allowed to let out; null for anything else. */
export function plainMessage(e: unknown): string | null {
  if (e instanceof XlsxReadError || e instanceof HostError) return e.userText.vi;
  return null;
}

export interface AddinRun {
  /** "refused": the file could not be opened, with this message. */
  outcome: "refused" | "done";
  message?: string;
  findings: number;
  /** Findings pointing at no cell of the workbook (must be 0). */
  stray: number;
  tables: number;
  sheetsAdded: string[];
  /** The user's sheets' values were the same after every step. */
  userDataKept: boolean;
  ms: number;
  /** CPU time this process spent, the budget's measure. */
  cpuMs: number;
}

/**
 * The add-in on one file: open it in the simulated Excel, then check, export
 * the findings, highlight and clear, and write the summary, as a user would
 * press the buttons. Throws (the test fails) for any error that is not one of
 * the product's plain-sentence errors.
 */
export async function runAddin(file: string): Promise<AddinRun> {
  const t0 = Date.now();
  const cpuMs = cpuClock();
  let sim: Sim;
  try {
    sim = await loadSimulatedExcelFromFile(file);
  } catch (e) {
    const message = plainMessage(e);
    if (message === null) throw e;
    return { outcome: "refused", message, findings: 0, stray: 0, tables: 0, sheetsAdded: [], userDataKept: true, ms: Date.now() - t0, cpuMs: cpuMs() };
  }
  const names = sim.sheetNames();
  const before = userSheets(sim.snapshot(), names);
  let kept = true;
  const same = () => {
    kept = kept && JSON.stringify(userSheets(sim.snapshot(), names)) === JSON.stringify(before);
  };
  const deps = depsOf(sim);
  const input = { period: PERIOD, settings: settings(), mappings: [] };
  try {
    const checked = await checkAll(deps, input);
    const workbook = sim.snapshot();
    same();
    await exportFindings(deps, checked.findings, {}, "vi");
    same();
    await deps.ops.highlight(checked.all);
    same();
    await deps.ops.clearHighlights();
    same();
    await writeSummary(deps, { ...input, lang: "vi" });
    same();
    return {
      outcome: "done",
      findings: checked.all.length,
      stray: strayFindings(workbook, checked.all).length,
      tables: checked.tables.length,
      sheetsAdded: sim.sheetNames().filter((n) => !names.includes(n)),
      userDataKept: kept,
      ms: Date.now() - t0,
      cpuMs: cpuMs(),
    };
  } catch (e) {
    const message = plainMessage(e);
    if (message === null) throw e;
    same();
    return { outcome: "refused", message, findings: 0, stray: 0, tables: 0, sheetsAdded: [], userDataKept: kept, ms: Date.now() - t0, cpuMs: cpuMs() };
  }
}

/**
 * The findings that point outside the workbook: an unknown sheet, an address
 * that does not parse, or a cell beyond the sheet's used range. A finding the
 * user clicks must land on a cell that holds what it talks about.
 */
export function strayFindings(workbook: WorkbookData, findings: readonly Finding[]): Finding[] {
  const bySheet = new Map(workbook.sheets.map((s) => [s.name, s]));
  return findings.filter((f) => {
    const s = bySheet.get(f.sheet);
    // A sheet the reader could not read is named by the check although it has no cells to point at.
    if (!s) return !(f.rule === "sheet/unreadable" && (workbook.problems ?? []).some((p) => p.sheet === f.sheet));
    const parts = f.address.split(":");
    if (parts.length > 2) return true;
    const lastRow = s.originRow + s.values.length - 1;
    const lastCol = s.originCol + Math.max(0, ...s.values.map((r) => r.length)) - 1;
    for (const part of parts) {
      const m = /^([A-Z]{1,3})(\d+)$/.exec(part);
      if (!m) return true;
      const row = Number(m[2]);
      const col = columnNumber(m[1]);
      if (row < s.originRow || row > lastRow || col < s.originCol || col > lastCol) return true;
    }
    return !(f.row >= s.originRow && f.row <= lastRow && f.address.startsWith(f.column));
  });
}
