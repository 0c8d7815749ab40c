/**
 * Two suites: `unit` (npm test: engine, CLI, planner, functions, components) and `e2e`
 * (npm run test:e2e: LibreOffice recalculation and Chromium, slower and needing Debian packages).
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts?(x)"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
