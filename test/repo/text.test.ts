import * as fs from "fs";
import * as path from "path";

/**
 * Words for a person travel as one `Text` ({ vi, en }, src/core/model/text.ts)
 * everywhere in the product, so no sentence can reach the English pane or
 * `--lang en` without its English. A pair of keys (`messageVi`/`messageEn`,
 * `detailVi`/`detailEn`, `titleVi`/…) is how that went wrong before: one side
 * was forgotten, or a Vietnamese-only reason reached the English pane.
 *
 * The one place a pair is spelled out on purpose is the command line's JSON,
 * whose shape scripts already read (`message` in Vietnamese, `messageEn`).
 */
const root = path.join(__dirname, "..", "..");
const JSON_WRITERS = new Set(["src/cli/check.ts", "src/cli/province.ts"]);
/** A key or parameter named like a one-language half: `detailEn: `, `titleVi?: `. */
const HALF = /(?<![\w.$])([a-z][A-Za-z0-9]*(?:Vi|En))\??:\s/g;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe("one bilingual text type", () => {
  const files = sources("src");

  it("finds the product's sources", () => {
    expect(files).toContain("src/core/model/text.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it("no key or parameter holds one language of a sentence: a sentence is a Text", () => {
    const halves: string[] = [];
    for (const f of files) {
      if (JSON_WRITERS.has(f)) continue;
      fs.readFileSync(path.join(root, f), "utf8").split("\n").forEach((line, i) => {
        for (const m of line.matchAll(HALF)) halves.push(`${f}:${i + 1} ${m[1]}`);
      });
    }
    expect(halves).toEqual([]);
  });

  it("the command line's JSON keeps its documented pairs, each read from one Text", () => {
    for (const f of JSON_WRITERS) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      const pairs = [...text.matchAll(/(\w+En): ([\w.]+)/g)].map((m) => [m[1], m[2]]);
      expect(pairs.length).toBeGreaterThan(0);
      for (const [key, from] of pairs) expect([key, from.endsWith(".en")]).toEqual([key, true]);
    }
  });
});
