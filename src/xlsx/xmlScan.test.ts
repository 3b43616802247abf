import { asUtf8, bytes, CLOSE, END, OPEN, SELF_CLOSING, XmlError, XmlScanner } from "./xmlScan";

const enc = (s: string) => new TextEncoder().encode(s);

function tags(xml: string | Uint8Array): string[] {
  const sc = new XmlScanner(typeof xml === "string" ? enc(xml) : xml);
  const out: string[] = [];
  for (let t = sc.next(); t !== END; t = sc.next()) {
    const name = String.fromCharCode(...sc.b.subarray(sc.localStart, sc.nameEnd));
    out.push(t === OPEN ? `<${name}>` : t === CLOSE ? `</${name}>` : `<${name}/>`);
  }
  return out;
}

describe("XmlScanner", () => {
  it("stops at each tag by its local name, whatever its prefix", () => {
    expect(tags('<?xml version="1.0"?><x:row r="1"><x:c r="A1"/></x:row>')).toEqual(["<row>", "<c/>", "</row>"]);
  });

  it("skips comments, processing instructions, CDATA and a doctype with an internal subset, expanding nothing", () => {
    const xml = '<!DOCTYPE a [<!ENTITY x "<b>">]><a><!-- <c> --><?pi <d>?><![CDATA[<e>]]>&x;</a>';
    expect(tags(xml)).toEqual(["<a>", "</a>"]);
  });

  it("steps over '>' inside quoted attribute values", () => {
    const sc = new XmlScanner(enc(`<a b="x>y" c='1'/>`));
    expect(sc.next()).toBe(SELF_CLOSING);
    expect(sc.attrs()).toEqual({ b: "x>y", c: "1" });
  });

  it("refuses parts whose tags do not nest or that end inside an element", () => {
    expect(() => tags("<a><b></a></b>")).toThrow(XmlError);
    expect(() => tags("<a><b>")).toThrow(/ends inside/);
    expect(() => tags("</a>")).toThrow(XmlError);
    expect(() => tags('<a b="1>')).toThrow(XmlError);
  });

  it("reads an element's text across CDATA, comments and references, and says when it cut it", () => {
    const sc = new XmlScanner(enc("<t>a&amp;<![CDATA[<b>&amp;]]><!-- x -->c</t>"));
    expect(sc.next()).toBe(OPEN);
    expect(sc.text()).toBe("a&<b>&amp;c");
    expect(sc.depth).toBe(0);
    const long = new XmlScanner(enc("<t>ĐĐĐĐ</t>"));
    long.next();
    expect(long.text(5)).toBe("ĐĐ");
    expect(long.textTruncated).toBe(true);
  });

  it("matches names and attribute names as bytes", () => {
    const sc = new XmlScanner(enc('<x:sheet r:id="rId1" name="A"/>'));
    sc.next();
    expect(sc.is(bytes("sheet"))).toBe(true);
    expect(sc.nextAttr()).toBe(true);
    expect(sc.attrIs(bytes("id"))).toBe(true);
    expect(sc.attrPrefix()).toBe("r");
    expect(sc.attrValue()).toBe("rId1");
  });
});

describe("asUtf8", () => {
  const xml = '<?xml version="1.0" encoding="UTF-16"?><a>Đảng</a>';
  const utf16 = (s: string, be: boolean, bom: boolean) => {
    const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out.push(...(be ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
    }
    return new Uint8Array(out);
  };

  it("transcodes UTF-16 parts, with or without a byte order mark", () => {
    for (const be of [false, true]) for (const bom of [false, true]) {
      expect(new TextDecoder().decode(asUtf8(utf16(xml, be, bom)))).toBe(xml);
    }
  });

  it("skips a UTF-8 byte order mark and leaves UTF-8 as it is", () => {
    const b = enc("\ufeff<a/>");
    expect(asUtf8(b)).toEqual(enc("<a/>"));
  });

  it("decodes a declared legacy encoding, and names text that is not in the encoding it claims", () => {
    const latin = new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...enc("</a>")]);
    expect(new TextDecoder().decode(asUtf8(latin))).toContain("<a>é</a>");
    const lone = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xd8, 0x3e, 0x00]);
    expect(() => asUtf8(lone)).toThrow(/not valid UTF-16LE/);
  });
});
