/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Builds the command line (build/), which tests that run bin/chibo.js use.
  globalSetup: "<rootDir>/test/globalSetup.js",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  collectCoverageFrom: ["src/core/**/*.ts", "!src/core/**/*.test.ts"],
  coverageThreshold: { "./src/core/": { lines: 90 } },
  coverageReporters: ["text-summary", "json-summary"],
};
