/**
 * The add-in's deployable files as webpack emits them (see ../webpack.config.js): the manifest
 * for the URL the add-in is hosted at, the custom functions metadata with what the generator
 * cannot write, and the dev server's HTTPS options. Plain CommonJS: webpack loads it untranspiled.
 */
const DEV_URL = "https://localhost:3000";

/**
 * `https://host/path` without a trailing slash, or an Error saying why not: Office loads add-ins
 * over HTTPS only.
 */
function deploymentUrl(raw) {
  const text = String(raw).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(text);
  } catch {
    return new Error(`ADDIN_URL "${raw}" is not a URL; give the https:// address dist/ is served from.`);
  }
  if (url.protocol !== "https:")
    return new Error(`ADDIN_URL "${raw}" is not https://: Office loads add-ins over HTTPS only.`);
  if (url.search || url.hash) return new Error(`ADDIN_URL "${raw}" must not have a query or fragment.`);
  return text;
}

/**
 * manifest.xml rewritten for a deployment: every dev-server URL points under `baseUrl`, the
 * AppDomain is its origin, and the header comment says where it was built for.
 */
function manifestFor(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml
    .replace(/<!--[\s\S]*?-->/, `<!-- KPI Cascade, built for ${baseUrl} (npm run build with ADDIN_URL). -->`)
    .replace(`<AppDomain>${DEV_URL}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV_URL}/`)
    .join(`${baseUrl}/`);
}

/**
 * functions.json with `allowErrorForDataTypeAny`: without it Excel never calls a function whose
 * range holds an error cell, and the whole call fails instead of that cell
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors). The metadata generator
 * cannot emit the flag, so it is added after generation.
 */
function withErrorInputs(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 2);
}

/** Where `npx office-addin-dev-certs install` puts the certificate it makes and trusts. */
function devCertFiles(home = require("os").homedir()) {
  const dir = require("path").join(home, ".office-addin-dev-certs");
  return { key: `${dir}/localhost.key`, cert: `${dir}/localhost.crt`, ca: `${dir}/ca.crt` };
}

/**
 * The dev server's `server` option: HTTPS with the Office dev certificate, which the manifest's
 * https://localhost:3000 needs — from office-addin-dev-certs when installed, else from the files
 * its `install` command leaves in ~/.office-addin-dev-certs. Without either it fails and says how
 * to get one, unless DEV_SERVER_HTTP=1 asks for plain HTTP (a plain browser, tests).
 */
async function devServerTransport(env = process.env, load = require, files = devCertFiles()) {
  if (env.DEV_SERVER_HTTP === "1") return { type: "http" };
  try {
    return { type: "https", options: await load("office-addin-dev-certs").getHttpsServerOptions() };
  } catch (error) {
    if (error && error.code !== "MODULE_NOT_FOUND") throw error;
  }
  const fs = require("fs");
  if (Object.values(files).every((f) => fs.existsSync(f)))
    return { type: "https", options: { key: fs.readFileSync(files.key), cert: fs.readFileSync(files.cert), ca: fs.readFileSync(files.ca) } };
  throw new Error(
    [
      "The dev server needs the Office dev certificate to serve https://localhost:3000, the address in manifest.xml.",
      "office-addin-dev-certs comes with the optional office-addin-debugging, which npm skips where keytar cannot build (Linux without libsecret-1-dev).",
      "Make and trust the certificate once with:  npx office-addin-dev-certs install",
      "or serve plain HTTP, for a browser only:   DEV_SERVER_HTTP=1 npm run dev-server",
    ].join("\n")
  );
}

module.exports = { DEV_URL, deploymentUrl, manifestFor, withErrorInputs, devCertFiles, devServerTransport };
