import type { Explained, Text } from "../core/model";
import { READ_LIMITS, megabytes } from "./limits";

/**
 * Why a file could not be read as a workbook. Each code has one plain sentence
 * in Vietnamese and English that says what happened and what to do, so the
 * command line, the demo and the tests never show a stack trace to the user.
 * A bound that is passed is named as such: a file that is too big in one way
 * is not called damaged.
 */
export type XlsxReadErrorCode =
  | "not-found" | "not-xlsx" | "encrypted" | "old-xls" | "corrupt" | "empty" | "too-large"
  | "too-many-entries" | "inflated-too-large" | "part-too-large" | "bad-part" | "bad-text" | "too-many-sheets" | "sheets-unreadable";

/** What some messages name besides the file: a part, or the sentences of the sheets that could not be read. */
export interface ErrorInfo {
  part?: string;
  /** The bound that was passed, when the caller set its own (default: READ_LIMITS). */
  limit?: number;
  sheets?: Text;
  /** Why a part is bad, as a clause: "nội dung XML bị hỏng (...)". */
  reason?: Text;
}

type Message = (file: string, info: ErrorInfo) => string;

const fmt = (n: number) => n.toLocaleString("vi-VN");
const fmtEn = (n: number) => n.toLocaleString("en-US");

const MESSAGES: Record<XlsxReadErrorCode, { vi: Message; en: Message }> = {
  "not-found": {
    vi: (f) => `Không tìm thấy tệp ${f}: hãy kiểm tra lại đường dẫn và tên tệp.`,
    en: (f) => `File ${f} was not found: check the path and the file name.`,
  },
  "not-xlsx": {
    vi: (f) => `Tệp ${f} không phải là tệp Excel .xlsx: hãy mở nó bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".`,
    en: (f) => `File ${f} is not an Excel .xlsx file: open it in Excel and save it as "Excel Workbook (.xlsx)".`,
  },
  encrypted: {
    vi: (f) => `Tệp ${f} được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại.`,
    en: (f) => `File ${f} is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.`,
  },
  "old-xls": {
    vi: (f) => `Tệp ${f} có định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx.`,
    en: (f) => `File ${f} is in the old Excel format (.xls): open it in Excel and save it as .xlsx.`,
  },
  corrupt: {
    vi: (f) => `Tệp ${f} bị hỏng hoặc chưa tải về hết: hãy lấy lại bản gốc của tệp rồi thử lại.`,
    en: (f) => `File ${f} is damaged or was not fully downloaded: get the original file again and retry.`,
  },
  empty: {
    vi: (f) => `Tệp ${f} không có trang tính nào chứa dữ liệu: hãy kiểm tra xem có đúng tệp cần đọc không.`,
    en: (f) => `File ${f} has no worksheet with data in it: check that it is the right file.`,
  },
  "too-large": {
    vi: (f, i) => `Tệp ${f} lớn hơn ${megabytes(i.limit ?? READ_LIMITS.maxFileBytes)}, quá lớn để đọc: hãy tách thành nhiều tệp nhỏ hơn (ví dụ mỗi tệp một số xã).`,
    en: (f, i) => `File ${f} is over ${megabytes(i.limit ?? READ_LIMITS.maxFileBytes)}, too large to read: split it into smaller files (for example a few communes per file).`,
  },
  "too-many-entries": {
    vi: (f, i) => `Tệp ${f} chứa hơn ${fmt(i.limit ?? READ_LIMITS.maxZipEntries)} phần bên trong, nhiều hơn hẳn một sổ tính bình thường: hãy mở bằng Excel, xóa những gì không cần (ảnh, trang thừa) rồi lưu lại.`,
    en: (f, i) => `File ${f} holds more than ${fmtEn(i.limit ?? READ_LIMITS.maxZipEntries)} parts, far more than a normal workbook: open it in Excel, remove what is not needed (pictures, extra sheets) and save it again.`,
  },
  "inflated-too-large": {
    vi: (f, i) => `Tệp ${f} giải nén ra hơn ${megabytes(i.limit ?? READ_LIMITS.maxTotalBytes)} dữ liệu, quá lớn để đọc: hãy tách thành nhiều tệp nhỏ hơn.`,
    en: (f, i) => `File ${f} unpacks to more than ${megabytes(i.limit ?? READ_LIMITS.maxTotalBytes)} of data, too much to read: split it into smaller files.`,
  },
  "part-too-large": {
    vi: (f, i) => `Phần ${i.part ?? ""} của tệp ${f} giải nén ra hơn ${megabytes(i.limit ?? READ_LIMITS.maxPartBytes)}, quá lớn để đọc: hãy tách sổ tính thành nhiều tệp nhỏ hơn.`,
    en: (f, i) => `Part ${i.part ?? ""} of file ${f} unpacks to more than ${megabytes(i.limit ?? READ_LIMITS.maxPartBytes)}, too much to read: split the workbook into smaller files.`,
  },
  "bad-part": {
    vi: (f, i) => `Phần ${i.part ?? ""} của tệp ${f} bị hỏng (${i.reason?.vi ?? ""}), nên không đọc được tệp: hãy lấy lại bản gốc, hoặc mở bằng Excel kiểm tra rồi lưu lại.`,
    en: (f, i) => `Part ${i.part ?? ""} of file ${f} is damaged (${i.reason?.en ?? ""}), so the file cannot be read: get the original again, or check it in Excel and save it again.`,
  },
  "bad-text": {
    vi: (f, i) => `Phần ${i.part ?? ""} của tệp ${f} có chữ không đúng mã UTF-8/UTF-16 (tệp bị hỏng hoặc do phần mềm khác ghi sai): hãy lấy lại bản gốc, hoặc mở bằng Excel và lưu lại.`,
    en: (f, i) => `Part ${i.part ?? ""} of file ${f} holds text that is not valid UTF-8/UTF-16 (the file is damaged or was written wrongly by another program): get the original again, or open it in Excel and save it again.`,
  },
  "too-many-sheets": {
    vi: (f, i) => `Tệp ${f} có hơn ${fmt(i.limit ?? READ_LIMITS.maxSheets)} trang tính, quá nhiều để đọc: hãy tách thành nhiều tệp nhỏ hơn.`,
    en: (f, i) => `File ${f} has more than ${fmtEn(i.limit ?? READ_LIMITS.maxSheets)} sheets, too many to read: split it into smaller files.`,
  },
  "sheets-unreadable": {
    vi: (f, i) => `Không đọc được trang tính nào có dữ liệu trong tệp ${f}. ${i.sheets?.vi ?? ""}`.trim(),
    en: (f, i) => `No sheet with data could be read in file ${f}. ${i.sheets?.en ?? ""}`.trim(),
  },
};

export class XlsxReadError extends Error implements Explained {
  readonly code: XlsxReadErrorCode;
  readonly file: string;
  readonly userText: Text;

  constructor(code: XlsxReadErrorCode, file: string, detail?: string, info: ErrorInfo = {}) {
    const vi = MESSAGES[code].vi(file, info);
    const en = MESSAGES[code].en(file, info);
    // `message` carries the English text plus any low-level detail, for logs; users see userText.
    super(detail ? `${en} (${detail})` : en);
    this.name = "XlsxReadError";
    this.code = code;
    this.file = file;
    this.userText = { vi, en };
  }
}
