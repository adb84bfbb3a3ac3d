import { it } from "vitest";
import { decodeBase64, binaryToText } from "../../src/core/verify/bytes.js";
import { parseTagList, stripFws, colonList } from "../../src/core/verify/tag-list.js";
import { toDomainAscii } from "../../src/core/domain.js";
it("parts", () => {
  const v = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s2048; t=1767225600; h=from:to:subject:date; bh=KWSe46TZKCcDbH4klJPo+tjk5LWJnVRlP5pvjXFZYLQ=; b=" + "A".repeat(340) + "==";
  const N = 5000;
  const time = (name: string, f: () => void) => { f(); const t = performance.now(); for (let i = 0; i < N; i++) f(); console.log(name, ((performance.now() - t) * 1000 / N).toFixed(2), "µs"); };
  time("parseTagList", () => parseTagList(v));
  const b = "A".repeat(340) + "==";
  time("decodeBase64", () => decodeBase64(b));
  time("stripFws", () => stripFws(b));
  time("binaryToText", () => binaryToText("example.com"));
  time("toDomainAscii", () => toDomainAscii("example.com"));
  const LABEL = "[A-Za-z0-9_\\x80-\\xff](?:[A-Za-z0-9_\\x80-\\xff-]{0,61}[A-Za-z0-9_\\x80-\\xff])?";
  const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
  time("DNS_NAME", () => DNS_NAME.test("example.com"));
  time("colonList", () => colonList("from:to:subject:date"));
});
