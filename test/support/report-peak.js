// Loaded with `node -r` in front of the CLI: on exit, writes the process's peak resident memory
// (MB) to $PEAK_FILE, so tests can measure the real command without changing it. On Linux it is
// VmHWM of /proc/self/status, the high-water mark of this program's own memory: getrusage's
// maxRSS also keeps that of the process it was forked from (Linux carries it across exec), so a
// child of a large jest process read hundreds of megabytes it never used.
"use strict";
const { readFileSync, writeFileSync } = require("fs");
function peakMB() {
  try {
    const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: the resource usage is the best there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.on("exit", () => {
  if (process.env.PEAK_FILE) writeFileSync(process.env.PEAK_FILE, String(peakMB()));
});
