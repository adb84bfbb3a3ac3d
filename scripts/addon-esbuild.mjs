// The esbuild options of the add-on's scripts, in one place: the product and test builds
// (scripts/build.mjs), the composition report (scripts/composition.mjs) and the cold-start
// benchmark's instrumented build (test/e2e/probe/build.mjs) bundle exactly as the product does.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifyTemplatesPlugin } from "./minify-templates.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The version the scripts are built with (package.json's). */
export const define = { __AUTHLENS_VERSION__: JSON.stringify(pkg.version) };

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
