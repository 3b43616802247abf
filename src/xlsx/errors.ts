/**
 * Why a file could not be read as a workbook. Each code has one plain sentence
 * in Vietnamese and English that says what happened and what to do, so the
 * command line and the tests never print a stack trace to the user.
 */
export type XlsxReadErrorCode = "not-found" | "not-xlsx" | "encrypted" | "old-xls" | "corrupt" | "empty" | "too-large";

const MESSAGES: Record<XlsxReadErrorCode, { vi: (file: string) => string; en: (file: string) => string }> = {
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
    vi: (f) => `Tệp ${f} quá lớn để đọc: hãy tách thành nhiều tệp nhỏ hơn (ví dụ mỗi tệp một số xã).`,
    en: (f) => `File ${f} is too large to read: split it into smaller files (for example a few communes per file).`,
  },
};

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  readonly file: string;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(code: XlsxReadErrorCode, file: string, detail?: string) {
    const vi = MESSAGES[code].vi(file);
    const en = MESSAGES[code].en(file);
    // `message` carries the English text plus any low-level detail, for logs; users see messageVi.
    super(detail ? `${en} (${detail})` : en);
    this.name = "XlsxReadError";
    this.code = code;
    this.file = file;
    this.messageVi = vi;
    this.messageEn = en;
  }
}
