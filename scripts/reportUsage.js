// Preloaded into a child process (node --require scripts/reportUsage.js …) by the hostile-file tests and the
// reader bench: at exit, the process's own CPU time and peak resident memory go, as JSON
// {"cpuMs":…,"peakKb":…}, to the file named by CHIBO_USAGE_FILE. Each command is measured in the process that
// did the work, whatever the machine's other load.
"use strict";
const fs = require("fs");

/**
 * VmHWM is this program's own high-water mark; getrusage's maxRSS also carries the memory of the process
 * that forked it (Linux keeps it across exec), which would blame the parent's memory on the command.
 */
function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: getrusage below
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  const file = process.env.CHIBO_USAGE_FILE;
  if (!file) return;
  const cpu = process.cpuUsage();
  fs.writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakKb: peakKb() }));
});
