// Two builds from one file:
//   webpack --mode production            -> dist/: taskpane.html + taskpane.js, commands.html + commands.js, assets, manifest.xml
//   webpack --mode production --env demo -> dist/demo/: the demo page (task pane beside the simulated workbook)
// The demo is its own build so the production task pane can never pull in the simulator.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { setAddinUrl, setVersion } = require("./scripts/manifest-url");

/**
 * The pages send nothing anywhere (ARCHITECTURE.md, "Private by design"):
 * scripts only from the add-in itself (and office.js from Microsoft's CDN on
 * the task pane), network only back to the add-in's own origin, no outside
 * fonts or images. Styles must allow inline: Fluent UI (Griffel) inserts
 * its rules in <style> elements at run time.
 */
function csp({ officeJs }) {
  return [
    "default-src 'self'",
    `script-src 'self'${officeJs ? " https://appsforoffice.microsoft.com" : ""}`,
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

function cspMeta(officeJs) {
  return { "Content-Security-Policy": { "http-equiv": "Content-Security-Policy", content: csp({ officeJs }) } };
}

function tsRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // ES modules here (the repo's tsconfig says CommonJS for Node and jest) so webpack can drop unused Fluent UI code.
        compilerOptions: { module: "esnext", sourceMap: dev, noEmit: false },
      },
    },
  };
}

function common(dev) {
  return {
    // No eval-based source maps: the pages' CSP forbids eval, in development too.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: { rules: [tsRule(dev)] },
    performance: { hints: false }, // the budget is enforced by bench/bundle.bench.ts, on gzipped size
    stats: "errors-warnings",
  };
}

function taskpaneConfig(dev, devServer) {
  return {
    ...common(dev),
    name: "taskpane",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // `npm run demo` builds into dist/demo: a production build must not wipe it.
      clean: { keep: /^demo[\\/]/ },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        meta: cspMeta(true),
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
        meta: cspMeta(true),
      }),
      // The manifest's SupportUrl: a static page, no script.
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        inject: false, // its own, stricter CSP is in the template: no script at all
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            noErrorOnMissing: true,
            // Where the add-in is hosted in production (ADDIN_URL, https only); the development URL otherwise.
            // and the version package.json gives (the admin center accepts an update only with a higher one).
            transform: (content) => Buffer.from(setVersion(setAddinUrl(content.toString(), process.env.ADDIN_URL), require("./package.json").version)),
          },
        ],
      }),
    ],
    devServer,
  };
}

function demoConfig(dev) {
  return {
    ...common(dev),
    name: "demo",
    entry: { demo: "./src/demo/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist", "demo"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // ExcelJS's package entry is for Node; its prebuilt browser bundle needs no Node polyfills.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/demo/demo.html",
        chunks: ["demo"],
        meta: cspMeta(false),
      }),
    ],
  };
}

/**
 * https on 3000 with the Office development certificates when they exist;
 * plain http otherwise, with a warning. The certificate files are read
 * directly (where office-addin-dev-certs puts them) rather than through the
 * package, so starting the server never installs a CA or sends usage data.
 */
function devServerOptions() {
  const base = {
    port: Number(process.env.npm_package_config_dev_server_port || 3000),
    headers: { "Access-Control-Allow-Origin": "*" },
    static: { directory: path.resolve(__dirname, "dist") },
    hot: false,
  };
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
    return { ...base, server: { type: "https", options } };
  }
  console.warn(`Warning: no Office development certificates in ${dir}; serving over plain http. Excel needs https: run "npx office-addin-dev-certs install" once, then start again.`);
  return { ...base, server: "http" };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  if (env.demo) return demoConfig(dev);
  const serving = process.argv.some((a) => a === "serve");
  return taskpaneConfig(dev, serving ? devServerOptions() : undefined);
};
