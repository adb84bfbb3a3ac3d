/** Writes messages as an mbox Thunderbird reads: a `From ` separator line, `>From ` escaping (mboxo, as Thunderbird writes it). */
export function toMbox(messages: string[]): string {
  return messages
    .map((m) => {
      const body = m.replace(/\r\n/g, "\n").replace(/^From /gm, ">From ");
      return `From - Wed Jan 01 00:00:00 2025\n${body.endsWith("\n") ? body : body + "\n"}\n`;
    })
    .join("");
}
