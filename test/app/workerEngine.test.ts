import { createWorkerEngine, SLICE_CELLS } from "../../src/app/workerEngine";
import { createLocalEngine } from "../../src/app/localEngine";
import { defaultCore } from "../../src/app/defaultEngine";
import { CancelledError } from "../../src/app/errors";
import { EngineError } from "../../src/app/engineError";
import { day, defaultSettings, type WorkbookData } from "../../src/core/model";
import { generateSample } from "../../src/core/sample";
import { describeError } from "../../src/app/errors";
import { fakeCore, tinyWorkbook } from "../taskpane/fakes";
import { spawner } from "./inProcessWorker";
import { fixKey } from "../../src/app/findingsView";

const settings = defaultSettings(day(2026, 1, 15));
const period = { kind: "year", year: 2025 } as const;

function commune(): WorkbookData {
  return generateSample({ size: "commune", seed: 3, defects: true, year: 2025 }).workbook;
}

describe("the engine in a worker", () => {
  test("answers exactly as the engine in-process: tables, preview, counts, pages, fixes, summary, plans", async () => {
    const { spawn } = spawner(defaultCore);
    const remote = createWorkerEngine(spawn);
    const local = createLocalEngine(defaultCore);
    const run = async (engine: typeof local) => {
      const wb = await engine.loadWorkbook(commune());
      const u = await engine.understand(wb);
      const c = await engine.check(u.dataset, settings, period);
      const page = await engine.findingsPage(c.findings, {}, c.view.groups[0].key, 1, 3);
      const first = (await engine.fixable(c.findings, { severity: "error" }, 0, 1)).items[0];
      const fixes = await engine.fixRequests(c.findings, { severity: "error" }, { all: true, toggled: [fixKey(first)] });
      const summary = await engine.summarize(u.dataset, period, settings);
      const plan = await engine.planSummarySheet(summary, { lang: "vi" });
      return { tables: u.tables, preview: u.preview, view: c.view, page, fixes, summary, plan };
    };
    const [a, b] = [await run(remote), await run(local)];
    expect(a.view.matching).toBeGreaterThan(0);
    expect(a.fixes.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  test("the workbook crosses in slices of at most SLICE_CELLS cells, and arrives whole", async () => {
    const { spawn, workers } = spawner(defaultCore);
    const engine = createWorkerEngine(spawn);
    const book = generateSample({ size: "commune", seed: 4, defects: false, year: 2025 }).workbook;
    // Make one sheet long enough to need several slices.
    const meetings = book.sheets[book.sheets.length - 1];
    while (meetings.values.length * meetings.values[5].length < SLICE_CELLS * 3) meetings.values.push(...meetings.values.slice(5, 400).map((r) => r.slice()));
    const fractions: number[] = [];
    const h = await engine.loadWorkbook(book, (f) => fractions.push(f));
    const rows = workers[0].sent.filter((m) => m.type === "rows");
    expect(rows.length).toBeGreaterThan(3);
    for (const m of rows) if (m.type === "rows") expect(m.values.reduce((n, r) => n + r.length, 0)).toBeLessThanOrEqual(SLICE_CELLS + meetings.values[5].length);
    expect(fractions[fractions.length - 1]).toBe(1);
    const u = await engine.understand(h);
    const direct = defaultCore.understand(book);
    expect(u.tables).toEqual(direct.tables);
  });

  test("cancel ends the worker at once; the old handles are refused, and the next call starts a fresh worker", async () => {
    const { spawn, workers } = spawner(defaultCore);
    const engine = createWorkerEngine(spawn);
    const u = await engine.understand(await engine.loadWorkbook(commune()));
    const first = await engine.check(u.dataset, settings, period);
    const c = new AbortController();
    const pending = engine.summarize(u.dataset, period, settings, undefined, c.signal);
    c.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    await expect(engine.findings(first.findings, {})).rejects.toMatchObject({ name: "EngineError", code: "stale" });
    const again = await engine.understand(await engine.loadWorkbook(commune()));
    expect(workers).toHaveLength(2);
    expect(again.dataset.gen).toBe(u.dataset.gen + 1);
  });

  test("cancel during the hand-over of the workbook stops it between slices", async () => {
    const { spawn, workers } = spawner(defaultCore);
    const engine = createWorkerEngine(spawn);
    const book = commune();
    const c = new AbortController();
    let calls = 0;
    const p = engine.loadWorkbook(book, () => {
      if (++calls === 1) c.abort();
    }, c.signal);
    // A slice is only posted after a turn for the page; the abort lands before the next.
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
  });

  test("a worker that dies is reported in a sentence, and the next call works", async () => {
    const { spawn, workers } = spawner(fakeCore());
    const engine = createWorkerEngine(spawn);
    const h = engine.loadWorkbook(tinyWorkbook());
    workers[0].crash();
    const err = await h.catch((e) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(describeError(err, "vi")).toMatch(/thiếu bộ nhớ/);
    const u = await engine.understand(await engine.loadWorkbook(tinyWorkbook()));
    expect(u.tables).toHaveLength(1);
  });

  test("a failure inside the core crosses as its sentence, with no stack", async () => {
    const core = fakeCore();
    core.planTemplateSheets = () => {
      throw Object.assign(new Error("at core.js:1"), { messageVi: "Hãy thử lại.", messageEn: "Try again." });
    };
    const engine = createWorkerEngine(spawner(core).spawn);
    const err = await engine.planTemplateSheets().catch((e) => e);
    expect(describeError(err, "en")).toBe("Try again.");
  });

  test("released results are gone", async () => {
    const engine = createWorkerEngine(spawner(fakeCore()).spawn);
    const h = await engine.loadWorkbook(tinyWorkbook());
    await engine.release(h);
    await expect(engine.understand(h)).rejects.toMatchObject({ code: "stale" });
  });
});
