import type { Explained, Text } from "../core/model";

/**
 * Every failure the adapter lets out is a HostError: a code the pane can branch
 * on, and one sentence in each language that says what happened and what to do.
 * Excel's own messages are English, technical, and sometimes empty, so they are
 * kept only in `detail` for the log.
 */
export type HostErrorCode =
  | "protected"
  | "editMode"
  | "payloadTooLarge"
  | "apiNotSupported"
  | "notFound"
  | "invalidArgument"
  | "busy"
  | "aborted"
  | "sheetName"
  | "hiddenSheet"
  | "structureProtected"
  | "dialogOpen"
  | "sessionExpired"
  | "timeout"
  | "connection"
  | "stateStore"
  | "settingsStore"
  | "notInExcel"
  | "unknown";

export class HostError extends Error implements Explained {
  readonly code: HostErrorCode;
  readonly userText: Text;
  /** Excel's own code and message, for logs; never shown to the user. */
  readonly detail: string;

  constructor(code: HostErrorCode, userText: Text, detail = "") {
    super(userText.vi);
    this.name = "HostError";
    this.code = code;
    this.userText = userText;
    this.detail = detail;
  }
}

const MESSAGES: Record<HostErrorCode, Text> = {
  protected: {
    vi: "Trang tính đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
    en: "The sheet is protected, so nothing could be written. Unprotect it (Review › Unprotect Sheet) and try again.",
  },
  editMode: {
    vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    en: "Excel is in cell edit mode. Press Enter or Esc to leave the cell, then try again.",
  },
  payloadTooLarge: {
    vi: "Dữ liệu gửi qua lại với Excel quá lớn cho một lần. Hãy thử lại; nếu vẫn lỗi, hãy chia bảng thành các trang nhỏ hơn.",
    en: "Too much data for one exchange with Excel. Try again; if it still fails, split the table into smaller sheets.",
  },
  apiNotSupported: {
    vi: "Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Excel (Microsoft 365, Excel 2021 trở lên hoặc Excel trên web).",
    en: "This version of Excel does not support this action. Update Excel (Microsoft 365, Excel 2021 or later, or Excel on the web).",
  },
  notFound: {
    vi: "Không tìm thấy trang tính hoặc ô cần dùng; có thể trang đã bị đổi tên hoặc xóa. Hãy kiểm tra lại rồi thử lại.",
    en: "The sheet or cell was not found; it may have been renamed or deleted. Check and try again.",
  },
  invalidArgument: {
    vi: "Excel từ chối dữ liệu được ghi (địa chỉ hoặc kích thước vùng không hợp lệ). Hãy báo lỗi này cho người hỗ trợ.",
    en: "Excel rejected the data written (invalid address or range size). Please report this problem.",
  },
  busy: {
    vi: "Excel đang bận. Hãy đợi một lát rồi thử lại.",
    en: "Excel is busy. Wait a moment and try again.",
  },
  aborted: {
    vi: "Đã hủy theo yêu cầu.",
    en: "Cancelled.",
  },
  sheetName: {
    vi: "Tên trang tính không hợp lệ hoặc đã có. Hãy đổi tên trang tính trùng rồi thử lại.",
    en: "The sheet name is invalid or already taken. Rename the other sheet and try again.",
  },
  hiddenSheet: {
    vi: "Trang tính đang bị ẩn nên không chọn được ô. Hãy bỏ ẩn trang (chuột phải vào thẻ trang › Bỏ ẩn) rồi thử lại.",
    en: "The sheet is hidden, so the cell cannot be selected. Unhide it (right-click a sheet tab › Unhide) and try again.",
  },
  structureProtected: {
    vi: "Sổ làm việc đang được bảo vệ cấu trúc nên không thêm hay sửa được trang tính. Hãy bỏ bảo vệ (Xem lại › Bảo vệ Sổ làm việc) rồi thử lại.",
    en: "The workbook's structure is protected, so no sheet can be added or changed. Unprotect it (Review › Protect Workbook) and try again.",
  },
  dialogOpen: {
    vi: "Excel đang mở một hộp thoại nên chưa ghi được. Hãy đóng hộp thoại đó (nhấn OK hoặc Hủy) rồi thử lại.",
    en: "A dialog box is open in Excel, so nothing can be written. Close it (OK or Cancel) and try again.",
  },
  sessionExpired: {
    vi: "Phiên làm việc với Excel đã hết hạn. Hãy lưu tệp, tải lại trang (F5) hoặc đóng và mở lại ngăn tác vụ rồi thử lại.",
    en: "The session with Excel has expired. Save the file, reload the page (F5) or close and reopen the task pane, then try again.",
  },
  timeout: {
    vi: "Excel không trả lời kịp. Hãy đợi một lát rồi thử lại; nếu vẫn lỗi, hãy đóng các tệp khác đang mở.",
    en: "Excel did not answer in time. Wait a moment and try again; if it still fails, close other open files.",
  },
  connection: {
    vi: "Mất kết nối với Excel (trên web: mất mạng). Hãy kiểm tra kết nối mạng rồi thử lại.",
    en: "The connection to Excel was lost (on the web: the network). Check the connection and try again.",
  },
  stateStore: {
    vi: "Không lưu được thông tin để hoàn tác hoặc bỏ tô màu, nên chưa ô nào bị thay đổi. Hãy bỏ bảo vệ cấu trúc sổ làm việc (Xem lại › Bảo vệ Sổ làm việc) hoặc chọn ít ô hơn rồi thử lại.",
    en: "What undo or clearing the colours needs could not be saved, so no cell was changed. Unprotect the workbook's structure (Review › Protect Workbook) or choose fewer cells, then try again.",
  },
  settingsStore: {
    vi: "Excel không lưu được cài đặt này vào sổ làm việc. Các chức năng khác vẫn dùng được; hãy lưu tệp, đóng và mở lại rồi thử lại.",
    en: "Excel could not save this setting in the workbook. Everything else still works; save the file, close and reopen it, then try again.",
  },
  notInExcel: {
    vi: "Tổng hợp Chi bộ đang được mở ngoài Excel nên không đọc được bảng tính nào. Hãy mở tệp Excel, rồi mở bổ trợ từ thẻ Trang đầu › Tổng hợp Chi bộ.",
    en: "Tổng hợp Chi bộ is open outside Excel, so there is no workbook to read. Open an Excel file, then start the add-in from Home › Tổng hợp Chi bộ.",
  },
  unknown: {
    vi: "Excel báo lỗi không xác định. Hãy lưu tệp, đóng và mở lại Excel rồi thử lại.",
    en: "Excel reported an unexpected error. Save the file, restart Excel and try again.",
  },
};

export function hostError(code: HostErrorCode, detail = ""): HostError {
  return new HostError(code, MESSAGES[code], detail);
}

/**
 * Excel's error codes (OfficeExtension.ErrorCodes and Excel.ErrorCodes) to ours.
 * Several codes name the same situation in different hosts: Excel on the web says
 * "RequestPayloadSizeLimitExceeded", desktop says "PayloadTooLarge".
 */
const CODE_MAP: Record<string, HostErrorCode> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "editMode",
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  PayloadTooLarge: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  RangeExceedsLimit: "payloadTooLarge",
  FormulaLengthExceedsLimit: "invalidArgument",
  NotImplemented: "apiNotSupported",
  ApiNotFound: "apiNotSupported",
  ApiNotAvailable: "apiNotSupported",
  UnsupportedOperation: "apiNotSupported",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  InvalidArgument: "invalidArgument",
  InvalidBinding: "invalidArgument",
  ItemAlreadyExists: "sheetName",
  WriteNotSupportedWhenModalDialogOpen: "dialogOpen",
  InvalidOrTimedOutSession: "sessionExpired",
  InvalidOrTimedOutSessionMessage: "sessionExpired",
  Timeout: "timeout",
  RequestTimeout: "timeout",
  ConnectionFailure: "connection",
  ActivityLimitReached: "busy",
  RequestAborted: "busy",
  ServiceNotAvailable: "busy",
  Conflict: "busy",
  Aborted: "aborted",
};

/** Turns anything thrown inside Excel.run into a HostError; a HostError passes through unchanged. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown; debugInfo?: { code?: unknown } };
  const code = typeof err.code === "string" ? err.code : typeof err.debugInfo?.code === "string" ? err.debugInfo.code : "";
  const message = typeof err.message === "string" ? err.message : String(e);
  const detail = code ? `${code}: ${message}` : message;
  if (err.name === "AbortError") return hostError("aborted", detail);
  const mapped = CODE_MAP[code];
  if (mapped) return hostError(mapped, detail);
  // Some hosts report protection only in the message text.
  if (/protect/i.test(message)) return hostError("protected", detail);
  if (/edit mode|cell-edit|celledit/i.test(message)) return hostError("editMode", detail);
  if (/payload|too large|size limit/i.test(message)) return hostError("payloadTooLarge", detail);
  return hostError("unknown", detail);
}
