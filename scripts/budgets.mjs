// Size budgets of the add-on's scripts and what they must never contain, checked on esbuild's
// metafile after every product build (scripts/build.mjs). Sizes are minified bytes; KB = 1024 bytes.

/** Budget per script, in KB. Scripts not listed have none. */
export const BUDGETS = { background: 350, popup: 60, options: 100, banner: 30 };

/** Inputs that must not reach the add-on's scripts, with the reason. */
export const FORBIDDEN_INPUTS = [
  [/(^|\/)_locales\//, "the add-on's strings come from messenger.i18n; the English file is bundled by the CLI only (src/cli/english.ts)"],
  [/node_modules\/zod\/(v4\/)?classic\//, "zod's classic namespace: import zod/mini"],
  [/node_modules\/zod\/v4\/locales\/(?!en\.js$|index\.js$)/, "zod's locales other than English"],
  [/node_modules\/zod\/v4\/core\/(to-json-schema|json-schema[^/]*)\.js$/, "the JSON Schema generator: docs/authlens-policy.schema.json is generated ahead (scripts/gen-policy-schema.mjs)"],
  [/node_modules\/unhomoglyph\//, "the whole confusables table: src/core/ascii-skeleton-data.ts holds what the look-alike check needs"],
  [/node_modules\/tldts\//, "the Public Suffix List with its private section: AuthLens uses tldts-icann"],
];

/** The script's name in the add-on (`background` for `build/addon/background.js`). */
function scriptName(outputPath) {
  return outputPath.split("/").pop().replace(/\.js$/, "");
}

/**
 * Each script's size against its budget, and every problem: a script over its budget, or a
 * forbidden input that contributes bytes to it.
 */
export function checkBundles(metafile) {
  const sizes = [];
  const problems = [];
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith(".js")) continue;
    const name = scriptName(path);
    const budget = BUDGETS[name] ?? null;
    sizes.push({ name, bytes: output.bytes, budget });
    if (budget !== null && output.bytes > budget * 1024) {
      problems.push(`${name}.js is ${(output.bytes / 1024).toFixed(1)} KB, over its budget of ${budget} KB (node scripts/composition.mjs --entry <its main.ts> shows what it is made of)`);
    }
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const forbidden = FORBIDDEN_INPUTS.find(([pattern]) => pattern.test(input));
      if (forbidden) problems.push(`${name}.js contains ${input} (${bytesInOutput} bytes): ${forbidden[1]}`);
    }
  }
  return { sizes, problems };
}

/** One line: every script's size, with its budget where it has one. */
export function formatSizes(sizes) {
  return sizes.map((s) => `${s.name}.js ${(s.bytes / 1024).toFixed(1)}${s.budget !== null ? `/${s.budget}` : ""} KB`).join(", ");
}
