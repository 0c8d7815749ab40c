/**
 * The built functions bundle, as Excel's JavaScript-only runtime loads it: dist/functions.js in a
 * bare Node sandbox (no DOM, no window) with a stub CustomFunctions global. Every id in
 * dist/functions.json must be associated and answer a sample call — for the production build
 * (made here with ADDIN_URL, whose manifest is checked too) and for the bundle the dev server
 * serves to `npm start`.
 */
import { execFileSync } from "child_process";
import { readFileSync, statSync } from "fs";
import * as http from "http";
import { AddressInfo, createServer } from "net";
import * as path from "path";
import * as vm from "vm";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.resolve(__dirname, "../..");
// A deployment build of its own, so dist/ (served by the pane's tests, sideloaded by developers)
// keeps its localhost manifest.
const DIST = path.join(ROOT, ".tmp", "dist-deploy");
const ADDIN_URL = "https://kpi.example.com/addin";

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

type Functions = Map<string, (...args: unknown[]) => unknown>;

/** Runs a bundle in a sandbox shaped like the JavaScript-only runtime; returns what it associated. */
function loadInSandbox(bundle: string): Functions {
  const associated: Functions = new Map();
  const sandbox = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: StubError,
    },
    // What the runtime has besides the language itself: timers and console, no DOM.
    console,
    setTimeout,
    clearTimeout,
  };
  vm.runInNewContext(bundle, sandbox, { filename: "functions.js" });
  return associated;
}

let metadata: {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; type?: string }[];
  }[];
};
let bundle: string;
let manifest: string;
let associated: Functions;

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--output-path",
      DIST,
    ],
    { cwd: ROOT, stdio: "pipe", env: { ...process.env, ADDIN_URL } }
  );
  bundle = readFileSync(path.join(DIST, "functions.js"), "utf8");
  metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8"));
  manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  associated = loadInSandbox(bundle);
}, 180_000);

const SAMPLES: Record<string, [unknown[], unknown]> = {
  ATTAINMENT: [
    [[[90], [200]], [[100]]],
    [[0.9], [1.2]],
  ],
  RAW: [[[[200]], [[100]]], [[2]]],
  STATUS: [[[[0.95], [1], [0.5]]], [["Amber"], ["Green"], ["Red"]]],
  SCORE: [
    [
      [[1], [0.5]],
      [[3], [1]],
    ],
    [[0.875]],
  ],
  RATING: [[[[1.05]]], [[4]]],
  RATINGLABEL: [[[[1.05]]], [["Achieved"]]],
  VARIANCE: [[[[90]], [[100]]], [[-10]]],
  VARIANCEPCT: [[[[90]], [[100]]], [[-0.1]]],
  AGGREGATE: [[[[1, 5, 3]], [["max"]]], [[5]]],
  PRORATE: [[[[365]], [["2026-01-01"]], [["2026-12-31"]], [["2026-12-31"]]], [[365]]],
  PACE: [[[[100]], [[100]], [["2026-01-01"]], [["2026-12-31"]], [["2026-12-31"]]], [[1]]],
  FORECAST: [[[[10, 20, 30]], [[3]], [[12]]], [[240]]],
};

describe("dist/functions.js in the JavaScript-only runtime", () => {
  it("associates every function of functions.json, in the KPI catalogue", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(SAMPLES).sort());
    expect([...associated.keys()].sort()).toEqual(ids);
  });

  it.each(Object.entries(SAMPLES))("%s answers a sample call", (id, [args, expected]) => {
    expect(associated.get(id)?.(...args)).toEqual(expected);
  });

  it("returns a per-cell CustomFunctions.Error for bad input", () => {
    const out = associated.get("ATTAINMENT")?.([[90], ["lots"]], [[100]]) as unknown[][];
    expect(out[0][0]).toBe(0.9);
    expect(out[1][0]).toBeInstanceOf(StubError);
    expect((out[1][0] as StubError).code).toBe("#VALUE!");
  });

  it("documents every function and parameter for the formula tooltip", () => {
    for (const f of metadata.functions) {
      expect(f.description.length).toBeGreaterThan(15);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(5);
    }
  });

  it("is small and carries no React, ExcelJS or DOM code", () => {
    const size = statSync(path.join(DIST, "functions.js")).size;
    expect(size).toBeLessThanOrEqual(60 * 1024);
    for (const word of ["react", "exceljs", "document.", "window."])
      expect(bundle.toLowerCase()).not.toContain(word);
  });
});

describe("dist/functions.json", () => {
  it("lets error cells into the functions (allowErrorForDataTypeAny), on `any` parameters", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.type).toBe("any");
  });

  it("and every error that arrives leaves as one Excel accepts from a custom function", () => {
    const incoming = ["#N/A", "#REF!", "#NAME?", "#SPILL!", "#CALC!", "#DIV/0!"];
    const out = associated.get("VARIANCE")?.(
      incoming.map((code) => [new StubError(code)]),
      [[1]]
    ) as StubError[][];
    expect(out.map((r) => r[0].code)).toEqual([
      "#N/A",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#DIV/0!",
    ]);
  });
});

describe("dist/manifest.xml built with ADDIN_URL", () => {
  it("points at the deployment address only", () => {
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`"${ADDIN_URL}/functions.js"`);
    expect(manifest).toContain(`"${ADDIN_URL}/taskpane.html"`);
    expect(manifest).toContain("<AppDomain>https://kpi.example.com</AppDomain>");
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) =>
    http
      .get(url, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject)
  );
}

describe("the dev server's functions.js (npm start)", () => {
  let server: WebpackDevServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("loads without a DOM and associates every function", async () => {
    process.env.DEV_SERVER_HTTP = "1";
    const configOf = require(path.join(ROOT, "webpack.config.js"));
    const config = await configOf({ WEBPACK_SERVE: true }, { mode: "development" });
    delete process.env.DEV_SERVER_HTTP;
    const port = await freePort();
    server = new WebpackDevServer(
      { ...config.devServer, port, host: "127.0.0.1", static: false },
      webpack({ ...config, mode: "development", devServer: undefined })
    );
    await server.start();
    const devBundle = await get(`http://127.0.0.1:${port}/functions.js`);
    expect(devBundle.length).toBeGreaterThan(1000);
    expect(devBundle).not.toContain("webpack-dev-server/client");
    const devFunctions = loadInSandbox(devBundle);
    expect([...devFunctions.keys()].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const [id, [args, expected]] of Object.entries(SAMPLES))
      expect(devFunctions.get(id)?.(...args)).toEqual(expected);
    // The pane keeps its live-reload client.
    const pane = await get(`http://127.0.0.1:${port}/taskpane.html`);
    const paneScript = /src="\/?(taskpane[^"]*\.js)"/.exec(pane)?.[1];
    expect(await get(`http://127.0.0.1:${port}/${paneScript}`)).toContain("webpack-dev-server");
  }, 240_000);
});
