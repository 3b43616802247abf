// Flat config: typescript-eslint's recommended rules, kept light so that lint
// finds real mistakes (unused code, wrong `any`s, hooks order) without style noise.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", ".cache/**", "test/e2e/screenshots/**"] },
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
    // The core is pure: no Node, no DOM, no Office, no React.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["fs", "path", "os", "child_process", "exceljs", "react", "react-dom", "@fluentui/*", "../../excel/*", "../../sim/*", "../../xlsx/*"] }],
    },
  },
);
