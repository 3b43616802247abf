/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { Engine } from "../../src/app/engine";
import type { SheetNote } from "../../src/core/model";
import { fakeCore, fakeEngine, fakeOps, tinyWorkbook } from "./fakes";
import { failOnReactWarnings } from "./reactWarnings";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
failOnReactWarnings();
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class { observe(): void {} unobserve(): void {} disconnect(): void {} };

const NOTES: SheetNote[] = [
  { sheet: "ĐV mới <b>kết nạp</b>", reason: "no-key-column", looksLikeTable: true, rows: 4, row: 3, col: 2, detail: { vi: "dòng 3 thiếu cột \"Họ và tên\"", en: "row 3 has no \"Full name\" column" } },
  { sheet: "Biểu 1", reason: "report", looksLikeTable: false, rows: 6, detail: { vi: "trang là biểu báo cáo", en: "the sheet is a report form" } },
  { sheet: "Cũ", reason: "unreadable", looksLikeTable: false, rows: 0, detail: { vi: "phần của trang bị hỏng", en: "the sheet's part is damaged" } },
];

function engineWithNotes(): Engine {
  const core = fakeCore();
  return fakeEngine({ understand: (wb, m) => { const r = core.understand(wb, m); r.dataset.sheetNotes = NOTES; return r; } });
}

describe("the Dữ liệu tab names every sheet it did not read, and why", () => {
  it.each([["vi", "Dữ liệu", "Tìm bảng dữ liệu", "Trang có dữ liệu chưa đọc được", ["Cần xem lại", "Không phải danh sách", "Không đọc được"]],
    ["en", "Data", "Find data tables", "Sheets with data that were not read", ["Needs a look", "Not a list", "Could not be read"]]] as const)(
    "%s", async (lang, tab, find, title, badges) => {
      const fake = fakeOps(tinyWorkbook());
      render(<App ops={fake.ops} engine={engineWithNotes()} now={new Date(2026, 10, 20)} initialLang={lang} />);
      await act(async () => { await Promise.resolve(); });
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      fireEvent.click(screen.getByRole("button", { name: find }));
      const section = await screen.findByRole("region", { name: title });
      const cards = within(section).getAllByTestId("sheet-note");
      expect(cards.map((c) => c.textContent)).toEqual(NOTES.map((n, i) => `${n.sheet}${badges[i]}${n.detail[lang]}`));
      // A sheet name from the workbook is text, never markup.
      expect(section.querySelector("b")).toBeNull();
    });
});
