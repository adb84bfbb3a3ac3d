/**
 * docs/rules.md, "Tags: the bridge into Thunderbird": every tag its filter and saved-search
 * examples name ("Tags — contains — X") is one a shipped example rule adds (`authlens rules
 * examples`), so a reader who turns that rule on finds the tag.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_RULES } from "../../../../src/core/rules/index.js";

const DOC = readFileSync(new URL("../../../../docs/rules.md", import.meta.url), "utf8");

describe("docs/rules.md tag examples", () => {
  it("name tags that the example rules add", () => {
    const named = [...DOC.matchAll(/Tags — contains — ([^*]+)\*/g)].map((m) => (m[1] ?? "").replace(/\s+/g, " ").trim());
    expect(named.length).toBeGreaterThanOrEqual(2);
    const added = EXAMPLE_RULES.flatMap((r) => r.actions.flatMap((a) => (a.type === "addTag" && a.name !== undefined ? [a.name] : [])));
    for (const tag of named) expect(added).toContain(tag);
  });
});
