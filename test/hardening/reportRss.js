// Preloaded into a `chibo` child process by the hostile-file tests (node --require): at exit, the process's
// peak resident memory (kB) goes to the file named by CHIBO_RSS_FILE, so each command's memory is measured
// in the process that used it, whatever the machine's other load.
"use strict";
const fs = require("fs");

/**
 * VmHWM is this program's own high-water mark; getrusage's maxRSS also carries the memory of the process
 * that forked it (Linux keeps it across exec), which would blame the test runner's memory on the command.
 */
function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall back on getrusage
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const file = process.env.CHIBO_RSS_FILE;
  if (file) fs.writeFileSync(file, String(peakKb()));
});
