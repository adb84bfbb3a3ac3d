// The esbuild options of the add-on's scripts, in one place: the product and test builds
// (scripts/build.mjs) and the command line's, the composition report (scripts/composition.mjs) and the cold-start
// benchmark's instrumented build (test/e2e/probe/build.mjs) bundle exactly as the product does.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyTemplatesPlugin } from "./minify-templates.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** package.json's version: the add-on's and the command line's. */
export const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

/** The version the scripts are built with (package.json's). */
export const define = { __AUTHLENS_VERSION__: JSON.stringify(version) };

/** Options for esbuild's build() (add entryPoints and outdir/outfile). */
export const ADDON_ESBUILD_OPTIONS = {
  absWorkingDir: root,
  bundle: true,
  format: "iife",
  target: "firefox128",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  define,
  plugins: [minifyTemplatesPlugin],
  logLevel: "warning",
};

/** Options for the command line's bundle (dist/cli.js; add outfile): an ES module for Node 20, run as a script. */
export const CLI_ESBUILD_OPTIONS = {
  absWorkingDir: root,
  entryPoints: [join(root, "src/cli/main.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  define,
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
};
