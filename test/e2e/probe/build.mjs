// Builds the cold-start benchmark's two test-only add-ons (npm run bench runs it, after the product
// build): build/probe/ (the probe: its background and its experiment) and build/addon-marks/ (the
// product build with an instrumented background: test/e2e/marks/). Neither is ever shipped; the
// product XPI is built by scripts/build.mjs alone.
//
//   node test/e2e/probe/build.mjs
import { build } from "esbuild";
import { ADDON_ESBUILD_OPTIONS } from "../../../scripts/addon-esbuild.mjs";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");

/**
 * Marks where each module of the instrumented background begins its evaluation (a call to
 * early.js's authlensBenchModule before its own code): the time to the next module's mark is what
 * its top-level code costs at every start of the page. test/e2e/marks/hook.ts shows up too: its
 * wrapping is the first use of most API namespaces, which Thunderbird builds on first use.
 */
const moduleMarks = {
  name: "authlens-module-marks",
  setup(b) {
    b.onLoad({ filter: /\.(ts|js|mjs|cjs)$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const name = relative(root, args.path).replace(/^.*node_modules\//, "");
      const mark = `globalThis.authlensBenchModule?.(${JSON.stringify(name)});\n`;
      // After a "use strict" prologue, which must stay first.
      const prologue = /^(\s*(["'])use strict\2;?[^\n]*\n)/.exec(source)?.[1] ?? "";
      return { contents: prologue + mark + source.slice(prologue.length), loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

export async function buildColdStartAddons() {
  // The same options as the product's scripts in scripts/build.mjs, so the instrumented page loads
  // what the product's does.
  const options = ADDON_ESBUILD_OPTIONS;

  const probe = join(root, "build", "probe");
  rmSync(probe, { recursive: true, force: true });
  mkdirSync(probe, { recursive: true });
  for (const f of ["manifest.json", "schema.json"]) copyFileSync(join(here, f), join(probe, f));
  await build({ ...options, entryPoints: [join(here, "main.ts")], outfile: join(probe, "background.js") });
  // Loaded by Thunderbird's parent process as a script that defines `authlensProbe`: not minified,
  // so its errors point somewhere readable.
  await build({ ...options, minify: false, target: "firefox140", entryPoints: [join(here, "experiment.ts")], outfile: join(probe, "experiment.js") });

  const product = join(root, "build", "addon");
  if (!existsSync(join(product, "manifest.json"))) throw new Error("build/addon/ is missing: run `node scripts/build.mjs` first");
  const marks = join(root, "build", "addon-marks");
  rmSync(marks, { recursive: true, force: true });
  cpSync(product, marks, { recursive: true });
  await build({
    ...options,
    entryPoints: [join(root, "test", "e2e", "marks", "background.ts")],
    outfile: join(marks, "background.js"),
    // The background only: it has no lit templates for the product's template plugin to minify.
    plugins: [moduleMarks],
  });
  // A tiny script first: when the page can first run one (see early.js).
  copyFileSync(join(root, "test", "e2e", "marks", "early.js"), join(marks, "early.js"));
  const manifest = JSON.parse(readFileSync(join(marks, "manifest.json"), "utf8"));
  manifest.background.scripts = ["early.js", ...manifest.background.scripts];
  writeFileSync(join(marks, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildColdStartAddons();
