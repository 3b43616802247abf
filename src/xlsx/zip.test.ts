import { deflateRawSync } from "zlib";
import { zip, repeatedByteDeflate } from "../../test/xlsx/craft";
import { nodeInflateRaw } from "./nodeInflate";
import { fflateInflateRaw, inflateEntry, readZipDirectory, type InflateRaw } from "./zip";
import { partKey, ZipError } from "./zipDirectory";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e.kind;
    throw e;
  }
  return "ok";
}

describe("readZipDirectory", () => {
  it("lists entries by part key (no case, no leading slash, forward slashes) and keeps duplicates apart", () => {
    const z = zip([
      { name: "xl/Workbook.xml", data: "<a/>" },
      { name: "xl\\worksheets\\sheet1.xml", data: "one", store: true },
      { name: "xl/worksheets/sheet1.xml", data: "two" },
      { name: "xl/media/", data: "" },
    ]);
    const dir = readZipDirectory(z, 100);
    expect([...dir.entries.keys()]).toEqual(["xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(dir.duplicates.get("xl/worksheets/sheet1.xml")).toBe(2);
    expect(dec(inflateEntry(z, dir.entries.get("xl/worksheets/sheet1.xml")!, 100))).toBe("one");
    expect(partKey("/XL/Styles.xml")).toBe("xl/styles.xml");
  });

  it("refuses more entries than the bound, and a zip without its end record", () => {
    const z = zip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.xml`, data: "x" })));
    expect(kindOf(() => readZipDirectory(z, 19))).toBe("too-many-entries");
    expect(kindOf(() => readZipDirectory(z.subarray(0, z.length - 30), 100))).toBe("corrupt");
  });
});

describe.each<[string, InflateRaw]>([["fflate", fflateInflateRaw], ["node zlib", nodeInflateRaw]])("inflateEntry with %s", (_, inflater) => {
  const one = (items: Parameters<typeof zip>[0]) => {
    const z = zip(items);
    const e = [...readZipDirectory(z, 10).entries.values()][0];
    return { z, e };
  };

  it("inflates an honest entry", () => {
    const text = "Đảng bộ xã ".repeat(5000);
    const { z, e } = one([{ name: "a.xml", data: text }]);
    expect(dec(inflateEntry(z, e, 1 << 20, inflater))).toBe(text);
  });

  it("refuses by the declared size before inflating, and stops a lying entry one byte past what it declared", () => {
    const honest = one([{ name: "bomb.xml", data: "", raw: repeatedByteDeflate(50_000_000) }]);
    expect(kindOf(() => inflateEntry(honest.z, honest.e, 10_000_000, inflater))).toBe("too-large");
    const liar = one([{ name: "bomb.xml", data: "", raw: repeatedByteDeflate(50_000_000), declaredSize: 1000 }]);
    expect(kindOf(() => inflateEntry(liar.z, liar.e, 10_000_000, inflater))).toBe("size-mismatch");
  });

  it("stops a lying entry at the bound whatever it inflates to", () => {
    const seen: number[] = [];
    const counting: InflateRaw = (input, max, hint) => { seen.push(max); return inflater(input, max, hint); };
    const liar = one([{ name: "bomb.xml", data: "", raw: repeatedByteDeflate(50_000_000), declaredSize: 1000 }]);
    expect(kindOf(() => inflateEntry(liar.z, liar.e, 10_000_000, counting))).toBe("size-mismatch");
    expect(seen).toEqual([1001]);
  });

  it("says when an entry inflates to another size than declared, or is broken", () => {
    const short = one([{ name: "a.xml", data: "", raw: repeatedByteDeflate(500), declaredSize: 600 }]);
    expect(kindOf(() => inflateEntry(short.z, short.e, 10_000, inflater))).toBe("size-mismatch");
    const good = deflateRawSync(enc("<a>".repeat(1000)));
    const broken = one([{ name: "a.xml", data: "", raw: { deflated: good.subarray(0, good.length - 5), size: 3000, crc: 0 } }]);
    expect(kindOf(() => inflateEntry(broken.z, broken.e, 10_000, inflater))).toBe("corrupt");
  });
});
