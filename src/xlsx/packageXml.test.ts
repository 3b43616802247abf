import {
  STRICT, TRANSITIONAL, addOverride, addRelationship, appendSheet, calculateOnLoad, filterRelationships, freeRelationshipId, parseRelationships,
  parseWorkbook, relativeTarget, relsPathFor, resolveTarget, setDefinedNames, sheetOfRef, sheetRef,
} from "./packageXml";
import { addCellFormats, formatKey } from "./stylesXml";
import { decodeXmlPart, encodeXmlPart, escapeAttr, escapeText, excelEscape } from "./xmlEdit";

describe("part names", () => {
  it("finds a part's relationships and resolves targets the way OPC does", () => {
    expect(relsPathFor("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathFor("workbook.xml")).toBe("_rels/workbook.xml.rels");
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolveTarget("", "./xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet9.xml")).toBe("worksheets/sheet9.xml");
    expect(relativeTarget("xl/workbook.xml", "other/x.xml")).toBe("/other/x.xml");
  });
});

describe("relationships and content types", () => {
  const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://x/styles" Target="styles.xml"/><Relationship Id="rId7" Type="http://x/drawing" Target="../d.xml"/>' +
    '<Relationship Id="rId3" Type="http://x/hyperlink" Target="https://a.b/?q=1&amp;r=2" TargetMode="External"/></Relationships>';

  it("reads, adds and filters relationships", () => {
    const parsed = parseRelationships(rels);
    expect(parsed.map((r) => [r.id, r.target, r.external])).toEqual([["rId1", "styles.xml", false], ["rId7", "../d.xml", false], ["rId3", "https://a.b/?q=1&r=2", true]]);
    expect(freeRelationshipId(parsed)).toBe("rId8");
    const added = addRelationship(rels, { id: "rId8", type: "http://x/worksheet", target: "worksheets/sheet2.xml" });
    expect(parseRelationships(added).map((r) => r.id)).toEqual(["rId1", "rId7", "rId3", "rId8"]);
    expect(parseRelationships(filterRelationships(rels, (r) => r.id === "rId7")).map((r) => r.id)).toEqual(["rId7"]);
  });

  it("opens a self-closed root, keeps a prefix, and adds an override once", () => {
    const empty = '<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships"/>';
    expect(addRelationship(empty, { id: "rId1", type: "t", target: "a.xml" })).toBe(
      '<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships"><r:Relationship Id="rId1" Type="t" Target="a.xml"/></r:Relationships>',
    );
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="w"/></Types>';
    expect(addOverride(types, "xl/worksheets/sheet1.xml", "w")).toBe(types);
    expect(addOverride(types, "xl/worksheets/sheet2.xml", "w")).toContain('<Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/></Types>');
  });
});

describe("workbook.xml", () => {
  const wb = `<?xml version="1.0"?><workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}"><bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="Cán bộ" sheetId="3" r:id="rId2"/><sheet name="A &amp; B" sheetId="7" state="hidden" r:id="rId9"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Cán bộ'!$A$1:$B$9</definedName></definedNames><calcPr calcId="1"/></workbook>`;

  it("lists sheets and defined names, decoded", () => {
    const p = parseWorkbook(wb);
    expect(p.ns).toBe(TRANSITIONAL);
    expect(p.sheets).toEqual([{ name: "Cán bộ", sheetId: 3, rid: "rId2" }, { name: "A & B", sheetId: 7, rid: "rId9" }]);
    expect(p.definedNames).toEqual([{ name: "_xlnm._FilterDatabase", localSheetId: 0, text: "'Cán bộ'!$A$1:$B$9" }]);
    expect(parseWorkbook(wb.replace(TRANSITIONAL.main, STRICT.main)).ns).toBe(STRICT);
  });

  it("appends a sheet and sets defined names in schema order, keeping the others", () => {
    let x = appendSheet(wb, TRANSITIONAL, { name: "Tổng hợp 'Q3'", sheetId: 8, rid: "rId10" });
    x = setDefinedNames(x, [{ name: "_chibo_sheet_1", localSheetId: null, text: sheetRef("Tổng hợp 'Q3'", "$A$1") }]);
    const p = parseWorkbook(x);
    expect(p.sheets[2]).toEqual({ name: "Tổng hợp 'Q3'", sheetId: 8, rid: "rId10" });
    expect(p.definedNames.map((d) => d.text)).toEqual(["'Cán bộ'!$A$1:$B$9", "'Tổng hợp ''Q3'''!$A$1"]);
    expect(sheetOfRef(p.definedNames[1].text)).toBe("Tổng hợp 'Q3'");
    expect(sheetOfRef("Sheet1!$A$1")).toBe("Sheet1");
    const replaced = setDefinedNames(x, [], (d) => d.name.startsWith("_xlnm"));
    expect(parseWorkbook(replaced).definedNames.map((d) => d.name)).toEqual(["_chibo_sheet_1"]);
  });

  it("inserts definedNames and calcPr where the schema wants them when the workbook has none", () => {
    const bare = `<x:workbook xmlns:x="${TRANSITIONAL.main}"><x:sheets/><x:extLst/></x:workbook>`;
    let x = appendSheet(bare, TRANSITIONAL, { name: "S", sheetId: 1, rid: "rId1" });
    expect(x).toBe(`<x:workbook xmlns:x="${TRANSITIONAL.main}"><x:sheets><x:sheet name="S" sheetId="1" xmlns:r="${TRANSITIONAL.rel}" r:id="rId1"/></x:sheets><x:extLst/></x:workbook>`);
    x = setDefinedNames(x, [{ name: "n", localSheetId: 0, text: "S!$1:$2" }]);
    x = calculateOnLoad(x);
    expect(x).toContain('</x:sheets><x:definedNames><x:definedName name="n" localSheetId="0">S!$1:$2</x:definedName></x:definedNames><x:calcPr fullCalcOnLoad="1"/><x:extLst/>');
    expect(calculateOnLoad('<workbook><calcPr calcId="9" fullCalcOnLoad="0"/></workbook>')).toBe('<workbook><calcPr calcId="9" fullCalcOnLoad="1"/></workbook>');
  });
});

describe("styles.xml", () => {
  const styles = '<?xml version="1.0"?><s:styleSheet xmlns:s="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<s:numFmts count="1"><s:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></s:numFmts>' +
    '<s:fonts count="1"><s:font><s:sz val="12"/><s:name val="Times New Roman"/></s:font></s:fonts>' +
    '<s:fills count="2"><s:fill><s:patternFill patternType="none"/></s:fill><s:fill><s:patternFill patternType="gray125"/></s:fill></s:fills>' +
    '<s:borders count="1"><s:border/></s:borders><s:cellStyleXfs count="1"><s:xf/></s:cellStyleXfs>' +
    '<s:cellXfs count="3"><s:xf/><s:xf/><s:xf/></s:cellXfs></s:styleSheet>';

  it("appends formats after the workbook's own, on its default font, reusing its number formats", () => {
    const bold = { bold: true };
    const date = { numberFormat: "dd/mm/yyyy", border: true };
    const custom = { numberFormat: "#,##0 \"người\"", fill: "#DDEBF7", hAlign: "Center" as const, wrap: true };
    const { xml, xf } = addCellFormats(styles, [bold, date, custom, bold]);
    expect([...xf.values()]).toEqual([3, 4, 5]);
    expect(xf.get(formatKey(date))).toBe(4);
    expect(xml).toContain('<s:fonts count="2"><s:font><s:sz val="12"/><s:name val="Times New Roman"/></s:font><s:font><s:b/><s:sz val="12"/><s:name val="Times New Roman"/></s:font></s:fonts>');
    expect(xml).toContain('<s:numFmt numFmtId="171" formatCode="#,##0 &quot;người&quot;"/>');
    expect(xml).toContain('<s:xf numFmtId="170" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>');
    expect(xml).toContain('<s:xf numFmtId="171" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><s:alignment horizontal="center" wrapText="1"/></s:xf></s:cellXfs>');
    expect(xml).toMatch(/<s:cellXfs count="6">/);
  });

  it("makes the blocks a bare style sheet lacks", () => {
    const bare = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';
    const { xml, xf } = addCellFormats(bare, [{ fill: "#FF0000" }]);
    expect(xf.get(formatKey({ fill: "#FF0000" }))).toBe(1);
    expect(xml).toMatch(/^<styleSheet[^>]*><fonts count="1">.*<\/fonts><fills count="3">.*<\/fills><borders count="1">.*<\/borders><cellXfs count="2">/);
  });
});

describe("text in XML parts", () => {
  it("escapes as Excel does, so what Excel reads back is what was written", () => {
    expect(excelEscape("a\u0001b\rc\nd\te")).toBe("a_x0001_b_x000D_c\nd\te");
    expect(excelEscape("_x0041_ and _x41_")).toBe("_x005F_x0041_ and _x41_");
    expect(excelEscape("\ud800x")).toBe("_xD800_x");
    expect(escapeText("<a & b>")).toBe("&lt;a &amp; b&gt;");
    expect(escapeAttr('"a"\n')).toBe("&quot;a&quot;&#10;");
  });

  it("decodes UTF-8 and UTF-16 parts, refuses invalid UTF-8, writes UTF-8", () => {
    expect(decodeXmlPart(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]))).toBe("<a/>");
    expect(decodeXmlPart(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0xa0, 0x1e, 0x3e, 0]))).toBe("<Ạ>");
    expect(decodeXmlPart(new Uint8Array([0xfe, 0xff, 0, 0x3c, 0, 0x3e]))).toBe("<>");
    expect(() => decodeXmlPart(new Uint8Array([0x3c, 0xc3, 0x28, 0x3e]))).toThrow("not valid UTF-8");
    expect(new TextDecoder().decode(encodeXmlPart('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toBe('<?xml version="1.0" encoding="UTF-8"?><a/>');
  });
});
