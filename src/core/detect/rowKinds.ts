import { CellValue, isBlank } from "../model/values";
import { fold } from "../text/fold";
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

const TOTAL_LABELS = new Set(["tong cong", "cong", "tong", "tong so", "toan tinh", "toan xa", "toan phuong", "toan dang bo", "total", "grand total"]);
const totalCache = new Map<string, boolean>();

function isTotalLabel(s: string): boolean {
  // Long texts are data (a cell or person's name), never a closing label; every
  // label starts with T, C or G ("Tổng", "Cộng", "Toàn", "Grand"), which spares folding most names.
  if (s.length > 40 || !/^\s*[tcgTCG]/.test(s)) return false;
  let r = totalCache.get(s);
  if (r === undefined) {
    const k = fold(s);
    // "Cộng xã Yên Lạc" is a subtotal; "Công an xã" folds to "cong an xa" and is a cell, so only these words may follow.
    r = TOTAL_LABELS.has(k) || k.startsWith("tong cong ") || /^cong (toan|chung|xa|phuong|thi tran|dac khu)\b/.test(k);
    if (totalCache.size > 20000) totalCache.clear();
    totalCache.set(s, r);
  }
  return r;
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

const FOOTER_STARTS = ["nguoi lap", "nguoi lap bieu", "t m", "tm ", "xac nhan", "noi nhan", "ghi chu", "luu", "bi thu", "thu truong"];

/**
 * The signature block under a printed form ("Yên Lạc, ngày 30 tháng 9 năm 2026",
 * "NGƯỜI LẬP BIỂU", "T/M ĐẢNG ỦY"): text, not data rows.
 */
export function isFooterRow(values: readonly CellValue[], from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const v = values[c];
    if (isBlank(v)) continue;
    if (typeof v !== "string" || v.length > 120) return false;
    const k = fold(v);
    if (/\bngay\b.*\bthang\b.*\bnam\b/.test(k)) return true;
    return FOOTER_STARTS.some((p) => k === p.trim() || k.startsWith(p.endsWith(" ") ? p : p + " "));
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
