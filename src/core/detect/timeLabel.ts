import { fold } from "../text/fold";
import { serialToDay } from "../cells/serial";

/** What one header text says about time: a month, a quarter, a year, a kind of meeting. */
export interface TimeLabel {
  month?: number;
  quarter?: 1 | 2 | 3 | 4;
  year?: number;
  kind?: "Thường kỳ" | "Chuyên đề";
}

const MONTH_WORDS: ReadonlySet<string> = new Set(["thang", "th", "thg", "t", "m", "month"]);
const QUARTER_WORDS: ReadonlySet<string> = new Set(["quy", "q", "quarter"]);
const ROMAN: Readonly<Record<string, 1 | 2 | 3 | 4>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const THEMATIC: ReadonlySet<string> = new Set(["cd", "shcd", "thematic", "chuyen de"]);
const REGULAR: ReadonlySet<string> = new Set(["tk", "shtk", "regular", "thuong ky"]);

function monthNumber(w: string | undefined): number | undefined {
  if (w === undefined || !/^\d{1,2}$/.test(w)) return undefined;
  const n = Number(w);
  return n >= 1 && n <= 12 ? n : undefined;
}

function isYear(w: string | undefined): boolean {
  return w !== undefined && /^(19|20)\d\d$/.test(w);
}

/**
 * Reads a header text as time: "Tháng 3", "T3", "Th.3", "Thg 03", "03/2025"
 * (as text, or the first of the month Excel made of it), "Tháng 3/2025",
 * "March", "Quý I", "Q1", "CĐ Quý I", "SHCĐ", "TK". A number alone says
 * nothing: under a "Tháng" group its column reads "Tháng 3".
 */
export function readTimeLabel(text: string): TimeLabel | undefined {
  // "01/2025" in a header cell: Excel makes it the date 01/01/2025, which reaches us as its serial.
  if (/^\s*\d{5}\s*$/.test(text)) {
    const r = serialToDay(Number(text));
    return r.kind === "day" && r.day.y >= 1990 && r.day.y <= 2100 && r.day.d === 1 ? { month: r.day.m, year: r.day.y } : undefined;
  }
  const words = fold(text)
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .split(" ")
    .filter((w) => w !== "");
  if (words.length === 0 || words.length > 8) return undefined;
  const out: TimeLabel = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const pair = i + 1 < words.length ? w + " " + words[i + 1] : "";
    if (isYear(w)) out.year ??= Number(w);
    else if (MONTH_WORDS.has(w) && monthNumber(words[i + 1]) !== undefined) out.month ??= monthNumber(words[++i]);
    else if (QUARTER_WORDS.has(w) && (ROMAN[words[i + 1]] !== undefined || /^[1-4]$/.test(words[i + 1] ?? ""))) {
      const q = words[++i];
      out.quarter ??= ROMAN[q] ?? (Number(q) as 1 | 2 | 3 | 4);
    } else if (monthNumber(w) !== undefined && isYear(words[i + 1])) out.month ??= monthNumber(w);
    else if (EN_MONTHS.some((m) => w.startsWith(m) && w.length <= 9)) out.month ??= EN_MONTHS.findIndex((m) => w.startsWith(m)) + 1;
    else if (THEMATIC.has(pair)) { out.kind ??= "Chuyên đề"; i++; }
    else if (REGULAR.has(pair)) { out.kind ??= "Thường kỳ"; i++; }
    else if (THEMATIC.has(w)) out.kind ??= "Chuyên đề";
    else if (REGULAR.has(w)) out.kind ??= "Thường kỳ";
    else if (w !== "sinh" && w !== "hoat" && w !== "sh" && w !== "nam") return undefined;
  }
  return out.month !== undefined || out.quarter !== undefined || out.kind !== undefined ? out : undefined;
}
