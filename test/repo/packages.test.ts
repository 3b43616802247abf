import { builtinModules } from "module";
import * as fs from "fs";
import * as path from "path";

/**
 * Every package the product runs with is declared as a dependency, and every
 * dependency is used: a package that works only because another one happens
 * to pull it in (or because `npm ci` installed the dev tools) breaks the day
 * that other package changes, or on an install without dev dependencies.
 */
const root = path.join(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const BUILTIN = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function files(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel, keep));
    else if (keep(rel)) out.push(rel);
  }
  return out;
}

/** The packages a file loads at run time: `import … from`, `require()`, `import()`; type-only imports load nothing. */
export function packagesOf(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm,
    /^\s*export\s+(?!type\s)[^"';]*?\s+from\s+["']([^"']+)["']/gm,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) specs.push(m[1]);
  return specs
    .filter((s) => !s.startsWith(".") && !s.startsWith("/"))
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]))
    .filter((s) => !BUILTIN.has(s));
}

function used(paths: string[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const f of paths) {
    for (const p of packagesOf(fs.readFileSync(path.join(root, f), "utf8"))) {
      if (!by.has(p)) by.set(p, []);
      by.get(p)!.push(f);
    }
  }
  return by;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const isCode = (f: string) => /\.(ts|tsx|js)$/.test(f);
/** What ships: the pane, the demo, the command line and what they load. */
const RUNTIME = [...files("src", (f) => isCode(f) && !isTest(f)), ...files("bin", isCode)];
/** What builds and tests it. */
const TOOLING = [
  ...files("src", isTest), ...files("test", isCode), ...files("bench", isCode), ...files("scripts", isCode),
  "webpack.config.js", "jest.config.js", "eslint.config.js",
];

describe("packages", () => {
  it("reads imports the way the code writes them", () => {
    expect(packagesOf([
      'import { a } from "react";', 'import type { B } from "typescript";', 'const z = require("fflate/lib");',
      'export { c } from "@fluentui/react-components/x";', 'import("./local");', 'import * as fs from "node:fs";',
    ].join("\n"))).toEqual(["react", "@fluentui/react-components", "fflate"]);
  });

  it("declares every package the product loads as a dependency", () => {
    const missing = [...used(RUNTIME)].filter(([p]) => !(p in pkg.dependencies)).map(([p, where]) => `${p} (${where[0]})`);
    expect(missing).toEqual([]);
  });

  it("uses every dependency it declares", () => {
    const loaded = used(RUNTIME);
    expect(Object.keys(pkg.dependencies).filter((p) => !loaded.has(p))).toEqual([]);
  });

  it("declares every package the tools and tests load", () => {
    const declared = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
    const missing = [...used(TOOLING)].filter(([p]) => !(p in declared)).map(([p, where]) => `${p} (${where[0]})`);
    expect(missing).toEqual([]);
  });
});
