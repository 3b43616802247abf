import { createWorkerEngine, SLICE_CELLS } from "../../src/app/workerEngine";
import { createLocalEngine } from "../../src/app/localEngine";
import { defaultCore } from "../../src/app/defaultEngine";
import { CancelledError } from "../../src/app/errors";
import { EngineError } from "../../src/app/engineError";
import { day, defaultSettings, type WorkbookData } from "../../src/core/model";
import { generateSample } from "../../src/core/sample";
import { describeError } from "../../src/app/errors";
import { fakeCore, tinyWorkbook } from "../taskpane/fakes";
import { communeBook, listBook } from "../../src/core/province/testBooks";
import { PLAN_SLICE_CELLS } from "../../src/app/engineProtocol";
import { spawner } from "./inProcessWorker";
import { fixKey } from "../../src/app/findingsView";
import { readWorkbookBytes } from "../../src/xlsx/workbook";
import { writeWorkbookFile } from "../../src/xlsx/write";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

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
      throw Object.assign(new Error("at core.js:1"), { userText: { vi: "Hãy thử lại.", en: "Try again." } });
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

describe("Gộp số liệu các xã through the worker", () => {
  // A stand-in for the .xlsx reader: these "files" hold their workbook as JSON. The real reader is src/xlsx's.
  const asFile = (wb: WorkbookData) => new Blob([JSON.stringify(wb)]);
  const readJson = (bytes: Uint8Array, name: string): WorkbookData => {
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as WorkbookData;
    } catch {
      throw Object.assign(new Error("bad"), { userText: { vi: `Tệp ${name} bị hỏng: hãy lấy lại bản gốc.`, en: `File ${name} is damaged.` } });
    }
  };
  const Q3 = { kind: "quarter", year: 2025, quarter: 3 } as const;

  test("files are read one by one with progress; a bad file is named and the others go on; the plan comes back whole", async () => {
    const { spawn, workers } = spawner(defaultCore, { readWorkbookBytes: readJson });
    const engine = createWorkerEngine(spawn);
    const list = await engine.understand(await engine.loadWorkbook(listBook(["Xã Yên Lạc", "Xã An Hòa", "Xã Mới"])));
    const h = await engine.provinceOpen({ period: Q3, settings, list: list.dataset });
    const fractions: number[] = [];
    const table = await engine.provinceAdd(h, [
      { name: "yl.xlsx", data: asFile(communeBook({ commune: "Xã Yên Lạc" })), modified: 5 },
      { name: "hong.xlsx", data: new Blob(["not a workbook"]) },
      { name: "ah.xlsx", data: asFile(communeBook({ commune: "Xã An Hòa", withError: true })) },
    ], (f) => fractions.push(f));
    expect(fractions).toEqual([1 / 3, 2 / 3, 1]);
    expect(table.rows.map((r) => [r.commune, r.status])).toEqual([["Xã Yên Lạc", "sent"], ["Xã An Hòa", "errors"], ["Xã Mới", "missing"]]);
    expect(table.unreadable).toEqual([{ file: "hong.xlsx", message: { vi: "Tệp hong.xlsx bị hỏng: hãy lấy lại bản gốc.", en: "File hong.xlsx is damaged." } }]);

    // Make the plan big enough to be sent in slices.
    const many = communeBook({ commune: "Xã Mới" });
    const meetings = many.sheets[2].values;
    while (meetings.length < 3000) meetings.push(meetings[meetings.length - 1].slice());
    await engine.provinceAdd(h, [{ name: "moi.xlsx", data: asFile(many) }]);
    const { plan, rows } = await engine.provinceConsolidate(h);
    expect(rows.meetings).toBeGreaterThan(3000);
    // The meetings block came in slices before the result, none over PLAN_SLICE_CELLS cells (and one row).
    const slices = workers[0].received.filter((m) => m.type === "planRows");
    expect(slices.length).toBeGreaterThan(3);
    for (const m of slices) if (m.type === "planRows") expect(m.values.length * m.values[0].length).toBeLessThanOrEqual(PLAN_SLICE_CELLS + m.values[0].length);
    const local = createLocalEngine(defaultCore, 0, { readWorkbookBytes: readJson });
    const lh = await local.provinceOpen({ period: Q3, settings, list: (await local.understand(await local.loadWorkbook(listBook(["Xã Yên Lạc", "Xã An Hòa", "Xã Mới"])))).dataset });
    await local.provinceAdd(lh, [
      { name: "yl.xlsx", data: asFile(communeBook({ commune: "Xã Yên Lạc" })), modified: 5 },
      { name: "hong.xlsx", data: new Blob(["not a workbook"]) },
      { name: "ah.xlsx", data: asFile(communeBook({ commune: "Xã An Hòa", withError: true })) },
      { name: "moi.xlsx", data: asFile(many) },
    ]);
    expect(plan).toEqual((await local.provinceConsolidate(lh)).plan);
    const summary = await engine.provinceSummary(h);
    expect(summary.summary.tables.meetings.rows.length).toBe(3);
    expect((await engine.provinceStatusSheet(h, "vi")).ops[0]).toMatchObject({ sheet: "Tình hình nộp báo cáo" });
  });

  test("cancel while files are read ends the worker; nothing is kept", async () => {
    const { spawn, workers } = spawner(defaultCore, { readWorkbookBytes: readJson });
    const engine = createWorkerEngine(spawn);
    const h = await engine.provinceOpen({ period: Q3, settings });
    const c = new AbortController();
    const pending = engine.provinceAdd(h, Array.from({ length: 20 }, (_, i) => ({ name: `x${i}.xlsx`, data: asFile(communeBook({ commune: `Xã ${i}` })) })), (f) => {
      if (f > 0.2) c.abort();
    }, c.signal);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    await expect(engine.provinceSummary(h)).rejects.toMatchObject({ code: "stale" });
  });

  test("the worker reads real .xlsx files with the shared reader: the same status as chibo's; a file that is not a workbook gets the reader's sentence", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-province-"));
    try {
      const bytesOf = async (wb: WorkbookData, name: string) => {
        const file = path.join(dir, name);
        await writeWorkbookFile(file, wb);
        return new Blob([new Uint8Array(fs.readFileSync(file))]);
      };
      // As core.worker.ts reads them.
      const { spawn } = spawner(defaultCore, { readWorkbookBytes: (b, fileName) => readWorkbookBytes(b, { fileName }) });
      const engine = createWorkerEngine(spawn);
      const list = await engine.understand(await engine.loadWorkbook(listBook(["Xã Yên Lạc", "Xã An Hòa", "Xã Mới"])));
      const h = await engine.provinceOpen({ period: Q3, settings, list: list.dataset });
      const table = await engine.provinceAdd(h, [
        { name: "yl.xlsx", data: await bytesOf(communeBook({ commune: "Xã Yên Lạc" }), "yl.xlsx") },
        { name: "ah.xlsx", data: await bytesOf(communeBook({ commune: "Xã An Hòa", withError: true }), "ah.xlsx") },
        { name: "ghi-chu.xlsx", data: new Blob(["Đây không phải sổ Excel."]) },
      ]);
      expect(table.rows.map((r) => [r.commune, r.status])).toEqual([["Xã Yên Lạc", "sent"], ["Xã An Hòa", "errors"], ["Xã Mới", "missing"]]);
      expect(table.unreadable).toHaveLength(1);
      expect(table.unreadable[0].file).toBe("ghi-chu.xlsx");
      expect(table.unreadable[0].message.vi).toMatch(/ghi-chu\.xlsx/);
      expect(table.unreadable[0].message.vi).not.toMatch(/\bat \S+:\d+/);
      const { rows } = await engine.provinceConsolidate(h);
      expect(rows.meetings).toBe(8);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
