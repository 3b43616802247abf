import { attributes, escapeAttr, escapePlain, prefixedAttribute, unescapeXml } from "./xmlEdit";

/**
 * Small, text-level edits of the package parts that list a workbook's sheets:
 * relationships, content types and workbook.xml. Each works whatever namespace
 * prefix the part uses, leaves everything it does not change byte for byte,
 * and inserts new elements where the schema's order wants them.
 */

export const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
export const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------- part names

/** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPathFor(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship's target as a part name (no leading slash), relative to the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** Target text for a part, relative to the folder of the part holding the relationship. */
export function relativeTarget(sourcePart: string, part: string): string {
  const dir = sourcePart.split("/").slice(0, -1).join("/");
  return dir && part.startsWith(dir + "/") ? part.slice(dir.length + 1) : `/${part}`;
}

// ---------------------------------------------------------------- relationships

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const REL_TAG = /<(?:\w+:)?Relationship\b[^>]*?\/?>/g;

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(REL_TAG)) {
    const a = attributes(m[0]);
    out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" });
  }
  return out;
}

/** The type's last segment ("worksheet", "styles", "officeDocument"): the same in transitional and strict packages. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

function closeTag(xml: string, local: string): { at: number; prefix: string } | null {
  const re = new RegExp(`</(\\w+:)?${local}\\s*>`, "g");
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = re.exec(xml))) last = m;
  return last ? { at: last.index, prefix: last[1] ?? "" } : null;
}

/** Appends children to a root element, opening it first if it was written self-closed. */
function appendToRoot(xml: string, local: string, children: string): string {
  const close = closeTag(xml, local);
  if (close) return xml.slice(0, close.at) + children + xml.slice(close.at);
  const self = new RegExp(`<(\\w+:)?${local}\\b([^>]*?)\\s*/>`).exec(xml);
  if (!self) throw new Error(`no ${local} element`);
  const p = self[1] ?? "";
  return xml.slice(0, self.index) + `<${p}${local}${self[2]}>${children}</${p}${local}>` + xml.slice(self.index + self[0].length);
}

function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<(\\w+:)?${local}\\b`).exec(xml)?.[1] ?? "";
}

export function addRelationship(xml: string, rel: { id: string; type: string; target: string }): string {
  const p = rootPrefix(xml, "Relationships");
  return appendToRoot(xml, "Relationships", `<${p}Relationship Id="${escapeAttr(rel.id)}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`);
}

/** Keeps only the relationships `keep` accepts, the rest of the part as it was. */
export function filterRelationships(xml: string, keep: (r: Relationship) => boolean): string {
  return xml.replace(REL_TAG, (tag) => {
    const a = attributes(tag);
    const r = { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
    return keep(r) ? tag : "";
  });
}

export function freeRelationshipId(rels: readonly Relationship[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.reduce((max, r) => Math.max(max, /^rId(\d+)$/.test(r.id) ? Number(r.id.slice(3)) : 0), 0) + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export const EMPTY_RELATIONSHIPS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

// ---------------------------------------------------------------- content types

export function addOverride(xml: string, partName: string, contentType: string): string {
  const p = rootPrefix(xml, "Types");
  const existing = new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName\\s*=\\s*["']/?${escapeRegExp(partName.replace(/^\//, ""))}["']`, "i");
  if (existing.test(xml)) return xml;
  return appendToRoot(xml, "Types", `<${p}Override PartName="/${escapeAttr(partName.replace(/^\//, ""))}" ContentType="${escapeAttr(contentType)}"/>`);
}

// ---------------------------------------------------------------- workbook.xml

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rid: string;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  text: string;
}

export interface WorkbookXml {
  xml: string;
  /** Namespaces to write new parts in: strict when the workbook is strict. */
  ns: typeof TRANSITIONAL;
  sheets: WorkbookSheet[];
  definedNames: DefinedName[];
}

export function parseWorkbook(xml: string): WorkbookXml {
  const ns = xml.includes(STRICT.main) ? STRICT : TRANSITIONAL;
  const sheets: WorkbookSheet[] = [];
  const block = /<(\w+:)?sheets\b[^>]*>([\s\S]*?)<\/\1?sheets\s*>/.exec(xml);
  for (const m of (block?.[2] ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*?\/?>/g)) {
    const a = attributes(m[0]);
    sheets.push({ name: a.get("name") ?? "", sheetId: Number(a.get("sheetId") ?? 0), rid: prefixedAttribute(a, "id") ?? "" });
  }
  const definedNames: DefinedName[] = [];
  const names = /<(\w+:)?definedNames\b[^>]*>([\s\S]*?)<\/\1?definedNames\s*>/.exec(xml);
  for (const m of (names?.[2] ?? "").matchAll(/<(\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?definedName\s*>)/g)) {
    const a = attributes(m[2]);
    const local = a.get("localSheetId");
    definedNames.push({ name: a.get("name") ?? "", localSheetId: local === undefined ? null : Number(local), text: unescapeXml(m[3] ?? "") });
  }
  return { xml, ns, sheets, definedNames };
}

/** Workbook children after <sheets> and <definedNames> (CT_Workbook's sequence), for inserting before them. */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

function insertBeforeFirst(xml: string, locals: readonly string[], root: string, text: string): string {
  let at = -1;
  for (const l of locals) {
    const m = new RegExp(`<(\\w+:)?${l}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = closeTag(xml, root)?.at ?? -1;
  if (at < 0) throw new Error(`no ${root} element`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The prefix of the workbook's relationships namespace, or null when it is not declared on the root. */
function relPrefix(xml: string, relNs: string): string | null {
  const m = new RegExp(`xmlns:(\\w+)\\s*=\\s*["']${escapeRegExp(relNs)}["']`).exec(xml);
  return m ? m[1] : null;
}

export function appendSheet(xml: string, ns: typeof TRANSITIONAL, sheet: WorkbookSheet): string {
  const p = rootPrefix(xml, "workbook");
  const rp = relPrefix(xml, ns.rel);
  const rid = rp ? `${rp}:id="${escapeAttr(sheet.rid)}"` : `xmlns:r="${ns.rel}" r:id="${escapeAttr(sheet.rid)}"`;
  const el = `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}" ${rid}/>`;
  if (/<(\w+:)?sheets\b/.test(xml)) return appendToRoot(xml, "sheets", el);
  return insertBeforeFirst(xml, ["functionGroups", "externalReferences", "definedNames", ...AFTER_DEFINED_NAMES], "workbook", `<${p}sheets>${el}</${p}sheets>`);
}

/** A sheet reference for a defined name: 'Tổng hợp'!$A$1. */
export function sheetRef(name: string, ref: string): string {
  return `'${name.replace(/'/g, "''")}'!${ref}`;
}

/** The sheet a defined name's text points to ('Name'!$A$1 or Name!$A$1), or null. */
export function sheetOfRef(text: string): string | null {
  const m = /^\s*(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(text);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * Sets defined names: each given name replaces one of the same name and
 * scope, or is added; `remove` drops names first.
 */
export function setDefinedNames(xml: string, names: readonly DefinedName[], remove: (d: DefinedName) => boolean = () => false): string {
  const p = rootPrefix(xml, "workbook");
  const element = (d: DefinedName) => `<${p}definedName name="${escapeAttr(d.name)}"${d.localSheetId !== null ? ` localSheetId="${d.localSheetId}"` : ""}>${escapePlain(d.text)}</${p}definedName>`;
  const same = (a: DefinedName, b: DefinedName) => a.name.toLowerCase() === b.name.toLowerCase() && a.localSheetId === b.localSheetId;
  let out = xml;
  const block = /<(\w+:)?definedNames\b[^>]*>([\s\S]*?)<\/\1?definedNames\s*>/.exec(out);
  if (block) {
    const inner = block[2].replace(/<(\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?definedName\s*>)/g, (whole, _p, attrs: string, text: string | undefined) => {
      const a = attributes(attrs);
      const local = a.get("localSheetId");
      const d: DefinedName = { name: a.get("name") ?? "", localSheetId: local === undefined ? null : Number(local), text: unescapeXml(text ?? "") };
      return remove(d) || names.some((n) => same(n, d)) ? "" : whole;
    });
    const bp = block[1] ?? "";
    out = out.slice(0, block.index) + `<${bp}definedNames>${inner}${names.map(element).join("")}</${bp}definedNames>` + out.slice(block.index + block[0].length);
    return out;
  }
  if (names.length === 0) return out;
  return insertBeforeFirst(out, AFTER_DEFINED_NAMES, "workbook", `<${p}definedNames>${names.map(element).join("")}</${p}definedNames>`);
}

/** Asks Excel to compute formulas on opening (the plan's formulas are written without cached results). */
export function calculateOnLoad(xml: string): string {
  const m = /<(\w+:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (m) {
    const attrs = /\bfullCalcOnLoad\s*=/.test(m[2]) ? m[2].replace(/\bfullCalcOnLoad\s*=\s*(["'])[^"']*\1/, 'fullCalcOnLoad="1"') : `${m[2]} fullCalcOnLoad="1"`;
    return xml.slice(0, m.index) + `<${m[1] ?? ""}calcPr${attrs}${m[3]}>` + xml.slice(m.index + m[0].length);
  }
  const p = rootPrefix(xml, "workbook");
  return insertBeforeFirst(xml, AFTER_DEFINED_NAMES.slice(1), "workbook", `<${p}calcPr fullCalcOnLoad="1"/>`);
}
