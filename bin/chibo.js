#!/usr/bin/env node
// The command line runs JavaScript compiled ahead of time into build/ (`npm run build:cli`,
// which `npm ci` and `npm run build` run), so nothing is compiled at run time.
"use strict";
const path = require("path");

const entry = path.join(__dirname, "..", "build", "cli", "main.js");
let cli;
try {
  cli = require(entry);
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(entry)) {
    process.stderr.write(
      'chibo chưa được dựng: hãy chạy "npm run build:cli" (hoặc "npm ci") trong thư mục dự án rồi chạy lại. ' +
        '/ chibo is not built: run "npm run build:cli" (or "npm ci") in the project folder, then run it again.\n',
    );
    process.exitCode = 2;
    return;
  }
  throw err;
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`Lỗi không mong đợi (xin báo lại cho người phát triển): ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
