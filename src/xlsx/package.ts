import { bytes, END, XmlScanner } from "./xmlScan";
import { partKey } from "./zipDirectory";

/**
 * The package around the workbook (Open Packaging Conventions): which part is
 * the workbook, and what each part points at through its relationships.
 * Relationship types are matched on their last segment, so transitional
 * (schemas.openxmlformats.org) and strict (purl.oclc.org) files read alike.
 */
export interface Relationship {
  id: string;
  /** The type's last segment, lower case: "worksheet", "sharedstrings", "styles", "officedocument", ... */
  type: string;
  /** The target part as a part key (see zipDirectory.partKey), resolved against the source part's folder. */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target against the folder of the part that holds it, as a part key. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray '%' is a literal one.
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return partKey(base.join("/"));
}

const RELATIONSHIP = bytes("Relationship"), ID = bytes("Id"), TYPE = bytes("Type"), TARGET = bytes("Target"), MODE = bytes("TargetMode");

export function readRelationships(part: Uint8Array, sourcePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const sc = new XmlScanner(part);
  for (let tok = sc.next(); tok !== END; tok = sc.next()) {
    if (!sc.is(RELATIONSHIP)) continue;
    let id = "", type = "", target = "", external = false;
    while (sc.nextAttr()) {
      if (sc.attrIs(ID)) id = sc.attrValue();
      else if (sc.attrIs(TYPE)) type = sc.attrValue();
      else if (sc.attrIs(TARGET)) target = sc.attrValue();
      else if (sc.attrIs(MODE)) external = sc.attrValue() === "External";
    }
    if (!id || out.has(id)) continue;
    out.set(id, {
      id,
      type: type.slice(type.lastIndexOf("/") + 1).toLowerCase(),
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    });
  }
  return out;
}

const OVERRIDE = bytes("Override"), PART_NAME = bytes("PartName"), CONTENT_TYPE = bytes("ContentType");

/**
 * The workbook part named by [Content_Types].xml, for a package whose root
 * relationships are missing: the override whose type is a SpreadsheetML main
 * part (.xlsx, .xlsm, .xltx all end in "main+xml").
 */
export function workbookFromContentTypes(part: Uint8Array): string | null {
  const sc = new XmlScanner(part);
  for (let tok = sc.next(); tok !== END; tok = sc.next()) {
    if (!sc.is(OVERRIDE)) continue;
    let name = "", type = "";
    while (sc.nextAttr()) {
      if (sc.attrIs(PART_NAME)) name = sc.attrValue();
      else if (sc.attrIs(CONTENT_TYPE)) type = sc.attrValue();
    }
    if (/spreadsheetml\.(sheet|template)(\.macroEnabled)?\.main\+xml$/i.test(type)) return partKey(name);
  }
  return null;
}
