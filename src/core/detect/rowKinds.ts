import { CellValue, isBlank } from "../model/values";
import { fold } from "../text/fold";
import { isTotalLabel } from "../text/totalLabel";
import { communeFromTitle } from "./title";

/**
 * A column-number row under the header: "(1)", "(2)" … or 1, 2, 3 …, sometimes
 * with the formula the official forms print ("(5)=(6)+(7)") or letters ("A", "B").
 * Every filled cell must look like that and the numbers must count up one by
 * one from the start, so that a data row of small integers is not mistaken for it.
 */
export function isNumberingRow(values: readonly CellValue[], from: number, to: number): boolean {
  let filled = 0;
  let last = -Infinity;
  for (let c = from; c <= to; c++) {
    const v = values[c];
    if (isBlank(v)) continue;
    filled++;
    let n: number;
    if (typeof v === "number") {
      if (!Number.isInteger(v) || v < 0 || v > 200) return false;
      n = v;
    } else if (typeof v === "string") {
      const s = v.trim();
      const m = /^\(?\s*(\d{1,3})\s*\)?(\s*[=+\-*/x×:].*)?$/.exec(s);
      if (m) n = Number(m[1]);
      else if (/^\(?[A-Za-z]\)?$/.test(s)) continue; // "A", "B": letter columns do not take part in the order
      else return false;
    } else return false;
    if (last === -Infinity ? n > 2 : n !== last + 1) return false;
    last = n;
  }
  return filled >= 2 && last !== -Infinity;
}

/**
 * A "Tổng cộng" / "Cộng" row: the label sits in one of the first filled cells
 * of the table (usually the merged STT and name cells).
 */
export function isTotalRow(values: readonly CellValue[], from: number, to: number): boolean {
  let seen = 0;
  for (let c = from; c <= to && seen < 3; c++) {
    const v = values[c];
    if (isBlank(v)) continue;
    seen++;
    if (typeof v === "string" && isTotalLabel(v)) return true;
  }
  return false;
}

/** True when every cell from..to (0-based, inclusive) is blank. */
export function isBlankSpan(values: readonly CellValue[] | undefined, from: number, to: number): boolean {
  if (!values) return true;
  const end = Math.min(to, values.length - 1);
  for (let c = from; c <= end; c++) {
    const v = values[c];
    if (v !== "" && !(typeof v === "string" && v.trim() === "") && v !== undefined && v !== null) return false;
  }
  return true;
}

/** Folded starts of the lines under a printed list: who made it, who confirms it, who gets it, notes. */
const FOOTER_STARTS = [
  "nguoi lap", "nguoi tong hop", "can bo tong hop", "nguoi ky", "xac nhan", "noi nhan", "ghi chu", "t m", "tm", "k t", "kt",
  "q bi thu", "ky ghi ro", "ky ten", "ky va ghi ro", "da ky", "danh sach nay co", "danh sach co", "an dinh danh sach",
  "prepared by", "confirmed by", "signed",
];
/** Titles alone on their line above a signature ("BÍ THƯ", "PHÓ BÍ THƯ"): a post held in the list is longer. */
const SIGNATURE_TITLES: ReadonlySet<string> = new Set([
  "bi thu", "pho bi thu", "thu truong", "thu truong don vi", "chu tich", "truong ban", "pho truong ban", "chanh van phong",
  "lanh dao don vi", "thu ky",
]);

/**
 * The signature block under a printed form ("Yên Lạc, ngày 30 tháng 9 năm 2026",
 * "NGƯỜI LẬP BIỂU", "T/M ĐẢNG ỦY", "(Ký, ghi rõ họ tên)", "Nơi nhận:", "- Lưu VP"):
 * text, not data rows. Only the row's first filled cell is read: a data row
 * starts with its number or its name. A surname ("Lưu Văn Bình") or a post in a
 * list ("Bí thư chi bộ") is no footer.
 */
export function isFooterRow(values: readonly CellValue[], from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const v = values[c];
    if (isBlank(v)) continue;
    if (typeof v !== "string" || v.length > 120) return false;
    const k = fold(v);
    if (/\bngay\b.*\bthang\b.*\bnam\b/.test(k)) return true;
    if (SIGNATURE_TITLES.has(k)) return true;
    // "Lưu: VT", "- Lưu VP": the filing line, never the surname Lưu.
    if (/^\s*-?\s*lưu\s*(?::|,|vt\b|vp\b|hs\b|hồ sơ)/i.test(v.normalize("NFC"))) return true;
    return FOOTER_STARTS.some((p) => k === p || k.startsWith(p + " "));
  }
  return false;
}

/** "I.", "II)", "A." at the start of a section label. */
const SECTION_MARK = /^\s*(?:[IVXL]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?=\S)/;

/** A section number alone in its cell (the STT column), the label beside it: "II", "A.". */
const SECTION_NUMBER = /^\s*(?:[IVXL]{1,5}[.)]?|[A-Z][.)])\s*$/;

/** What a section row says about its rows. */
export interface Section {
  /** The commune the section names ("I. ĐẢNG BỘ XÃ YÊN LẠC" -> "Xã Yên Lạc"), if any. */
  commune?: string;
}

/**
 * A section row inside a table: "I. ĐẢNG BỘ XÃ YÊN LẠC" or "Đảng bộ xã Kim Sơn"
 * alone on its row, grouping the rows under it. It holds one or two texts at the
 * left and nothing else, so a sparse data row (a name and a role) is not one.
 */
export function sectionOf(values: readonly CellValue[], from: number, to: number): Section | undefined {
  // Count first: nearly every row has three filled cells, and then no text is looked at.
  let filled = 0;
  for (let c = from; c <= to; c++) {
    const v = values[c];
    if (isBlank(v)) continue;
    // Labels sit at the left (STT and name columns, often merged across the row);
    // texts further right are a sparse data row ("Nguyễn Văn An" … "Xã Yên Lạc").
    if (typeof v !== "string" || ++filled > 2 || c > from + 2) return undefined;
  }
  let marked = false;
  for (let c = from; c <= to; c++) {
    const v = values[c];
    if (typeof v !== "string" || v.trim() === "") continue;
    const commune = communeFromTitle(v.replace(SECTION_MARK, ""));
    if (commune) return { commune };
    if (SECTION_MARK.test(v) || SECTION_NUMBER.test(v)) marked = true;
  }
  return marked ? {} : undefined;
}
