/** How the options page names an account. */
import { describe, expect, it } from "vitest";
import { accountTitle } from "../../../../src/ui/options/account-title.js";

describe("an account's title", () => {
  it("is its name, or its address when the name is only a server's host name", () => {
    expect(accountTitle({ id: "a1", name: "Work", address: "alice@corp.example" })).toBe("Work");
    expect(accountTitle({ id: "a1", name: "pop.corp.example", address: "alice@corp.example" })).toBe("alice@corp.example");
    expect(accountTitle({ id: "a1", name: "alice on imap.corp.example", address: "alice@corp.example" })).toBe("alice@corp.example");
    expect(accountTitle({ id: "a1", name: "pop.corp.example" })).toBe("pop.corp.example");
    expect(accountTitle({ id: "a2", name: "Local Folders" })).toBe("Local Folders");
  });
});
