import { decodeExcelEscapes, decodeFlags, decodeText } from "./xmlText";

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (s: string | Uint8Array, entities = true) => {
  const b = typeof s === "string" ? utf8(s) : s;
  return decodeText(b, 0, b.length, entities);
};

describe("decodeText", () => {
  it("decodes Vietnamese letters and characters beyond the BMP", () => {
    expect(text("Nguyễn Thị Ánh 🌾")).toBe("Nguyễn Thị Ánh 🌾");
  });

  it("resolves XML's five named references and numeric ones; keeps unknown ones as written", () => {
    expect(text("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;")).toBe(`a <b> & "c" 'd'`);
    expect(text("&#272;&#x1EA1;&#X1F33E;")).toBe("Đạ🌾");
    expect(text("&nbsp; &#0; &#xD800; &#; &bad")).toBe("&nbsp; &#0; &#xD800; &#; &bad");
  });

  it("leaves references alone in CDATA", () => {
    expect(text("&amp;", false)).toBe("&amp;");
  });

  it("turns CR LF and lone CR into LF, as XML requires, but keeps a referenced CR", () => {
    expect(text("a\r\nb\rc\nd&#13;")).toBe("a\nb\nc\nd\r");
  });

  it("flags bytes that are not UTF-8 and keeps the rest of the text", () => {
    decodeFlags.invalidUtf8 = false;
    expect(text(new Uint8Array([0x41, 0xff, 0x42]))).toBe("A\ufffdB");
    expect(decodeFlags.invalidUtf8).toBe(true);
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe1, 0x80]]) {
      decodeFlags.invalidUtf8 = false;
      text(new Uint8Array([0x41, ...bad]));
      expect(decodeFlags.invalidUtf8).toBe(true);
    }
    decodeFlags.invalidUtf8 = false;
    text("Đúng rồi");
    expect(decodeFlags.invalidUtf8).toBe(false);
  });

  it("decodes texts longer than one conversion chunk", () => {
    const long = "Văn ".repeat(10000);
    expect(text(long)).toBe(long);
  });
});

describe("decodeExcelEscapes", () => {
  it("decodes _xHHHH_ and keeps _x005F_ as a literal underscore that protects the next escape", () => {
    expect(decodeExcelEscapes("Xã Quảng_x0020_Yên")).toBe("Xã Quảng Yên");
    expect(decodeExcelEscapes("a_x000D__x000A_b")).toBe("a\r\nb");
    expect(decodeExcelEscapes("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeExcelEscapes("_x00e9_ _xZZZZ_ _x41_")).toBe("é _xZZZZ_ _x41_");
  });
});
