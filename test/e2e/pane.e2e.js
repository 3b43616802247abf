// The browser scenarios, run by scripts/e2e.js. Plain node with assertions:
// each scenario is one page going through the user's steps in order, and a
// step after a failed one is reported as failed too (it depends on it).
const assert = require("assert/strict");
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { runOpenXlsx } = require("./openXlsx.e2e");
const { startLongTasks, stopLongTasks, overLimit, describeTasks, LIMIT_MS } = require("./longTasks");
const { runProvinceFiles } = require("./province.e2e");

const SHOTS = path.join(__dirname, "screenshots");
// E2E_GUIDE_SHOTS=1 adds the scenario "guide": the Vietnamese pane at 350 px on a smaller screen, whose steps also
// write the pictures of docs/HUONG-DAN.md (committed). "pane" is the pane as the clerk sees it; "page" the
// workbook beside it.
const GUIDE = path.join(__dirname, "..", "..", "docs", "images");
const GUIDE_SHOTS = {
  loaded: ["mo-dau", "page"],
  checked: ["kiem-tra", "pane"],
  selected: ["chon-loi", "page"],
  "fix-preview": ["sua-tu-dong", "pane"],
  summary: ["tong-hop", "page"],
  "form-filled": ["dien-bieu-mau", "pane"],
  data: ["du-lieu", "pane"],
  settings: ["cai-dat", "pane"],
};
const FORM_SHEET = "Biểu mẫu báo cáo";
// A fixed "today" keeps the default period (the quarter that ended last: Q4 2025) and the sample's year stable.
const TODAY = "2026-01-15";

const L = {
  vi: {
    tabCheck: "Kiểm tra", tabSummary: "Tổng hợp", tabSettings: "Cài đặt", tabData: "Dữ liệu", findTables: "Tìm bảng dữ liệu", confidence: "Độ tin cậy",
    makeTemplate: "Tạo mẫu", templateDone: "Đã tạo trang mẫu", exportFindings: "Xuất danh sách lỗi", exported: "Đã ghi danh sách lỗi",
    save: "Lưu thành .xlsx", highlight: "Tô màu ô lỗi", clear: "Xóa tô màu", autoFix: "Sửa tự động",
    apply: /^Áp dụng \d+ sửa đổi$/, undo: "Hoàn tác", highlighted: "Đã tô màu", cleared: "Đã xóa tô màu", fixed: "Đã sửa",
    undone: "Đã hoàn tác", summaryDone: "Đã ghi trang", filled: "Đã điền", unmatched: "Dòng không khớp", figures: "Bí thư chi bộ",
    findings: "phát hiện",
    selfTest: "Tự kiểm tra trong Excel", selfTestRun: "Bắt đầu tự kiểm tra", selfTestBack: "Quay lại Cài đặt",
  },
  en: {
    tabCheck: "Check", tabSummary: "Summary", tabSettings: "Settings", tabData: "Data", findTables: "Find data tables", confidence: "Confidence",
    makeTemplate: "Make templates", templateDone: "Template sheets created", exportFindings: "Export findings", exported: "Findings written",
    save: "Save as .xlsx", highlight: "Highlight problem cells", clear: "Clear highlights", autoFix: "Fix automatically",
    apply: /^Apply \d+ fixes$/, undo: "Undo", highlighted: "cells highlighted", cleared: "Highlights cleared", fixed: "cells fixed",
    undone: "cells restored", summaryDone: "written with", filled: "cells filled", unmatched: "Rows not matched", figures: "Cell secretaries",
    findings: "findings",
    selfTest: "Self-test in Excel", selfTestRun: "Start the self-test", selfTestBack: "Back to Settings",
  },
};

const SCENARIOS = [
  { name: "vi-350", lang: "vi", pane: 350, width: 1280 },
  { name: "vi-320", lang: "vi", pane: 320, width: 900 },
  { name: "en-350", lang: "en", pane: 350, width: 1280 },
  { name: "en-320", lang: "en", pane: 320, width: 900 },
  ...(process.env.E2E_GUIDE_SHOTS === "1" ? [{ name: "guide", lang: "vi", pane: 350, width: 1000, height: 720, guide: true }] : []),
];

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function totalFindings(pane) {
  const n = async (s) => Number(await pane.getByTestId(`count-${s}`).getAttribute("data-count"));
  return { error: await n("error"), warning: await n("warning"), info: await n("info") };
}

/**
 * The whole pane, top to bottom, in one picture: the page is made as tall as the pane's content for the shot,
 * so what lies below the fold (long lists, wrapped names) is looked at too.
 */
async function paneShot(page, file) {
  const pane = page.getByTestId("pane");
  const size = page.viewportSize();
  const height = await pane.evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, height + 8), 6000) });
  await pane.screenshot({ path: file });
  await page.setViewportSize(size);
}

/** Every badge in the pane shows all of its text: none is squeezed narrower than its label. */
async function clippedBadges(pane) {
  return pane.evaluate((root) => [...root.querySelectorAll(".fui-Badge")]
    .filter((b) => b.offsetParent !== null && (b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().height > 40))
    .map((b) => `${b.textContent} (${b.scrollWidth}/${b.clientWidth} px wide, ${Math.round(b.getBoundingClientRect().height)} px tall)`));
}

async function noticeContaining(pane, text) {
  const notice = pane.getByTestId("notice");
  await notice.filter({ hasText: text }).waitFor({ timeout: 60_000 });
  return notice.textContent();
}

/** The steps of one scenario; each returns nothing and throws on failure. */
function steps(ctx) {
  const { page, t, lang } = ctx;
  const pane = page.getByTestId("pane");
  const shot = async (label) => {
    ctx.shot += 1;
    await page.screenshot({ path: path.join(SHOTS, `${ctx.name}-${String(ctx.shot).padStart(2, "0")}-${label}.png`) });
    if (ctx.guide && GUIDE_SHOTS[label]) {
      const [file, kind] = GUIDE_SHOTS[label];
      fs.mkdirSync(GUIDE, { recursive: true });
      const target = path.join(GUIDE, `${file}.png`);
      if (kind === "pane") await pane.screenshot({ path: target });
      else await page.screenshot({ path: target });
    }
  };
  const state = {};
  // Sheet tabs of the simulated workbook, by exact name (the pane has a "Tổng hợp" tab too).
  const sheetTab = (name) => page.getByTestId("sheet-tab").filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
  return [
    ["loads the sample with defects", async () => {
      await page.goto(`${ctx.base}/demo/?pane=${ctx.pane}&lang=${lang}&today=${TODAY}`);
      await pane.getByTestId("run-check").waitFor({ timeout: 60_000 });
      await page.getByRole("grid").waitFor();
      const tabs = await page.getByTestId("sheet-tab").allTextContents();
      assert.ok(tabs.length >= 4, `expected the sample's sheets and the form, got ${tabs.join(", ")}`);
      assert.ok(tabs.includes(FORM_SHEET));
      await shot("loaded");
    }],
    ["check shows the counts by severity", async () => {
      await pane.getByTestId("run-check").click();
      await pane.getByTestId("counts").waitFor({ timeout: 120_000 });
      state.before = await totalFindings(pane);
      assert.ok(state.before.error > 0, `the sample has planted errors, counts: ${JSON.stringify(state.before)}`);
      assert.ok(state.before.warning > 0);
      await shot("checked");
    }],
    ["findings: errors first, notes closed with their count, badges whole", async () => {
      const sections = await pane.getByTestId("severity-section").evaluateAll((els) => els.map((e) => [e.dataset.severity, e.getAttribute("aria-expanded")]));
      assert.deepEqual(sections.map((s) => s[0]), ["error", "warning", "info"], `sections in order: ${JSON.stringify(sections)}`);
      assert.deepEqual(sections.map((s) => s[1]), ["true", "true", "false"], "errors and warnings open, notes closed");
      const noteCount = `${state.before.info.toLocaleString(lang === "vi" ? "vi-VN" : "en-US")} ${t.findings}`;
      assert.ok((await pane.getByTestId("severity-section").nth(2).textContent()).includes(noteCount), `the closed notes say "${noteCount}"`);
      // Every drawn finding is an error or a warning, errors first, and each group holds one severity.
      const drawn = await pane.getByTestId("finding").evaluateAll((els) => els.map((e) => e.dataset.severity));
      assert.ok(drawn.length > 0 && drawn[0] === "error", `first finding is an error: ${drawn[0]}`);
      assert.ok(drawn.lastIndexOf("error") < drawn.indexOf("warning"), "all errors before any warning");
      assert.ok(!drawn.includes("info"), "no note is drawn while the notes are closed");
      const groups = await pane.getByTestId("rule-group").evaluateAll((els) => els.map((e) => e.dataset.severity));
      assert.deepEqual(groups, [...groups].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
      assert.deepEqual(await clippedBadges(pane), [], "badges are never squeezed");
      await paneShot(page, path.join(SHOTS, `${ctx.name}-tab-check.png`));
    }],
    ["the findings list is walked with the keyboard; Enter selects the cell", async () => {
      const first = pane.getByRole("treeitem").first();
      await first.focus();
      await page.keyboard.press("ArrowDown"); // the first rule group
      await page.keyboard.press("ArrowDown"); // its first finding
      const focused = pane.locator(":focus");
      assert.equal(await focused.getAttribute("data-testid"), "finding");
      const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth);
      assert.ok(!outline.startsWith("none") && !outline.endsWith(" 0px"), `a visible focus: ${outline}`);
      const m = /^(.+?)!([A-Z]+\d+)/.exec(await focused.textContent());
      await page.keyboard.press("Enter");
      await page.getByTestId("selection").filter({ hasText: `${m[1]}!${m[2]}` }).waitFor({ timeout: 10_000 });
      // Left goes back to the group, Left again closes it; Right opens it again.
      await page.keyboard.press("ArrowLeft");
      assert.equal(await pane.locator(":focus").getAttribute("data-testid"), "rule-group");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await pane.locator(":focus").getAttribute("aria-expanded"), "false");
      await page.keyboard.press("ArrowRight");
      assert.equal(await pane.locator(":focus").getAttribute("aria-expanded"), "true");
      // Down to the notes with End, Right opens them: their findings are drawn, a page per rule.
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowRight");
      await pane.locator('[data-testid=finding][data-severity="info"]').first().waitFor();
      const notes = await pane.locator('[data-testid=finding][data-severity="info"]').count();
      assert.ok(notes > 0 && notes <= 50 * (await pane.locator('[data-testid=rule-group][data-severity="info"]').count()), `notes drawn: ${notes}`);
      await shot("notes-open");
      await pane.getByTestId("severity-section").nth(2).click(); // closed again for the steps that follow
    }],
    ["clicking a finding selects its cell", async () => {
      const first = pane.getByTestId("finding").first();
      const text = await first.textContent();
      const m = /^(.+?)!([A-Z]+\d+)/.exec(text);
      assert.ok(m, `finding text names its cell: ${text}`);
      await first.click();
      await page.getByTestId("selection").filter({ hasText: `${m[1]}!${m[2]}` }).waitFor({ timeout: 10_000 });
      const cell = page.locator(`[role=gridcell][data-cell="${m[2]}"]`);
      await cell.waitFor({ timeout: 10_000 });
      assert.equal(await cell.getAttribute("aria-selected"), "true");
      assert.equal(await sheetTab(m[1]).getAttribute("aria-selected"), "true");
      await shot("selected");
    }],
    ["highlight and clear", async () => {
      const filled = () => page.locator('[role=gridcell]:not([data-fill=""])').count();
      const before = await filled();
      await pane.getByRole("button", { name: t.highlight }).click();
      await noticeContaining(pane, t.highlighted);
      await page.waitForFunction((n) => document.querySelectorAll('[role=gridcell]:not([data-fill=""])').length > n, before, { timeout: 10_000 });
      await shot("highlighted");
      await pane.getByRole("button", { name: t.clear }).click();
      await noticeContaining(pane, t.cleared);
      await page.waitForFunction((n) => document.querySelectorAll('[role=gridcell]:not([data-fill=""])').length === n, before, { timeout: 10_000 });
      await shot("cleared");
    }],
    ["apply fixes, then undo", async () => {
      await pane.getByRole("button", { name: t.autoFix }).click();
      const panel = pane.getByTestId("fix-panel");
      await panel.waitFor();
      // The fixes come from the engine's worker a page at a time.
      await panel.locator("li").first().waitFor();
      assert.match(await panel.textContent(), /→/);
      // Dates typed as text become real dates, and the preview says which day: never a serial.
      assert.doesNotMatch(await panel.textContent(), /→ \d{5}\b/);
      // One rule only: the count on the button follows the choice, then back to every rule.
      const allCount = Number((await panel.getByRole("button", { name: t.apply }).textContent()).replace(/\D/g, ""));
      const ruleOptions = await pane.getByTestId("fix-rule").locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assert.ok(ruleOptions.length >= 2, `several rules have fixes: ${ruleOptions}`);
      await pane.getByTestId("fix-rule").selectOption(ruleOptions[ruleOptions.length - 1]);
      const oneCount = Number((await panel.getByRole("button", { name: t.apply }).textContent()).replace(/\D/g, ""));
      assert.ok(oneCount > 0 && oneCount < allCount, `one rule: ${oneCount} of ${allCount}`);
      await paneShot(page, path.join(SHOTS, `${ctx.name}-fix-one-rule.png`));
      await pane.getByTestId("fix-rule").selectOption("");
      await panel.locator("li").first().waitFor();
      await shot("fix-preview");
      await panel.getByRole("button", { name: t.apply }).click();
      await noticeContaining(pane, t.fixed);
      const after = await totalFindings(pane);
      const sum = (c) => c.error + c.warning + c.info;
      assert.ok(sum(after) < sum(state.before), `fixes remove findings: ${JSON.stringify(state.before)} -> ${JSON.stringify(after)}`);
      await shot("fixed");
      const undo = pane.getByRole("button", { name: t.undo, exact: true });
      await undo.click();
      await noticeContaining(pane, t.undone);
      assert.deepEqual(await totalFindings(pane), state.before, "undo brings back every fixed value");
      await shot("undone");
    }],
    ["write the summary sheet with four charts", async () => {
      const sheetsBefore = await page.getByTestId("sheet-tab").allTextContents();
      await pane.getByRole("tab", { name: t.tabSummary }).click();
      await pane.getByTestId("make-summary").click();
      await noticeContaining(pane, t.summaryDone);
      const sheetsAfter = await page.getByTestId("sheet-tab").allTextContents();
      const added = sheetsAfter.filter((s) => !sheetsBefore.includes(s));
      assert.ok(added.length >= 1, `a summary sheet was added: ${sheetsAfter.join(", ")}`);
      await sheetTab(added[0]).click();
      await page.getByTestId("chart").nth(3).waitFor({ timeout: 10_000 });
      assert.equal(await page.getByTestId("chart").count(), 4);
      assert.match(await pane.getByTestId("key-figures").textContent(), new RegExp(t.figures));
      await shot("summary");
    }],
    ["fill the form sheet and list what did not match", async () => {
      await pane.getByTestId("form-sheet").selectOption(FORM_SHEET);
      await pane.getByTestId("fill-form").click();
      const text = await noticeContaining(pane, t.filled);
      assert.match(text, new RegExp(t.unmatched), "the form's old commune row is reported as unmatched");
      await sheetTab(FORM_SHEET).click();
      // The "Toàn tỉnh" row of the form now holds numbers where it was blank.
      const totalRow = await page.locator("[role=row]", { hasText: "Toàn tỉnh" }).locator("[role=gridcell]").allTextContents();
      assert.ok(totalRow.slice(2, 6).some((v) => /^\d/.test(v.trim())), `filled total row: ${totalRow.join(" | ")}`);
      await shot("form-filled");
    }],
    ["export the findings to a sheet", async () => {
      const before = await page.getByTestId("sheet-tab").count();
      await pane.getByRole("tab", { name: t.tabCheck }).click();
      await pane.getByRole("button", { name: t.exportFindings }).click();
      await noticeContaining(pane, t.exported);
      assert.equal(await page.getByTestId("sheet-tab").count(), before + 1);
      // The list links back to the cells: HYPERLINK formulas show their text in the grid.
      await page.locator("[role=gridcell]", { hasText: /!\$?[A-Z]+\$?\d+|[A-Z]+\d+/ }).first().waitFor({ timeout: 10_000 });
      await shot("findings-sheet");
    }],
    ["data tab: tables with confidence, templates", async () => {
      await pane.getByRole("tab", { name: t.tabData }).click();
      await pane.getByRole("button", { name: t.findTables }).click();
      const card = pane.getByTestId("table-card").first();
      await card.waitFor({ timeout: 60_000 });
      assert.match(await card.textContent(), new RegExp(`${t.confidence} \\d+%`));
      assert.ok((await pane.getByTestId("table-card").count()) >= 3, "cells, cadres and meetings are found");
      await shot("data");
      const before = await page.getByTestId("sheet-tab").count();
      const cards = await pane.getByTestId("table-card").count();
      await pane.getByRole("button", { name: t.makeTemplate, exact: true }).click();
      await noticeContaining(pane, t.templateDone);
      assert.ok((await page.getByTestId("sheet-tab").count()) >= before + 3, "three template sheets");
      // Read again: a blank template is not counted as a table (named on a line of its own when detected at all).
      const find = pane.getByRole("button", { name: t.findTables });
      await find.click();
      await page.waitForFunction(() => !document.querySelector("[data-testid=progress]"), null, { timeout: 60_000 });
      assert.ok(await find.isEnabled(), "the search is over");
      assert.equal(await pane.getByTestId("table-card").count(), cards, "no card for a blank template");
      if (await pane.getByTestId("empty-tables").count()) assert.match(await pane.getByTestId("empty-tables").textContent(), /\(2\)/);
      await shot("templates");
    }],
    ["the pane never scrolls sideways", async () => {
      for (const [id, tab] of [["data", t.tabData], ["check", t.tabCheck], ["summary", t.tabSummary], ["settings", t.tabSettings]]) {
        await pane.getByRole("tab", { name: tab }).click();
        if (tab === t.tabSettings) await shot("settings");
        const { scroll, client } = await pane.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        assert.ok(scroll <= client + 1, `pane content ${scroll}px in a ${client}px pane on ${tab}`);
        assert.deepEqual(await clippedBadges(pane), [], `badges are never squeezed on ${tab}`);
        await paneShot(page, path.join(SHOTS, `${ctx.name}-tab-${id}-end.png`));
      }
    }],
    ["self-test from Cài đặt runs over the simulated Excel and leaves no sheet behind", async () => {
      const names = await page.getByTestId("sheet-tab").allTextContents();
      await pane.getByRole("tab", { name: t.tabSettings }).click();
      await pane.getByRole("button", { name: t.selfTest }).click();
      await pane.getByRole("button", { name: t.selfTestRun }).click();
      const list = pane.getByRole("list", { name: t.selfTest });
      await list.waitFor({ timeout: 120_000 });
      assert.ok((await list.getByRole("listitem").count()) >= 10, "every check is listed");
      assert.equal(await list.locator("[data-outcome=differs], [data-outcome=error]").count(), 0, await list.textContent());
      assert.match(await pane.getByRole("textbox").inputValue(), /ExcelApi: 1\.7/);
      await shot("self-test");
      const { scroll, client } = await pane.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(scroll <= client + 1, `pane content ${scroll}px in a ${client}px pane on the self-test`);
      await pane.getByRole("button", { name: t.selfTestBack }).click();
      assert.deepEqual(await page.getByTestId("sheet-tab").allTextContents(), names);
    }],
    ["save as .xlsx and open it again", async () => {
      const names = await page.getByTestId("sheet-tab").allTextContents();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t.save }).click()]);
      const file = path.join(SHOTS, `${ctx.name}-saved.xlsx`);
      await download.saveAs(file);
      await page.getByTestId("open-xlsx").setInputFiles(file);
      await page.getByTestId("status").filter({ hasText: `${ctx.name}-saved.xlsx` }).waitFor({ timeout: 60_000 });
      assert.deepEqual(await page.getByTestId("sheet-tab").allTextContents(), names);
      fs.rmSync(file);
    }],
  ];
}

/**
 * A commune file as a hostile or careless office sends it: a 30,000-character name, a right-to-left mark
 * before a year, a zero-width space in a cell name, a sheet name with a hidden mark. Written here, not committed.
 */
async function writeHostileWorkbook(file) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cán bộ\u200F");
  ws.addRow(["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chi bộ", "Đảng bộ xã/phường"]);
  ws.addRow([1, "Nguyễn  Văn An " + "rất dài ".repeat(3750), 1970, "Bí thư chi bộ", "Chi bộ Thôn 1", "Xã Yên Lạc"]);
  ws.addRow([2, "Trần Thị\u200F  1966", 1966, "Bí thư chi bộ", "Chi bộ Thôn\u200B2", "Xã Yên Lạc"]);
  ws.addRow([3, "Lê Văn Cường", 1980, "Phó Bí thư chi bộ", "Chi bộ Thôn 3", "Xã Yên Lạc"]);
  await wb.xlsx.writeFile(file);
}

/** CSP: a request to another origin is refused by the page's policy, not merely by the network. */
async function cspBlocks(page, url, otherOrigin) {
  await page.goto(url);
  const r = await page.evaluate(async (target) => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective || e.effectiveDirective));
    let fetched = false;
    try {
      await fetch(target);
      fetched = true;
    } catch {
      fetched = false;
    }
    await new Promise((res) => setTimeout(res, 100));
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return { fetched, violations, policy: meta ? meta.getAttribute("content") : null };
  }, `${otherOrigin}/demo/index.html`);
  assert.equal(r.fetched, false, "the fetch to another origin must fail");
  assert.ok(r.violations.some((v) => v.startsWith("connect-src")), `a connect-src violation is reported: ${JSON.stringify(r)}`);
  assert.match(r.policy, /connect-src 'self'/);
}

async function runAll({ base, otherOrigin, chromium: executablePath, only = [] }) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Pictures of an earlier run of a scenario would be looked at as this run's.
  const forget = (prefix) => {
    for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(prefix) && f.endsWith(".png")) fs.rmSync(path.join(SHOTS, f));
  };
  const launched = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
  const context = await launched.newContext();
  // No test may reach the network: anything not on this machine is refused (office.js on taskpane.html included).
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
  });
  const browser = {
    newPage: async (opts) => {
      const page = await context.newPage();
      if (opts && opts.viewport) await page.setViewportSize(opts.viewport);
      // What the page writes to its console as an error or a warning is printed with the run, not lost.
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") console.log(`    (page console.${m.type()}: ${m.text().slice(0, 400)})`);
      });
      return page;
    },
    close: () => launched.close(),
  };
  let passed = 0;
  let failed = 0;
  const report = (name, err) => {
    if (err) {
      failed++;
      console.log(`  ✗ ${name}\n      ${String(err && err.message ? err.message : err).split("\n").slice(0, 6).join("\n      ")}`);
    } else {
      passed++;
      console.log(`  ✓ ${name}`);
    }
  };
  try {
    for (const sc of SCENARIOS) {
      if (only.length && !only.includes(sc.name)) continue;
      console.log(`${sc.name}: pane ${sc.pane} px, ${sc.lang}`);
      forget(`${sc.name}-`);
      const page = await browser.newPage({ viewport: { width: sc.width, height: sc.height ?? 860 } });
      const pageErrors = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      const ctx = { ...sc, page, base, t: L[sc.lang], shot: 0 };
      let broken = null;
      for (const [name, fn] of steps(ctx)) {
        if (broken) {
          report(name, new Error(`not run: "${broken}" failed`));
          continue;
        }
        try {
          await fn();
          report(name, null);
        } catch (err) {
          broken = name;
          await page.screenshot({ path: path.join(SHOTS, `${sc.name}-FAILED-${name.replace(/\W+/g, "-")}.png`) }).catch(() => undefined);
          report(name, err);
        }
      }
      report("no uncaught errors in the page", pageErrors.length ? new Error(pageErrors.join("\n")) : null);
      await page.close();
    }
    if (!only.length || only.includes("province")) {
      console.log("province: the province sample (about 190,000 rows) in the browser");
      forget("province");
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const pane = page.getByTestId("pane");
      const name = "cancel a long check, then check it all";
      try {
        await page.goto(`${base}/demo/?size=province&today=${TODAY}`);
        await pane.getByTestId("run-check").waitFor({ timeout: 120_000 });
        // The user presses "Kiểm tra", then "Hủy" 200 ms later. The click is queued inside the page, as a real
        // click is while the flow works; it must be handled at the flow's next pause. (Playwright's own click
        // would first wait for idle frames, which is not what a person's click does.)
        await page.evaluate(() => {
          document.querySelector("[data-testid=run-check]").click();
          setTimeout(() => [...document.querySelectorAll("button")].find((b) => b.textContent === "Hủy").click(), 200);
        });
        await pane.getByTestId("notice").filter({ hasText: "Đã hủy theo yêu cầu." }).waitFor({ timeout: 60_000 });
        assert.equal(await pane.getByTestId("counts").count(), 0, "a cancelled check shows no counts");
        const t0 = Date.now();
        await pane.getByTestId("run-check").click();
        await pane.getByTestId("counts").waitFor({ timeout: 180_000 });
        const secs = (Date.now() - t0) / 1000;
        const checked = await pane.getByText(/Đã kiểm tra [\d.]+ dòng/).textContent();
        const rows = Number(/([\d.]+) dòng/.exec(checked)[1].replace(/\./g, ""));
        assert.ok(rows > 150_000, `province rows checked: ${rows}`);
        console.log(`    (${rows} rows read, understood and checked in ${secs.toFixed(1)} s)`);
        await page.screenshot({ path: path.join(SHOTS, "province-checked.png") });
        report(name, null);
      } catch (err) {
        await page.screenshot({ path: path.join(SHOTS, "province-FAILED.png") }).catch(() => undefined);
        report(name, err);
      }
      const listName = "tens of thousands of notes: opening them draws a page per group, with no long task";
      try {
        const counts = await totalFindings(pane);
        // The notes: the biggest part of a province's findings (dates typed as text), closed at first.
        const notes = pane.locator('[data-testid=severity-section][data-severity="info"]');
        if ((await notes.getAttribute("aria-expanded")) === "true") await notes.click();
        await page.evaluate(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
            .observe({ type: "longtask", buffered: false });
        });
        await notes.click();
        await pane.locator('[data-testid=finding][data-severity="info"]').first().waitFor();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
        const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
        const drawn = await pane.locator('[data-testid=finding][data-severity="info"]').count();
        const groups = await pane.locator('[data-testid=rule-group][data-severity="info"]').count();
        console.log(`    (${counts.info} notes of ${counts.error + counts.warning + counts.info} findings; opening them drew ${drawn} rows in ${groups} groups; longest task ${Math.round(longest)} ms)`);
        assert.ok(drawn > 0 && drawn <= 50 * groups, `at most a page per group is drawn: ${drawn}`);
        // Long tasks are measured on a loaded machine here: the budget is checked with room, the figure is printed.
        assert.ok(longest < 300, `opening a group blocked the page for ${Math.round(longest)} ms`);
        report(listName, null);
      } catch (err) {
        await page.screenshot({ path: path.join(SHOTS, "province-list-FAILED.png") }).catch(() => undefined);
        report(listName, err);
      }
      const smooth = `the page is never busy over ${LIMIT_MS} ms: read, check, summary, apply`;
      try {
        await startLongTasks(page, launched);
        await pane.getByTestId("run-check").click();
        await pane.getByTestId("progress").waitFor({ timeout: 10_000 });
        await pane.getByTestId("progress").waitFor({ state: "detached", timeout: 180_000 });
        await pane.getByTestId("counts").waitFor({ timeout: 10_000 });
        await pane.getByRole("tab", { name: "Tổng hợp" }).click();
        await pane.getByTestId("make-summary").click();
        await pane.getByTestId("notice").filter({ hasText: "Đã ghi trang" }).waitFor({ timeout: 180_000 });
        const tasks = await stopLongTasks(page, launched);
        const bad = overLimit(tasks);
        console.log(`    (${tasks.length} long tasks; longest: ${describeTasks(tasks) || "none"})`);
        assert.equal(bad.length, 0, `tasks over ${LIMIT_MS} ms: ${describeTasks(bad)}`);
        report(smooth, null);
      } catch (err) {
        await page.screenshot({ path: path.join(SHOTS, "province-longtasks-FAILED.png") }).catch(() => undefined);
        report(smooth, err);
      }
      await page.close();
    }
    if (!only.length || only.includes("hostile")) {
      console.log("hostile: long values and hidden characters in the findings, pane 320 px");
      forget("hostile");
      const page = await browser.newPage({ viewport: { width: 900, height: 860 } });
      const pane = page.getByTestId("pane");
      const name = "a 30,000-character value stays one short finding; hidden marks are shown";
      const file = path.join(SHOTS, "hostile.xlsx");
      try {
        await writeHostileWorkbook(file);
        await page.goto(`${base}/demo/?pane=320&today=${TODAY}`);
        await pane.getByTestId("run-check").waitFor({ timeout: 60_000 });
        await page.getByTestId("open-xlsx").setInputFiles(file);
        await page.getByTestId("status").filter({ hasText: "hostile.xlsx" }).waitFor({ timeout: 60_000 });
        await pane.getByTestId("run-check").click();
        await pane.getByTestId("counts").waitFor({ timeout: 60_000 });
        for (const section of await pane.locator('[data-testid=severity-section][aria-expanded="false"]').all()) await section.click();
        const items = await pane.getByTestId("finding").evaluateAll((els) => els.map((e) => ({ text: e.textContent, h: e.getBoundingClientRect().height })));
        const tallest = Math.max(...items.map((i) => i.h));
        assert.ok(tallest < 400, `the tallest finding is ${tallest} px`);
        const all = items.map((i) => i.text).join("\n");
        assert.ok(!/[\u200B\u200F]/.test(all), "no hidden mark reaches the pane as it is");
        assert.match(all, /⟨RLM⟩/, `the right-to-left mark is shown: ${all.slice(0, 300)}`);
        assert.match(all, /Cán bộ⟨RLM⟩!/, "the sheet name's mark too");
        const whole = pane.getByTestId("whole-value").first();
        await whole.click();
        const box = await whole.evaluate((el) => ({ text: el.textContent.length, h: el.getBoundingClientRect().height }));
        assert.ok(box.text > 30_000 && box.h < 400, `the whole value is there, in a bounded box: ${JSON.stringify(box)}`);
        console.log(`    (tallest finding ${Math.round(tallest)} px; the whole value opens in a ${Math.round(box.h)} px box)`);
        await paneShot(page, path.join(SHOTS, "hostile-320.png"));
        report(name, null);
      } catch (err) {
        await page.screenshot({ path: path.join(SHOTS, "hostile-FAILED.png") }).catch(() => undefined);
        report(name, err);
      }
      fs.rmSync(file, { force: true });
      await page.close();
    }
    if (!only.length || only.includes("open-xlsx")) {
      console.log("open-xlsx: the demo opens a province .xlsx off the page's thread");
      await runOpenXlsx({ browser, launched, base, report });
    }
    if (!only.length || only.some((o) => o.startsWith("province-files"))) {
      await runProvinceFiles({ browser, launched, base, report, only });
    }
    if (!only.length || only.includes("csp")) {
      console.log("csp");
      const page = await browser.newPage();
      for (const [name, url] of [["demo page", `${base}/demo/`], ["task pane page", `${base}/taskpane.html`]]) {
        try {
          await cspBlocks(page, url, otherOrigin);
          report(`${name}: a fetch to another origin is blocked by the CSP`, null);
        } catch (err) {
          report(`${name}: a fetch to another origin is blocked by the CSP`, err);
        }
      }
      try {
        // office.js is refused here (no network in tests): the production page must say so in a sentence.
        await page.goto(`${base}/taskpane.html`);
        await page.getByRole("alert").filter({ hasText: "Không tải được Office.js" }).waitFor({ timeout: 10_000 });
        report("task pane page: explains when office.js cannot load", null);
      } catch (err) {
        report("task pane page: explains when office.js cannot load", err);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { passed, failed };
}

module.exports = { runAll };
