// Flat config: typescript-eslint's recommended rules, kept light so that lint
// finds real mistakes (unused code, wrong `any`s, hooks order, Office.js proxy
// misuse, imports across layers) without style noise.
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");
const officeAddins = require("eslint-plugin-office-addins");

/** `no-restricted-imports` patterns naming a layer, however deep the relative path. */
const layer = (name) => [`**/${name}`, `**/${name}/**`];

/** Node's own modules, by both spellings. */
const NODE = ["fs", "path", "os", "child_process", "worker_threads", "crypto", "stream", "zlib", "url", "util", "node:*"];

/**
 * The layers of docs/ARCHITECTURE.md ("Layers"): each may import only what is
 * below it. The core (pure, no I/O) is at the bottom; the hosts (excel, sim,
 * xlsx) sit on the core; the pane's flow (app) on the core and the adapter's
 * interface; the pane, the demo and the command line on top.
 */
const banned = (message, ...groups) => ["error", { patterns: [{ group: groups.flat(), message }] }];

module.exports = tseslint.config(
  { ignores: ["dist/**", "build/**", "coverage/**", "node_modules/**", ".cache/**", "test/e2e/screenshots/**"] },
  // A disable comment that no longer silences anything is stale: it would hide the next real finding.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The order and dependencies of hooks: a hook called conditionally or a stale closure over state is a bug
    // that no test of one render shows. The React Compiler rules of the plugin's "recommended" set are left
    // out: they judge code for a compiler this project does not run.
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts", "src/demo/**/*.tsx", "src/demo/**/*.ts", "test/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Office.js proxies: a property read before load + sync throws in real Excel but not in a fake. These rules
    // read the code that talks to Excel (the adapter, its self-test, the pane's entry). The plugin's "react"
    // preset also brings prettier and eslint-plugin-react's style rules, which this project does not follow,
    // so the rules are listed one by one:
    // - load-object-before-read, call-sync-before-read, call-sync-after-load: the proxy contract itself;
    // - test-for-null-using-isNullObject: `*OrNullObject` results are never null, only "null objects";
    // - no-empty-load, no-navigational-load: load what is read, never whole objects (payload size);
    // - no-context-sync-in-loop: one round trip per item is what the adapter's batching exists to avoid;
    // - no-office-initialize: the pane starts from Office.onReady.
    files: ["src/excel/**/*.ts", "src/taskpane/index.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    // The core is pure: no Node, no DOM, no Office, no React, no file formats, and nothing of the layers above it.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": banned("The core is pure (docs/ARCHITECTURE.md, Layers): no I/O, no host, nothing above it.",
        NODE, "exceljs", "fflate", "jszip", "react", "react-dom", "@fluentui/*", "@microsoft/*",
        ...["excel", "sim", "xlsx", "app", "cli", "taskpane", "demo", "test"].map(layer)),
    },
  },
  {
    // Its tests may use the shared factories (test/factories), nothing else of test/ and nothing above the core.
    files: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: [NODE, "exceljs", "react", "react-dom", "@fluentui/*", ...["excel", "sim", "xlsx", "app", "cli", "taskpane", "demo"].map(layer)].flat(),
          message: "A core test tests the core (docs/ARCHITECTURE.md, Layers)." },
        { regex: "(^|/)test(/(?!factories/)|$)", message: "A core test takes only the shared factories of test/factories (docs/ARCHITECTURE.md, Tests)." },
      ] }],
    },
  },
  {
    // The shared factories are what core tests may import, so they import the core and each other, nothing else.
    files: ["test/factories/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: [NODE, "exceljs", "fflate", "jszip", "react", "react-dom", "@fluentui/*", "@microsoft/*"].flat(),
          message: "The shared factories are core only (docs/ARCHITECTURE.md, Tests)." },
        { regex: "^\\.\\./(?!\\.\\./src/core(/|$))", message: "The shared factories import the core and each other only (docs/ARCHITECTURE.md, Tests)." },
      ] }],
    },
  },
  {
    // The hosts carry plans out and read workbooks; they know nothing of the pane, its flow or the command line.
    files: ["src/excel/**/*.ts", "src/sim/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": banned("A host (excel, sim, xlsx) sits on the core only (docs/ARCHITECTURE.md, Layers).",
        "react", "react-dom", "@fluentui/*", ...["app", "cli", "taskpane", "demo"].map(layer)),
    },
  },
  {
    // The pane's flow runs in the pane and in a Web Worker: the core, and the adapter's interface.
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": banned("The pane's flow (app) imports the core and the adapter's interface only (docs/ARCHITECTURE.md, Layers).",
        "react", "react-dom", "@fluentui/*", ...["sim", "xlsx", "cli", "taskpane", "demo"].map(layer)),
    },
  },
  {
    // The engine's worker entry joins the core to the shared reader, which reads the communes' files in the worker.
    files: ["src/app/core.worker.ts"],
    rules: {
      "no-restricted-imports": banned("The engine's worker takes the reader (xlsx/workbook) and the core only (docs/ARCHITECTURE.md, Layers).",
        "react", "react-dom", "@fluentui/*", ...["sim", "cli", "taskpane", "demo"].map(layer)),
    },
  },
  {
    // The production pane never bundles the simulator, the demo or the command line.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-imports": banned("The task pane ships alone: no simulator, demo or command line (docs/ARCHITECTURE.md, Layers).",
        ...["sim", "xlsx", "cli", "demo"].map(layer)),
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": banned("The command line runs the core on files (xlsx): no pane, no Office (docs/ARCHITECTURE.md, Layers).",
        "react", "react-dom", "@fluentui/*", ...["excel", "sim", "app", "taskpane", "demo"].map(layer)),
    },
  },
  {
    files: ["src/demo/**/*.ts", "src/demo/**/*.tsx"],
    rules: {
      "no-restricted-imports": banned("The demo page is a browser page: no command line (docs/ARCHITECTURE.md, Layers).", ...layer("cli")),
    },
  },
);
