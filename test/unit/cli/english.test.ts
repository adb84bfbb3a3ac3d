/** The CLI's English reasons: the add-on's _locales/en strings with the parameters filled in. */
import { describe, expect, it } from "vitest";
import { englishMessage, renderEnglish } from "../../../src/cli/english.js";
import { reason } from "../../../src/core/reason.js";

describe("renderEnglish", () => {
  it("fills $1..$n from the parameters", () => {
    expect(renderEnglish(reason("trust_notInList", "trusted-looking.example"))).toBe("ignored: trusted-looking.example is not a trusted server");
  });

  it("shows an unknown key as the key and its parameters", () => {
    expect(renderEnglish(reason("no_such_key", "a", 2))).toBe("no_such_key a 2");
    expect(englishMessage("no_such_key", [])).toBeUndefined();
  });

  it("leaves a missing parameter empty", () => {
    expect(englishMessage("trust_notInList", [])).toBe("ignored:  is not a trusted server");
  });
});
