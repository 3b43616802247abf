import * as fs from "fs";
import * as path from "path";

/**
 * The repository stands on its own: someone who clones it has nothing beside
 * it, so no file may point outside it, and every link of its documents leads
 * to a file it holds.
 */
const root = path.join(__dirname, "..", "..");
const SKIP = new Set(["node_modules", ".git", "dist", "build", "coverage", ".cache", "screenshots"]);
const TEXT = /\.(md|ts|tsx|js|json|html|xml|yml|yaml|txt)$/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (TEXT.test(e.name) && e.name !== "package-lock.json") out.push(rel);
  }
  return out;
}

const ALL = files(".");
// Spelled in two pieces so this file does not name what it looks for.
const OUTSIDE = ["..", "shared"].join("/");

describe("the repository stands on its own", () => {
  it("no file points at the folder beside the repository", () => {
    const pointing = ALL.filter((f) => fs.readFileSync(path.join(root, f), "utf8").includes(OUTSIDE));
    expect(pointing).toEqual([]);
  });

  it("every relative link of a Markdown document leads to a file of the repository", () => {
    const broken: string[] = [];
    for (const f of ALL.filter((x) => x.endsWith(".md"))) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split("#")[0];
        if (!target || /^[a-z]+:/i.test(target)) continue;
        const resolved = path.resolve(path.dirname(path.join(root, f)), target);
        if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)) broken.push(`${f} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
