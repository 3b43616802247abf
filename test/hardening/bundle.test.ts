/**
 * Issue 7, privacy: the production add-in (dist/*.js, dist/*.html from
 * `npx webpack --mode production`) reaches no server but office.js's: no
 * telemetry, no fonts, icons or scripts from a CDN. URLs that are only names
 * (XML namespaces) or text in an error message are allowed, by exact host.
 * Skipped, and says so, when there is no build to look at.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.join(__dirname, "..", "..", "dist");
const files = fs.existsSync(DIST)
  ? fs.readdirSync(DIST).filter((f) => /\.(js|html)$/.test(f)).map((f) => path.join(DIST, f))
  : [];

/** The only server the add-in loads from. */
const LOADS_FROM = new Set(["appsforoffice.microsoft.com"]);
/** Hosts that appear as names, never fetched: XML namespaces, and React's production error text. */
const NAMES_ONLY = new Set(["www.w3.org", "schemas.openxmlformats.org", "schemas.microsoft.com", "purl.org", "reactjs.org"]);

const URL_RE = /https?:\/\/([A-Za-z0-9.-]+)[^\s"'`)<>\\]*/g;

(files.length > 0 ? describe : describe.skip)(`production bundle (${files.map((f) => path.basename(f)).join(", ") || "dist/ not built"})`, () => {
  it("names no host other than office.js's and namespace strings", () => {
    const foreign: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      for (const m of text.matchAll(URL_RE)) {
        const host = m[1].toLowerCase();
        if (!LOADS_FROM.has(host) && !NAMES_ONLY.has(host)) foreign.push(`${path.basename(f)}: ${m[0]}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it("loads scripts, styles and fonts only from itself and office.js", () => {
    const loads: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8");
      const patterns = [
        /<script[^>]+src=["']?(https?:[^"' >]+)/gi,
        /<link[^>]+href=["']?(https?:[^"' >]+)/gi,
        /url\(\s*["']?(https?:[^"')]+)/gi,
        /@import\s+["'](https?:[^"']+)/gi,
        /fetch\(\s*["'`](https?:[^"'`]+)/gi,
        /navigator\.sendBeacon\(/gi,
      ];
      for (const re of patterns) for (const m of text.matchAll(re)) {
        const url = m[1] ?? m[0];
        if (!/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) loads.push(`${path.basename(f)}: ${url}`);
      }
    }
    expect(loads).toEqual([]);
  });

  it("the pages declare a Content-Security-Policy that allows office.js and nothing else remote", () => {
    for (const f of files.filter((x) => x.endsWith(".html"))) {
      const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(fs.readFileSync(f, "utf8"));
      expect(csp).not.toBeNull();
      const remote = [...csp![1].matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]);
      expect(remote.every((u) => u.startsWith("https://appsforoffice.microsoft.com"))).toBe(true);
    }
  });
});
