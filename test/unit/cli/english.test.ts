/** The CLI's English reasons: the add-on's _locales/en strings with the parameters filled in. */
import { describe, expect, it } from "vitest";
import { englishMessage, renderEnglish } from "../../../src/cli/english.js";
import { reason } from "../../../src/core/reason.js";

describe("renderEnglish", () => {
  it("fills $1..$n from the parameters", () => {
    expect(renderEnglish(reason("trust_notInList", "trusted-looking.example"))).toBe("Ignored: trusted-looking.example is not a trusted server");
  });

  it("shows an unknown key as the key and its parameters", () => {
    expect(renderEnglish(reason("no_such_key", "a", 2))).toBe("no_such_key a 2");
    expect(englishMessage("no_such_key", [])).toBeUndefined();
  });

  it("leaves a missing parameter empty", () => {
    expect(englishMessage("trust_notInList", [])).toBe("Ignored:  is not a trusted server");
  });
});

describe("plural messages", () => {
  it("picks the singular or plural variant by the count ($1)", () => {
    expect(renderEnglish(reason("verdict_setAsideUntrusted", 1, "dmarc=pass"))).toBe("1 other header claims dmarc=pass; it comes from a server you do not trust and was ignored");
    expect(renderEnglish(reason("verdict_setAsideUntrusted", 2, "dmarc=pass"))).toBe("2 other headers claim dmarc=pass; they come from servers you do not trust and were ignored");
    expect(renderEnglish(reason("verdict_setAsideUntrusted", 0, "dmarc=pass"))).toContain("0 other headers claim");
  });
});
