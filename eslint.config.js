import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import patterns for our own top-level folders (a relative path through `src/<name>/`). */
const layers = (...names) => names.flatMap((n) => [`**/src/${n}/**`, `../${n}/**`, `../../${n}/**`, `../../../${n}/**`, `../../../../${n}/**`]);
const polyfillOnlyInApi = { group: ["webextension-polyfill"], message: "Only src/shared/api.ts imports the WebExtension API." };

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
        {
          patterns: [
            { group: ["webextension-polyfill", "lit", "lit/*", "node:*"], message: "src/core is pure TypeScript." },
            { group: layers("shared", "background", "ui", "cli"), message: "src/core imports nothing of ours outside src/core." },
          ],
        },
      ],
    },
  },
  // The layers: core <- shared <- (background | ui); cli <- core. background and ui never import
  // each other; only src/shared/api.ts imports the WebExtension API.
  {
    files: ["src/shared/**/*.ts"],
    ignores: ["src/shared/api.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [polyfillOnlyInApi, { group: layers("background", "ui", "cli"), message: "src/shared imports only src/core." }] }] },
  },
  {
    files: ["src/background/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [polyfillOnlyInApi, { group: layers("ui", "cli"), message: "src/background imports src/shared and src/core, never src/ui." }] }] },
  },
  {
    files: ["src/ui/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [polyfillOnlyInApi, { group: layers("background", "cli"), message: "src/ui reaches the background through src/shared's requests, never by importing it." }] },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: layers("shared", "background", "ui"), message: "src/cli imports src/core only." }] }] },
  },
  {
    files: ["src/ui/**/*.ts", "src/background/**/*.ts", "src/shared/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/ui/**/*.ts", "src/background/**/*.ts", "src/shared/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "browser", message: "Import the API from src/shared/api.ts (webextension-polyfill)." },
        { name: "messenger", message: "Import the API from src/shared/api.ts (webextension-polyfill)." },
      ],
    },
  },
);
