import type { CellFormat } from "../core/model";
import { attributes, escapeAttr } from "./xmlEdit";

/**
 * Adds the cell formats of the new sheets to a workbook's styles part, as
 * new fonts, fills, borders, number formats and cell formats appended after
 * the workbook's own (whose indexes the copied sheets use, so none moves).
 * New fonts start from the workbook's default font, so the summary looks like
 * the rest of the workbook. Works on the text, whatever namespace prefix the
 * part uses; a workbook without a styles part gets MINIMAL_STYLES.
 */

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Excel's built-in number formats that the plans use; others become custom formats. */
const BUILT_IN: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
};

/** The order of the style sheet's children (CT_Stylesheet), for inserting a missing one in its place. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export function formatKey(f: CellFormat): string {
  return JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k as keyof CellFormat]]));
}

interface Block {
  /** Where the element starts and ends in the text. */
  start: number;
  end: number;
  /** Where its children start and end (equal for a self-closing element). */
  inner: number;
  innerEnd: number;
  attrs: string;
}

function findBlock(xml: string, prefix: string, local: string): Block | null {
  const open = new RegExp(`<${prefix}${local}(\\s[^>]*?)?(/?)>`, "g");
  const m = open.exec(xml);
  if (!m) return null;
  const start = m.index;
  const inner = start + m[0].length;
  if (m[2] === "/") return { start, end: inner, inner, innerEnd: inner, attrs: m[1] ?? "" };
  const close = `</${prefix}${local}>`;
  const innerEnd = xml.indexOf(close, inner);
  if (innerEnd < 0) return null;
  return { start, end: innerEnd + close.length, inner, innerEnd, attrs: m[1] ?? "" };
}

function children(text: string, prefix: string, local: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${prefix}${local}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${prefix}${local}>)`, "g");
  for (const m of text.matchAll(re)) out.push(m[0]);
  return out;
}

function rgb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

class StyleSheetText {
  constructor(public xml: string, readonly p: string) {}

  block(local: string): Block | null {
    return findBlock(this.xml, this.p, local);
  }

  /** The children of a block, creating the block in its place when missing. */
  ensure(local: string): Block {
    const b = this.block(local);
    if (b) return b;
    const later = ORDER.slice(ORDER.indexOf(local) + 1).map((l) => this.block(l)).find((x) => x !== null);
    const at = later ? later.start : this.xml.lastIndexOf(`</${this.p}styleSheet>`);
    this.xml = this.xml.slice(0, at) + `<${this.p}${local} count="0"></${this.p}${local}>` + this.xml.slice(at);
    return this.block(local)!;
  }

  /** Appends elements to a block and sets its count to the number of its children. */
  append(local: string, child: string, items: string[]): void {
    if (items.length === 0) return;
    const b = this.ensure(local);
    const inner = this.xml.slice(b.inner, b.innerEnd) + items.join("");
    const count = children(inner, this.p, child).length;
    const attrs = /\bcount\s*=/.test(b.attrs) ? b.attrs.replace(/\bcount\s*=\s*(["'])[^"']*\1/, `count="${count}"`) : `${b.attrs} count="${count}"`;
    this.xml = this.xml.slice(0, b.start) + `<${this.p}${local}${attrs}>${inner}</${this.p}${local}>` + this.xml.slice(b.end);
  }

  count(local: string, child: string): number {
    const b = this.block(local);
    return b ? children(this.xml.slice(b.inner, b.innerEnd), this.p, child).length : 0;
  }
}

/** The default font's element without the properties a format sets, to build each new font on. */
function fontBase(first: string | undefined, p: string): string {
  if (!first) return `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
  return first.replace(new RegExp(`<${p}(b|i|sz|color)(\\s[^>]*?)?/>|<${p}(b|i|sz|color)(\\s[^>]*?)?>[\\s\\S]*?</${p}\\3>`, "g"), "");
}

function fontXml(base: string, p: string, f: CellFormat, defaultSize: string): string {
  const props =
    (f.bold ? `<${p}b/>` : "") + (f.italic ? `<${p}i/>` : "") +
    `<${p}sz val="${f.fontSize ?? defaultSize}"/>` + (f.fontColor ? `<${p}color rgb="${rgb(f.fontColor)}"/>` : "");
  if (/\/>$/.test(base) && !base.includes("></")) return base.replace(/\s*\/>$/, `>${props}</${p}font>`);
  return base.replace(new RegExp(`^(<${p}font(?:\\s[^>]*?)?>)`), `$1${props}`);
}

const H_ALIGN = { Left: "left", Center: "center", Right: "right" } as const;
const V_ALIGN = { Top: "top", Center: "center", Bottom: "bottom" } as const;

/**
 * Adds a cell format (xf) for each distinct format and returns the styles
 * text and the index of each format's xf, keyed by formatKey.
 */
export function addCellFormats(stylesXml: string, formats: readonly CellFormat[]): { xml: string; xf: Map<string, number> } {
  const prefix = /<(\w+:)?styleSheet\b/.exec(stylesXml)?.[1] ?? "";
  const s = new StyleSheetText(stylesXml, prefix);
  const p = prefix;
  const xf = new Map<string, number>();
  const distinct = new Map<string, CellFormat>();
  for (const f of formats) distinct.set(formatKey(f), f);
  if (distinct.size === 0) return { xml: stylesXml, xf };

  // Number formats: reuse the workbook's own code when it has one.
  const numFmtBlock = s.block("numFmts");
  const codes = new Map<string, number>();
  let maxId = 163;
  if (numFmtBlock) {
    for (const el of children(s.xml.slice(numFmtBlock.inner, numFmtBlock.innerEnd), p, "numFmt")) {
      const a = attributes(el);
      const id = Number(a.get("numFmtId"));
      if (Number.isInteger(id)) { codes.set(a.get("formatCode") ?? "", id); maxId = Math.max(maxId, id); }
    }
  }
  const newNumFmts: string[] = [];
  const numFmtId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    if (BUILT_IN[code] !== undefined) return BUILT_IN[code];
    let id = codes.get(code);
    if (id === undefined) {
      id = ++maxId;
      codes.set(code, id);
      newNumFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  };

  const fontsBlock = s.block("fonts");
  const firstFont = fontsBlock ? children(s.xml.slice(fontsBlock.inner, fontsBlock.innerEnd), p, "font")[0] : undefined;
  const defaultSize = (firstFont && /<(?:\w+:)?sz\s+val\s*=\s*["']([\d.]+)["']/.exec(firstFont)?.[1]) || "11";
  const base = fontBase(firstFont, p);
  const fontStart = s.count("fonts", "font");
  const fillStart = s.count("fills", "fill");
  const borderStart = s.count("borders", "border");
  const xfStart = s.count("cellXfs", "xf");
  const hasStyleXf = s.count("cellStyleXfs", "xf") > 0;
  // A workbook without fonts or fills gets the ones every cell format assumes first.
  const newFonts: string[] = fontStart === 0 ? [base] : [];
  // Excel takes fills 0 and 1 as "none" and "gray125" whatever they say, so new fills start at 2.
  const newFills: string[] = [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`].slice(Math.min(fillStart, 2));
  const newBorders: string[] = borderStart === 0 ? [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`] : [];
  const newXfs: string[] = xfStart === 0 ? [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`] : [];
  const fontIds = new Map<string, number>();
  const fillIds = new Map<string, number>();
  let thinBorder = -1;

  for (const [key, f] of distinct) {
    let fontId = 0;
    if (f.bold || f.italic || f.fontSize !== undefined || f.fontColor) {
      const font = fontXml(base, p, f, defaultSize);
      let id = fontIds.get(font);
      if (id === undefined) {
        id = fontStart + newFonts.length;
        newFonts.push(font);
        fontIds.set(font, id);
      }
      fontId = id;
    }
    let fillId = 0;
    if (f.fill) {
      const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb(f.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
      let id = fillIds.get(fill);
      if (id === undefined) {
        id = fillStart + newFills.length;
        newFills.push(fill);
        fillIds.set(fill, id);
      }
      fillId = id;
    }
    let borderId = 0;
    if (f.border) {
      if (thinBorder < 0) {
        thinBorder = borderStart + newBorders.length;
        const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FF808080"/></${p}${n}>`;
        newBorders.push(`<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`);
      }
      borderId = thinBorder;
    }
    const numId = numFmtId(f.numberFormat);
    const align: string[] = [];
    if (f.hAlign) align.push(`horizontal="${H_ALIGN[f.hAlign]}"`);
    if (f.vAlign) align.push(`vertical="${V_ALIGN[f.vAlign]}"`);
    if (f.wrap) align.push(`wrapText="1"`);
    const applied =
      (numId ? ' applyNumberFormat="1"' : "") + (fontId ? ' applyFont="1"' : "") + (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") + (align.length ? ' applyAlignment="1"' : "");
    const id = xfStart + newXfs.length;
    newXfs.push(
      `<${p}xf numFmtId="${numId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${hasStyleXf ? ' xfId="0"' : ""}${applied}` +
        (align.length ? `><${p}alignment ${align.join(" ")}/></${p}xf>` : "/>"),
    );
    xf.set(key, id);
  }
  s.append("numFmts", "numFmt", newNumFmts);
  s.append("fonts", "font", newFonts);
  s.append("fills", "fill", newFills);
  s.append("borders", "border", newBorders);
  s.append("cellXfs", "xf", newXfs);
  return { xml: s.xml, xf };
}
