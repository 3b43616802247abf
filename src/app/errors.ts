import { type Text, userTextOf } from "../core/model";
/**
 * Turns any failure into one plain sentence that says what to do. The pane
 * never shows a stack trace: the people using it cannot act on one, and it
 * could carry cell contents into a screenshot sent for help.
 */
export type Lang = "vi" | "en";

/** Thrown when the user pressed "Hủy"; the pane shows it as a calm note, not an error. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export function isCancelled(err: unknown): boolean {
  if (err instanceof CancelledError) return true;
  if (typeof err !== "object" || err === null) return false;
  const e = err as { name?: string; code?: string };
  // The adapter reports a cancelled read as HostError "aborted".
  return e.name === "AbortError" || (e.name === "HostError" && e.code === "aborted");
}

const BY_CODE: Record<string, Text> = {
  AccessDenied: {
    vi: "Trang tính đang được bảo vệ. Hãy bỏ bảo vệ trang (Xem lại > Bỏ bảo vệ trang) rồi thử lại.",
    en: "The sheet is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    vi: "Dữ liệu quá lớn để gửi một lần. Hãy thử lại; nếu vẫn lỗi, hãy chia sổ làm việc thành nhiều tệp nhỏ hơn.",
    en: "Too much data for one request. Try again; if it still fails, split the workbook into smaller files.",
  },
  ItemNotFound: {
    vi: "Không tìm thấy trang tính hoặc ô cần dùng. Có thể trang đã bị đổi tên hoặc xóa; hãy chạy lại Kiểm tra.",
    en: "A sheet or cell could not be found. It may have been renamed or deleted; run the check again.",
  },
  ApiNotFound: {
    vi: "Phiên bản Excel này không hỗ trợ thao tác này. Hãy cập nhật Excel (Microsoft 365, Excel 2021 trở lên).",
    en: "This version of Excel does not support this action. Update Excel (Microsoft 365, Excel 2021 or later).",
  },
  InvalidOperation: {
    vi: "Excel đang bận (có thể đang sửa một ô). Hãy nhấn Enter hoặc Esc trong bảng tính rồi thử lại.",
    en: "Excel is busy (a cell may be in edit mode). Press Enter or Esc in the sheet and try again.",
  },
};

const FALLBACK = {
  vi: "Có lỗi không mong đợi. Hãy lưu sổ làm việc, đóng rồi mở lại ngăn tác vụ và thử lại.",
  en: "Something unexpected went wrong. Save the workbook, close and reopen the task pane, and try again.",
};

export function describeError(err: unknown, lang: Lang): string {
  if (isCancelled(err)) return lang === "vi" ? "Đã hủy theo yêu cầu." : "Cancelled.";
  if (typeof err === "object" && err !== null) {
    // HostError, XlsxReadError, EngineError… already carry a sentence for the user.
    const said = userTextOf(err);
    if (said) return said[lang];
    const e = err as { code?: unknown };
    if (typeof e.code === "string" && BY_CODE[e.code]) return BY_CODE[e.code][lang];
  }
  return FALLBACK[lang];
}
