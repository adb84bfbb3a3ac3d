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
  const last = lines.length - 1;
  // Each line with its own line end: a message keeps the bytes it had (its signatures cover them).
  let current: { separator: string; lines: string[] } | null = null;
  let previousEmpty = true;
  const finish = (): void => {
    if (current === null) return;
    const body = current.lines;
    // The empty line before the next separator belongs to the format, not to the message.
    const tail = body[body.length - 1];
    if (tail !== undefined && (tail === "\n" || tail === "\r\n")) body.pop();
    out.push({ index: out.length, separator: current.separator, raw: body.join("") });
  };
  lines.forEach((line, i) => {
    if (previousEmpty && line.startsWith("From ")) {
      finish();
      current = { separator: line.replace(/\r$/, ""), lines: [] };
      previousEmpty = false;
      return;
    }
    previousEmpty = line === "" || line === "\r";
    if (current === null) return; // text before the first separator is not a message
    const content = /^>+From /.test(line) ? line.slice(1) : line;
    if (i < last) current.lines.push(content + "\n");
    else if (content.length > 0) current.lines.push(content);
  });
  finish();
  return out;
}

/** Does this text look like an mbox (first line is a `From ` separator)? */
export function looksLikeMbox(text: string): boolean {
  return text.startsWith("From ");
}
