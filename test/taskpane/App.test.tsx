/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Finding } from "../../src/core/model";
import { fakeCore, fakeEngine, fakeOps, tinyWorkbook } from "./fakes";
import { failOnReactWarnings } from "./reactWarnings";

const NOW = new Date(2026, 10, 20);

// Fluent UI renders slowly in jsdom on a busy machine: generous waits, no fixed delays.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);
failOnReactWarnings();

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to reflow long text.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;

async function setup(lang: "vi" | "en" = "vi") {
  const fake = fakeOps(tinyWorkbook());
  const utils = render(<App ops={fake.ops} engine={fakeEngine()} now={NOW} initialLang={lang} />);
  // Let the saved settings load (an effect) before the test acts.
  await act(async () => { await Promise.resolve(); });
  return { ...fake, ...utils };
}

async function runCheck() {
  fireEvent.click(screen.getByTestId("run-check"));
  await screen.findByTestId("counts");
}

describe("task pane", () => {
  test("opens on Kiểm tra in Vietnamese, with accessible tabs", async () => {
    await setup();
    expect(screen.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tablist", { name: "Các phần của ngăn tác vụ" })).toBeTruthy();
    for (const name of ["Dữ liệu", "Tổng hợp", "Cài đặt"]) expect(screen.getByRole("tab", { name })).toBeTruthy();
    // Q4 2026 is under way on 20/11/2026: the default period is the quarter that ended, Q3.
    expect((screen.getByRole("combobox", { name: "Kỳ" }) as HTMLSelectElement).value).toBe("q3");
  });

  test("check shows counts by severity and findings grouped by rule; a click selects the cell", async () => {
    const { calls } = await setup();
    await runCheck();
    expect(screen.getByTestId("count-error").textContent).toBe("1");
    expect(screen.getByTestId("count-warning").textContent).toBe("0");
    expect(screen.getByTestId("count-info").textContent).toBe("1");
    const tree = screen.getByRole("tree", { name: "Danh sách phát hiện" });
    const enumGroup = within(tree).getByRole("treeitem", { name: /Giá trị không thuộc danh mục \(enum\): 1 lỗi/ });
    expect(enumGroup.getAttribute("aria-expanded")).toBe("true");
    const item = within(tree).getByRole("treeitem", { name: /Cán bộ!B2/ });
    expect(item.textContent).toContain("Trình độ chuyên môn không hợp lệ: ĐH");
    fireEvent.click(item);
    await waitFor(() => expect(calls).toContain("select:Cán bộ!B2"));
  });

  test("notes come closed with their count, after the errors; the keyboard walks the list and Enter selects the cell", async () => {
    const { calls } = await setup();
    await runCheck();
    const sections = screen.getAllByTestId("severity-section");
    expect(sections.map((s) => s.dataset.severity)).toEqual(["error", "info"]);
    expect(sections[1].getAttribute("aria-expanded")).toBe("false");
    expect(sections[1].textContent).toContain("1 phát hiện");
    expect(screen.getAllByTestId("finding").map((f) => f.dataset.severity)).toEqual(["error"]);
    // One tab stop: the first row; the arrows go on from there.
    const rows = screen.getAllByRole("treeitem");
    expect(rows.filter((r) => r.tabIndex === 0)).toEqual([rows[0]]);
    rows[0].focus();
    fireEvent.keyDown(rows[0], { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(rows[1]));
    fireEvent.keyDown(rows[1], { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Cán bộ!B2"));
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    await waitFor(() => expect(calls).toContain("select:Cán bộ!B2"));
    // Down to the notes, Right opens them.
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId("severity-section")[1]));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    expect(screen.getAllByTestId("finding")[1].textContent).toContain("Cán bộ!A3");
  });

  test("a notice stays with the tab whose work made it", async () => {
    await setup();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Tô màu ô lỗi" }));
    expect((await screen.findByTestId("notice")).textContent).toContain("Đã tô màu");
    fireEvent.click(screen.getByRole("tab", { name: "Cài đặt" }));
    expect(screen.queryByTestId("notice")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    expect(screen.getByTestId("notice").textContent).toContain("Đã tô màu");
  });

  test("a hostile value is shown visibly and cut, with the whole of it on demand", async () => {
    const fake = fakeOps(tinyWorkbook());
    const value = "\u200F1966" + "x".repeat(30_000);
    const engine = fakeEngine({
      checkDataset: () => [{
        rule: "text/spaces", severity: "error", sheet: "Cán\u200Bbộ", address: "A2", row: 2, column: "A", value,
        message: { vi: `Họ và tên "${value}" có khoảng trắng thừa.`, en: "x" }, fix: null,
      }],
    });
    render(<App ops={fake.ops} engine={engine} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    const item = await screen.findByTestId("finding");
    expect(item.textContent).toContain("Cán⟨ZWSP⟩bộ!A2");
    expect(item.textContent).toContain("⟨RLM⟩1966");
    expect(item.textContent).not.toContain("\u200F");
    expect(item.textContent!.length).toBeLessThan(400);
    expect(item.textContent).toContain("có khoảng trắng thừa.");
    const whole = screen.getByTestId("whole-value");
    expect(whole.textContent).toContain("Xem toàn bộ (30.005 ký tự)");
    fireEvent.click(whole);
    await waitFor(() => expect(screen.getByTestId("whole-value").textContent!.length).toBeGreaterThan(30_000));
    expect(screen.getByTestId("whole-value").textContent).toContain("⟨RLM⟩1966xxx");
  });

  test("a blank template is named, not counted as a table", async () => {
    const fake = fakeOps(tinyWorkbook());
    const core = fakeCore();
    const engine = fakeEngine({
      understand: (wb, m) => {
        const r = core.understand(wb, m);
        return { ...r, tables: [...r.tables, { ...r.tables[0], sheet: "Cán bộ (2)", dataRows: [] }] };
      },
    });
    render(<App ops={fake.ops} engine={engine} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    await runCheck();
    expect(screen.getByText("Đã kiểm tra 2 dòng trong 1 bảng.")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Dữ liệu" }));
    expect(screen.getAllByTestId("table-card")).toHaveLength(1);
    expect(screen.getByTestId("empty-tables").textContent).toBe("Trang chưa có dòng dữ liệu nào (không tính là bảng): Cán bộ (2).");
  });

  test("auto-fix can be narrowed to one rule or one sheet", async () => {
    const fake = fakeOps(tinyWorkbook());
    const mk = (rule: "enum" | "text/spaces", sheet: string, row: number): Finding => ({
      rule, severity: "error", sheet, address: `B${row}`, row, column: "B", value: "v", message: { vi: "m", en: "m" },
      fix: { value: "w", description: { vi: "d", en: "d" } },
    });
    const engine = fakeEngine({ checkDataset: () => [mk("enum", "Phường Số 10", 2), mk("enum", "Phường Số 2", 3), mk("text/spaces", "Phường Số 2", 4)] });
    render(<App ops={fake.ops} engine={engine} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("counts");
    fireEvent.click(screen.getByRole("button", { name: "Sửa tự động" }));
    const panel = screen.getByTestId("fix-panel");
    // The scope's fixes come from the engine, a page at a time.
    expect(await within(panel).findByRole("button", { name: "Áp dụng 3 sửa đổi" })).toBeTruthy();
    // Sheets in Vietnamese order, numbers as numbers.
    const sheetOptions = within(screen.getByTestId("fix-sheet")).getAllByRole("option").map((o) => o.textContent);
    expect(sheetOptions).toEqual(["Mọi trang", "Phường Số 2 (2)", "Phường Số 10 (1)"]);
    fireEvent.change(screen.getByTestId("fix-rule"), { target: { value: "enum" } });
    expect(await within(panel).findByRole("button", { name: "Áp dụng 2 sửa đổi" })).toBeTruthy();
    fireEvent.change(screen.getByTestId("fix-sheet"), { target: { value: "Phường Số 2" } });
    fireEvent.click(await within(panel).findByRole("button", { name: "Áp dụng 1 sửa đổi" }));
    await waitFor(() => expect(fake.calls).toContain("applyFixes:1"));
    // The fake workbook has no such sheet: the host skips the fix and the pane says why.
    expect((await screen.findByTestId("notice", {}, { timeout: 10_000 })).textContent).toContain("Bỏ qua 1 ô");
  });

  test("a sheet the reader could not read has no cell to select: the pane says so instead of an Excel error", async () => {
    const fake = fakeOps(tinyWorkbook());
    const lost: Finding = {
      rule: "sheet/unreadable", severity: "error", sheet: "Sinh hoạt", address: "A1", row: 1, column: "A", value: "",
      message: { vi: "Không đọc được trang \"Sinh hoạt\"", en: "Sheet \"Sinh hoạt\" could not be read" }, fix: null,
    };
    render(<App ops={fake.ops} engine={fakeEngine({ checkDataset: () => [lost] })} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("counts");
    fireEvent.click(await screen.findByRole("treeitem", { name: /Sinh hoạt!A1/ }));
    expect(await screen.findByText(/không có ô nào để chọn/)).toBeTruthy();
    expect(fake.calls.filter((c) => c.startsWith("select:"))).toEqual([]);
  });

  test("a group's next findings are fetched from the engine a page at a time, and the focus goes on to them", async () => {
    const fake = fakeOps(tinyWorkbook());
    const many: Finding[] = Array.from({ length: 120 }, (_, i) => ({
      rule: "enum", severity: "error", sheet: "Cán bộ", address: `B${i + 2}`, row: i + 2, column: "B", value: "x",
      message: { vi: `m${i + 2}`, en: `m${i + 2}` }, fix: null,
    }));
    const engine = fakeEngine({ checkDataset: () => many });
    const pages: Array<[string, number, number]> = [];
    const findingsPage = engine.findingsPage;
    engine.findingsPage = (h, q, group, offset, limit) => {
      pages.push([group, offset, limit]);
      return findingsPage(h, q, group, offset, limit);
    };
    render(<App ops={fake.ops} engine={engine} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    await screen.findByTestId("counts");
    expect(screen.getAllByTestId("finding")).toHaveLength(50);
    expect(pages).toEqual([]);
    fireEvent.click(screen.getByTestId("show-more"));
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(100));
    expect(pages).toEqual([["error:enum", 50, 50]]);
    expect(document.activeElement?.textContent).toContain("m52");
    fireEvent.keyDown(screen.getByTestId("show-more"), { key: "Enter" });
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(120));
    expect(pages).toEqual([["error:enum", 50, 50], ["error:enum", 100, 50]]);
    expect(screen.queryByTestId("show-more")).toBeNull();
  });

  test("severity filter narrows the list", async () => {
    await setup();
    await runCheck();
    fireEvent.change(screen.getByRole("combobox", { name: "Lọc theo mức độ" }), { target: { value: "info" } });
    // The engine answers for the new filter: the list follows when it does.
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(1));
    expect(screen.getAllByTestId("finding")[0].textContent).toContain("Cán bộ!A3");
  });

  test("highlight and clear report how many cells", async () => {
    const { calls } = await setup();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Tô màu ô lỗi" }));
    expect((await screen.findByTestId("notice")).textContent).toContain("Đã tô màu 2 ô.");
    fireEvent.click(screen.getByRole("button", { name: "Xóa tô màu" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã xóa tô màu"));
    expect(calls).toEqual(expect.arrayContaining(["highlight:2", "clearHighlights"]));
  });

  test("auto-fix previews the change, applies it, re-checks, and undo puts it back", async () => {
    const { calls } = await setup();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tự động" }));
    const panel = screen.getByTestId("fix-panel");
    await waitFor(() => expect(panel.textContent).toContain("“ĐH” → “Đại học”"));
    fireEvent.click(await within(panel).findByRole("button", { name: "Áp dụng 1 sửa đổi" }));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã sửa 1 ô."));
    expect(calls).toContain("applyFixes:1");
    expect(screen.getByTestId("count-error").textContent).toBe("0");
    const undo = screen.getByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã hoàn tác 1 ô."));
    expect(screen.getByTestId("count-error").textContent).toBe("1");
  });

  test("summary writes the sheet, shows key figures, and the form fill lists what did not match", async () => {
    await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
    fireEvent.click(screen.getByTestId("make-summary"));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã ghi trang “Tổng hợp” với 4 biểu đồ."));
    expect(screen.getByTestId("notice").textContent).toContain("Cán bộ không rõ đảng bộ xã/phường: không tính (3)");
    const figures = screen.getByTestId("key-figures");
    expect(figures.textContent).toContain("429");
    expect(figures.textContent).toContain("45 (10,49%)");
    await waitFor(() => expect(screen.getByRole("option", { name: "Biểu mẫu" })).toBeTruthy());
    fireEvent.change(screen.getByTestId("form-sheet"), { target: { value: "Biểu mẫu" } });
    fireEvent.click(screen.getByTestId("fill-form"));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Đã điền 1 ô vào trang “Biểu mẫu”."));
    expect(screen.getByTestId("notice").textContent).toContain("Dòng không khớp: Xã Không Có (dòng 3)");
  });

  test("data tab lists tables with confidence and saves an edited mapping", async () => {
    const { settings } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Dữ liệu" }));
    fireEvent.click(screen.getByRole("button", { name: "Tìm bảng dữ liệu" }));
    const card = await screen.findByTestId("table-card");
    expect(card.textContent).toContain("Độ tin cậy 95%");
    fireEvent.click(within(card).getByRole("button", { name: "Sửa ánh xạ cột" }));
    expect(card.textContent).toContain("Nguyễn Văn An · Trần Thị Bình");
    fireEvent.change(within(card).getByRole("combobox", { name: "Chức vụ *" }), { target: { value: "2" } });
    fireEvent.click(within(card).getByRole("button", { name: "Lưu ánh xạ" }));
    await waitFor(() => expect(settings.get("chibo.mappings")).toEqual([
      expect.objectContaining({ kind: "cadres", sheet: "Cán bộ", columns: { name: 1, education: 2, role: 2 } }),
    ]));
  });

  test("settings reject a bad number and save good ones; English is switchable", async () => {
    const { settings } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Cài đặt" }));
    const age = screen.getByRole("textbox", { name: "Tuổi tối đa" });
    fireEvent.change(age, { target: { value: "abc" } });
    expect(screen.getByText("Hãy nhập một số nguyên từ 1 đến 130.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Lưu cài đặt" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(age, { target: { value: "75" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    await waitFor(() => expect(settings.get("chibo.settings")).toEqual(expect.objectContaining({ maxAge: 75, minAge: 18 })));
    fireEvent.change(screen.getByTestId("language"), { target: { value: "en" } });
    expect(await screen.findByRole("tab", { name: "Settings" })).toBeTruthy();
    expect(settings.get("chibo.lang")).toBe("en");
  });

  test("age bands are edited as text and saved as bands", async () => {
    const { settings } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: "Cài đặt" }));
    const input = screen.getByRole("textbox", { name: /Nhóm tuổi/ });
    fireEvent.change(input, { target: { value: "18-30, 25-40" } });
    expect(screen.getByText(/Hãy nhập các nhóm tăng dần/)).toBeTruthy();
    fireEvent.change(input, { target: { value: "18-35, 36-60, 61+" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    await waitFor(() => expect((settings.get("chibo.settings") as { ageBands: unknown[] } | undefined)?.ageBands).toHaveLength(3));
  });

  test("text from cells is shown as text, never as markup", async () => {
    const fake = fakeOps(tinyWorkbook());
    const engine = fakeEngine({ checkDataset: () => [{
      rule: "text/spaces", severity: "info", sheet: "Cán bộ", address: "A2", row: 2, column: "A",
      value: "<img src=x onerror=alert(1)>", message: { vi: "Giá trị <img src=x onerror=alert(1)> có khoảng trắng", en: "x" }, fix: null,
    }] });
    render(<App ops={fake.ops} engine={engine} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    const item = await screen.findByTestId("finding");
    expect(item.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(document.querySelector("img")).toBeNull();
  });

  test("a host failure becomes a sentence, never a stack trace", async () => {
    const fake = fakeOps(tinyWorkbook());
    fake.ops.readWorkbook = async () => { throw Object.assign(new Error("boom at x.js:1"), { code: "AccessDenied" }); };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(<App ops={fake.ops} engine={fakeEngine()} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    const notice = await screen.findByRole("alert");
    expect(notice.textContent).toContain("Trang tính đang được bảo vệ");
    expect(notice.textContent).not.toContain("x.js");
    spy.mockRestore();
  });

  test("cancel stops a long read and says so calmly", async () => {
    const fake = fakeOps(tinyWorkbook());
    fake.ops.readWorkbook = (_p, signal) => new Promise((_, reject) => {
      signal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" })));
    });
    render(<App ops={fake.ops} engine={fakeEngine()} now={NOW} />);
    await act(async () => { await Promise.resolve(); });
    fireEvent.click(screen.getByTestId("run-check"));
    const cancel = await screen.findByRole("button", { name: "Hủy" });
    await act(async () => { fireEvent.click(cancel); });
    expect((await screen.findByTestId("notice")).textContent).toContain("Đã hủy theo yêu cầu.");
    expect(screen.queryByTestId("progress")).toBeNull();
  });
});
