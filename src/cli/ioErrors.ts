/**
 * One plain sentence, in Vietnamese and English, for each way writing (or
 * reading) a file can fail at the operating-system level. The user sees what
 * happened to which file and what to do, never "Lỗi không mong đợi: EROFS".
 */
export interface IoMessage {
  vi: string;
  en: string;
}

/** What the program was doing when the system said no: the sentence differs for a folder check and a write. */
export interface IoContext {
  /** The file being written or read, as the user typed it. */
  file: string;
  /** The folder it lives in, as shown to the user. */
  dir: string;
}

/** The errno code ("EROFS") of a Node system error, or null for anything else. */
export function errnoCode(e: unknown): string | null {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    const code = (e as { code: string }).code;
    return /^E[A-Z0-9]+$/.test(code) ? code : null;
  }
  return null;
}

/** The sentence for an errno code; an unknown code still gets a plain sentence that names it. */
export function ioMessage(code: string, { file, dir }: IoContext): IoMessage {
  switch (code) {
    case "EROFS":
      return {
        vi: `Thư mục ${dir} chỉ cho phép đọc (ổ đĩa, thẻ nhớ hoặc thư mục mạng chỉ đọc): không ghi được ${file}. Hãy chọn thư mục khác cho --out.`,
        en: `The folder ${dir} is read-only (a read-only disk, memory card or network folder): ${file} cannot be written. Choose another folder for --out.`,
      };
    case "EACCES":
    case "EPERM":
      return {
        vi: `Không có quyền ghi ${file} trong thư mục ${dir}: hãy chọn thư mục của mình (ví dụ Tài liệu) hoặc nhờ quản trị máy cấp quyền ghi.`,
        en: `No permission to write ${file} in the folder ${dir}: choose a folder of your own (such as Documents) or ask the administrator for write access.`,
      };
    case "ENOENT":
      return {
        vi: `Thư mục ${dir} không tồn tại: hãy tạo thư mục đó trước, hoặc chọn thư mục khác cho ${file}.`,
        en: `The folder ${dir} does not exist: create it first, or choose another folder for ${file}.`,
      };
    case "ENOTDIR":
      return {
        vi: `${dir} không phải là thư mục (đó là một tệp): hãy chọn đường dẫn khác cho ${file}.`,
        en: `${dir} is not a folder (it is a file): choose another path for ${file}.`,
      };
    case "EISDIR":
      return {
        vi: `${file} là một thư mục, không phải tệp: hãy ghi cả tên tệp, ví dụ ${file}/tong-hop.xlsx.`,
        en: `${file} is a folder, not a file: give a file name too, e.g. ${file}/summary.xlsx.`,
      };
    case "ENOSPC":
    case "EDQUOT":
      return {
        vi: `Ổ đĩa chứa thư mục ${dir} đã hết chỗ trống: không ghi được ${file} (tệp cũ, nếu có, vẫn còn nguyên). Hãy xóa bớt tệp hoặc chọn ổ khác.`,
        en: `The disk holding ${dir} is full: ${file} could not be written (any earlier file of that name is untouched). Free some space or choose another disk.`,
      };
    case "EEXIST":
      return {
        vi: `Tệp ${file} đã có: thêm --force để ghi đè, hoặc chọn tên khác.`,
        en: `${file} already exists: add --force to replace it, or choose another name.`,
      };
    case "EBUSY":
    case "ETXTBSY":
      return {
        vi: `Tệp ${file} đang bị chương trình khác giữ (ví dụ đang mở trong Excel): hãy đóng tệp rồi chạy lại.`,
        en: `${file} is held by another program (for example open in Excel): close it and run again.`,
      };
    case "ENAMETOOLONG":
      return {
        vi: `Tên hoặc đường dẫn của ${file} quá dài: hãy chọn tên ngắn hơn hoặc thư mục gần gốc ổ đĩa hơn.`,
        en: `The name or path of ${file} is too long: choose a shorter name or a folder nearer the top of the disk.`,
      };
    case "EINVAL":
      return {
        vi: `Tên tệp ${file} không hợp lệ trên ổ đĩa này (có thể chứa ký tự như : * ? " < > |): hãy chọn tên khác.`,
        en: `The name ${file} is not valid on this disk (it may hold characters such as : * ? " < > |): choose another name.`,
      };
    case "ELOOP":
      return {
        vi: `Đường dẫn ${file} có liên kết trỏ vòng tròn: hãy dùng đường dẫn thật của tệp.`,
        en: `The path ${file} holds links that point in a circle: use the real path of the file.`,
      };
    case "EMFILE":
    case "ENFILE":
      return {
        vi: `Máy đang mở quá nhiều tệp nên không ghi được ${file}: hãy đóng bớt chương trình rồi chạy lại.`,
        en: `Too many files are open on this machine to write ${file}: close some programs and run again.`,
      };
    case "EIO":
      return {
        vi: `Ổ đĩa báo lỗi khi ghi ${file} (ổ hỏng hoặc bị rút ra): hãy kiểm tra ổ đĩa, hoặc ghi sang ổ khác.`,
        en: `The disk reported an error while writing ${file} (damaged or unplugged): check the disk, or write to another one.`,
      };
    default:
      return {
        vi: `Không ghi được ${file} vào thư mục ${dir} (hệ điều hành báo ${code}): hãy kiểm tra thư mục, chỗ trống trên ổ đĩa, rồi chạy lại.`,
        en: `Could not write ${file} in the folder ${dir} (the system said ${code}): check the folder and the free space, then run again.`,
      };
  }
}

const MEANING: Record<string, IoMessage> = {
  EACCES: { vi: "không có quyền truy cập", en: "permission denied" },
  EPERM: { vi: "không có quyền truy cập", en: "permission denied" },
  ENOENT: { vi: "không tồn tại", en: "does not exist" },
  EROFS: { vi: "ổ đĩa chỉ cho phép đọc", en: "the disk is read-only" },
  ENOSPC: { vi: "ổ đĩa đã hết chỗ trống", en: "the disk is full" },
  EISDIR: { vi: "đó là một thư mục", en: "it is a folder" },
  ENOTDIR: { vi: "một phần đường dẫn không phải thư mục", en: "part of the path is not a folder" },
  EBUSY: { vi: "tệp đang bị chương trình khác giữ", en: "the file is held by another program" },
  EIO: { vi: "ổ đĩa báo lỗi", en: "the disk reported an error" },
  EMFILE: { vi: "quá nhiều tệp đang mở", en: "too many open files" },
};

/** For a system error met outside any planned step: names the file, the cause, and that nothing was half-written. */
export function ioFailureMessage(code: string, file: string): IoMessage {
  const m = MEANING[code] ?? { vi: `hệ điều hành báo ${code}`, en: `the system said ${code}` };
  return {
    vi: `Không đọc hoặc ghi được ${file}: ${m.vi}. Hãy kiểm tra tệp và thư mục rồi chạy lại.`,
    en: `Could not read or write ${file}: ${m.en}. Check the file and the folder, then run again.`,
  };
}
