import * as nodeFs from "fs";
import * as path from "path";
import { errnoCode, ioMessage, IoMessage } from "./ioErrors";
import type { Explained, Text } from "../core/model";

/**
 * Every file the command line writes goes through here, so a write never
 * destroys a file:
 *
 * - the target is checked before any work starts (its folder exists, is a
 *   folder and takes a new file; the target is not an input, not a folder, and
 *   is not replaced without --force);
 * - an input is recognised by what it is on disk (device and inode), so a
 *   symbolic or hard link to an input, or another spelling of its path, is
 *   refused like the input itself;
 * - the content goes to a temporary file beside the target, is flushed to disk
 *   (fsync) and only then takes the target's name (rename, or a hard link that
 *   fails when the name was taken meanwhile, without --force). A failed or
 *   interrupted write leaves the previous file as it was and no temporary file
 *   behind; two runs writing one target each leave a whole file.
 *
 * Every refusal and every system error is an OutputError with one plain
 * sentence in Vietnamese and English.
 */

/** The few file-system calls this module makes, so tests can make them fail the way a full or read-only disk does. */
export interface OutputFs {
  stat(p: string): Promise<nodeFs.BigIntStats>;
  lstat(p: string): Promise<nodeFs.BigIntStats>;
  /** Creates `p`, failing when it exists (O_EXCL), and closes it. */
  createExclusive(p: string): Promise<void>;
  /** Opens `p` for writing, flushes it to the disk, closes it. */
  fsyncFile(p: string): Promise<void>;
  /** Flushes a folder's entries to the disk; best effort (Windows cannot). */
  fsyncDir(p: string): Promise<void>;
  chmod(p: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  unlinkSync(p: string): void;
}

export const realOutputFs: OutputFs = {
  stat: (p) => nodeFs.promises.stat(p, { bigint: true }),
  lstat: (p) => nodeFs.promises.lstat(p, { bigint: true }),
  async createExclusive(p) {
    const h = await nodeFs.promises.open(p, "wx");
    await h.close();
  },
  async fsyncFile(p) {
    const h = await nodeFs.promises.open(p, "r+");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  },
  async fsyncDir(p) {
    let h: nodeFs.promises.FileHandle | undefined;
    try {
      h = await nodeFs.promises.open(p, "r");
      await h.sync();
    } catch {
      // Folders cannot be opened or flushed on some systems (Windows); the rename is still atomic there.
    } finally {
      await h?.close().catch(() => undefined);
    }
  },
  chmod: (p, mode) => nodeFs.promises.chmod(p, mode),
  rename: (a, b) => nodeFs.promises.rename(a, b),
  link: (a, b) => nodeFs.promises.link(a, b),
  unlink: (p) => nodeFs.promises.unlink(p),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
};

export type OutputRefusal = "same-as-input" | "exists" | "system";

/** A refusal or a failed write, with the sentence to print. */
export class OutputError extends Error implements Explained {
  readonly userText: Text;
  constructor(
    readonly reason: OutputRefusal,
    /** The errno code for system errors ("EROFS"), else the reason. */
    readonly code: string,
    message: IoMessage,
  ) {
    super(message.en);
    this.name = "OutputError";
    this.userText = message;
  }
}

export interface OutputOptions {
  /** Files the command reads: the output may be none of them, however it is named. */
  inputs?: readonly string[];
  /** Replace an existing file of that name. */
  force?: boolean;
  fs?: OutputFs;
}

/** A target that passed the checks: what writeOutput needs. */
export interface CheckedOutput {
  /** As the user typed it, for messages. */
  file: string;
  resolved: string;
  dir: string;
  force: boolean;
  /** Identities of the inputs, checked again just before the rename. */
  inputs: ReadonlyArray<{ file: string; id: string }>;
  /** Permission bits of the file being replaced, kept on the new one. */
  replacedMode: number | null;
  fs: OutputFs;
}

function identity(st: nodeFs.BigIntStats): string {
  return `${st.dev}:${st.ino}`;
}

function shownDir(file: string): string {
  const d = path.dirname(file);
  return d === "" ? "." : d;
}

function systemError(e: unknown, file: string, dir: string): OutputError {
  if (e instanceof OutputError) return e;
  const code = errnoCode(e) ?? "EIO";
  return new OutputError("system", code, ioMessage(code, { file, dir }));
}

function sameAsInput(file: string, input: string): OutputError {
  return new OutputError("same-as-input", "same-as-input", {
    vi: `Tệp ${file} chính là tệp đầu vào ${input} (cùng một tệp trên đĩa, qua liên kết hoặc tên khác): không ghi đè tệp đầu vào, hãy chọn tên khác cho --out.`,
    en: `${file} is the input file ${input} (the same file on disk, through a link or another name): the input is never overwritten; choose another name for --out.`,
  });
}

function alreadyExists(file: string): OutputError {
  return new OutputError("exists", "EEXIST", ioMessage("EEXIST", { file, dir: shownDir(file) }));
}

async function statOrNull(fs: OutputFs, p: string, follow: boolean): Promise<nodeFs.BigIntStats | null> {
  try {
    return await (follow ? fs.stat(p) : fs.lstat(p));
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw e;
  }
}

let tempCounter = 0;

/** A name beside the target that no other run picks: hidden, with the process id and a counter. */
export function tempPathFor(resolved: string, suffix: "tmp" | "probe" = "tmp"): string {
  tempCounter++;
  const rand = Math.floor(Math.random() * 0x100000000).toString(36);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}-${tempCounter}-${rand}.${suffix}`);
}

/**
 * Checks a target before any work starts. Throws OutputError when the target
 * is an input, exists without --force, is a folder, or when its folder is
 * missing, not a folder, or does not take a new file (read-only, no permission,
 * no room for one more file): that is tried for real, with an empty file
 * created and removed at once.
 */
export async function checkOutput(file: string, opts: OutputOptions = {}): Promise<CheckedOutput> {
  const fs = opts.fs ?? realOutputFs;
  const resolved = path.resolve(file);
  const dir = path.dirname(resolved);
  const shown = shownDir(file);
  const inputs: Array<{ file: string; id: string }> = [];
  for (const input of opts.inputs ?? []) {
    // An input that cannot be looked at is the reader's to report; it cannot be the target's file either.
    const st = await statOrNull(fs, input, true).catch(() => null);
    if (st) inputs.push({ file: input, id: identity(st) });
  }
  try {
    const dirStat = await statOrNull(fs, dir, true);
    if (!dirStat) throw new OutputError("system", "ENOENT", ioMessage("ENOENT", { file, dir: shown }));
    if (!dirStat.isDirectory()) throw new OutputError("system", "ENOTDIR", ioMessage("ENOTDIR", { file, dir: shown }));
    const target = await statOrNull(fs, resolved, true);
    let replacedMode: number | null = null;
    if (target) {
      const hit = inputs.find((i) => i.id === identity(target));
      if (hit) throw sameAsInput(file, hit.file);
      if (target.isDirectory()) throw new OutputError("system", "EISDIR", ioMessage("EISDIR", { file, dir: shown }));
      if (!opts.force) throw alreadyExists(file);
      replacedMode = Number(target.mode & 0o7777n);
    } else if (await statOrNull(fs, resolved, false)) {
      // A link pointing nowhere: writing would replace the link, which the user may not expect without --force.
      if (!opts.force) throw alreadyExists(file);
    }
    const probe = tempPathFor(resolved, "probe");
    await fs.createExclusive(probe);
    await fs.unlink(probe).catch(() => undefined);
    return { file, resolved, dir, force: Boolean(opts.force), inputs, replacedMode, fs };
  } catch (e) {
    throw systemError(e, file, shown);
  }
}

/** Temporary files being written now, removed if the user interrupts the run (Ctrl+C). */
const live = new Set<{ fs: OutputFs; path: string }>();
let handlersInstalled = false;

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanup = (signal: NodeJS.Signals, code: number) => () => {
    for (const t of live) {
      try { t.fs.unlinkSync(t.path); } catch { /* already gone */ }
    }
    live.clear();
    process.removeAllListeners(signal);
    process.exit(code);
  };
  process.once("SIGINT", cleanup("SIGINT", 130));
  process.once("SIGTERM", cleanup("SIGTERM", 143));
  process.once("SIGHUP", cleanup("SIGHUP", 129));
}

/** Links don't exist on some disks (FAT memory cards, some network shares): those fall back to a checked rename. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK", "EACCES", "EINVAL"]);

/** Puts the finished temporary file in place; without --force, never over a file that appeared meanwhile. */
async function commit(out: CheckedOutput, temp: string): Promise<void> {
  const { fs } = out;
  const target = await statOrNull(fs, out.resolved, true);
  if (target) {
    const hit = out.inputs.find((i) => i.id === identity(target));
    if (hit) throw sameAsInput(out.file, hit.file);
  }
  if (out.force) {
    try {
      await fs.rename(temp, out.resolved);
    } catch (e) {
      // The folder took a file when checked, so a refusal to replace this one means a program holds it (Excel on Windows).
      const code = errnoCode(e);
      if (target && (code === "EPERM" || code === "EACCES" || code === "EBUSY")) {
        throw new OutputError("system", "EBUSY", ioMessage("EBUSY", { file: out.file, dir: shownDir(out.file) }));
      }
      throw e;
    }
    return;
  }
  try {
    await fs.link(temp, out.resolved);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "EEXIST") throw alreadyExists(out.file);
    if (!code || !NO_HARD_LINKS.has(code)) throw e;
    if (await statOrNull(fs, out.resolved, false)) throw alreadyExists(out.file);
    await fs.rename(temp, out.resolved);
    return;
  }
  await fs.unlink(temp).catch(() => undefined);
}

/**
 * How a producer opens the temporary file it is given: it exists already, so
 * "r+" and never "w". Node opens files on another thread; an open with "w"
 * still in flight when Ctrl+C removed the file would create it again after the
 * cleanup, leaving a temporary file behind.
 */
export const TEMP_OPEN_FLAGS = "r+";

/**
 * Writes a checked target: `produce` writes the whole content to the path it
 * is given (a temporary file beside the target); then the file is flushed and
 * renamed into place. Returns what `produce` returned. On any failure the
 * temporary file is removed and an OutputError says what happened; the
 * previous file of that name is untouched.
 */
export async function writeOutput<T>(out: CheckedOutput, produce: (tempPath: string) => Promise<T>): Promise<T> {
  const { fs } = out;
  const temp = tempPathFor(out.resolved);
  const entry = { fs, path: temp };
  installSignalCleanup();
  live.add(entry);
  try {
    await fs.createExclusive(temp);
    const result = await produce(temp);
    await fs.fsyncFile(temp);
    if (out.replacedMode !== null) await fs.chmod(temp, out.replacedMode);
    await commit(out, temp);
    await fs.fsyncDir(out.dir);
    return result;
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw systemError(e, out.file, shownDir(out.file));
  } finally {
    live.delete(entry);
  }
}

/** checkOutput then writeOutput, for a file whose content is ready at once (a JSON list, a small text). */
export async function writeOutputFile(file: string, content: string | Uint8Array, opts: OutputOptions = {}): Promise<void> {
  const out = await checkOutput(file, opts);
  await writeOutput(out, (temp) => nodeFs.promises.writeFile(temp, content, { flag: TEMP_OPEN_FLAGS }));
}
