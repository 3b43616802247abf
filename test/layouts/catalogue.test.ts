import fs from "fs";
import path from "path";
import { LAYOUTS } from "../fixtures/layouts";
import { OFFICE_LAYOUTS } from "../fixtures/layouts/offices";

/**
 * docs/LAYOUTS.md is the catalogue of the layouts understood: every fixture is
 * a row of it, and every row is a fixture, so the page cannot fall behind the tests.
 */
const doc = fs.readFileSync(path.join(__dirname, "../../docs/LAYOUTS.md"), "utf8");

/** The fixture names in the first column of the tables under a "## " heading that starts with `title`. */
function catalogued(title: string): string[] {
  const start = doc.indexOf(`\n## ${title}`);
  expect(start).toBeGreaterThan(-1);
  const end = doc.indexOf("\n## ", start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

describe("docs/LAYOUTS.md", () => {
  it("lists every whole-workbook fixture, in order, and nothing else", () => {
    expect(catalogued("Whole workbooks")).toEqual(OFFICE_LAYOUTS.map((l) => l.name));
  });
  it("lists every single-sheet fixture, in order, and nothing else", () => {
    expect(catalogued("Single sheets")).toEqual(LAYOUTS.map((l) => l.name));
  });
});
