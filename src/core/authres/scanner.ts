/**
 * Single-pass scanner over a header value: CFWS (RFC 5322 §3.2.2) with nested comments and
 * quoted-pairs, quoted strings (RFC 5322 §3.2.4, UTF-8 per RFC 6532), keywords and value runs.
 *
 * Everything is iterative (nesting is a depth counter, never recursion) and linear in the input.
 * Text is cut with `slice`; only a comment or quoted string that contains a quoted-pair or a
 * line break is rebuilt from parts.
 */
import type { Diagnostic, Severity } from "./types.js";
import {
  CH_BACKSLASH,
  CH_CR,
  CH_DQUOTE,
  CH_LF,
  CH_LPAREN,
  CH_RPAREN,
  CH_SEMI,
  KEYWORD,
  WS,
  cls,
} from "./chars.js";

/** More diagnostics than this on one value are summarised (hostile input stays cheap). */
export const MAX_DIAGNOSTICS = 1000;

export class Scanner {
  readonly s: string;
  readonly len: number;
  pos = 0;
  readonly diagnostics: Diagnostic[] = [];
  private truncatedDiagnostics = false;
  private hasError = false;
  /** Set during look-ahead: problems are reported when the text is really read. */
  protected silent = false;

  constructor(s: string) {
    this.s = s;
    this.len = s.length;
  }

  diag(severity: Severity, message: string, offset: number): void {
    if (this.silent) return;
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      if (!this.truncatedDiagnostics) {
        this.truncatedDiagnostics = true;
        this.diagnostics.push({ severity: "warning", message: `more than ${MAX_DIAGNOSTICS} problems; the rest are not listed`, offset: this.clamp(offset) });
      }
      // An error must still be visible even when the list is full.
      if (severity === "error" && !this.hasError) {
        this.hasError = true;
        this.diagnostics.push({ severity, message, offset: this.clamp(offset) });
      }
      return;
    }
    if (severity === "error") this.hasError = true;
    this.diagnostics.push({ severity, message, offset: this.clamp(offset) });
  }

  clamp(offset: number): number {
    return offset < 0 ? 0 : offset > this.len ? this.len : offset;
  }

  code(i: number): number {
    return i < this.len ? this.s.charCodeAt(i) : -1;
  }

  /**
   * Skips CFWS. Comment texts are appended to `comments` when given. Returns true when anything
   * (white space or a comment) was skipped.
   */
  skipCFWS(comments: string[] | null): boolean {
    const start = this.pos;
    const s = this.s;
    const len = this.len;
    while (this.pos < len) {
      const c = s.charCodeAt(this.pos);
      if (c < 128 && ((cls(c) & WS) !== 0)) {
        this.pos++;
      } else if (c === CH_LPAREN) {
        const text = this.readComment(comments !== null);
        if (comments !== null && text !== null) comments.push(text);
      } else {
        break;
      }
    }
    return this.pos > start;
  }

  /**
   * Reads a comment starting at `pos` (which is "("), nested to any depth. Returns its text
   * without the outer parentheses, quoted-pairs unescaped and line breaks removed; null when
   * `build` is false.
   */
  readComment(build: boolean): string | null {
    const s = this.s;
    const len = this.len;
    const open = this.pos;
    let i = open + 1;
    let depth = 1;
    let parts: string[] | null = null;
    let partStart = i;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === CH_BACKSLASH) {
        if (i + 1 >= len) break;
        if (build) {
          parts ??= [];
          parts.push(s.slice(partStart, i));
          partStart = i + 1; // keep the escaped character
        }
        i += 2;
        continue;
      }
      if (c === CH_CR || c === CH_LF) {
        if (build) {
          parts ??= [];
          parts.push(s.slice(partStart, i));
          partStart = i + 1;
        }
        i++;
        continue;
      }
      if (c === CH_LPAREN) depth++;
      else if (c === CH_RPAREN) {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          if (!build) return null;
          if (parts === null) return s.slice(open + 1, i);
          parts.push(s.slice(partStart, i));
          return parts.join("");
        }
      }
      i++;
    }
    this.diag("error", "unclosed comment: '(' without matching ')'", open);
    this.pos = len;
    if (!build) return null;
    const tail = s.slice(partStart, len);
    if (parts === null) return tail;
    parts.push(tail);
    return parts.join("");
  }

  /**
   * Reads a quoted string starting at `pos` (which is DQUOTE). Returns the content unquoted,
   * quoted-pairs unescaped and CR/LF of folding removed (RFC 5322 §3.2.4: the CRLF is
   * invisible, the white space after it stays).
   */
  readQuoted(): string {
    const s = this.s;
    const len = this.len;
    const open = this.pos;
    let i = open + 1;
    let parts: string[] | null = null;
    let partStart = i;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === CH_DQUOTE) {
        this.pos = i + 1;
        if (parts === null) return s.slice(open + 1, i);
        parts.push(s.slice(partStart, i));
        return parts.join("");
      }
      if (c === CH_BACKSLASH) {
        if (i + 1 >= len) break;
        parts ??= [];
        parts.push(s.slice(partStart, i));
        partStart = i + 1;
        i += 2;
        continue;
      }
      if (c === CH_CR || c === CH_LF) {
        parts ??= [];
        parts.push(s.slice(partStart, i));
        partStart = i + 1;
      }
      i++;
    }
    this.diag("error", "unclosed quoted string: '\"' without a closing '\"'", open);
    this.pos = len;
    const tail = s.slice(partStart, len);
    if (parts === null) return tail;
    parts.push(tail);
    return parts.join("");
  }

  /** End index of the run of keyword characters starting at `from`. */
  scanKeyword(from: number): number {
    const s = this.s;
    const len = this.len;
    let i = from;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c >= 128 || (cls(c) & KEYWORD) === 0) break;
      i++;
    }
    return i;
  }

  /** End index of the run starting at `from` that contains no character of class `stop`. */
  scanRun(from: number, stop: number): number {
    const s = this.s;
    const len = this.len;
    let i = from;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c < 128 && (cls(c) & stop) !== 0) break;
      i++;
    }
    return i;
  }

  /**
   * Error recovery: moves `pos` to the next ";" that is not inside a comment or quoted string
   * (or to the end).
   */
  skipToSemicolon(): void {
    const s = this.s;
    const len = this.len;
    while (this.pos < len) {
      const c = s.charCodeAt(this.pos);
      if (c === CH_SEMI) return;
      if (c === CH_LPAREN) this.readComment(false);
      else if (c === CH_DQUOTE) this.skipQuoted();
      else this.pos++;
    }
  }

  private skipQuoted(): void {
    const s = this.s;
    const len = this.len;
    const open = this.pos;
    let i = open + 1;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === CH_DQUOTE) {
        this.pos = i + 1;
        return;
      }
      i += c === CH_BACKSLASH ? 2 : 1;
    }
    this.diag("error", "unclosed quoted string: '\"' without a closing '\"'", open);
    this.pos = len;
  }
}
