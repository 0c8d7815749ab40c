/* eslint-disable no-undef */
/**
 * Builds the task pane into dist/ (npm run build). The dev server (npm run dev-server, npm start)
 * serves over HTTPS with the Office dev certificates when office-addin-dev-certs is installed;
 * the production build needs no certificate, so it runs in CI.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_PORT = 3000;

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch {
    return { type: "http" };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The JavaScript-only custom functions runtime loads this bundle alone: keep it free of
      // React, ExcelJS and the DOM.
      functions: "./src/functions/functions.ts",
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
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*", to: "assets/[name][ext]" }, { from: "manifest.xml", to: "manifest.xml" }] }),
    ],
    performance: { hints: false },
    devServer: dev
      ? { port: DEV_PORT, headers: { "Access-Control-Allow-Origin": "*" }, server: await httpsOptions(), static: { directory: path.resolve(__dirname, "dist") } }
      : undefined,
  };
};
