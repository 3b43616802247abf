import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OutputError, OutputFs, checkOutput, realOutputFs, writeOutput, writeOutputFile } from "../../src/cli/safeWrite";
import { canMount, readOnlyFolder, smallDisk } from "./diskHelpers";

// A real full disk needs a small tmpfs, which only root can mount; the injected-fs test below runs everywhere.
const itWithSmallDisk = canMount() ? it : it.skip;
// As root without mount, no folder refuses writes (root ignores permission bits).
const itWithReadOnlyFolder = canMount() || process.getuid?.() !== 0 ? it : it.skip;

/** Files in a folder other than the ones named: temporary files left behind show here. */
function strays(dir: string, keep: string[]): string[] {
  return fs.readdirSync(dir).filter((f) => !keep.includes(f));
}

async function refusal(p: Promise<unknown>): Promise<OutputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OutputError);
    return e as OutputError;
  }
  throw new Error("expected a refusal");
}

describe("safe writes", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-safe-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes through a temporary file and leaves only the target", async () => {
    const target = path.join(dir, "out.txt");
    let seen = "";
    const out = await checkOutput(target);
    await writeOutput(out, async (temp) => {
      seen = temp;
      expect(path.dirname(temp)).toBe(dir);
      expect(fs.existsSync(target)).toBe(false);
      fs.writeFileSync(temp, "xin chào");
    });
    expect(seen).not.toBe(target);
    expect(fs.readFileSync(target, "utf8")).toBe("xin chào");
    expect(strays(dir, ["out.txt"])).toEqual([]);
  });

  it("replaces an existing file only with --force, keeping its permissions", async () => {
    const target = path.join(dir, "out.txt");
    fs.writeFileSync(target, "cũ");
    fs.chmodSync(target, 0o640);
    const e = await refusal(writeOutputFile(target, "mới"));
    expect(e.code).toBe("EEXIST");
    expect(e.userText.vi).toBe(`Tệp ${target} đã có: thêm --force để ghi đè, hoặc chọn tên khác.`);
    expect(fs.readFileSync(target, "utf8")).toBe("cũ");
    await writeOutputFile(target, "mới", { force: true });
    expect(fs.readFileSync(target, "utf8")).toBe("mới");
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(strays(dir, ["out.txt"])).toEqual([]);
  });

  it("refuses an input under any name: itself, another spelling, a symbolic link, a hard link, even with --force", async () => {
    const input = path.join(dir, "xa.xlsx");
    fs.writeFileSync(input, "dữ liệu xã");
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(input, path.join(dir, "tong-hop.xlsx"));
    fs.linkSync(input, path.join(dir, "ban-sao.xlsx"));
    const targets = [input, path.join(dir, "sub", "..", "xa.xlsx"), path.join(dir, "tong-hop.xlsx"), path.join(dir, "ban-sao.xlsx")];
    for (const target of targets) {
      const e = await refusal(checkOutput(target, { inputs: [input], force: true }));
      expect(e.reason).toBe("same-as-input");
      expect(e.userText.vi).toContain("không ghi đè tệp đầu vào");
      expect(e.userText.en).toContain("the input is never overwritten");
    }
    // The input named through a link is recognised too.
    const e = await refusal(checkOutput(input, { inputs: [path.join(dir, "tong-hop.xlsx")], force: true }));
    expect(e.reason).toBe("same-as-input");
    expect(fs.readFileSync(input, "utf8")).toBe("dữ liệu xã");
  });

  it("says plainly when the folder is missing, is a file, or the target is a folder, before any work", async () => {
    const cases: Array<[string, string, RegExp]> = [
      [path.join(dir, "khong-co", "out.xlsx"), "ENOENT", /^Thư mục .*khong-co không tồn tại: hãy tạo thư mục đó trước/],
      [path.join(dir, "tep.txt", "out.xlsx"), "ENOTDIR", /tep\.txt không phải là thư mục/],
      [path.join(dir, "thu-muc"), "EISDIR", /thu-muc là một thư mục, không phải tệp/],
    ];
    fs.writeFileSync(path.join(dir, "tep.txt"), "");
    fs.mkdirSync(path.join(dir, "thu-muc"));
    for (const [target, code, vi] of cases) {
      const e = await refusal(checkOutput(target, { force: true }));
      expect(e.code).toBe(code);
      expect(e.userText.vi).toMatch(vi);
      expect(e.userText.vi).not.toMatch(/không mong đợi|Error:/);
    }
  });

  itWithReadOnlyFolder("says plainly when the folder does not take files (a read-only disk, or no permission)", async () => {
    const ro = readOnlyFolder();
    try {
      fs.writeFileSync(path.join(ro.dir, "cu.xlsx"), "");
    } catch {
      // Expected: the folder refuses new files.
    }
    const e = await refusal(checkOutput(path.join(ro.dir, "out.xlsx")));
    expect(["EROFS", "EACCES"]).toContain(e.code);
    expect(e.userText.vi).toMatch(ro.kind === "read-only mount" ? /chỉ cho phép đọc/ : /Không có quyền ghi/);
    expect(fs.readdirSync(ro.dir)).toEqual([]);
    ro.cleanup();
  });

  itWithSmallDisk("keeps the previous file when the disk fills up during the write, and leaves no temporary file", async () => {
    const disk = smallDisk(256 * 1024);
    try {
      const target = path.join(disk.dir, "tong-hop.xlsx");
      fs.writeFileSync(target, "báo cáo quý trước");
      const out = await checkOutput(target, { force: true });
      const e = await refusal(writeOutput(out, async (temp) => {
        const big = Buffer.alloc(1024 * 1024, 7);
        await fs.promises.writeFile(temp, big);
      }));
      expect(e.code).toBe("ENOSPC");
      expect(e.userText.vi).toMatch(/đã hết chỗ trống: không ghi được .*tong-hop\.xlsx \(tệp cũ, nếu có, vẫn còn nguyên\)/);
      expect(fs.readFileSync(target, "utf8")).toBe("báo cáo quý trước");
      expect(strays(disk.dir, ["tong-hop.xlsx"])).toEqual([]);
    } finally {
      disk.cleanup();
    }
  });

  it("a simulated full disk (injected file system) fails the same way", async () => {
    const target = path.join(dir, "tong-hop.xlsx");
    fs.writeFileSync(target, "báo cáo quý trước");
    const full: OutputFs = {
      ...realOutputFs,
      fsyncFile: async () => { throw Object.assign(new Error("ENOSPC: no space left on device, fsync"), { code: "ENOSPC" }); },
    };
    const out = await checkOutput(target, { force: true, fs: full });
    const e = await refusal(writeOutput(out, async (temp) => fs.promises.writeFile(temp, "mới")));
    expect(e.code).toBe("ENOSPC");
    expect(e.userText.en).toMatch(/^The disk holding .* is full/);
    expect(fs.readFileSync(target, "utf8")).toBe("báo cáo quý trước");
    expect(strays(dir, ["tong-hop.xlsx"])).toEqual([]);
  });

  it("removes the temporary file when the content cannot be made", async () => {
    const target = path.join(dir, "out.txt");
    fs.writeFileSync(target, "cũ");
    const out = await checkOutput(target, { force: true });
    await expect(writeOutput(out, async (temp) => {
      fs.writeFileSync(temp, "một nửa");
      throw Object.assign(new Error("EIO: i/o error, write"), { code: "EIO" });
    })).rejects.toMatchObject({ code: "EIO", userText: { vi: expect.stringContaining("Ổ đĩa báo lỗi khi ghi") } });
    expect(fs.readFileSync(target, "utf8")).toBe("cũ");
    expect(strays(dir, ["out.txt"])).toEqual([]);
  });

  it("without --force, a file that appears while the work runs is not replaced", async () => {
    const target = path.join(dir, "out.txt");
    const out = await checkOutput(target);
    fs.writeFileSync(target, "của người khác");
    const e = await refusal(writeOutput(out, async (temp) => fs.promises.writeFile(temp, "của mình")));
    expect(e.code).toBe("EEXIST");
    expect(fs.readFileSync(target, "utf8")).toBe("của người khác");
    expect(strays(dir, ["out.txt"])).toEqual([]);
  });

  it("says the file is held by another program when it cannot be replaced (Excel on Windows keeps it open)", async () => {
    const target = path.join(dir, "dang-mo.xlsx");
    fs.writeFileSync(target, "đang mở trong Excel");
    const held: OutputFs = { ...realOutputFs, rename: async () => { throw Object.assign(new Error("EPERM: operation not permitted, rename"), { code: "EPERM" }); } };
    const e = await refusal(writeOutputFile(target, "mới", { force: true, fs: held }));
    expect(e.code).toBe("EBUSY");
    expect(e.userText.vi).toBe(`Tệp ${target} đang bị chương trình khác giữ (ví dụ đang mở trong Excel): hãy đóng tệp rồi chạy lại.`);
    expect(fs.readFileSync(target, "utf8")).toBe("đang mở trong Excel");
    expect(strays(dir, ["dang-mo.xlsx"])).toEqual([]);
  });

  it("falls back to a checked rename on disks without hard links", async () => {
    const target = path.join(dir, "out.txt");
    const noLinks: OutputFs = { ...realOutputFs, link: async () => { throw Object.assign(new Error("EPERM"), { code: "EPERM" }); } };
    await writeOutputFile(target, "một", { fs: noLinks });
    expect(fs.readFileSync(target, "utf8")).toBe("một");
    const out = await checkOutput(path.join(dir, "hai.txt"), { fs: noLinks });
    fs.writeFileSync(path.join(dir, "hai.txt"), "đã có");
    await expect(writeOutput(out, async (t) => fs.promises.writeFile(t, "hai"))).rejects.toMatchObject({ code: "EEXIST" });
    expect(fs.readFileSync(path.join(dir, "hai.txt"), "utf8")).toBe("đã có");
  });

  it("two writers at once: with --force the target is one whole file; without, exactly one wins and the other says so", async () => {
    const target = path.join(dir, "out.bin");
    const a = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const b = Buffer.alloc(2 * 1024 * 1024, 0x62);
    for (let i = 0; i < 6; i++) {
      await Promise.all([writeOutputFile(target, a, { force: true }), writeOutputFile(target, b, { force: true })]);
      const got = fs.readFileSync(target);
      expect(got.equals(a) || got.equals(b)).toBe(true);
      fs.unlinkSync(target);
      const results = await Promise.allSettled([
        (async () => { const o = await checkOutput(target); await writeOutput(o, (t) => fs.promises.writeFile(t, a)); })(),
        (async () => { const o = await checkOutput(target); await writeOutput(o, (t) => fs.promises.writeFile(t, b)); })(),
      ]);
      const won = results.filter((r) => r.status === "fulfilled").length;
      expect(won).toBe(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "EEXIST" });
      const kept = fs.readFileSync(target);
      expect(kept.equals(a) || kept.equals(b)).toBe(true);
      fs.unlinkSync(target);
      expect(strays(dir, [])).toEqual([]);
    }
  });
});
