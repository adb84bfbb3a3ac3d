// What an add-on script is made of: bundles its entry as scripts/build.mjs does (minified) and prints
// the largest parts by minified bytes (npm packages, JSON files, our folders). For the background it
// also shows the bundle with the signature verification engine (src/core/verify), every export kept,
// as the add-on will import it.
//
//   node scripts/composition.mjs [--top N] [--entry src/ui/popup/main.ts]
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { ADDON_ESBUILD_OPTIONS, root } from "./addon-esbuild.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const top = Number(option("--top", "15"));
const entry = option("--entry", "src/background/main.ts");

/** The verification engine's entry points, as the add-on will import them. */
const VERIFY = ["verify-message.ts", "crypto.ts", "doh.ts", "dns.ts"].map((f) => `src/core/verify/${f}`);

/** A part of the bundle: an npm package (zod's locales apart), a JSON file, or a folder of ours. */
function partOf(path) {
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name === "zod" && rest.includes("locales")) return "zod (locales)";
    return name;
  }
  if (path.endsWith(".json")) return path;
  if (path.startsWith("<stdin>") || path === "") return "(entry)";
  return dirname(path) + "/";
}

async function composition(entryPoints) {
  const dir = mkdtempSync(join(tmpdir(), "authlens-composition-"));
  try {
    // Every export is kept (as if used), so tree shaking does not drop what the add-on will call.
    const contents = entryPoints.map((p, i) => `import * as m${i} from ${JSON.stringify(join(root, p))};\nObject.assign(globalThis, { m${i} });`).join("\n");
    const stdin = { contents, resolveDir: root, loader: "ts" };
    const result = await build({ ...ADDON_ESBUILD_OPTIONS, stdin, outfile: join(dir, "out.js"), metafile: true, write: false, logLevel: "error" });
    const [output] = Object.values(result.metafile.outputs);
    const parts = new Map();
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part = partOf(relative(root, join(root, path)));
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
    return { total: output.bytes, parts: [...parts].sort((a, b) => b[1] - a[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;

const variants = [[entry, [entry]]];
if (entry === "src/background/main.ts") variants.push([`${entry} + verification engine`, [entry, ...VERIFY]]);
for (const [title, entries] of variants) {
  const { total, parts } = await composition(entries);
  console.log(`${title}: ${kb(total).trim()}`);
  for (const [part, bytes] of parts.slice(0, top)) console.log(`  ${kb(bytes)}  ${part}`);
  const rest = parts.slice(top).reduce((s, [, b]) => s + b, 0);
  if (rest > 0) console.log(`  ${kb(rest)}  (${parts.length - top} more)`);
  console.log("");
}
