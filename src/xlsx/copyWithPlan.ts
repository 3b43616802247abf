import type { WritePlan } from "../core/model";
import { BuiltSheet, XlsxApplyReport, buildPlanSheets } from "./applyPlan";
import {
  DefinedName, EMPTY_RELATIONSHIPS, STYLES_CONTENT_TYPE, TRANSITIONAL, WORKSHEET_CONTENT_TYPE, addOverride, addRelationship, appendSheet,
  calculateOnLoad, filterRelationships, freeRelationshipId, parseRelationships, parseWorkbook, relKind, relativeTarget, relsPathFor,
  resolveTarget, setDefinedNames, sheetOfRef, sheetRef,
} from "./packageXml";
import { sheetXml } from "./sheetXml";
import { MINIMAL_STYLES, addCellFormats } from "./stylesXml";
import { XmlDecodeError, decodeXmlPart, encodeXmlPart } from "./xmlEdit";
import { partKey, type ZipEntry } from "./zipDirectory";
import { OutputEntry, PackageError, ZipDirectory, readPart, readZipDirectory, writeZip } from "./zipPackage";

/**
 * `chibo summary --out`: a copy of the input workbook with the plan's sheets
 * added. Every part of the input is copied as it is stored, except the four
 * small ones that list sheets and styles (workbook.xml, its relationships,
 * [Content_Types].xml, styles.xml), which are edited as text; the plan's
 * sheets are written as new parts. The input's sheets, pictures and charts are
 * never parsed, so memory stays near what reading the data took, whatever the
 * file holds. With no input, the new workbook holds the plan's sheets only.
 *
 * The product's sheets carry a marker, a defined name `_chibo_sheet_N`
 * pointing at them; a second run replaces its own sheet in place (keeping the
 * charts a user drew on it) and never a user's sheet of the same name.
 */
export const MARKER_PREFIX = "_chibo_sheet_";
/** The edited parts are small in any real workbook; a bigger one is refused rather than held in memory. */
export const MAX_EDITED_PART_BYTES = 64 * 1024 * 1024;

const REL_TYPE_BASE = {
  transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  strict: "http://purl.oclc.org/ooxml/officeDocument/relationships/",
};

/** Where the parts come from: the input file's zip, or nothing (a new workbook). */
interface Source {
  dir: ZipDirectory | null;
  entry(part: string): ZipEntry | undefined;
  read(part: string): Promise<string | null>;
}

function zipSource(dir: ZipDirectory): Source {
  const byKey = new Map(dir.entries.map((e) => [partKey(e.name), e]));
  const entry = (part: string) => byKey.get(partKey(part)) ?? byKey.get(partKey(safeDecode(part)));
  return {
    dir,
    entry,
    async read(part) {
      const e = entry(part);
      if (!e) return null;
      const bytes = await readPart(dir, e, MAX_EDITED_PART_BYTES);
      try {
        return decodeXmlPart(bytes);
      } catch (err) {
        if (err instanceof XmlDecodeError) throw new PackageError("corrupt", dir.file, `${e.name}: ${err.message}`);
        throw err;
      }
    },
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const NEW_PACKAGE: Record<string, string> = {
  "[Content_Types].xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  "_rels/.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/workbook.xml":
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}">` +
    '<bookViews><workbookView/></bookViews><sheets></sheets></workbook>',
  "xl/_rels/workbook.xml.rels": EMPTY_RELATIONSHIPS,
};

function newSource(): Source {
  return { dir: null, entry: () => undefined, read: async (part) => NEW_PACKAGE[part] ?? null };
}

/** The first free worksheet part name, without regard to case (zip names in a package compare that way). */
function freeSheetPart(dir: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const part = `${dir}/sheet${n}.xml`;
    if (!taken.has(partKey(part))) return part;
  }
}

function corrupt(source: Source, detail: string): PackageError {
  return new PackageError("corrupt", source.dir?.file ?? "", detail);
}

/**
 * Writes `target`: the input (or a new workbook when `input` is null) with the
 * plan's sheets. Throws PackageError for an input whose parts cannot be
 * copied faithfully; the caller writes through safeWrite, so `target` is a
 * temporary file.
 */
export async function writeWorkbookWithPlan(input: string | null, target: string, plan: WritePlan, openFlags: "w" | "r+" = "w"): Promise<XlsxApplyReport> {
  const source = input ? zipSource(await readZipDirectory(input)) : newSource();
  const changed = new Map<string, { name: string; text: string }>();
  const read = async (part: string): Promise<string | null> => changed.get(partKey(part))?.text ?? (await source.read(part));
  const write = (part: string, text: string) => changed.set(partKey(part), { name: source.entry(part)?.name ?? part, text });
  if (!input) for (const [part, text] of Object.entries(NEW_PACKAGE)) write(part, text);

  const contentTypes = await read("[Content_Types].xml");
  const rootRels = await read("_rels/.rels");
  if (contentTypes === null || rootRels === null) throw corrupt(source, "[Content_Types].xml or _rels/.rels missing");
  const office = parseRelationships(rootRels).find((r) => relKind(r.type) === "officeDocument" && !r.external);
  if (!office) throw corrupt(source, "no workbook part named in _rels/.rels");
  const wbPart = resolveTarget("", office.target);
  const wbRelsPart = relsPathFor(wbPart);
  const wbText = await read(wbPart);
  if (wbText === null) throw corrupt(source, `${wbPart} missing`);
  const wbRelsText = (await read(wbRelsPart)) ?? EMPTY_RELATIONSHIPS;
  const relBase = office.type.startsWith(REL_TYPE_BASE.strict) ? REL_TYPE_BASE.strict : REL_TYPE_BASE.transitional;

  let workbook = parseWorkbook(wbText);
  let wbRels = wbRelsText;
  let types = contentTypes;
  const marked = new Set(workbook.definedNames.filter((d) => d.name.startsWith(MARKER_PREFIX)).map((d) => sheetOfRef(d.text)).filter((n): n is string => n !== null));
  const { sheets: built, report } = buildPlanSheets(plan, { names: workbook.sheets.map((s) => s.name), marked });

  // Styles: the workbook's own part, or a minimal one added to the package.
  const rels = parseRelationships(wbRels);
  const stylesRel = rels.find((r) => relKind(r.type) === "styles" && !r.external);
  let stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : null;
  let stylesText = stylesPart ? await read(stylesPart) : null;
  if (stylesText === null) {
    stylesPart = resolveTarget(wbPart, "styles.xml");
    if (source.entry(stylesPart)) stylesPart = resolveTarget(wbPart, "chibo-styles.xml");
    stylesText = MINIMAL_STYLES;
    wbRels = addRelationship(wbRels, { id: freeRelationshipId(parseRelationships(wbRels)), type: `${relBase}styles`, target: relativeTarget(wbPart, stylesPart) });
    types = addOverride(types, stylesPart, STYLES_CONTENT_TYPE);
  }
  const formats = built.flatMap((s) => [...s.cells.values()].flatMap((row) => [...row.values()].flatMap((c) => (c.format ? [c.format] : []))));
  const styles = addCellFormats(stylesText, formats);
  write(stylesPart!, styles.xml);

  const taken = new Set<string>([...(source.dir?.entries ?? []).map((e) => partKey(e.name)), ...Object.keys(NEW_PACKAGE).map(partKey)]);
  const sheetsDir = resolveTarget(wbPart, "worksheets");
  const names: DefinedName[] = [];
  const dropPrintTitles = new Set<number>();
  let nextSheetId = workbook.sheets.reduce((m, s) => Math.max(m, s.sheetId || 0), 0) + 1;
  let markerN = workbook.definedNames.filter((d) => d.name.startsWith(MARKER_PREFIX)).reduce((m, d) => Math.max(m, Number(d.name.slice(MARKER_PREFIX.length)) || 0), 0);

  for (const sheet of built) {
    let part: string;
    let index: number;
    let drawingRid: string | undefined;
    const existing = sheet.replaces !== null ? workbook.sheets.findIndex((s) => s.name === sheet.replaces) : -1;
    const oldRel = existing >= 0 ? parseRelationships(wbRels).find((r) => r.id === workbook.sheets[existing].rid) : undefined;
    if (existing >= 0 && oldRel) {
      // Our sheet of an earlier run: its part is rewritten in place; drawings on it (charts the user made) stay.
      part = resolveTarget(wbPart, oldRel.target);
      index = existing;
      const sheetRelsPart = relsPathFor(part);
      const sheetRels = await read(sheetRelsPart);
      if (sheetRels !== null) {
        const drawing = parseRelationships(sheetRels).find((r) => relKind(r.type) === "drawing" && !r.external);
        drawingRid = drawing?.id;
        write(sheetRelsPart, filterRelationships(sheetRels, (r) => relKind(r.type) === "drawing" && !r.external));
      }
    } else {
      part = freeSheetPart(sheetsDir, taken);
      taken.add(partKey(part));
      const rid = freeRelationshipId(parseRelationships(wbRels));
      wbRels = addRelationship(wbRels, { id: rid, type: `${relBase}worksheet`, target: relativeTarget(wbPart, part) });
      types = addOverride(types, part, WORKSHEET_CONTENT_TYPE);
      const wbXml = appendSheet(workbook.xml, workbook.ns, { name: sheet.name, sheetId: nextSheetId++, rid });
      workbook = parseWorkbook(wbXml);
      index = workbook.sheets.length - 1;
      names.push({ name: `${MARKER_PREFIX}${++markerN}`, localSheetId: null, text: sheetRef(sheet.name, "$A$1") });
    }
    dropPrintTitles.add(index);
    if (sheet.freeze && sheet.freeze.rows > 0 && sheet.purpose !== "template") {
      names.push({ name: "_xlnm.Print_Titles", localSheetId: index, text: sheetRef(sheet.name, `$1:$${sheet.freeze.rows}`) });
    }
    write(part, sheetXml(sheet, { mainNs: workbook.ns.main, relNs: workbook.ns.rel, xf: styles.xf, drawingRid }));
  }

  let wbXml = setDefinedNames(workbook.xml, names, (d) => d.name === "_xlnm.Print_Titles" && d.localSheetId !== null && dropPrintTitles.has(d.localSheetId));
  if (built.some(hasFormula)) wbXml = calculateOnLoad(wbXml);
  write(wbPart, wbXml);
  write(wbRelsPart, wbRels);
  write("[Content_Types].xml", types);

  const entries: OutputEntry[] = [];
  const pending = new Map(changed);
  for (const e of source.dir?.entries ?? []) {
    const edit = pending.get(partKey(e.name));
    if (edit) {
      entries.push({ kind: "new", name: e.name, data: encodeXmlPart(edit.text) });
      pending.delete(partKey(e.name));
    } else {
      entries.push({ kind: "copy", entry: e });
    }
  }
  // New parts, [Content_Types].xml first as packages usually have it.
  const rest = [...pending.values()].sort((a, b) => (a.name === "[Content_Types].xml" ? -1 : b.name === "[Content_Types].xml" ? 1 : 0));
  for (const p of rest) entries.push({ kind: "new", name: p.name, data: encodeXmlPart(p.text) });
  await writeZip(target, source.dir, entries, openFlags);
  return report;
}

function hasFormula(sheet: BuiltSheet): boolean {
  for (const row of sheet.cells.values()) for (const c of row.values()) if (c.formula !== undefined) return true;
  return false;
}
