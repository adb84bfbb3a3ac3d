// Builds the add-on (build/addon/ and dist/authlens-<version>.xpi), the `authlens` CLI (dist/cli.js),
// and with --test the e2e test build (build/addon-test/, with the test driver and its permissions),
// with --tools the e2e harness and `npm start` launcher (build/e2e/), with --bench the benchmark
// runner (dist/bench/run.mjs).
// Each add-on build writes esbuild's metafile beside its folder (build/addon-meta.json, outside the
// XPI); the product build fails when a script is over its size budget or holds what it must not
// (scripts/budgets.mjs).
import { build } from "esbuild";
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkBundles, formatSizes } from "./budgets.mjs";
import { ADDON_ESBUILD_OPTIONS, CLI_ESBUILD_OPTIONS, define, root, version } from "./addon-esbuild.mjs";
import { readTree, writeXpi } from "./xpi.mjs";

const args = new Set(process.argv.slice(2));

/** The add-on's scripts: entry point -> output name. Pages load them as classic scripts. */
export const ADDON_ENTRIES = {
  background: "src/background/main.ts",
  popup: "src/ui/popup/main.ts",
  options: "src/ui/options/main.ts",
  banner: "src/ui/banner/main.ts",
  "bulk-run": "src/ui/bulk/main.ts",
};

async function bundleAddon(outDir, { test }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entryPoints = Object.fromEntries(
    Object.entries(ADDON_ENTRIES)
      .filter(([, src]) => exists(join(root, src)))
      .map(([name, src]) => [name, join(root, src)]),
  );
  if (test) entryPoints.background = join(root, "test/e2e/driver/main.ts");
  const result = await build({ ...ADDON_ESBUILD_OPTIONS, entryPoints, outdir: outDir, metafile: true });
  // Static files: the manifest, locales, HTML/CSS/icons.
  const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
  manifest.version = version;
  if (test) {
    // The test build may talk to the harness on loopback and drive Thunderbird; the product must not.
    manifest.host_permissions = [...(manifest.host_permissions ?? []), "http://127.0.0.1/*"];
    manifest.permissions = [...new Set([...manifest.permissions, "messagesImport", "tabs", "accountsFolders", "clipboardRead"])];
  }
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  cpSync(join(root, "_locales"), join(outDir, "_locales"), { recursive: true });
  cpSync(join(root, "addon"), outDir, { recursive: true, filter: (src) => !src.endsWith(".md") });
  writeFileSync(`${outDir}-meta.json`, JSON.stringify(result.metafile, null, 2) + "\n");
  return result.metafile;
}

function exists(p) {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

async function buildCli() {
  await build({ ...CLI_ESBUILD_OPTIONS, outfile: join(root, "dist/cli.js") });
  chmodSync(join(root, "dist/cli.js"), 0o755);
}

async function main() {
  mkdirSync(join(root, "dist"), { recursive: true });
  if (args.has("--test")) {
    await bundleAddon(join(root, "build/addon-test"), { test: true });
    return;
  }
  if (args.has("--tools")) {
    await build({
      entryPoints: { run: join(root, "test/e2e/harness/run.ts"), start: join(root, "test/e2e/harness/start.ts") },
      outdir: join(root, "build/e2e"),
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      define,
      logLevel: "warning",
    });
    return;
  }
  if (args.has("--bench")) {
    await build({
      entryPoints: [join(root, "test/bench/run.ts")],
      outfile: join(root, "dist/bench/run.mjs"),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      define,
      logLevel: "warning",
    });
    return;
  }
  const meta = await bundleAddon(join(root, "build/addon"), { test: false });
  const xpi = join(root, `dist/authlens-${version}.xpi`);
  const { sizes, problems } = checkBundles(meta);
  if (problems.length > 0) {
    rmSync(xpi, { force: true });
    console.error(`build failed: the add-on's scripts (${formatSizes(sizes)}, budgets in scripts/budgets.mjs):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  await writeXpi(readTree(join(root, "build/addon")), xpi);
  await buildCli();
  console.log(`built ${xpi.slice(root.length + 1)} (${(statSync(xpi).size / 1024).toFixed(1)} KB; ${formatSizes(sizes)}) and dist/cli.js`);
}

await main();
