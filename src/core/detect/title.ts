import { CellValue } from "../model/values";
import { fold } from "../text/fold";

const UNIT_WORDS: ReadonlyArray<[string, string]> = [
  ["thi tran", "Thị trấn"],
  ["dac khu", "Đặc khu"],
  ["phuong", "Phường"],
  ["xa", "Xã"],
];

function titleCase(words: string): string {
  return words
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

/**
 * The commune a title names, "ĐẢNG BỘ XÃ YÊN LẠC" -> "Xã Yên Lạc". Only titles
 * that start with the party or government body and then the unit are taken, so
 * "DANH SÁCH BÍ THƯ CHI BỘ" or a sentence mentioning a commune are not.
 */
export function communeFromTitle(text: string): string | undefined {
  const trimmed = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (trimmed === "" || trimmed.length > 80) return undefined;
  const words = trimmed.split(" ");
  const folded = words.map((w) => fold(w));
  let i = 0;
  const lead = folded.slice(0, 2).join(" ");
  if (lead === "dang bo" || lead === "dang uy") i = 2;
  else if (folded[0] === "ubnd") i = 1;
  else if (folded.slice(0, 4).join(" ") === "uy ban nhan dan") i = 4;
  // A bare "XÃ YÊN LẠC" is a title only when short; longer texts are sentences.
  else if (words.length > 6) return undefined;
  for (const [unit, label] of UNIT_WORDS) {
    const n = unit.split(" ").length;
    if (folded.slice(i, i + n).join(" ") !== unit) continue;
    // The name runs to a separator ("ĐẢNG BỘ XÃ YÊN LẠC - TỈNH ...") or the end.
    const rest: string[] = [];
    for (const w of words.slice(i + n)) {
      if (/^[-–—,;:(]/.test(w)) break;
      rest.push(w.replace(/[,;:]$/, ""));
      if (/[,;:]$/.test(w)) break;
    }
    if (rest.length === 0) return undefined;
    return `${label} ${titleCase(rest.join(" "))}`;
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
