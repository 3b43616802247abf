import type { Explained, Text } from "../core/model";
import * as fs from "fs";
import { deflateSync } from "fflate";
import { READ_LIMITS } from "./limits";
import { nodeInflateRaw } from "./nodeInflate";
import { checkEntry, inflateStored } from "./zip";
import {
  bytesAt, dataStart, directoryExtent, FLAG_DATA_DESCRIPTOR, FLAG_UTF8, indexParts, LOCAL_HEADER_BYTES, partKey, readDirectoryEntries, readEndRecord,
  SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, SIG_ZIP64_EOCD, SIG_ZIP64_LOCATOR, TAIL_BYTES, U16, U32, ZIP64_EOCD_BYTES, ZipError, type FileWindow, type ZipEntry,
} from "./zipDirectory";

/**
 * The zip layer of `chibo summary --out`: reads an .xlsx's central directory,
 * hands out the few small parts that change (inflated, within a cap), and
 * writes a new zip in which every other part is copied as it is stored —
 * compressed bytes straight from the input file to the output file in 1 MB
 * chunks, never inflated, never all in memory. So a 1.5 GB picture or a
 * sheet of millions of cells costs its copy time and nothing more.
 *
 * The directory is parsed by zipDirectory.ts, the parser the reader uses, and
 * parts are inflated under the reader's bounds (zip.ts), so both give one
 * verdict on the same bytes. Zip64 is read and written where sizes or offsets
 * need it. Anything this layer cannot copy faithfully (a damaged directory, a
 * part listed twice, parts spanning disks) is a PackageError with a plain sentence.
 */

const COPY_CHUNK = 1024 * 1024;

export type PackageErrorCode = "corrupt" | "duplicate-part" | "too-many-entries" | "too-large" | "unsupported" | "changed";

/** Why the input's parts cannot be copied, as one sentence the user can act on. */
export class PackageError extends Error implements Explained {
  readonly userText: Text;
  constructor(readonly code: PackageErrorCode, file: string, detail: string) {
    const m = packageMessage(code, file, detail);
    super(`${m.en} (${detail})`);
    this.name = "PackageError";
    this.userText = m;
  }
}

function packageMessage(code: PackageErrorCode, file: string, detail: string): Text {
  switch (code) {
    case "duplicate-part":
      return {
        vi: `Tệp ${file} chứa hai phần cùng tên (${detail}), nên không biết Excel sẽ đọc phần nào: không chép được. Hãy mở tệp bằng Excel, lưu lại rồi chạy lại.`,
        en: `${file} holds two parts of the same name (${detail}), so which one Excel reads is unclear: it cannot be copied. Open it in Excel, save it again and rerun.`,
      };
    case "too-many-entries":
      return {
        vi: `Tệp ${file} chứa quá nhiều phần bên trong (${detail}), nhiều hơn hẳn một sổ tính bình thường: hãy mở bằng Excel, xóa những gì không cần (ảnh, trang thừa), lưu lại rồi chạy lại.`,
        en: `${file} holds too many parts (${detail}), far more than a normal workbook: open it in Excel, remove what is not needed (pictures, extra sheets), save it again and rerun.`,
      };
    case "too-large":
      return {
        vi: `Phần ${detail} của tệp ${file} quá lớn để sửa khi chép: hãy mở tệp bằng Excel, lưu lại rồi chạy lại.`,
        en: `The part ${detail} of ${file} is too large to edit while copying: open the file in Excel, save it again and rerun.`,
      };
    case "unsupported":
      return {
        vi: `Tệp ${file} được lưu theo cách chưa hỗ trợ khi chép (${detail}): hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại.`,
        en: `${file} is stored in a way copying does not support (${detail}): open it in Excel, save it as .xlsx again and rerun.`,
      };
    case "changed":
      return {
        vi: `Tệp ${file} đã bị thay đổi trong lúc đang đọc (có thể đang được lưu từ Excel): hãy đợi lưu xong rồi chạy lại.`,
        en: `${file} changed while it was being read (perhaps Excel was saving it): wait until it is saved, then run again.`,
      };
    default:
      return {
        vi: `Tệp ${file} bị hỏng hoặc chưa tải về hết (${detail}): hãy lấy lại bản gốc của tệp rồi thử lại.`,
        en: `${file} is damaged or was not fully downloaded (${detail}): get the original file again and retry.`,
      };
  }
}

/** The input's directory: its entries in the order stored, and the file as it was when they were read. */
export interface ZipDirectory {
  file: string;
  fileSize: number;
  mtimeMs: number;
  entries: ZipEntry[];
}

// ---------------------------------------------------------------- CRC-32

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---------------------------------------------------------------- reading

async function readAt(fh: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** A verdict of the shared parser or inflater, as the copier's sentence. */
function packageError(e: ZipError, file: string, entry?: ZipEntry): PackageError {
  switch (e.kind) {
    case "too-many-entries": return new PackageError("too-many-entries", file, e.message);
    case "too-large": return new PackageError("too-large", file, entry?.name ?? e.message);
    case "split": case "encrypted-entry": case "unsupported-method": return new PackageError("unsupported", file, e.message);
    default: return new PackageError("corrupt", file, e.message);
  }
}

/** A FileWindow of `length` bytes at `position` (fewer when the file ends first). */
async function windowAt(fh: fs.promises.FileHandle, position: number, length: number, fileSize: number): Promise<FileWindow> {
  return { bytes: await readAt(fh, position, Math.max(0, Math.min(length, fileSize - position))), start: position, fileSize };
}

/**
 * Reads the central directory of `file`: the tail of the file (end records,
 * TAIL_BYTES), then the directory itself (bounded by the parser before it is
 * read: 4 KB per allowed entry), parsed by the reader's parser. Refuses what that parser refuses (a directory cut short,
 * beyond the file, claiming more than `maxEntries` entries, entries that
 * overlap, a zip spanning disks), and a package listing one part twice.
 */
export async function readZipDirectory(file: string, maxEntries = READ_LIMITS.maxZipEntries): Promise<ZipDirectory> {
  const fh = await fs.promises.open(file, "r");
  try {
    const st = await fh.stat();
    const size = st.size;
    const tail = await windowAt(fh, Math.max(0, size - TAIL_BYTES), TAIL_BYTES, size);
    const end = readEndRecord(tail);
    const zip64 = end.zip64At !== null && !bytesAt(tail, end.zip64At, ZIP64_EOCD_BYTES) ? await windowAt(fh, end.zip64At, ZIP64_EOCD_BYTES, size) : tail;
    const extent = directoryExtent(end, zip64, maxEntries);
    const dirBytes = bytesAt(tail, extent.offset, extent.size) ? tail : await windowAt(fh, extent.offset, extent.size, size);
    const entries = readDirectoryEntries(dirBytes, extent, maxEntries);
    const index = indexParts(entries);
    if (index.duplicates.size > 0) {
      const key = index.duplicates.keys().next().value as string;
      const second = entries.find((e) => partKey(e.name) === key && e !== index.entries.get(key));
      throw new PackageError("duplicate-part", file, second?.name ?? key);
    }
    return { file, fileSize: size, mtimeMs: st.mtimeMs, entries };
  } catch (e) {
    if (e instanceof ZipError) throw packageError(e, file);
    throw e;
  } finally {
    await fh.close();
  }
}

/** Where an entry's stored bytes begin, after its local header (read by the reader's helper). */
async function dataOffset(fh: fs.promises.FileHandle, dir: ZipDirectory, e: ZipEntry): Promise<number> {
  try {
    return dataStart(await readAt(fh, e.localHeaderOffset, LOCAL_HEADER_BYTES), e, dir.fileSize);
  } catch (err) {
    if (err instanceof ZipError) throw packageError(err, dir.file, e);
    throw err;
  }
}

/**
 * Inflates a whole part, at most `maxBytes` of it, under the reader's checks
 * (zip.ts: encrypted, declared size, method, output counted as it comes): for
 * the small parts that change (workbook, relationships, content types,
 * styles). The CRC is checked too, as the copy is written back.
 */
export async function readPart(dir: ZipDirectory, e: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    if (e.compressedSize > maxBytes) throw new ZipError("too-large", `${e.name} stores ${e.compressedSize} bytes`);
    checkEntry(e, maxBytes);
    const fh = await fs.promises.open(dir.file, "r");
    let stored: Buffer;
    try {
      stored = await readAt(fh, await dataOffset(fh, dir, e), e.compressedSize);
    } finally {
      await fh.close();
    }
    data = inflateStored(stored, e, maxBytes, nodeInflateRaw);
  } catch (err) {
    if (err instanceof ZipError) throw packageError(err, dir.file, e);
    throw err;
  }
  if (crc32(data) !== e.crc) throw new PackageError("corrupt", dir.file, `${e.name} fails its checksum`);
  return data;
}

// ---------------------------------------------------------------- writing

/** What goes into the new zip: an input entry copied as stored, or new content. */
export type OutputEntry =
  | { kind: "copy"; entry: ZipEntry }
  | { kind: "new"; name: string; data: Uint8Array };

/** An entry as written: the directory's fields of an input entry, at its offset in the new file. */
type Written = Pick<ZipEntry,
  "nameBytes" | "flags" | "method" | "time" | "date" | "crc" | "compressedSize" | "size" | "versionMadeBy" | "internalAttributes" | "externalAttributes"
> & { offset: number };

/** Buffers small writes (headers) and passes large ones through. */
class FileWriter {
  offset = 0;
  private buf = Buffer.alloc(COPY_CHUNK);
  private used = 0;
  constructor(private readonly fh: fs.promises.FileHandle) {}

  async write(data: Uint8Array): Promise<void> {
    if (data.length > this.buf.length - this.used) await this.flush();
    if (data.length >= this.buf.length) {
      await this.writeAll(data);
    } else {
      this.buf.set(data, this.used);
      this.used += data.length;
    }
    this.offset += data.length;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.writeAll(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  private async writeAll(data: Uint8Array): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.fh.write(data, done, data.length - done);
      done += bytesWritten;
    }
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function needsZip64(w: Pick<Written, "compressedSize" | "size" | "offset">): boolean {
  return w.compressedSize >= U32 || w.size >= U32 || w.offset >= U32;
}

function zip64Extra(fields: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * fields.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * fields.length, 2);
  fields.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

function localHeader(w: Written): Buffer {
  const big = w.compressedSize >= U32 || w.size >= U32;
  const extra = big ? zip64Extra([w.size, w.compressedSize]) : Buffer.alloc(0);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(big ? 45 : 20, 4);
  h.writeUInt16LE(w.flags, 6);
  h.writeUInt16LE(w.method, 8);
  h.writeUInt16LE(w.time, 10);
  h.writeUInt16LE(w.date, 12);
  h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(big ? U32 : w.compressedSize, 18);
  h.writeUInt32LE(big ? U32 : w.size, 22);
  h.writeUInt16LE(w.nameBytes.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, w.nameBytes, extra]);
}

function centralHeader(w: Written): Buffer {
  const fields: number[] = [];
  if (w.size >= U32) fields.push(w.size);
  if (w.compressedSize >= U32) fields.push(w.compressedSize);
  if (w.offset >= U32) fields.push(w.offset);
  const extra = fields.length ? zip64Extra(fields) : Buffer.alloc(0);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(SIG_CENTRAL, 0);
  h.writeUInt16LE(w.versionMadeBy, 4);
  h.writeUInt16LE(needsZip64(w) ? 45 : 20, 6);
  h.writeUInt16LE(w.flags, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt16LE(w.time, 12);
  h.writeUInt16LE(w.date, 14);
  h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(w.compressedSize >= U32 ? U32 : w.compressedSize, 20);
  h.writeUInt32LE(w.size >= U32 ? U32 : w.size, 24);
  h.writeUInt16LE(w.nameBytes.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(w.internalAttributes, 36);
  h.writeUInt32LE(w.externalAttributes, 38);
  h.writeUInt32LE(w.offset >= U32 ? U32 : w.offset, 42);
  return Buffer.concat([h, w.nameBytes, extra]);
}

function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const parts: Buffer[] = [];
  const big = count >= U16 || cdOffset >= U32 || cdSize >= U32;
  if (big) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(SIG_ZIP64_EOCD, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(SIG_ZIP64_LOCATOR, 0);
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(rec, loc);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(SIG_EOCD, 0);
  e.writeUInt16LE(big ? U16 : count, 8);
  e.writeUInt16LE(big ? U16 : count, 10);
  e.writeUInt32LE(big ? U32 : cdSize, 12);
  e.writeUInt32LE(big ? U32 : cdOffset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}

/**
 * Writes the new zip to `target`: copied entries byte for byte from the input
 * (a fresh local header, without the data descriptor, then the stored bytes),
 * new entries deflated. Refuses to go on if the input changed since its
 * directory was read.
 */
export async function writeZip(target: string, dir: ZipDirectory | null, entries: readonly OutputEntry[], openFlags: "w" | "r+" = "w"): Promise<void> {
  const input = dir ? await fs.promises.open(dir.file, "r") : null;
  const out = await fs.promises.open(target, openFlags);
  try {
    if (dir && input) {
      const st = await input.stat();
      if (st.size !== dir.fileSize || st.mtimeMs !== dir.mtimeMs) throw new PackageError("changed", dir.file, "size or time changed");
    }
    const w = new FileWriter(out);
    const written: Written[] = [];
    const now = dosDateTime(new Date());
    const copyBuf = Buffer.alloc(COPY_CHUNK);
    for (const item of entries) {
      if (item.kind === "copy") {
        const e = item.entry;
        if (!dir || !input) throw new Error("copy without an input");
        const start = await dataOffset(input, dir, e);
        const rec: Written = {
          nameBytes: e.nameBytes, flags: e.flags & ~FLAG_DATA_DESCRIPTOR, method: e.method, time: e.time, date: e.date,
          crc: e.crc, compressedSize: e.compressedSize, size: e.size, offset: w.offset,
          versionMadeBy: e.versionMadeBy, internalAttributes: e.internalAttributes, externalAttributes: e.externalAttributes,
        };
        await w.write(localHeader(rec));
        let left = e.compressedSize;
        let pos = start;
        while (left > 0) {
          const n = Math.min(left, copyBuf.length);
          const { bytesRead } = await input.read(copyBuf, 0, n, pos);
          if (bytesRead === 0) throw new PackageError("corrupt", dir.file, `${e.name} ends early`);
          await w.write(copyBuf.subarray(0, bytesRead));
          left -= bytesRead;
          pos += bytesRead;
        }
        written.push(rec);
      } else {
        const deflated = deflateSync(item.data, { level: 6 });
        const store = deflated.length >= item.data.length;
        const body = store ? item.data : deflated;
        const nameBytes = new TextEncoder().encode(item.name);
        const ascii = nameBytes.length === item.name.length;
        const rec: Written = {
          nameBytes, flags: ascii ? 0 : FLAG_UTF8, method: store ? 0 : 8, time: now.time, date: now.date,
          crc: crc32(item.data), compressedSize: body.length, size: item.data.length, offset: w.offset,
          versionMadeBy: 20, internalAttributes: 0, externalAttributes: 0,
        };
        await w.write(localHeader(rec));
        await w.write(body);
        written.push(rec);
      }
    }
    const cdOffset = w.offset;
    for (const rec of written) await w.write(centralHeader(rec));
    const cdSize = w.offset - cdOffset;
    await w.write(endRecords(written.length, cdOffset, cdSize));
    await w.flush();
  } finally {
    await out.close();
    await input?.close();
  }
}
