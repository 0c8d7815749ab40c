/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/ (npm run build). `ADDIN_URL=https://host/path npm run build` writes
 * dist/manifest.xml for that address; without it the manifest keeps the dev server's
 * https://localhost:3000, and the build says so. The dev server (npm run dev-server, npm start)
 * serves over HTTPS with the Office dev certificate; the production build needs none, so it runs in CI.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { DEV_URL, deploymentUrl, devServerTransport, manifestFor, withErrorInputs } = require("./build/addin-files");

/** package.json's config.dev_server_port, which office-addin-debugging also reads. */
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const FUNCTIONS_METADATA = "functions.json";

/** Adds to the generated functions.json what custom-functions-metadata-plugin cannot write. */
class FunctionsMetadataFlagsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataFlags", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataFlags", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_METADATA);
          if (!asset) return;
          const json = withErrorInputs(asset.source.source().toString());
          compilation.updateAsset(FUNCTIONS_METADATA, new webpack.sources.RawSource(json));
        }
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const base = process.env.ADDIN_URL ? deploymentUrl(process.env.ADDIN_URL) : DEV_URL;
  if (base instanceof Error) throw base;
  if (!process.env.ADDIN_URL && !serving)
    console.warn(
      `dist/manifest.xml points at ${DEV_URL} (the dev server). To deploy, build with ADDIN_URL=https://<where dist/ is served> npm run build.`
    );
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The dev server's live-reload client goes into the pane only (client: false below).
      taskpane: serving
        ? ["webpack-dev-server/client/index.js?live-reload=true", "./src/taskpane/index.tsx"]
        : "./src/taskpane/index.tsx",
      // The JavaScript-only custom functions runtime loads this bundle alone: keep it free of
      // React, ExcelJS, the DOM and the dev server's client. It has no chunks to find, so its
      // public path is given rather than detected from a <script> tag the runtime does not have.
      functions: { import: "./src/functions/functions.ts", publicPath: `${base}/` },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // manifest.xml names functions.js, so that file keeps a stable name.
      filename: (pathData) => (pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The package reader and writer use Node's zlib on the command line and fflate in the page.
      alias: {
        [path.resolve(__dirname, "src/adapters/xlsx/package/codec.ts")]: path.resolve(
          __dirname,
          "src/adapters/xlsx/package/codec-browser.ts"
        ),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_METADATA, input: "./src/functions/functions.ts" }),
      new FunctionsMetadataFlagsPlugin(),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (base === DEV_URL ? content : manifestFor(content.toString(), base)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerTransport(),
          static: { directory: path.resolve(__dirname, "dist") },
          // No hot-module client in any bundle: it needs a DOM the functions runtime lacks.
          hot: false,
          client: false,
        }
      : undefined,
  };
};
