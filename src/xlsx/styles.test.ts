import { isDateFormatCode, readStyles } from "./styles";

const enc = (s: string) => new TextEncoder().encode(s);

describe("isDateFormatCode", () => {
  it("sees day, month, year and hour letters outside quotes, escapes and brackets", () => {
    for (const code of ["dd/mm/yyyy", "d-mmm-yy", "h:mm AM/PM", "[h]:mm:ss", "mm:ss", "[$-42A]dd/mm/yyyy", "yyyy", 'dd" tháng "mm']) {
      expect([code, isDateFormatCode(code)]).toEqual([code, true]);
    }
    for (const code of ["0", "0.00%", "#,##0", "@", "General", '"ngày"0', "[Red]0", "0_d", "\\d0", "#,##0 [$đ-42A]", "*d0"]) {
      expect([code, isDateFormatCode(code)]).toEqual([code, false]);
    }
  });
});

describe("readStyles", () => {
  it("gives each cell style its format code: custom ones, built-ins, and null for General", () => {
    const xml = `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot;%&quot;"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"><alignment/></xf><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="165"/><xf numFmtId="200"/></cellXfs></styleSheet>`;
    const { codes } = readStyles(enc(xml));
    expect(codes).toEqual([null, "dd/mm/yyyy", "dd/mm/yyyy", "0.00%", '0.0"%"', null]);
    // One string per distinct code, so runs can compare formats with ===.
    expect(codes[1]).toBe(codes[2]);
  });

  it("reads prefixed (strict or hand-made) style sheets", () => {
    const xml = `<x:styleSheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:numFmts><x:numFmt numFmtId="170" formatCode="mm/yyyy"/></x:numFmts><x:cellXfs><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>`;
    expect(readStyles(enc(xml)).codes).toEqual(["mm/yyyy"]);
  });
});
