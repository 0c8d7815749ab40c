// Loaded with `node -r` in front of the CLI: on exit, writes the process's peak resident memory
// (MB) to $PEAK_FILE, so tests can measure the real command without changing it.
"use strict";
const { writeFileSync } = require("fs");
process.on("exit", () => {
  if (process.env.PEAK_FILE)
    writeFileSync(process.env.PEAK_FILE, String(process.resourceUsage().maxRSS / 1024));
});
