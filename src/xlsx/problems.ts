import type { SheetProblem, Text } from "../core/model";
import { megabytes } from "./limits";
import type { SheetIssues } from "./sheet";

/**
 * The sentences for sheets the workbook lists but that could not be taken as
 * they are (WorkbookData.problems). Each names the sheet, what happened, and
 * what to do; the check turns each into an error finding, so no table is ever
 * lost without a word.
 */
const n = (x: number) => x.toLocaleString("vi-VN");
const nEn = (x: number) => x.toLocaleString("en-US");

function problem(sheet: string, code: SheetProblem["code"], lost: boolean, detail: Text): SheetProblem {
  return { sheet, code, lost, detail };
}

export function missingPart(sheet: string, part: string): SheetProblem {
  return problem(sheet, "missing-part", true,
    {
      vi: `Trang tính "${sheet}" có trong sổ tính nhưng phần dữ liệu của nó (${part}) không có trong tệp, nên không đọc được: tệp đã bị sửa hoặc hỏng; hãy lấy lại bản gốc.`,
      en: `Sheet "${sheet}" is listed by the workbook but its data part (${part}) is not in the file, so it could not be read: the file was altered or damaged; get the original again.`,
    });
}

export function danglingRelationship(sheet: string, rid: string): SheetProblem {
  return problem(sheet, "missing-part", true,
    {
      vi: `Trang tính "${sheet}" trỏ tới một liên kết không có trong tệp (${rid || "không có mã"}), nên không đọc được: tệp đã bị sửa hoặc hỏng; hãy lấy lại bản gốc.`,
      en: `Sheet "${sheet}" points at a relationship the file does not have (${rid || "no id"}), so it could not be read: the file was altered or damaged; get the original again.`,
    });
}

export function listedTwice(sheet: string, first: string): SheetProblem {
  return problem(sheet, "listed-twice", false,
    {
      vi: `Trang tính "${sheet}" được liệt kê lần nữa trong sổ tính, trỏ tới cùng dữ liệu với trang "${first}": chỉ đọc một lần, để số liệu không bị tính hai lần.`,
      en: `Sheet "${sheet}" is listed again by the workbook, pointing at the same data as sheet "${first}": it is read once, so nothing is counted twice.`,
    });
}

export function sameName(sheet: string, shownAs: string): SheetProblem {
  return problem(sheet, "listed-twice", false,
    {
      vi: `Sổ tính có hai trang tính cùng tên "${sheet}" (Excel không cho phép): trang thứ hai được đọc với tên "${shownAs}".`,
      en: `The workbook has two sheets named "${sheet}" (Excel does not allow it): the second one is read as "${shownAs}".`,
    });
}

export function duplicateEntry(sheet: string, part: string, copies: number): SheetProblem {
  return problem(sheet, "duplicate-entry", false,
    {
      vi: `Phần dữ liệu ${part}${sheet !== part ? ` của trang tính "${sheet}"` : ""} có ${n(copies)} bản trong tệp (tệp bị sửa hoặc ghi lỗi): chỉ bản đầu tiên được đọc; hãy lấy lại bản gốc hoặc mở bằng Excel kiểm tra rồi lưu lại.`,
      en: `Data part ${part}${sheet !== part ? ` of sheet "${sheet}"` : ""} is stored ${nEn(copies)} times in the file (altered or badly written): only the first copy is read; get the original again or check it in Excel and save it again.`,
    });
}

export function partTooLarge(sheet: string, part: string, limit: number): SheetProblem {
  return problem(sheet, "too-large", true,
    {
      vi: `Trang tính "${sheet}" không được đọc: phần dữ liệu ${part} giải nén ra hơn ${megabytes(limit)}, quá lớn; hãy tách trang này thành nhiều trang hoặc nhiều tệp nhỏ hơn.`,
      en: `Sheet "${sheet}" was not read: its data part ${part} unpacks to more than ${megabytes(limit)}, too large; split it into several sheets or smaller files.`,
    });
}

export function tooManyCells(sheet: string, limit: number): SheetProblem {
  return problem(sheet, "too-large", true,
    {
      vi: `Trang tính "${sheet}" không được đọc: sổ tính có hơn ${n(limit)} ô có dữ liệu, quá nhiều để đọc một lần; hãy tách thành nhiều tệp nhỏ hơn.`,
      en: `Sheet "${sheet}" was not read: the workbook has more than ${nEn(limit)} cells with data, too many to read at once; split it into smaller files.`,
    });
}

export function tooManySheets(sheet: string, limit: number): SheetProblem {
  return problem(sheet, "too-large", true,
    {
      vi: `Trang tính "${sheet}" không được đọc: sổ tính có hơn ${n(limit)} trang tính; hãy tách thành nhiều tệp nhỏ hơn.`,
      en: `Sheet "${sheet}" was not read: the workbook has more than ${nEn(limit)} sheets; split it into smaller files.`,
    });
}

/** `why` is a short clause in each language: "the XML is broken (tags do not nest)". */
export function unreadable(sheet: string, part: string, why: Text): SheetProblem {
  return problem(sheet, "unreadable", true,
    {
      vi: `Không đọc được trang tính "${sheet}" (${part}): ${why.vi}; hãy lấy lại bản gốc, hoặc mở bằng Excel kiểm tra rồi lưu lại.`,
      en: `Sheet "${sheet}" (${part}) could not be read: ${why.en}; get the original again, or check it in Excel and save it again.`,
    });
}

export function totalTooLarge(sheet: string, limit: number): SheetProblem {
  return problem(sheet, "too-large", true,
    {
      vi: `Trang tính "${sheet}" không được đọc: các phần của tệp giải nén ra hơn ${megabytes(limit)} tổng cộng; hãy tách thành nhiều tệp nhỏ hơn.`,
      en: `Sheet "${sheet}" was not read: the file's parts unpack to more than ${megabytes(limit)} in all; split it into smaller files.`,
    });
}

/** The partial problems of a sheet that was read: cells dropped, text cut or undecodable, merges dropped. */
export function issueProblems(sheet: string, i: SheetIssues, maxChars: number, maxMerges: number): SheetProblem[] {
  const out: SheetProblem[] = [];
  if (i.beyondGrid > 0) {
    const ex = i.firstBeyondGrid ? ` (ví dụ "${i.firstBeyondGrid}")` : "";
    const exEn = i.firstBeyondGrid ? ` (for example "${i.firstBeyondGrid}")` : "";
    out.push(problem(sheet, "beyond-grid", false,
      {
        vi: `${n(i.beyondGrid)} ô của trang tính "${sheet}" có địa chỉ sai hoặc nằm ngoài lưới của Excel (quá cột XFD hay dòng 1.048.576)${ex}, nên bị bỏ qua: tệp đã bị sửa hoặc hỏng.`,
        en: `${nEn(i.beyondGrid)} cells of sheet "${sheet}" have a malformed address or lie beyond Excel's grid (past column XFD or row 1,048,576)${exEn}, so they were skipped: the file was altered or damaged.`,
      }));
  }
  if (i.mergesBeyondGrid > 0) {
    out.push(problem(sheet, "beyond-grid", false,
      {
        vi: `${n(i.mergesBeyondGrid)} vùng gộp ô của trang tính "${sheet}" có địa chỉ sai hoặc vượt ra ngoài lưới của Excel, nên bị bỏ qua.`,
        en: `${nEn(i.mergesBeyondGrid)} merged areas of sheet "${sheet}" have a malformed address or reach beyond Excel's grid, so they were skipped.`,
      }));
  }
  if (i.invalidUtf8 > 0) {
    out.push(problem(sheet, "unreadable", false,
      {
        vi: `${n(i.invalidUtf8)} ô của trang tính "${sheet}" có chữ không đúng mã UTF-8 (ví dụ ô ${i.firstInvalidUtf8}): các ký tự hỏng được đọc thành dấu �; hãy sửa lại chữ trong các ô đó.`,
        en: `${nEn(i.invalidUtf8)} cells of sheet "${sheet}" hold text that is not valid UTF-8 (for example cell ${i.firstInvalidUtf8}): the broken characters read as �; retype the text of those cells.`,
      }));
  }
  if (i.truncated > 0) {
    out.push(problem(sheet, "truncated", false,
      {
        vi: `${n(i.truncated)} ô của trang tính "${sheet}" dài hơn ${n(maxChars)} ký tự, giới hạn của một ô Excel (ví dụ ô ${i.firstTruncated}): chỉ ${n(maxChars)} ký tự đầu được đọc.`,
        en: `${nEn(i.truncated)} cells of sheet "${sheet}" are longer than ${nEn(maxChars)} characters, the limit of an Excel cell (for example cell ${i.firstTruncated}): only the first ${nEn(maxChars)} characters were read.`,
      }));
  }
  if (i.mergesDropped > 0) {
    out.push(problem(sheet, "truncated", false,
      {
        vi: `Trang tính "${sheet}" có hơn ${n(maxMerges)} vùng gộp ô: ${n(i.mergesDropped)} vùng sau đó bị bỏ qua, nên một số tiêu đề gộp có thể không được nhận ra.`,
        en: `Sheet "${sheet}" has more than ${nEn(maxMerges)} merged areas: the ${nEn(i.mergesDropped)} after those were skipped, so some merged headings may not be recognised.`,
      }));
  }
  return out;
}
