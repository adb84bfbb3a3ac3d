/**
 * The parse cases of two other parsers (DKIM Verifier, MIT; Perl Mail::AuthenticationResults,
 * Perl licence), loaded as data from ../shared/corpus (see helpers.ts).
 *
 * Their `expect` is another project's opinion. Where it departs from RFC 8601, we follow the RFC,
 * and every such case is listed by id in DEVIATIONS below with the reason and exactly what we
 * produce instead. A case that differs and is not listed fails; a listed case that no longer
 * differs also fails, so the table stays true.
 */
import { describe, expect, it } from "vitest";
import type { ParsedAuthResults } from "../../../../src/core/authres/types.js";
import { errors, parseChecked, readFixture } from "./helpers.js";

interface ExpectProp {
  ptype: string | null;
  property: string;
  value: string;
}
interface ExpectResult {
  method: string;
  version?: number;
  result: string;
  reason?: string;
  props: ExpectProp[];
}
interface Expectation {
  authservId: string | null;
  version?: number;
  instance?: number;
  none: boolean;
  results: ExpectResult[];
}
interface CorpusCase {
  source: string;
  id: string;
  header: string;
  expect: Expectation | { error: true };
  meta: {
    mode?: string;
    headerName?: string;
    lenientParser?: boolean;
    nonRfcKeyValues?: { where: string; key: string; value: string }[];
  };
}

interface Deviation {
  /** Why RFC 8601 (or our contract) says otherwise. */
  reason: string;
  /** We keep bare `key=value` pairs as properties with ptype null; they are listed here or in meta.nonRfcKeyValues. */
  bare?: "meta" | string[];
  /** Our output in place of theirs, written as a change to their expectation. */
  patch?: (e: Expectation) => Expectation;
  /** Their expectation is an error; we parse it without one, to this. */
  replace?: Expectation;
  /** Tolerant mode reports at least one error diagnostic (something was dropped). */
  errorsExpected?: true;
}

const BARE_KV =
  "RFC 8601 propspec is ptype.property=value; a bare key=value is not one. Our contract keeps it as a property " +
  "with ptype null (with a warning) so nothing is silently lost; upstream drops it.";
const NULL_ID = "No authserv-id is present; our contract reports authservId null (and a warning), upstream uses \"\".";
const NONE_ABSENT =
  "ABNF: 'none' is the literal token after ';'. Without it (and with no resinfo) the value is malformed " +
  "(warning); we report none=false because no 'none' was written. Upstream invents none=true.";

const dropResults =
  (...methods: string[]) =>
  (e: Expectation): Expectation => ({ ...e, results: e.results.filter((r) => !methods.includes(r.method)) });

/** Every case where we knowingly differ from the upstream expectation. */
const DEVIATIONS: Record<string, Deviation> = {
  "dkim_verifier:22": { reason: NULL_ID, patch: (e) => ({ ...e, authservId: null }) },
  "dkim_verifier:24": { reason: BARE_KV, bare: ["dmarc:action=none"] },
  "dkim_verifier:25": { reason: BARE_KV, bare: ["dmarc:action=permerror"] },
  "dkim_verifier:26": { reason: BARE_KV, bare: ["dmarc:action=temperror"] },
  "dkim_verifier:27": { reason: BARE_KV, bare: ["dmarc:action=oreject"] },
  "dkim_verifier:28": { reason: BARE_KV, bare: ["dmarc:action=pct.quarantine"] },
  "dkim_verifier:29": { reason: BARE_KV, bare: ["dmarc:action=pct.reject"] },
  "dkim_verifier:31": { reason: `${NULL_ID} ${BARE_KV}`, bare: ["dmarc:action=none"], patch: (e) => ({ ...e, authservId: null }) },
  "dkim_verifier:33": { reason: `${NULL_ID} ${BARE_KV}`, bare: ["dmarc:action=none"], patch: (e) => ({ ...e, authservId: null }) },
  "dkim_verifier:35": { reason: `${NULL_ID} ${BARE_KV}`, bare: ["dmarc:action=none"], patch: (e) => ({ ...e, authservId: null }) },
  "dkim_verifier:36": {
    reason:
      "Keywords are case-insensitive (RFC 5234 / RFC 5321 Keyword); 'Pass' is the registered result 'pass'. " +
      "DKIM Verifier itself accepts 'spf=Pass' (dkim_verifier:12).",
    replace: { authservId: "example.com", none: false, results: [{ method: "dkim", result: "pass", props: [] }] },
  },
  "dkim_verifier:58": {
    reason:
      "RFC 8601 §2.7.1: in an EAI message header.d/header.i may be UTF-8 (U-labels); the pvalue domain-name form " +
      "accepts them. Upstream only allows it in its separate 'intl' mode (dkim_verifier:73 is the same value, accepted).",
    replace: {
      authservId: "example.net",
      none: false,
      results: [{ method: "dkim", result: "pass", props: [{ ptype: "header", property: "i", value: "Bloß.de" }] }],
    },
  },
  "perl-mar:1": { reason: NONE_ABSENT, patch: (e) => ({ ...e, none: false }) },
  "perl-mar:8": { reason: BARE_KV, bare: "meta" },
  "perl-mar:9": {
    reason:
      "method, result, ptype and property are Keywords (RFC 8601 §2.2), never quoted strings; every resinfo here " +
      "is malformed, so each is reported as an error and skipped. No real server writes this.",
    patch: (e) => ({ ...e, results: [] }),
    errorsExpected: true,
  },
  "perl-mar:10": { reason: BARE_KV, bare: "meta" },
  "perl-mar:12": {
    reason: `'foo' is not an authres-version (1*DIGIT): error, skipped to ';'. ${NONE_ABSENT}`,
    patch: (e) => ({ ...e, none: false }),
    errorsExpected: true,
  },
  "perl-mar:13": {
    reason: `'foo' is not an authres-version (1*DIGIT): error. ${NONE_ABSENT}`,
    patch: (e) => ({ ...e, none: false }),
    errorsExpected: true,
  },
  "perl-mar:14": {
    reason: "result is a mandatory Keyword; 'foo =' with nothing after it is not a result: error, dropped.",
    patch: dropResults("foo"),
    errorsExpected: true,
  },
  "perl-mar:26": {
    reason:
      "'one=' has no result (error, dropped); 'two' and 'three' are stray tokens, not method=result (warning, " +
      "ignored). Upstream invents results with an empty result string.",
    patch: dropResults("one", "two", "three"),
    errorsExpected: true,
  },
  "perl-mar:27": { reason: BARE_KV, bare: "meta" },
  "perl-mar:30": { reason: BARE_KV, bare: "meta" },
  "perl-mar:31": { reason: BARE_KV, bare: "meta" },
  "perl-mar:33": { reason: BARE_KV, bare: "meta" },
  "perl-mar:34": { reason: BARE_KV, bare: "meta" },
  "perl-mar:35": { reason: BARE_KV, bare: "meta" },
  "perl-mar:36": { reason: BARE_KV, bare: "meta" },
  "perl-mar:38": { reason: BARE_KV, bare: "meta" },
  "perl-mar:45": {
    reason: `Microsoft's stray 'outlook.com;' is not method=result: ignored with a warning, not a result with method 'outlook.com'. ${BARE_KV}`,
    bare: "meta",
    patch: dropResults("outlook.com"),
  },
  "perl-mar:46": {
    reason:
      "Yahoo legacy 'from=...' is not allowed after the authserv-id (error, skipped to ';'), and " +
      "'from=messagingengine.com' is not a result: a result is a Keyword, which has no '.' (error, dropped).",
    patch: dropResults("from"),
    errorsExpected: true,
  },
  "perl-mar:48": { reason: BARE_KV, bare: "meta" },
  "perl-mar:49": {
    reason: `'x-url=http://example.com': a result is a Keyword, a URI is not one (error, dropped). ${BARE_KV}`,
    bare: "meta",
    patch: dropResults("x-url"),
    errorsExpected: true,
  },
  "perl-mar:50": { reason: BARE_KV, bare: "meta" },
  "perl-mar:51": { reason: BARE_KV, bare: "meta" },
};

function load(name: string): CorpusCase[] {
  return JSON.parse(readFixture(name)) as CorpusCase[];
}

const CASES = [...load("ar_dkim_verifier.json"), ...load("ar_perl_mail_authenticationresults.json")];

/** Strict for DKIM Verifier's strict modes; tolerant for its relaxed mode and for the (lenient) Perl parser. */
function isStrict(c: CorpusCase): boolean {
  return c.meta.mode === "strict" || c.meta.mode === "strict+intl";
}

/** Our parse in the corpus's terms (comments are not part of `expect`). */
function asExpectation(p: ParsedAuthResults, dropBare: boolean): Expectation {
  const out: Expectation = { authservId: p.authservId, none: p.none, results: [] };
  if (p.version !== null) out.version = p.version;
  if (p.instance !== null) out.instance = p.instance;
  for (const r of p.results) {
    const er: ExpectResult = { method: r.method, result: r.result, props: [] };
    if (r.methodVersion !== null) er.version = r.methodVersion;
    if (r.reason !== null) er.reason = r.reason;
    for (const x of r.properties) {
      if (dropBare && x.ptype === null) continue;
      er.props.push({ ptype: x.ptype, property: x.property, value: x.value });
    }
    out.results.push(er);
  }
  return out;
}

function bareOf(p: ParsedAuthResults): string[] {
  return p.results.flatMap((r) => r.properties.filter((x) => x.ptype === null).map((x) => `${r.method}:${x.property}=${x.value}`));
}

/** Normalises an upstream expectation: optional keys absent, props sorted when order is not significant. */
function normalise(e: Expectation): Expectation {
  const out: Expectation = { authservId: e.authservId, none: e.none, results: [] };
  if (e.version !== undefined) out.version = e.version;
  if (e.instance !== undefined) out.instance = e.instance;
  out.results = e.results.map((r) => {
    const nr: ExpectResult = { method: r.method, result: r.result, props: r.props.map((x) => ({ ...x })) };
    if (r.version !== undefined) nr.version = r.version;
    if (r.reason !== undefined) nr.reason = r.reason;
    return nr;
  });
  return out;
}

describe("corpus: other parsers' cases (RFC 8601 wins, deviations listed)", () => {
  it("loads both corpora", () => {
    expect(CASES.filter((c) => c.source === "dkim_verifier").length).toBe(76);
    expect(CASES.filter((c) => c.source === "perl-mail-authenticationresults").length).toBe(53);
  });

  it("every deviation names a real case", () => {
    const ids = new Set(CASES.map((c) => c.id));
    for (const id of Object.keys(DEVIATIONS)) expect(ids.has(id), id).toBe(true);
  });

  for (const c of CASES) {
    const dev = DEVIATIONS[c.id];
    const strict = isStrict(c);
    const arc = c.meta.headerName === "ARC-Authentication-Results";
    const title = `${c.id} (${strict ? "strict" : "tolerant"})${dev ? " [deviation]" : ""}`;

    it(title, () => {
      const parsed = parseChecked(c.header, { strict, arc });
      const errs = errors(parsed);

      if ("error" in c.expect && !dev?.replace) {
        // We never throw: an input the upstream rejects must give an error diagnostic.
        expect(errs.length, `expected an error diagnostic for ${JSON.stringify(c.header)}`).toBeGreaterThan(0);
        return;
      }

      let want: Expectation;
      if (dev?.replace) want = dev.replace;
      else if ("error" in c.expect) throw new Error("unreachable");
      else want = c.expect;
      want = normalise(want);
      if (dev?.patch) want = dev.patch(want);

      const got = asExpectation(parsed, dev?.bare !== undefined);
      expect(got).toEqual(want);

      // Bare key=value pairs: exactly the listed ones, kept with ptype null.
      const expectedBare =
        dev?.bare === "meta"
          ? (c.meta.nonRfcKeyValues ?? []).filter((k) => k.where !== "authserv-id").map((k) => `${k.where}:${k.key}=${k.value}`)
          : (dev?.bare ?? []);
      expect(bareOf(parsed)).toEqual(expectedBare);

      if (dev?.errorsExpected) {
        expect(errs.length).toBeGreaterThan(0);
      } else {
        expect(errs, "no error diagnostics").toEqual([]);
      }

      // Whatever upstream expected, the deviation table must not hide a case that now agrees.
      if (dev && !("error" in c.expect)) {
        expect(asExpectation(parsed, false)).not.toEqual(normalise(c.expect));
      }
    });
  }
});
