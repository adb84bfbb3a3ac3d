/** What the rules editor offers: methods and results from the registry, and tag keys made from names. */
import { describe, expect, it } from "vitest";
import { isOfferedMethod, OFFERED_METHODS, propertyChoices, ptypeChoices, resultChoices } from "../../../../../src/ui/options/rules/methods.js";
import { tagKeyFromName } from "../../../../../src/ui/options/rules/tag-key.js";
import { actionToDraft, draftToAction, emptyAction } from "../../../../../src/ui/options/rules/model.js";
import { actionSchema } from "../../../../../src/core/rules/schema.js";

describe("the method and result pick-lists", () => {
  it("offer the common methods first, then the registry's others; no deprecated one", () => {
    expect(OFFERED_METHODS.slice(0, 5)).toEqual(["dmarc", "dkim", "spf", "tls", "arc"]);
    expect(OFFERED_METHODS).toContain("iprev");
    expect(OFFERED_METHODS).toContain("compauth");
    expect(OFFERED_METHODS).not.toContain("domainkeys");
    expect(new Set(OFFERED_METHODS).size).toBe(OFFERED_METHODS.length);
  });

  it("a custom method is typed, not picked", () => {
    expect(isOfferedMethod("DMARC")).toBe(true);
    expect(isOfferedMethod("x-mycompany")).toBe(false);
  });

  it("results are the method's registered ones, with any other chosen one kept", () => {
    expect(resultChoices("spf", [])).toEqual(["none", "pass", "fail", "softfail", "policy", "neutral", "temperror", "permerror"]);
    expect(resultChoices("spf", ["hardfail"])).toContain("hardfail"); // deprecated, but the rule uses it
    expect(resultChoices("dmarc", ["quarantine"])).toEqual(["none", "pass", "fail", "temperror", "permerror", "quarantine"]);
    expect(resultChoices("x-mycompany", ["ok"])).toEqual([]);
  });

  it("ptypes and properties are offered for a property condition", () => {
    expect(ptypeChoices("tls")).toEqual(expect.arrayContaining(["cert", "tls", "key", "header", "smtp"]));
    expect(propertyChoices("dkim", "header")).toEqual(["d", "i", "b", "a", "s"]);
    expect(propertyChoices("tls", "KEY")).toContain("strength");
  });
});

describe("a new tag's key", () => {
  it("is made from the name, in the letters a tag key may have", () => {
    expect(tagKeyFromName("TLS verified")).toBe("$authlens_tls_verified");
    expect(tagKeyFromName("  Vérifié (TLS) ")).toBe("$authlens_verifie_tls");
    expect(tagKeyFromName("")).toBe("");
    expect(tagKeyFromName("検証済み")).toMatch(/^\$authlens_[0-9a-f]{8}$/);
    expect(tagKeyFromName("a".repeat(100))).toBe(`$authlens_${"a".repeat(40)}`);
  });

  it("is numbered when Thunderbird has that key for a tag of another name, and reused for the same name", () => {
    const tags = [{ key: "$authlens_work", tag: "Work stuff" }];
    expect(tagKeyFromName("Work", tags)).toBe("$authlens_work_2");
    expect(tagKeyFromName("work stuff", [{ key: "$authlens_work_stuff", tag: "Work stuff" }])).toBe("$authlens_work_stuff");
  });

  it("passes the schema's tag key rule", () => {
    for (const name of ["TLS verified", "Ärger & Co.", "検証済み", "--"]) {
      const action = draftToAction({ ...emptyAction("addTag"), tag: tagKeyFromName(name), tagName: name });
      expect(actionSchema.safeParse(action).success, name).toBe(true);
    }
  });

  it("follows the name for a new action; an existing rule's key is kept unless it was made from its name", () => {
    expect(emptyAction("addTag").tagKeyAuto).toBe(true);
    expect(actionToDraft({ type: "addTag", tag: "$authlens_tls", name: "TLS verified" }).tagKeyAuto).toBe(false);
    expect(actionToDraft({ type: "addTag", tag: "$authlens_tls_verified", name: "TLS verified" }).tagKeyAuto).toBe(true);
  });
});
