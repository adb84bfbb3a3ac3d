/**
 * Property tests: the parser never throws on anything, keeps its offsets inside the input, and
 * every quoted-string / comment construct round-trips.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAuthResults } from "../../../../src/core/authres/parse.js";
import type { ParsedAuthResults } from "../../../../src/core/authres/types.js";
import { errors, parseChecked, readFixture } from "./helpers.js";

const OPTIONS = fc.record({ strict: fc.boolean(), arc: fc.boolean() });

/** Characters that matter to the grammar, plus some that do not. */
const GRAMMAR_CHAR = fc.constantFrom(
  ...'();"\\=./@ \t\r\n:,-_iInoe1234567890abcdefgxyzäé日\u0000\u007f'.split(""),
  "spf",
  "dkim",
  "pass",
  "none",
  "header.d",
  "smtp.mailfrom",
  "reason",
);
const GRAMMAR_STRING = fc.array(GRAMMAR_CHAR, { maxLength: 80 }).map((a) => a.join(""));

function invariants(value: string, p: ParsedAuthResults): void {
  expect(Array.isArray(p.results)).toBe(true);
  for (const d of p.diagnostics) {
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.offset).toBeLessThanOrEqual(value.length);
    expect(Number.isInteger(d.offset)).toBe(true);
  }
  for (const r of p.results) {
    expect(r.method).toBe(r.method.toLowerCase());
    expect(r.result).toBe(r.result.toLowerCase());
    expect(r.method.length).toBeGreaterThan(0);
    expect(r.result.length).toBeGreaterThan(0);
  }
  // The output is plain JSON data.
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

function realHeaders(): string[] {
  const cases = [
    ...(JSON.parse(readFixture("ar_dkim_verifier.json")) as { header: string }[]),
    ...(JSON.parse(readFixture("ar_perl_mail_authenticationresults.json")) as { header: string }[]),
  ];
  return cases.map((c) => c.header);
}

/** Escapes text for a quoted string (RFC 5322 quoted-pair for DQUOTE and backslash). */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

/** Escapes text for a comment (quoted-pair for parentheses and backslash). */
function comment(text: string): string {
  return `(${text.replace(/[\\()]/g, "\\$&")})`;
}

/** Any text without line breaks (those are folding, removed by design). */
const TEXT = fc.string({ unit: "binary", maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, ""));

describe("properties", () => {
  it("never throws on random strings; offsets stay inside the input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), GRAMMAR_STRING), OPTIONS, (value, options) => {
        invariants(value, parseAuthResults(value, options));
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on mutated real headers", () => {
    const headers = realHeaders();
    const mutation = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 5 }),
      insert: GRAMMAR_STRING,
    });
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.array(mutation, { minLength: 1, maxLength: 4 }), OPTIONS, (header, mutations, options) => {
        let value = header;
        for (const m of mutations) {
          const at = value.length === 0 ? 0 : m.at % (value.length + 1);
          value = value.slice(0, at) + m.insert + value.slice(at + m.del);
        }
        invariants(value, parseAuthResults(value, options));
      }),
      { numRuns: 3000 },
    );
  });

  it("quoted strings round-trip (pvalue, reason, authserv-id)", () => {
    fc.assert(
      fc.property(TEXT, TEXT, TEXT, (a, b, c) => {
        const p = parseChecked(`${quote(a)}; dkim=fail reason=${quote(b)} header.s=${quote(c)}`, { strict: true });
        expect(p.authservId).toBe(a);
        expect(p.results[0]?.reason).toBe(b);
        expect(p.results[0]?.properties[0]?.value).toBe(c);
        expect(errors(p)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("comments round-trip, in order, wherever CFWS is allowed", () => {
    fc.assert(
      fc.property(fc.array(TEXT, { minLength: 4, maxLength: 4 }), ([a = "", b = "", c = "", d = ""]) => {
        const p = parseChecked(`x.example; ${comment(a)} spf ${comment(b)}= pass ${comment(c)} smtp.mailfrom=${comment(d)}x.example`, { strict: true });
        expect(p.results[0]?.comments).toEqual([a, b, c, d]);
        expect(p.results[0]?.properties[0]?.value).toBe("x.example");
        expect(errors(p)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("balanced nested comments keep their inner parentheses", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("(", ")", "a", " ", "\\)"), { maxLength: 40 }), (parts) => {
        // Build a balanced comment body from the random parts.
        let depth = 0;
        let body = "";
        for (const part of parts) {
          if (part === ")" && depth === 0) continue;
          if (part === "(") depth++;
          if (part === ")") depth--;
          body += part;
        }
        body += ")".repeat(depth);
        const p = parseChecked(`x.example; dkim=pass (${body})`, { strict: true });
        expect(p.results[0]?.comments).toEqual([body.replace(/\\\)/g, ")")]);
      }),
      { numRuns: 500 },
    );
  });

  it("folding inside a quoted string: CRLF removed, the white space kept", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 6 }), (words) => {
        const folded = words.join("\r\n ");
        const p = parseChecked(`x.example; dkim=pass header.s="${folded}"`, { strict: true });
        expect(p.results[0]?.properties[0]?.value).toBe(words.join(" "));
      }),
      { numRuns: 300 },
    );
  });

  it("generated well-formed headers parse back to what was generated (strict, no diagnostics)", () => {
    const keyword = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4})?$/);
    const tokenValue = fc.stringMatching(/^[A-Za-z0-9.+!#$%&'*^_`{|}~-]{1,12}$/);
    const resinfo = fc.record({
      method: fc.constantFrom("x-a", "x-b-c", "x-q"),
      result: keyword,
      reason: fc.option(TEXT, { nil: null }),
      props: fc.array(fc.record({ ptype: fc.constantFrom("smtp", "header", "body", "policy"), property: keyword, value: fc.oneof(tokenValue, TEXT) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(resinfo, { minLength: 1, maxLength: 5 }), (infos) => {
        const text =
          "x.example;" +
          infos
            .map(
              (r) =>
                ` ${r.method}=${r.result}` +
                (r.reason === null ? "" : ` reason=${quote(r.reason)}`) +
                r.props.map((x) => ` ${x.ptype}.${x.property}=${/^[A-Za-z0-9.+!#$%&'*^_`{|}~-]+$/.test(x.value) ? x.value : quote(x.value)}`).join(""),
            )
            .join(";\r\n ");
        const p = parseChecked(text, { strict: true });
        expect(p.diagnostics).toEqual([]);
        expect(
          p.results.map((r) => ({ method: r.method, result: r.result, reason: r.reason, props: r.properties.map((x) => ({ ptype: x.ptype, property: x.property, value: x.value })) })),
        ).toEqual(infos);
      }),
      { numRuns: 500 },
    );
  });
});
