/** mergeSettings: defaults ← policy ← user, locked keys from the policy, accountTrust per account. */
import { describe, expect, it } from "vitest";
import { mergeSettings, readPolicy, resolveAccountTrust, type AccountInfo } from "../../../../src/core/policy/index.js";
import { EXAMPLE_RULES } from "../../../../src/core/rules/index.js";
import { DEFAULT_SETTINGS } from "../../../../src/core/settings/schema.js";

const ACCOUNTS: AccountInfo[] = [
  { id: "account1", incomingServers: [], emailDomains: [] },
  { id: "account2", incomingServers: ["imap.corp.example"], emailDomains: ["corp.example"] },
  { id: "account3", incomingServers: [], emailDomains: ["home.example", "corp.example"] },
  { id: "account4", incomingServers: ["pop.other.example"], emailDomains: ["xn--bcher-kva.example"] },
];

function policy(input: unknown) {
  const read = readPolicy(input);
  expect(read.problems).toEqual([]);
  return read.policy;
}

describe("mergeSettings", () => {
  it("without policy or user settings, the defaults", () => {
    const m = mergeSettings(DEFAULT_SETTINGS, {}, {}, ACCOUNTS);
    expect(m).toEqual({ settings: DEFAULT_SETTINGS, policy: {}, adminRules: [], allowUserRules: true, locked: [] });
  });

  it("the policy presets, the user's own values win where not locked", () => {
    // showBadge's default is false: the policy presets true.
    const p = policy({ trustedAuthservIds: ["mx.example.net"], bannerMode: "always", showBadge: true });
    const m = mergeSettings(DEFAULT_SETTINGS, p, { bannerMode: "off" }, ACCOUNTS);
    expect(m.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(m.settings.bannerMode).toBe("off");
    expect(m.settings.showBadge).toBe(true);
    expect(m.policy).toEqual({ trustedAuthservIds: ["mx.example.net"], bannerMode: "always", showBadge: true });
  });

  it("a locked key takes the policy's value whatever the user stored (also a hand edit)", () => {
    const p = policy({ trustedAuthservIds: ["mx.example.net"], bannerMode: "always", locked: ["bannerMode", "trustedAuthservIds"] });
    const handEdited = { bannerMode: "off" as const, trustedAuthservIds: ["evil.example"], showBadge: true };
    const m = mergeSettings(DEFAULT_SETTINGS, p, handEdited, ACCOUNTS);
    expect(m.settings.bannerMode).toBe("always");
    expect(m.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(m.settings.showBadge).toBe(true); // not locked: the user's value
    expect(m.locked).toEqual(["bannerMode", "trustedAuthservIds"]);
  });

  it("a locked key the policy does not set is locked to the default", () => {
    const m = mergeSettings(DEFAULT_SETTINGS, policy({ locked: ["showBadge", "trustedForwarders"] }), { showBadge: true, trustedForwarders: ["x.example"] }, ACCOUNTS);
    expect(m.settings.showBadge).toBe(false); // the default, not the user's true
    expect(m.settings.trustedForwarders).toEqual([]);
  });

  it('"all" locks every lockable key', () => {
    const p = policy({ locked: "all", trustedAuthservIds: ["mx.example.net"], accountTrust: [{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }] });
    const user = {
      trustedAuthservIds: ["a.example"],
      accountTrust: { account1: ["b.example"], account2: ["c.example"] },
      trustedForwarders: ["d.example"],
      bannerMode: "off" as const,
      showBadge: false,
      newMailSpecialFolders: true,
      newMailAccounts: { account1: false },
    };
    const m = mergeSettings(DEFAULT_SETTINGS, p, user, ACCOUNTS);
    expect(m.locked).toEqual(["trustedAuthservIds", "accountTrust", "trustedForwarders", "bannerMode", "showBadge", "newMailSpecialFolders", "checkSignatures", "dohServer", "checkMaxMegabytes"]);
    expect(m.settings).toEqual({
      ...DEFAULT_SETTINGS,
      trustedAuthservIds: ["mx.example.net"],
      accountTrust: { account2: ["mx.corp.example"], account3: ["mx.corp.example"] },
      newMailAccounts: { account1: false }, // not a lockable key
    });
  });

  it("accountTrust: the policy's lists per matched account, the user's own list for an account replaces it", () => {
    const p = policy({ accountTrust: [{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }] });
    const m = mergeSettings(DEFAULT_SETTINGS, p, { accountTrust: { account3: ["mx.corp.example", "mx.home.example"], account1: ["x.example"] } }, ACCOUNTS);
    expect(m.settings.accountTrust).toEqual({
      account1: ["x.example"],
      account2: ["mx.corp.example"],
      account3: ["mx.corp.example", "mx.home.example"],
    });
    expect(m.policy.accountTrust).toEqual({ account2: ["mx.corp.example"], account3: ["mx.corp.example"] });
  });

  it("locked accountTrust ignores the user's lists", () => {
    const p = policy({ accountTrust: [{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }], locked: ["accountTrust"] });
    const m = mergeSettings(DEFAULT_SETTINGS, p, { accountTrust: { account1: ["x.example"], account2: [] } }, ACCOUNTS);
    expect(m.settings.accountTrust).toEqual({ account2: ["mx.corp.example"], account3: ["mx.corp.example"] });
  });

  it("allowUserRules false: the user's rules do not run and rules are locked; admin rules are kept", () => {
    const rule = { id: "org", name: "Org", conditions: [{ type: "verdict", levels: ["failed"] }], actions: [{ type: "flag", flagged: true }] };
    const p = policy({ adminRules: [rule], allowUserRules: false });
    const m = mergeSettings(DEFAULT_SETTINGS, p, { rules: [...EXAMPLE_RULES] }, ACCOUNTS);
    expect(m.settings.rules).toEqual([]);
    expect(m.allowUserRules).toBe(false);
    expect(m.locked).toEqual(["rules"]);
    expect(m.adminRules.map((r) => r.id)).toEqual(["org"]);
    const allowed = mergeSettings(DEFAULT_SETTINGS, policy({ adminRules: [rule] }), {}, ACCOUNTS);
    expect(allowed.settings.rules).toEqual(DEFAULT_SETTINGS.rules);
    expect(allowed.allowUserRules).toBe(true);
  });

  it("does not change its inputs", () => {
    const p = policy({ trustedAuthservIds: ["mx.example.net"], locked: ["trustedAuthservIds"] });
    const user = { trustedAuthservIds: ["a.example"] };
    const before = JSON.stringify([DEFAULT_SETTINGS, p, user]);
    mergeSettings(DEFAULT_SETTINGS, p, user, ACCOUNTS);
    expect(JSON.stringify([DEFAULT_SETTINGS, p, user])).toBe(before);
  });
});

describe("resolveAccountTrust (account matching)", () => {
  const entries = (input: unknown) => policy({ accountTrust: input }).accountTrust ?? [];

  it("by e-mail domain of any identity", () => {
    expect(resolveAccountTrust(entries([{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }]), ACCOUNTS)).toEqual({
      account2: ["mx.corp.example"],
      account3: ["mx.corp.example"],
    });
  });

  it("by incoming server host name, case-insensitively", () => {
    expect(resolveAccountTrust(entries([{ match: { incomingServer: "IMAP.Corp.Example" }, trustedAuthservIds: ["a.example"] }]), ACCOUNTS)).toEqual({
      account2: ["a.example"],
    });
  });

  it("with both keys, both must match", () => {
    const both = entries([{ match: { incomingServer: "imap.corp.example", emailDomain: "corp.example" }, trustedAuthservIds: ["a.example"] }]);
    expect(resolveAccountTrust(both, ACCOUNTS)).toEqual({ account2: ["a.example"] });
    const mismatch = entries([{ match: { incomingServer: "pop.other.example", emailDomain: "corp.example" }, trustedAuthservIds: ["a.example"] }]);
    expect(resolveAccountTrust(mismatch, ACCOUNTS)).toEqual({});
  });

  it("not by subdomain or parent domain", () => {
    expect(resolveAccountTrust(entries([{ match: { emailDomain: "example" }, trustedAuthservIds: ["a.example"] }]), ACCOUNTS)).toEqual({});
    expect(resolveAccountTrust(entries([{ match: { emailDomain: "eu.corp.example" }, trustedAuthservIds: ["a.example"] }]), ACCOUNTS)).toEqual({});
  });

  it("an internationalized domain matches its A-label", () => {
    expect(resolveAccountTrust(entries([{ match: { emailDomain: "bücher.example" }, trustedAuthservIds: ["a.example"] }]), ACCOUNTS)).toEqual({
      account4: ["a.example"],
    });
  });

  it("several matching entries add up, without duplicates", () => {
    const list = entries([
      { match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example", "b.example"] },
      { match: { incomingServer: "imap.corp.example" }, trustedAuthservIds: ["MX.corp.example", "c.example"] },
    ]);
    expect(resolveAccountTrust(list, ACCOUNTS).account2).toEqual(["mx.corp.example", "b.example", "c.example"]);
  });

  it("no accounts, nothing", () => {
    expect(resolveAccountTrust(entries([{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["a.example"] }]), [])).toEqual({});
  });
});
