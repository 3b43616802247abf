import { CellValue } from "../model/values";
import { fold } from "../text/fold";

const UNIT_WORDS: ReadonlyArray<[string[], string]> = [
  [["thi", "tran"], "Thị trấn"],
  [["dac", "khu"], "Đặc khu"],
  [["phuong"], "Phường"],
  [["xa"], "Xã"],
];

/**
 * The word before the unit that makes it the commune a title is about: the
 * party or government body ("Đảng bộ", "Đảng ủy", "UBND", "Ủy ban nhân dân",
 * "ĐB", "ĐU"), or "thuộc", "của", "tại" ("… trực thuộc Đảng bộ xã X", "các chi
 * bộ thuộc xã X"), or "Chi bộ" in a list's title ("Danh sách bí thư chi bộ xã X").
 * "Công an xã", "Trường Tiểu học xã X", "thị xã" are not.
 */
const LEAD_WORDS: ReadonlySet<string> = new Set(["bo", "uy", "ubnd", "dan", "db", "du", "thuoc", "cua", "tai", "vi"]);

/** A short text that starts with the unit ("XÃ KIM SƠN") is a title; a longer one is a sentence. */
const BARE_TITLE_WORDS = 6;
/** Commune names are one to four words ("Yên Lạc", "Ea H'Leo", "Cư M'gar"). */
const MAX_NAME_WORDS = 5;

/** Punctuation that ends a name: brackets, separators. */
const SEPARATORS = /^[()[\]{},;:–—\-/|.]+$/;

/** A clause that follows the name: "năm 2025", "quý III", "nhiệm kỳ …", "tỉnh …", "huyện …". */
function startsClause(folded: readonly string[], i: number): boolean {
  const w = folded[i];
  const next = folded[i + 1] ?? "";
  if ((w === "nam" || w === "thang" || w === "khoa" || w === "quy" || w === "lan") && /^(\d+|[ivxl]+)$/.test(next)) return true;
  if (w === "nhiem" && next === "ky") return true;
  if (w === "giai" && next === "doan") return true;
  if (w === "tinh" && next === "den") return true;
  return w === "tinh" || w === "huyen" || (w === "thanh" && next === "pho") || (w === "thi" && next === "xa");
}

function titleCase(words: string): string {
  return words
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

/** Words and punctuation apart: "(Đảng bộ xã Tiên Du)" -> "(", "Đảng", …, "Du", ")". */
function tokens(text: string): string[] {
  return text
    .replace(/([()[\]{},;:–—|])/g, " $1 ")
    .replace(/\s[-/]\s|\s[-/](?=\S)|(?<=\S)[-/]\s/g, " - ")
    .split(/\s+/)
    .filter((w) => w !== "");
}

export interface CommuneOptions {
  /** Take a unit anywhere in the text, after any word (a sheet's tab name: "DS BT xã Tiên Du"). */
  anywhere?: boolean;
}

/**
 * The commune a title names, "… TRỰC THUỘC ĐẢNG BỘ XÃ TIÊN DU NĂM 2025" or
 * "(Đảng bộ xã Tiên Du)" -> "Xã Tiên Du": the unit (xã, phường, thị trấn, đặc
 * khu) after a word that makes it the title's subject (see LEAD_WORDS), or at
 * the start of a short title ("XÃ KIM SƠN"), then the name, up to a bracket, a
 * separator, a clause ("năm 2025", "tỉnh …") or, in a title typed in mixed case,
 * the first word in lower case. No bracket or punctuation is ever part of it.
 */
export function communeFromTitle(text: string, opts: CommuneOptions = {}): string | undefined {
  const trimmed = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (trimmed === "" || trimmed.length > 200) return undefined;
  const words = tokens(trimmed);
  const folded = words.map((w) => (SEPARATORS.test(w) ? w : fold(w)));
  const wordCount = words.filter((w) => !SEPARATORS.test(w)).length;
  const mixedCase = /\p{Lu}/u.test(trimmed) && /\p{Ll}/u.test(trimmed);
  for (let i = 0; i < words.length; i++) {
    for (const [unit, label] of UNIT_WORDS) {
      if (!unit.every((u, k) => folded[i + k] === u)) continue;
      const prev = i > 0 ? folded[i - 1] : "";
      const subject = opts.anywhere || LEAD_WORDS.has(prev) || (i > 0 && SEPARATORS.test(prev) && prev !== "-") ||
        (i === 0 && wordCount <= BARE_TITLE_WORDS);
      if (!subject) continue;
      const name: string[] = [];
      for (let j = i + unit.length; j < words.length && name.length < MAX_NAME_WORDS; j++) {
        const w = words[j];
        if (SEPARATORS.test(w) || folded[j] === "" || startsClause(folded, j)) break;
        if (mixedCase && /^\p{Ll}/u.test(w)) break;
        name.push(w.replace(/^['"“‘]+|['"”’.!?]+$/g, ""));
      }
      if (name.length > 0 && name.every((w) => w !== "")) return `${label} ${titleCase(name.join(" "))}`;
    }
  }
  return undefined;
}

/** The first title row (top to bottom) that names a commune. */
export function titleCommuneOf(rows: ReadonlyArray<readonly CellValue[] | undefined>): string | undefined {
  for (const row of rows) {
    if (!row) continue;
    for (const v of row) {
      if (typeof v !== "string") continue;
      const name = communeFromTitle(v);
      if (name) return name;
    }
  }
  return undefined;
}

/**
 * The commune a sheet's tab names: "Xã Tiên Du", "DS BT xa Tien Du",
 * "P. Hạc Thành" need a unit; a bare name ("Tiên Du") is a commune only when
 * `known` (the workbook's COMMUNES or CELLS) lists it, as a tab called "Bí thư"
 * or "2025" is no commune at all.
 */
export function communeFromSheetName(name: string, known: (name: string) => string | undefined): string | undefined {
  const expanded = name.replace(/^\s*(?:X\.|P\.|TT\.)\s*/i, (m) => (/^\s*X/i.test(m) ? "Xã " : /^\s*P/i.test(m) ? "Phường " : "Thị trấn "));
  return communeFromTitle(expanded, { anywhere: true }) ?? known(name.trim());
}
