/** The product build's checks on esbuild's metafile: size budgets and inputs the add-on must not hold. */
import { describe, expect, it } from "vitest";
import { checkBundles, formatSizes, type Metafile } from "../../../scripts/budgets.mjs";

const KB = 1024;

function meta(outputs: Record<string, { bytes: number; inputs?: Record<string, number> }>): Metafile {
  return {
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([path, o]) => [
        path,
        { bytes: o.bytes, inputs: Object.fromEntries(Object.entries(o.inputs ?? {}).map(([k, b]) => [k, { bytesInOutput: b }])) },
      ]),
    ),
  };
}

describe("checkBundles", () => {
  it("passes scripts within their budgets; a script without a budget has none", () => {
    const { sizes, problems } = checkBundles(
      meta({ "build/addon/background.js": { bytes: 350 * KB }, "build/addon/popup.js": { bytes: 10 * KB }, "build/addon/bulk-run.js": { bytes: 900 * KB } }),
    );
    expect(problems).toEqual([]);
    expect(formatSizes(sizes)).toBe("background.js 350.0/350 KB, popup.js 10.0/60 KB, bulk-run.js 900.0 KB");
  });

  it("names every script over its budget (KB = 1024 bytes)", () => {
    const { problems } = checkBundles(meta({ "build/addon/background.js": { bytes: 350 * KB + 1 }, "build/addon/banner.js": { bytes: 31 * KB } }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^background\.js is 350\.0 KB, over its budget of 350 KB/);
    expect(problems[1]).toMatch(/^banner\.js is 31\.0 KB, over its budget of 30 KB/);
  });

  it("rejects the English strings, zod's classic build, other locales, the JSON Schema generator, unhomoglyph and the full PSL", () => {
    const inputs = {
      "_locales/en/messages.json": 54000,
      "node_modules/zod/v4/classic/schemas.js": 100,
      "node_modules/zod/v4/locales/de.js": 100,
      "node_modules/zod/v4/core/to-json-schema.js": 100,
      "node_modules/unhomoglyph/data.json": 100,
      "node_modules/tldts/dist/es6/src/data/trie.js": 100,
    };
    const { problems } = checkBundles(meta({ "build/addon/background.js": { bytes: KB, inputs } }));
    expect(problems).toHaveLength(Object.keys(inputs).length);
    expect(problems[0]).toContain("_locales/en/messages.json");
  });

  it("allows what the add-on needs, and inputs tree-shaken to nothing", () => {
    const inputs = {
      "node_modules/zod/v4/locales/en.js": 2700,
      "node_modules/zod/v4/locales/index.js": 0,
      "node_modules/zod/v4/core/schemas.js": 14000,
      "node_modules/tldts-icann/dist/es6/src/data/trie.js": 74000,
      "node_modules/unhomoglyph/index.js": 0,
    };
    expect(checkBundles(meta({ "build/addon/background.js": { bytes: KB, inputs } })).problems).toEqual([]);
  });
});
