/**
 * Parser for Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617
 * §4.1.1) header values.
 *
 * One pass over the char codes, no backtracking beyond a bounded look-ahead over CFWS, no
 * recursion: time and memory are linear in the input, and it never throws.
 *
 * Strict mode reports every deviation from the ABNF, and every result or ptype the registry
 * does not know for a known method, as an `error`. Tolerant mode (the default) reads what real
 * servers send and reports those same deviations as `warning`s. Input that cannot be read at
 * all (a result without "=", an unclosed comment, ...) is an `error` in both modes; parsing
 * then resumes at the next ";".
 */
import { methodIndex, methodStatus } from "../registry.js";
import {
  ALNUM,
  ATEXT,
  CH_AT,
  CH_DOT,
  CH_DQUOTE,
  CH_EQ,
  CH_SEMI,
  CH_SLASH,
  ID_STOP,
  KEYWORD,
  TOKEN,
  VALUE_STOP,
  cls,
  isDigit,
} from "./chars.js";
import { internKeyword, keywordAt } from "./intern.js";
import { Scanner } from "./scanner.js";
import type { MethodResult, ParseOptions, ParsedAuthResults, ResultProperty } from "./types.js";
import { errorText } from "../error-text.js";

/** Highest ARC instance number (RFC 8617 §4.2.1). */
const ARC_MAX_INSTANCE = 50;

export function parseAuthResults(value: string, options?: ParseOptions): ParsedAuthResults {
  const strict = options?.strict === true;
  const arc = options?.arc === true;
  if (typeof value !== "string") {
    return failedParse(`header value is not a string (got ${value === null ? "null" : typeof value})`);
  }
  try {
    return new AuthResParser(value, strict, arc).parse();
  } catch (err) {
    // Not expected: the parser is written not to throw. Kept so that a bug can never take
    // down the caller (RFC 8601 §7.8: be robust against malformed header fields).
    return failedParse(`internal parser error: ${errorText(err)}`);
  }
}

/** A parse that read nothing, with one error (bad input to a caller, or an internal error). */
export function failedParse(message: string): ParsedAuthResults {
  return {
    authservId: null,
    version: null,
    instance: null,
    none: false,
    results: [],
    diagnostics: [{ severity: "error", message, offset: 0 }],
  };
}

class AuthResParser extends Scanner {
  private readonly strict: boolean;
  private readonly arc: boolean;
  private authservId: string | null = null;
  private version: number | null = null;
  private instance: number | null = null;
  private none = false;
  private readonly results: MethodResult[] = [];

  constructor(value: string, strict: boolean, arc: boolean) {
    super(value);
    this.strict = strict;
    this.arc = arc;
  }

  /** A deviation from the ABNF that tolerant mode accepts. */
  private deviation(message: string, offset: number): void {
    this.diag(this.strict ? "error" : "warning", message, offset);
  }

  parse(): ParsedAuthResults {
    this.parseValue();
    return {
      authservId: this.authservId,
      version: this.version,
      instance: this.instance,
      none: this.none,
      results: this.results,
      diagnostics: this.diagnostics,
    };
  }

  private parseValue(): void {
    if (this.arc) {
      if (!this.parseInstance()) return;
    } else if (this.startsWithInstance()) {
      this.diag("warning", "value starts with 'i=N;' like an ARC-Authentication-Results value; parse it with the arc option", this.pos);
    }

    this.skipCFWS(null);
    if (this.pos >= this.len) {
      this.diag("error", "empty value: no authserv-id", this.pos);
      return;
    }
    const c = this.code(this.pos);
    if (c === CH_SEMI) {
      this.diag("error", "missing authserv-id before ';'", this.pos);
      this.parseResults(false);
      return;
    }
    if (c === CH_DQUOTE) {
      this.authservId = this.readQuoted();
    } else {
      const start = this.pos;
      const end = this.scanRun(start, ID_STOP);
      if (end === start) {
        this.diag("error", `expected an authserv-id, found '${this.s[start] ?? ""}'`, start);
        this.skipToSemicolon();
        this.parseResults(false);
        return;
      }
      if (this.isKeywordRun(start, end) && this.nextAfterCFWS(end) === CH_EQ) {
        // Microsoft 365: "spf=pass ...; dkim=..." with no authserv-id at all.
        this.deviation("missing authserv-id: the value starts with a result", start);
        this.pos = start;
        this.parseResinfo(-1);
        this.parseResults(true);
        return;
      }
      this.authservId = this.s.slice(start, end);
      this.checkToken(start, end, "authserv-id");
      this.pos = end;
    }

    const hadSpace = this.skipCFWS(null);
    let c2 = this.code(this.pos);
    if (isDigit(c2)) {
      const vStart = this.pos;
      if (!hadSpace) this.deviation("missing white space between authserv-id and version", vStart);
      const vEnd = this.scanDigits(vStart);
      const after = this.code(vEnd);
      if (after !== -1 && !isStop(after)) {
        this.diag("error", "unexpected text after authserv-id", vStart);
        this.pos = vEnd;
        this.skipToSemicolon();
      } else {
        this.version = Number(this.s.slice(vStart, vEnd));
        this.pos = vEnd;
        this.skipCFWS(null);
        if (this.version !== 1) {
          // RFC 8601 §2.6: what follows an unknown version might not be in the expected format.
          this.diag("warning", `Authentication-Results version ${this.version} is not supported; results not read (RFC 8601 §2.6)`, vStart);
          return;
        }
      }
      c2 = this.code(this.pos);
    }
    if (c2 === -1) {
      this.deviation("authserv-id without '; none' or any result", this.len);
      return;
    }
    if (c2 !== CH_SEMI) {
      this.diag("error", "unexpected text after authserv-id (expected ';')", this.pos);
      this.skipToSemicolon();
      if (this.pos >= this.len) return;
    }
    this.parseResults(false);
  }

  /** ARC: `[CFWS] "i" [CFWS] "=" [CFWS] 1*2DIGIT [CFWS] ";"`. Returns false when nothing is left to parse. */
  private parseInstance(): boolean {
    const save = this.pos;
    this.silent = true; // an unclosed comment here is reported when it is read again below
    this.skipCFWS(null);
    this.silent = false;
    const start = this.pos;
    const c = this.code(start);
    if ((c === 0x69 || c === 0x49) && this.nextAfterCFWS(start + 1) === CH_EQ) {
      this.pos = start + 1;
      this.skipCFWS(null);
      this.pos++; // "="
      this.skipCFWS(null);
      const dStart = this.pos;
      const dEnd = this.scanDigits(dStart);
      if (dEnd === dStart) {
        this.diag("error", "ARC instance 'i=' without a number", dStart);
      } else {
        const n = Number(this.s.slice(dStart, dEnd));
        this.instance = n;
        if (n < 1 || n > ARC_MAX_INSTANCE) this.deviation(`ARC instance ${n} is outside 1..${ARC_MAX_INSTANCE}`, dStart);
        this.pos = dEnd;
      }
      this.skipCFWS(null);
      if (this.code(this.pos) !== CH_SEMI) {
        this.diag("error", "expected ';' after the ARC instance", this.pos);
        this.skipToSemicolon();
      }
      if (this.pos >= this.len) {
        this.diag("error", "no authserv-id after the ARC instance", this.len);
        return false;
      }
      this.pos++; // ";"
      return true;
    }
    this.deviation("ARC-Authentication-Results value without the 'i=N;' instance", start);
    this.pos = save;
    return true;
  }

  private startsWithInstance(): boolean {
    const save = this.pos;
    this.silent = true;
    this.skipCFWS(null);
    let ok = false;
    const c = this.code(this.pos);
    if ((c === 0x69 || c === 0x49) && this.nextAfterCFWS(this.pos + 1) === CH_EQ) {
      this.pos++;
      this.skipCFWS(null);
      this.pos++;
      this.skipCFWS(null);
      const dEnd = this.scanDigits(this.pos);
      if (dEnd > this.pos) {
        this.pos = dEnd;
        this.skipCFWS(null);
        ok = this.code(this.pos) === CH_SEMI;
      }
    }
    this.silent = false;
    this.pos = save;
    return ok;
  }

  /**
   * Reads `; resinfo` repeatedly from `pos` (at a ";" or the end). `afterFirst` is set when
   * a first resinfo was already read (the Microsoft form without authserv-id).
   */
  private parseResults(afterFirst: boolean): void {
    let first = !afterFirst;
    while (this.pos < this.len) {
      // here: this.code(this.pos) === ";"
      const semi = this.pos;
      this.pos++;
      if (first) {
        first = false;
        if (this.readNone()) continue;
      }
      this.parseResinfo(semi);
      if (this.pos < this.len && this.code(this.pos) !== CH_SEMI) this.skipToSemicolon();
    }
  }

  /** `no-result = [CFWS] ";" [CFWS] "none"`. Leaves pos at the next ";" or the end. */
  private readNone(): boolean {
    const save = this.pos;
    this.skipCFWS(null);
    const start = this.pos;
    const end = this.scanKeyword(start);
    if (end - start !== 4 || internKeyword(this.s, start, end) !== "none") {
      this.pos = save;
      return false;
    }
    const next = this.nextAfterCFWS(end);
    if (next === CH_EQ || next === CH_SLASH || next === CH_DOT) {
      this.pos = save; // a method called "none"
      return false;
    }
    this.none = true;
    this.pos = end;
    this.skipCFWS(null);
    if (this.pos >= this.len) return true;
    if (this.code(this.pos) === CH_SEMI) {
      const afterSemi = this.nextAfterCFWS(this.pos + 1);
      if (afterSemi === -1) {
        this.deviation("trailing ';'", this.pos);
        this.pos = this.len;
        return true;
      }
      this.diag("error", "results after 'none'", this.pos);
      return true;
    }
    this.diag("error", "unexpected text after 'none'", this.pos);
    this.skipToSemicolon();
    return true;
  }

  /**
   * `resinfo = [CFWS] ";" methodspec [ CFWS reasonspec ] *( CFWS propspec )`, from just after
   * the ";" (or the start of the value for the Microsoft form, semi = -1). Leaves pos at the
   * next ";" or the end, or somewhere the caller will recover from.
   *
   * Every step below reports its own problems; a step that cannot go on leaves pos where the
   * caller recovers from and says so by its return value.
   */
  private parseResinfo(semi: number): void {
    const comments: string[] = [];
    this.skipCFWS(comments);
    const methodStart = this.pos;
    if (!this.atMethod(semi, methodStart)) return;
    const methodEnd = this.readMethodName(methodStart);
    if (methodEnd < 0) return;
    this.skipCFWS(comments);
    const methodVersion = this.readMethodVersion(comments);
    if (methodVersion === false || !this.atMethodEquals(methodStart, methodEnd, methodVersion)) return;
    this.checkKeyword(methodStart, methodEnd, "method");
    this.pos++; // "="
    this.skipCFWS(comments);

    const resultStart = this.pos;
    const resultEnd = this.readResultKeyword(resultStart);
    if (resultEnd < 0) return;
    this.checkKeyword(resultStart, resultEnd, "result");
    const result: MethodResult = {
      method: keywordAt(this.s, methodStart, methodEnd),
      methodVersion,
      result: keywordAt(this.s, resultStart, resultEnd),
      reason: null,
      properties: [],
      comments,
    };
    this.results.push(result);
    const knownMethod = this.checkResultRegistry(result, methodStart, resultStart);
    this.pos = resultEnd;

    this.readReasonAndPropspecs(result, knownMethod, comments);
  }

  /**
   * Whether a method name may start at `start` (pos, after the CFWS that follows the ";").
   * Otherwise reports a trailing ";", an empty resinfo or a quoted method name.
   */
  private atMethod(semi: number, start: number): boolean {
    if (start >= this.len) {
      this.deviation("trailing ';'", semi < 0 ? start : semi);
      return false;
    }
    const c = this.code(start);
    if (c === CH_SEMI) {
      this.deviation("empty result between ';' and ';'", start);
      return false;
    }
    if (c === CH_DQUOTE) {
      this.diag("error", "a method name is a keyword, not a quoted string", start);
      this.skipToSemicolon();
      return false;
    }
    return true;
  }

  /**
   * The method keyword at `start`: returns its end and leaves pos there. A keyword must be
   * followed by "=", "/", white space, "(", ";" or the end. Otherwise returns -1 with pos at the
   * next ";" or the end: a lone token before ";" or the end (Microsoft's "contoso.com;") is a
   * deviation and ignored, anything else a malformed result.
   */
  private readMethodName(start: number): number {
    const mEnd = this.scanKeyword(start);
    const afterM = this.code(mEnd);
    if (mEnd === start || (afterM !== -1 && afterM !== CH_EQ && afterM !== CH_SLASH && !isStop(afterM))) {
      const tEnd = mEnd === start ? this.scanRun(start, ID_STOP) : this.scanRun(mEnd, ID_STOP);
      const next = this.nextAfterCFWS(tEnd);
      if (tEnd > start && (next === -1 || next === CH_SEMI)) {
        this.deviation(`stray token '${clip(this.s.slice(start, tEnd))}' where a result was expected; ignored`, start);
      } else {
        this.diag("error", "malformed result: expected method=result", start);
      }
      this.pos = tEnd;
      this.skipToSemicolon();
      return -1;
    }
    this.pos = mEnd;
    return mEnd;
  }

  /**
   * `[ "/" [CFWS] method-version [CFWS] ]` at pos. Returns the version, null when there is no
   * "/", or false when what follows the "/" is not a number (reported; pos at the next ";" or
   * the end).
   */
  private readMethodVersion(comments: string[]): number | null | false {
    if (this.code(this.pos) !== CH_SLASH) return null;
    this.pos++;
    this.skipCFWS(comments);
    const vStart = this.pos;
    const vEnd = this.scanDigits(vStart);
    if (vEnd === vStart || (cls(this.code(vEnd)) & KEYWORD) !== 0) {
      this.diag("error", "method version after '/' must be a number", vStart);
      this.skipToSemicolon();
      return false;
    }
    this.pos = vEnd;
    this.skipCFWS(comments);
    return Number(this.s.slice(vStart, vEnd));
  }

  /**
   * Whether pos is at the "=" after the method (and its version). Otherwise a bare method name
   * before ";" or the end is a stray token, ignored; anything else (also a version without "=")
   * is a malformed result, and pos moves to the next ";" or the end.
   */
  private atMethodEquals(methodStart: number, methodEnd: number, methodVersion: number | null): boolean {
    const eq = this.code(this.pos);
    if (eq === CH_EQ) return true;
    if ((eq === -1 || eq === CH_SEMI) && methodVersion === null) {
      this.deviation(`stray token '${clip(this.s.slice(methodStart, methodEnd))}' where a result was expected; ignored`, methodStart);
    } else {
      this.diag("error", "malformed result: expected '=' after the method", this.pos);
      this.skipToSemicolon();
    }
    return false;
  }

  /**
   * The result keyword at `start` (pos, after "=" and CFWS): returns its end, or -1 when it is
   * quoted, missing or followed by anything but white space, "(", ";" or the end (reported; pos
   * at the next ";" or the end). Leaves pos unchanged on success.
   */
  private readResultKeyword(start: number): number {
    if (this.code(start) === CH_DQUOTE) {
      this.diag("error", "a result is a keyword, not a quoted string", start);
      this.skipToSemicolon();
      return -1;
    }
    const rEnd = this.scanKeyword(start);
    if (rEnd === start) {
      this.diag("error", "missing result after '='", start);
      this.skipToSemicolon();
      return -1;
    }
    const afterR = this.code(rEnd);
    if (afterR !== -1 && !isStop(afterR)) {
      this.diag("error", `invalid result '${clip(this.s.slice(start, this.scanRun(start, VALUE_STOP)))}'`, start);
      this.skipToSemicolon();
      return -1;
    }
    return rEnd;
  }

  /**
   * `[ CFWS reasonspec ] *( CFWS propspec )` of `result`, from pos, up to the next ";" or the end
   * (or, after an error, to where the caller recovers). `knownMethod`: the method is in the
   * registry, so its ptypes and properties are checked. The key of each is read here, in one
   * loop: a call per property was measurably slower on this hot path.
   */
  private readReasonAndPropspecs(result: MethodResult, knownMethod: boolean, comments: string[]): void {
    for (;;) {
      const hadSpace = this.skipCFWS(comments);
      const kStart = this.pos;
      const k = this.code(kStart);
      if (k === -1 || k === CH_SEMI) return;
      if (!hadSpace) this.deviation("missing white space before the next property", kStart);
      if (k === CH_DQUOTE) {
        this.diag("error", "a property name is a keyword, not a quoted string", kStart);
        this.skipToSemicolon();
        return;
      }
      const kEnd = this.scanKeyword(kStart);
      if (kEnd === kStart) {
        this.diag("error", `unexpected '${clip(this.s.slice(kStart, this.scanRun(kStart + 1, VALUE_STOP)))}' in result '${result.method}'`, kStart);
        this.skipToSemicolon();
        return;
      }
      this.pos = kEnd;
      this.skipCFWS(comments);
      const sep = this.code(this.pos);
      if (sep === CH_DOT) {
        if (!this.readPropspec(result, knownMethod, kStart, kEnd, comments)) return;
      } else if (sep === CH_EQ) {
        this.pos++;
        this.readReasonOrUntypedProperty(result, kStart, kEnd, comments);
      } else {
        this.diag("error", `unexpected '${clip(this.s.slice(kStart, kEnd))}' in result '${result.method}' (expected ptype.property=value)`, kStart);
        this.skipToSemicolon();
        return;
      }
    }
  }

  /**
   * `propspec = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue`, from the "." at pos, the
   * ptype at kStart..kEnd. Returns false after an error (reported; pos at the next ";" or the end).
   */
  private readPropspec(result: MethodResult, knownMethod: boolean, kStart: number, kEnd: number, comments: string[]): boolean {
    this.pos++;
    this.skipCFWS(comments);
    const pStart = this.pos;
    const pEnd = this.scanKeyword(pStart);
    if (pEnd === pStart) {
      this.diag("error", "missing property name after '.'", pStart);
      this.skipToSemicolon();
      return false;
    }
    this.pos = pEnd;
    this.skipCFWS(comments);
    if (this.code(this.pos) !== CH_EQ) {
      this.diag("error", "expected '=' after the property name", this.pos);
      this.skipToSemicolon();
      return false;
    }
    this.checkKeyword(kStart, kEnd, "ptype");
    this.checkKeyword(pStart, pEnd, "property");
    this.pos++;
    const ptype = keywordAt(this.s, kStart, kEnd);
    const property = keywordAt(this.s, pStart, pEnd);
    const prop: ResultProperty = { ptype, property, value: this.readPvalue(comments, true) };
    result.properties.push(prop);
    if (knownMethod) this.checkPropertyRegistry(result.method, ptype, property, kStart);
    return true;
  }

  /**
   * `key "=" value` without a ptype, pos just after the "=", the key at kStart..kEnd. The first
   * `reason=` is the reasonspec (RFC 8601 §2.2; a deviation when it comes after properties); a
   * second one, or any other key, is kept as a property without ptype, a deviation.
   */
  private readReasonOrUntypedProperty(result: MethodResult, kStart: number, kEnd: number, comments: string[]): void {
    const key = keywordAt(this.s, kStart, kEnd);
    if (key === "reason" && result.reason === null) {
      if (result.properties.length > 0) this.deviation("'reason=' after properties (it comes right after the result)", kStart);
      result.reason = this.readPvalue(comments, false);
      return;
    }
    if (key === "reason") this.deviation("second 'reason='; kept as a property without ptype", kStart);
    else this.deviation(`'${clip(key)}=' is not ptype.property; kept as a property without ptype`, kStart);
    this.checkKeyword(kStart, kEnd, "property");
    result.properties.push({ ptype: null, property: key, value: this.readPvalue(comments, true) });
  }

  /**
   * `pvalue = [CFWS] ( value / [ [ local-part ] "@" ] domain-name ) [CFWS]` (trailing CFWS is
   * left to the caller). `allowAddress`: the address forms are allowed (not for reasonspec).
   */
  private readPvalue(comments: string[], allowAddress: boolean): string {
    this.skipCFWS(comments);
    const start = this.pos;
    const c = this.code(start);
    if (c === -1 || c === CH_SEMI) {
      this.deviation("empty value after '='", start);
      return "";
    }
    if (c === CH_DQUOTE) {
      const text = this.readQuoted();
      if (allowAddress && this.code(this.pos) === CH_AT) {
        // A quoted local-part: "john doe"@example.com. Keep it as written.
        const at = this.pos;
        const end = this.scanRun(at + 1, VALUE_STOP);
        if (!isDomainName(this.s, at + 1, end)) this.deviation("invalid domain after a quoted local-part", at + 1);
        this.pos = end;
        return this.s.slice(start, end);
      }
      return text;
    }
    const end = this.scanRun(start, VALUE_STOP);
    this.pos = end;
    if (!isToken(this.s, start, end) && !(allowAddress && isAddressOrDomain(this.s, start, end))) {
      this.deviation(`unquoted value '${clip(this.s.slice(start, end))}' contains characters that require a quoted string`, start);
    }
    return this.s.slice(start, end);
  }

  /** Registry checks for method and result. Returns true when the method is a known one. */
  private checkResultRegistry(r: MethodResult, mOffset: number, rOffset: number): boolean {
    const index = methodIndex(r.method);
    if (index === undefined) {
      if (this.strict && methodStatus(r.method) === "unknown") {
        this.diag("warning", `unknown method '${clip(r.method)}'; its result must not drive decisions (RFC 8601 §4.1)`, mOffset);
      }
      return false;
    }
    const entry = index.entry;
    if (entry.status === "deprecated" && this.strict) this.diag("warning", `method '${r.method}' is deprecated`, mOffset);
    if (r.methodVersion !== null && r.methodVersion !== entry.version) {
      this.diag("warning", `version ${r.methodVersion} of method '${r.method}' is not supported (RFC 8601 §2.6)`, mOffset);
    }
    const status = index.results.get(r.result);
    if (status === undefined) {
      this.deviation(`'${clip(r.result)}' is not a registered result for method '${r.method}'`, rOffset);
    } else if (status === "deprecated" && entry.status !== "deprecated") {
      this.diag("warning", `result '${r.result}' is deprecated for method '${r.method}'`, rOffset);
    }
    return true;
  }

  private checkPropertyRegistry(method: string, ptype: string, property: string, offset: number): void {
    const index = methodIndex(method);
    if (index === undefined) return;
    if (!index.ptypes.has(ptype)) {
      this.deviation(`'${clip(ptype)}' is not a registered ptype for method '${method}'`, offset);
    } else if (this.strict && ptype !== "policy" && index.properties.get(ptype)?.has(property) !== true) {
      this.diag("warning", `'${ptype}.${clip(property)}' is not a registered property of method '${method}'`, offset);
    }
  }

  /** Keyword = Ldh-str (RFC 5321 §4.1.2): letters, digits, inner hyphens; no "_". */
  private checkKeyword(start: number, end: number, what: string): void {
    const s = this.s;
    const first = s.charCodeAt(start);
    const last = s.charCodeAt(end - 1);
    let ok = (cls(first) & ALNUM) !== 0 && (cls(last) & ALNUM) !== 0;
    if (ok) {
      for (let i = start + 1; i < end - 1; i++) {
        if (s.charCodeAt(i) === 0x5f) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) this.deviation(`${what} '${clip(s.slice(start, end))}' is not a valid keyword`, start);
  }

  /** authserv-id = value = token / quoted-string (UTF-8 only inside a quoted string, RFC 6532). */
  private checkToken(start: number, end: number, what: string): void {
    if (isToken(this.s, start, end)) return;
    let nonAscii = false;
    for (let i = start; i < end; i++) {
      if (this.s.charCodeAt(i) >= 128) {
        nonAscii = true;
        break;
      }
    }
    this.deviation(
      nonAscii
        ? `unquoted non-ASCII ${what}: UTF-8 is only allowed in a quoted string (RFC 6532)`
        : `${what} contains characters that require a quoted string`,
      start,
    );
  }

  private isKeywordRun(start: number, end: number): boolean {
    return this.scanKeyword(start) === end;
  }

  private scanDigits(from: number): number {
    let i = from;
    while (i < this.len && isDigit(this.s.charCodeAt(i))) i++;
    return i;
  }

  /** The char code after CFWS from `from` (or -1 at the end), without moving pos or recording. */
  private nextAfterCFWS(from: number): number {
    const save = this.pos;
    const wasSilent = this.silent;
    this.pos = from;
    this.silent = true;
    this.skipCFWS(null);
    const c = this.code(this.pos);
    this.silent = wasSilent;
    this.pos = save;
    return c;
  }
}

/** Ends a keyword or result: white space, "(", ";". */
function isStop(code: number): boolean {
  return code < 128 && (cls(code) & VALUE_STOP) !== 0;
}

function isToken(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (cls(c) & TOKEN) === 0) return false;
  }
  return true;
}

/** `[ [ local-part ] "@" ] domain-name`, local-part a dot-atom (RFC 6531/6532: UTF-8 allowed). */
function isAddressOrDomain(s: string, start: number, end: number): boolean {
  const at = s.lastIndexOf("@", end - 1);
  if (at < start) return isDomainName(s, start, end);
  return isDotAtom(s, start, at) && isDomainName(s, at + 1, end);
}

function isDotAtom(s: string, start: number, end: number): boolean {
  if (start === end) return true; // "@domain"
  let prevDot = true;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === CH_DOT) {
      if (prevDot) return false;
      prevDot = true;
    } else if (c >= 128 || (cls(c) & ATEXT) !== 0) {
      prevDot = false;
    } else {
      return false;
    }
  }
  return !prevDot;
}

/** domain-name (RFC 6376 §3.5) with U-labels allowed (EAI): labels of letters, digits, "-", UTF-8. */
function isDomainName(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  let labels = 1;
  let labelLen = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === CH_DOT) {
      if (labelLen === 0) return false;
      labels++;
      labelLen = 0;
    } else if (c >= 128 || (cls(c) & ALNUM) !== 0 || c === 0x2d) {
      labelLen++;
    } else {
      return false;
    }
  }
  return labelLen > 0 && labels >= 2;
}

/** Untrusted text quoted in a diagnostic message stays short. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
