import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "test-results/", ".tmp/", "addon/build/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Header text is untrusted: render with lit or textContent." },
        { property: "outerHTML", message: "Header text is untrusted: render with lit or textContent." },
        { property: "insertAdjacentHTML", message: "Header text is untrusted." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "No document.write." },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "browser", message: "src/core is pure: no WebExtension APIs." },
        { name: "messenger", message: "src/core is pure: no WebExtension APIs." },
        { name: "document", message: "src/core is pure: no DOM." },
        { name: "window", message: "src/core is pure: no DOM." },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["webextension-polyfill", "lit", "lit/*", "node:*"], message: "src/core is pure TypeScript." }] },
      ],
    },
  },
  {
    files: ["src/ui/**/*.ts", "src/background/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/ui/**/*.ts", "src/background/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "browser", message: "Import the API from src/background/api.ts (webextension-polyfill)." },
        { name: "messenger", message: "Import the API from src/background/api.ts (webextension-polyfill)." },
      ],
    },
  },
);
