import { describe, expect, it } from "vitest";
import { accountTitle } from "../../../src/background/account-title.js";

const id = (email: string) => [{ email }];

describe("accountTitle", () => {
  it("is the account's name, unless that is only a server's host name and an address is known", () => {
    expect(accountTitle({ name: "Work", identities: id("alice@corp.example") })).toBe("Work");
    expect(accountTitle({ name: "pop.corp.example", identities: id("alice@corp.example") })).toBe("alice@corp.example");
    expect(accountTitle({ name: "alice on imap.corp.example", identities: id("alice@corp.example") })).toBe("alice@corp.example");
    expect(accountTitle({ name: "pop.corp.example", identities: [{ email: "" }, { email: "bob@corp.example" }] })).toBe("bob@corp.example");
    expect(accountTitle({ name: "pop.corp.example" })).toBe("pop.corp.example");
    expect(accountTitle({ name: "Local Folders", identities: [] })).toBe("Local Folders");
  });
});
