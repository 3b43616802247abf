#!/usr/bin/env node
// `npm run demo`: builds the demo page (task pane beside a simulated workbook)
// and serves it on http://localhost:3000/demo/ (or the next free port). Needs no
// Excel and no network. `--no-build` serves the last build as it is.
// Also used by scripts/e2e.js: `buildIfNeeded` and `startServer` are exported.
const fs = require("fs");
const http = require("http");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds with webpack when the output is missing or older than any source file. */
function buildIfNeeded({ demo, force = false, log = console.log }) {
  const marker = demo ? path.join(DIST, "demo", "demo.js") : path.join(DIST, "taskpane.js");
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  if (!force && fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= sources) return;
  log(`Building ${demo ? "the demo page" : "the task pane"} (webpack, production)…`);
  const args = [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"];
  if (demo) args.push("--env", "demo");
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`webpack failed (exit ${r.status})`);
}

/** A static file server for dist/, on 127.0.0.1 only. */
function createStaticServer(root) {
  return http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://localhost");
    if (url.pathname === "/" && fs.existsSync(path.join(root, "demo", "index.html"))) {
      // Someone who opens the bare address gets the demo, not a "not found".
      res.writeHead(302, { location: "/demo/" });
      res.end();
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(root, "." + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Không tìm thấy / Not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
}

/** Listens on `port`, or the next free one; port 0 lets the system choose. */
function startServer({ port = 3000, root = DIST, tries = 20 } = {}) {
  return new Promise((resolve, reject) => {
    const server = createStaticServer(root);
    let attempt = 0;
    const tryListen = (p) => {
      server.once("error", (err) => {
        if (err.code === "EADDRINUSE" && p !== 0 && ++attempt < tries) tryListen(p + 1);
        else reject(err);
      });
      server.listen(p, "127.0.0.1", () => resolve({ server, port: server.address().port }));
    };
    tryListen(port);
  });
}

async function main() {
  const noBuild = process.argv.includes("--no-build");
  if (!noBuild) buildIfNeeded({ demo: true, force: true });
  if (!fs.existsSync(path.join(DIST, "demo", "index.html"))) {
    console.error("Chưa có bản dựng demo (dist/demo). Hãy chạy: npm run demo");
    process.exit(1);
  }
  const { port } = await startServer({ port: Number(process.env.PORT) || 3000 });
  console.log(`\nBản trình diễn đang chạy / The demo is running at: http://localhost:${port}/demo/`);
  console.log("  ?pane=320 (độ rộng ngăn tác vụ / pane width), ?lang=en, ?size=province");
  console.log("Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.");
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}

module.exports = { buildIfNeeded, startServer, DIST, ROOT };
