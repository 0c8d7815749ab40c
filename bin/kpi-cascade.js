#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (built by `npm run build:cli`, which `npm ci` runs via `prepare`).
const { run } = require("../lib/src/cli/main.js");
const { installProcessHandlers } = require("../lib/src/cli/signals.js");
installProcessHandlers();
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
