import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { PackageError, crc32, readPart, readZipDirectory, writeZip } from "../../src/xlsx/zipPackage";

/**
 * Zips as other programs write them, built byte by byte: zip64 records (some
 * Java and .NET writers always emit them) and data descriptors (writers that
 * stream). Each must be read and copied faithfully.
 */
interface RawEntry {
  name: string;
  data: Buffer;
  zip64?: boolean;
  descriptor?: boolean;
}

function buildZip(entries: RawEntry[], zip64End: boolean): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    lh.writeUInt16LE(e.descriptor ? 0x0008 : 0, 6);
    lh.writeUInt32LE(e.descriptor ? 0 : crc, 14);
    lh.writeUInt32LE(e.zip64 ? 0xffffffff : e.descriptor ? 0 : e.data.length, 18);
    lh.writeUInt32LE(e.zip64 ? 0xffffffff : e.descriptor ? 0 : e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const lextra = e.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (e.zip64) {
      lextra.writeUInt16LE(1, 0); lextra.writeUInt16LE(16, 2);
      lextra.writeBigUInt64LE(BigInt(e.data.length), 4); lextra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    lh.writeUInt16LE(lextra.length, 28);
    const parts = [lh, name, lextra, e.data];
    if (e.descriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0); dd.writeUInt32LE(crc, 4); dd.writeUInt32LE(e.data.length, 8); dd.writeUInt32LE(e.data.length, 12);
      parts.push(dd);
    }
    const local = Buffer.concat(parts);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 4); ch.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    ch.writeUInt16LE(e.descriptor ? 0x0008 : 0, 8);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 20);
    ch.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    const cextra = e.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (e.zip64) {
      cextra.writeUInt16LE(1, 0); cextra.writeUInt16LE(24, 2);
      cextra.writeBigUInt64LE(BigInt(e.data.length), 4); cextra.writeBigUInt64LE(BigInt(e.data.length), 12); cextra.writeBigUInt64LE(BigInt(offset), 20);
    }
    ch.writeUInt16LE(cextra.length, 30);
    ch.writeUInt32LE(e.zip64 ? 0xffffffff : offset, 42);
    central.push(Buffer.concat([ch, name, cextra]));
    chunks.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (zip64End) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0); rec.writeBigUInt64LE(44n, 4); rec.writeUInt16LE(45, 12); rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24); rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40); rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0); loc.writeBigUInt64LE(BigInt(offset + cd.length), 8); loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 8); end.writeUInt16LE(zip64End ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64End ? 0xffffffff : cd.length, 12); end.writeUInt32LE(zip64End ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, cd, ...tail, end]);
}

describe("zipPackage", () => {
  let dir: string;
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-zip-")); });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads zip64 records and data descriptors, and copies them into a plain zip", async () => {
    const file = path.join(dir, "z64.zip");
    fs.writeFileSync(file, buildZip([
      { name: "a.xml", data: Buffer.from("<a>xin chào</a>"), zip64: true },
      { name: "b.bin", data: Buffer.from([1, 2, 3, 4, 5]), descriptor: true },
    ], true));
    const d = await readZipDirectory(file);
    expect(d.entries.map((e) => [e.name, e.size, e.compressedSize, e.localHeaderOffset])).toEqual([["a.xml", 16, 16, 0], ["b.bin", 5, 5, 71]]);
    expect(strFromU8(await readPart(d, d.entries[0], 1000))).toBe("<a>xin chào</a>");
    const out = path.join(dir, "copy.zip");
    await writeZip(out, d, [...d.entries.map((entry) => ({ kind: "copy" as const, entry })), { kind: "new", name: "c/d.txt", data: new TextEncoder().encode("mới ".repeat(100)) }]);
    const back = unzipSync(fs.readFileSync(out));
    expect(strFromU8(back["a.xml"])).toBe("<a>xin chào</a>");
    expect([...back["b.bin"]]).toEqual([1, 2, 3, 4, 5]);
    expect(strFromU8(back["c/d.txt"])).toBe("mới ".repeat(100));
    const again = await readZipDirectory(out);
    expect(again.entries.every((e) => (e.flags & 0x0008) === 0)).toBe(true);
    expect(again.entries[2].method).toBe(8);
  });

  it("refuses damaged directories and oversized parts with plain sentences", async () => {
    const good = buildZip([{ name: "a.xml", data: Buffer.from("<a/>") }], false);
    const cut = path.join(dir, "cut.zip");
    fs.writeFileSync(cut, good.subarray(0, good.length - 30));
    await expect(readZipDirectory(cut)).rejects.toMatchObject({ code: "corrupt", userText: { vi: expect.stringContaining("bị hỏng hoặc chưa tải về hết") } });
    const file = path.join(dir, "a.zip");
    fs.writeFileSync(file, good);
    const d = await readZipDirectory(file);
    const e = await readPart(d, d.entries[0], 2).catch((x) => x);
    expect(e).toBeInstanceOf(PackageError);
    expect(e.userText.vi).toBe(`Phần a.xml của tệp ${file} quá lớn để sửa khi chép: hãy mở tệp bằng Excel, lưu lại rồi chạy lại.`);
    const lying = path.join(dir, "crc.zip");
    const bad = Buffer.from(good);
    bad[30 + 5] = 0x62; // one byte of the data changed: the checksum no longer holds
    fs.writeFileSync(lying, bad);
    const l = await readZipDirectory(lying);
    await expect(readPart(l, l.entries[0], 1000)).rejects.toMatchObject({ code: "corrupt", message: expect.stringContaining("fails its checksum") });
  });
});
