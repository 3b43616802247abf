#!/usr/bin/env node
// The command line runs the TypeScript sources through tsx, so there is no build step between `npm ci` and `npx chibo`.
require("tsx/cjs");
require("../src/cli/main.ts").main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`Lỗi không mong đợi: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
