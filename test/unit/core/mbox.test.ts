import { describe, expect, it } from "vitest";
import { looksLikeMbox, splitMbox } from "../../../src/core/mbox.js";

describe("splitMbox", () => {
  it("splits on From_ lines after an empty line and unescapes >From", () => {
    const mbox = [
      "From alice@example.com Tue May 14 09:12:03 2024",
      "From: Alice <alice@example.com>",
      "Subject: one",
      "",
      ">From the start, mboxrd escapes this line.",
      ">>From stays quoted once.",
      "",
      "From bob@example.org Tue May 14 10:00:00 2024",
      "From: Bob <bob@example.org>",
      "",
      "Body with a line",
      "From inside the body without an empty line before it stays.",
      "",
    ].join("\n");
    const m = splitMbox(mbox);
    expect(m).toHaveLength(2);
    expect(m[0]?.separator).toBe("From alice@example.com Tue May 14 09:12:03 2024");
    expect(m[0]?.raw).toBe("From: Alice <alice@example.com>\nSubject: one\n\nFrom the start, mboxrd escapes this line.\n>From stays quoted once.\n");
    expect(m[1]?.raw).toContain("From inside the body");
    expect(m[1]?.index).toBe(1);
  });

  it("accepts CRLF and ignores text before the first separator", () => {
    const m = splitMbox("junk\r\n\r\nFrom x Tue\r\nSubject: a\r\n\r\nb\r\n");
    expect(m).toHaveLength(1);
    expect(m[0]?.separator).toBe("From x Tue");
    // Each message keeps its line ends, the last one included (its signatures cover them).
    expect(m[0]?.raw).toBe("Subject: a\r\n\r\nb\r\n");
  });

  it("empty input", () => {
    expect(splitMbox("")).toEqual([]);
    expect(looksLikeMbox("From x")).toBe(true);
    expect(looksLikeMbox("From: x")).toBe(false);
  });
});
