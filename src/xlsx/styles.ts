import { bytes, CLOSE, END, OPEN, SELF_CLOSING, XmlScanner } from "./xmlScan";

/**
 * Number formats out of xl/styles.xml: for each cell style (<cellXfs><xf>, the
 * index a cell's `s` attribute gives) its format code, or null for General.
 * Values stay as stored (a date is its serial, as range.values gives it); the
 * codes let a grid or a writer show a serial as the date it is.
 */

/**
 * Excel's built-in formats (ECMA-376 §18.8.30). 14 and 22 follow the system's
 * short date, which in Vietnam is day/month/year; the others are fixed. The
 * date ones (14-22, 45-47) all pass isDateFormatCode. Ids missing here (locale
 * currencies, East Asian calendars) read as General.
 */
const BUILT_IN: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "dd/mm/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: "dd/mm/yyyy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/**
 * Whether a format code shows a number as a date or time: it has a day,
 * month, year or hour letter outside quoted text, escapes and [brackets]
 * (which hold colours, conditions and locales, where such letters mean nothing).
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (c === "[") {
      const close = code.indexOf("]", i + 1);
      if (close < 0) return false;
      i = close;
    } else if (c === "\\" || c === "_" || c === "*") {
      i++; // the next character is literal, padding or fill
    } else if ("dDmMyYhH".includes(c)) {
      return true;
    }
  }
  return false;
}

export interface CellFormats {
  /** By cell style index: the format code, or null for General. */
  codes: Array<string | null>;
}

const NUM_FMT = bytes("numFmt"), CELL_XFS = bytes("cellXfs"), XF = bytes("xf");
const NUM_FMT_ID = bytes("numFmtId"), FORMAT_CODE = bytes("formatCode");

export function readStyles(part: Uint8Array): CellFormats {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const sc = new XmlScanner(part);
  let inCellXfs = false;
  for (;;) {
    const tok = sc.next();
    if (tok === END) break;
    if (tok === CLOSE) {
      if (sc.is(CELL_XFS)) inCellXfs = false;
      continue;
    }
    if (sc.is(NUM_FMT)) {
      let id = -1;
      let code: string | null = null;
      while (sc.nextAttr()) {
        if (sc.attrIs(NUM_FMT_ID)) id = Number(sc.attrValue());
        else if (sc.attrIs(FORMAT_CODE)) code = sc.attrValue();
      }
      if (Number.isInteger(id) && id >= 0 && code !== null) custom.set(id, code);
    } else if (sc.is(CELL_XFS) && tok === OPEN) {
      inCellXfs = true;
    } else if (inCellXfs && sc.is(XF) && (tok === OPEN || tok === SELF_CLOSING)) {
      let id = 0;
      while (sc.nextAttr()) if (sc.attrIs(NUM_FMT_ID)) id = Number(sc.attrValue()) || 0;
      xfIds.push(id);
    }
  }
  // One string per distinct code, so equal formats compare with === when runs are built.
  const interned = new Map<string, string>();
  const codes = xfIds.map((id) => {
    const code = custom.get(id) ?? BUILT_IN[id] ?? null;
    if (code === null || code === "General" || code.toLowerCase() === "general") return null;
    const known = interned.get(code);
    if (known) return known;
    interned.set(code, code);
    return code;
  });
  return { codes };
}
