/**
 * Real disks that refuse writes, for the safe-write tests: a small or read-only
 * tmpfs when the tests run as root (CI does), a folder without write permission
 * otherwise. Each helper says which one it made; `canMount` tells the tests
 * that need a full disk whether one can be had here.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

let mountable: boolean | null = null;

function tryMount(dir: string, options: string): boolean {
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
  return r.status === 0;
}

function unmount(dir: string): void {
  spawnSync("umount", ["-l", dir], { stdio: "ignore" });
}

/** Whether this process may mount a tmpfs (root in a container that allows it). */
export function canMount(): boolean {
  if (mountable !== null) return mountable;
  mountable = false;
  if (process.platform !== "linux" || process.getuid?.() !== 0) return mountable;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-mnt-"));
  if (tryMount(dir, "size=64k")) {
    mountable = true;
    unmount(dir);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return mountable;
}

export interface TestDisk {
  dir: string;
  kind: "read-only mount" | "no write permission" | "small tmpfs";
  cleanup(): void;
}

/** A folder that refuses new files: a read-only tmpfs as root, else a folder with mode 0555. */
export function readOnlyFolder(): TestDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-ro-"));
  if (canMount() && tryMount(dir, "ro,size=64k")) {
    return { dir, kind: "read-only mount", cleanup: () => { unmount(dir); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  if (process.getuid?.() === 0) throw new Error("running as root without mount: no folder can refuse writes here");
  fs.chmodSync(dir, 0o555);
  return { dir, kind: "no write permission", cleanup: () => { fs.chmodSync(dir, 0o755); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** A tmpfs of `bytes` that fills up for real. Only where canMount(). */
export function smallDisk(bytes: number): TestDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-full-"));
  if (!canMount() || !tryMount(dir, `size=${bytes}`)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error("a small disk needs mount (root)");
  }
  return { dir, kind: "small tmpfs", cleanup: () => { unmount(dir); fs.rmSync(dir, { recursive: true, force: true }); } };
}
