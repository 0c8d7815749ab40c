// Lint rules of Microsoft's add-in templates (eslint-plugin-office-addins: Office.js load/sync
// discipline, TypeScript, React, Prettier), applied to every TypeScript file of the project.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const addinRules = officeAddins.configs.react.find((c) => c.rules && c.rules["office-addins/call-sync-after-load"]);

export default [
  { ignores: ["node_modules/", "lib/", "dist/", "coverage/", "examples/", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: addinRules.plugins,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "19" } },
    // TypeScript checks undefined names itself, with the right globals per target.
    rules: { ...addinRules.rules, "no-undef": "off", "react/react-in-jsx-scope": "off" },
  },
];
