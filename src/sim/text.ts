import type { CellValue } from "../core/model/values";

/**
 * `range.text` for the common number formats: enough for the demo grid and
 * for tests that check what a person would see. Excel's full format language
 * (sections, colours, conditions) is not simulated; unknown formats fall back
 * to General.
 */
export function displayText(value: CellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat.split(";")[0];
  if (fmt === "General" || fmt === "@" || fmt === "") return general(value);
  if (/[dy]/i.test(fmt) || /(^|[^\\])m{1,4}([^a-z]|$)/i.test(fmt) && !/[0#]/.test(fmt)) return dateText(value, fmt);
  const pct = fmt.endsWith("%");
  const core = pct ? fmt.slice(0, -1) : fmt;
  const decimals = /\.([0#]+)/.exec(core)?.[1].length ?? 0;
  const grouped = core.includes(",");
  const n = pct ? value * 100 : value;
  let s = Math.abs(n).toFixed(decimals);
  if (grouped) {
    const [int, frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? "." + frac : "");
  }
  return (n < 0 ? "-" : "") + s + (pct ? "%" : "");
}

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  // General shows at most 11 significant characters.
  const p = Number(n.toPrecision(10));
  return String(p);
}

const EPOCH = Date.UTC(1899, 11, 30);

function dateText(serial: number, fmt: string): string {
  // Serial 60 is Excel's non-existent 29/02/1900, kept for Lotus compatibility.
  const adjusted = serial < 61 ? serial + 1 : serial;
  const d = new Date(EPOCH + Math.round(adjusted * 86_400_000));
  const Y = d.getUTCFullYear(), M = d.getUTCMonth() + 1, D = d.getUTCDate();
  const h = d.getUTCHours(), mi = d.getUTCMinutes(), s = d.getUTCSeconds();
  const two = (x: number) => String(x).padStart(2, "0");
  const hasTime = /h/i.test(fmt);
  return fmt
    .replace(/\\(.)/g, "$1")
    .replace(/yyyy|yy|dd|d|mm|m|hh|h|ss/gi, (tok, offset: number, whole: string) => {
      const t = tok.toLowerCase();
      if (t === "yyyy") return String(Y);
      if (t === "yy") return two(Y % 100);
      if (t === "dd") return two(D);
      if (t === "d") return String(D);
      if (t === "hh") return two(h);
      if (t === "h") return String(h);
      if (t === "ss") return two(s);
      // "mm" right after hours or before seconds means minutes.
      const before = whole.slice(0, offset);
      const minutes = hasTime && (/h[^dmy]*$/i.test(before) || /^[^dmy]*s/i.test(whole.slice(offset + tok.length)));
      if (minutes) return two(mi);
      return t === "mm" ? two(M) : String(M);
    });
}
