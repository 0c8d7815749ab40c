/**
 * The dev server `npm start` sideloads from: HTTPS with the Office dev certificate at the port
 * manifest.xml names, or a clear failure saying how to get one — never a silent fall back to
 * HTTP that leaves the manifest's https://localhost:3000 unreachable.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../../..");
const { devServerTransport, devCertFiles } = require(path.join(ROOT, "build/addin-files.js")) as {
  devServerTransport(
    env: Record<string, string | undefined>,
    load: (name: string) => unknown,
    files: { key: string; cert: string; ca: string }
  ): Promise<{ type: string; options?: Record<string, unknown> }>;
  devCertFiles(home: string): { key: string; cert: string; ca: string };
};

const missing = (name: string) => {
  throw Object.assign(new Error(`Cannot find module '${name}'`), { code: "MODULE_NOT_FOUND" });
};

describe("the dev server's transport", () => {
  const noFiles = devCertFiles(mkdtempSync(path.join(os.tmpdir(), "kpi-nocert-")));

  it("fails, saying how to get the certificate, when there is none", async () => {
    await expect(devServerTransport({}, missing, noFiles)).rejects.toThrow(
      /npx office-addin-dev-certs install[\s\S]*DEV_SERVER_HTTP=1/
    );
  });

  it("serves HTTP only when asked to", async () => {
    expect(await devServerTransport({ DEV_SERVER_HTTP: "1" }, missing, noFiles)).toEqual({
      type: "http",
    });
  });

  it("uses office-addin-dev-certs when installed, else the files its install command leaves", async () => {
    const options = { key: "k", cert: "c" };
    const certs = () => ({ getHttpsServerOptions: async () => options });
    expect(await devServerTransport({}, certs, noFiles)).toEqual({ type: "https", options });

    const home = mkdtempSync(path.join(os.tmpdir(), "kpi-cert-"));
    const files = devCertFiles(home);
    mkdirSync(path.dirname(files.key), { recursive: true });
    for (const f of Object.values(files)) writeFileSync(f, path.basename(f));
    const transport = await devServerTransport({}, missing, files);
    expect(transport.type).toBe("https");
    expect(String(transport.options?.cert)).toBe("localhost.crt");
  });
});

it("runs on package.json's config.dev_server_port, the port manifest.xml names", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(pkg.config.dev_server_port).toBe(3000);
  const ports = new Set([...manifest.matchAll(/https:\/\/localhost:(\d+)\//g)].map((m) => m[1]));
  expect([...ports]).toEqual([String(pkg.config.dev_server_port)]);
  expect(readFileSync(path.join(ROOT, "webpack.config.js"), "utf8")).toContain(
    "npm_package_config_dev_server_port"
  );
});
