/**
 * fast-check over the signed fixtures: random damage anywhere never makes the verifier throw or
 * hang, and a change to any byte a signature covers never lets that signature pass.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBinary, toBinary } from "../../../../src/core/verify/bytes.js";
import { verifyMessage } from "../../../../src/core/verify/verify-message.js";
import { deps, expectedCases, fixtureBytes, generatedResolver, GENERATED } from "./helpers.js";
import { mutateAt, signedNames, signedPositions } from "./signed-parts.js";

const resolver = generatedResolver();
const cases = expectedCases();
// One passing signature that covers the whole body (10 has l=; 33 has LF line ends, which the
// position finder does not read).
const passing = cases.filter((c) => c.dkim.length === 1 && c.dkim[0]?.result === "pass" && !c.file.startsWith("10-") && !c.file.startsWith("33-"));
const chains = cases.filter((c) => c.arc.cv === "pass");

function text(file: string): string {
  return toBinary(fixtureBytes(join(GENERATED, file)));
}

describe("mutations of signed messages", () => {
  it("random damage anywhere (bytes replaced, inserted, deleted, cut off) never throws", async () => {
    const sources = cases.map((c) => ({ c, text: text(c.file) }));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom("replace", "insert", "delete", "cut"), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        async (i, edits) => {
          const { c, text: original } = sources[i] as (typeof sources)[number];
          let t = original;
          for (const e of edits) {
            const at = e.at % (t.length + 1);
            const ch = String.fromCharCode(e.byte);
            if (e.op === "replace") t = t.slice(0, at) + ch + t.slice(at + 1);
            else if (e.op === "insert") t = t.slice(0, at) + ch + t.slice(at);
            else if (e.op === "delete") t = t.slice(0, at) + t.slice(at + 1);
            else t = t.slice(0, at);
          }
          const v = await verifyMessage(fromBinary(t), deps(resolver, c.now));
          expect(Array.isArray(v.dkim)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a change inside what a DKIM signature covers never passes", async () => {
    for (const c of passing) {
      const original = text(c.file);
      const positions = signedPositions(original, signedNames(original, "dkim-signature"), (n) => n === "dkim-signature");
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: positions.length - 1 }), async (k) => {
          const p = positions[k] as number;
          const v = await verifyMessage(fromBinary(mutateAt(original, p)), deps(resolver, c.now));
          expect(v.dkim.map((d) => d.result), `${c.file} byte ${p} ${JSON.stringify(original.slice(p - 8, p + 8))}`).not.toContain("pass");
        }),
        { numRuns: 60 },
      );
    }
  });

  it("a change inside what the newest ARC set covers never leaves the chain passing", async () => {
    for (const c of chains) {
      const original = text(c.file);
      const positions = signedPositions(original, signedNames(original, "arc-message-signature"), (n) => n.startsWith("arc-"));
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: positions.length - 1 }), async (k) => {
          const p = positions[k] as number;
          const v = await verifyMessage(fromBinary(mutateAt(original, p)), deps(resolver, c.now));
          expect(v.arc.cv, `${c.file} byte ${p} ${JSON.stringify(original.slice(p - 8, p + 8))}`).toBe("fail");
        }),
        { numRuns: 150 },
      );
    }
  });
});
