/**
 * Split an mbox file into messages. A message starts at a `From ` line at the start of the file or
 * after an empty line (mboxo/mboxrd/mboxcl all write one there). In message text, `>From `,
 * `>>From `, ... lose one `>` (mboxrd unescaping; for mboxo this also restores lines that were
 * `>From ` originally, an ambiguity of that format). CRLF and LF are accepted.
 */

export interface MboxMessage {
  /** 0-based position in the file. */
  index: number;
  /** The `From ` separator line, without its line break. */
  separator: string;
  /** The message (headers and body), unescaped. */
  raw: string;
}

export function splitMbox(text: string): MboxMessage[] {
  const out: MboxMessage[] = [];
  const lines = text.split("\n");
  let current: { separator: string; lines: string[] } | null = null;
  let previousEmpty = true;
  const finish = (): void => {
    if (current === null) return;
    const body = current.lines;
    // The empty line before the next separator belongs to the format, not to the message.
    if (body.length > 0 && (body[body.length - 1] ?? "").replace(/\r$/, "") === "") body.pop();
    out.push({ index: out.length, separator: current.separator, raw: body.join("\n") });
  };
  for (const line of lines) {
    if (previousEmpty && line.startsWith("From ")) {
      finish();
      current = { separator: line.replace(/\r$/, ""), lines: [] };
      previousEmpty = false;
      continue;
    }
    previousEmpty = line === "" || line === "\r";
    if (current === null) continue; // text before the first separator is not a message
    current.lines.push(/^>+From /.test(line) ? line.slice(1) : line);
  }
  finish();
  return out;
}

/** Does this text look like an mbox (first line is a `From ` separator)? */
export function looksLikeMbox(text: string): boolean {
  return text.startsWith("From ");
}
