/**
 * The background's settings store with a fake Thunderbird: locking is enforced whatever storage.local
 * holds, changes to locked keys are refused, and a bad policy is logged once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Listener = (...args: unknown[]) => void;

interface Fake {
  local: Record<string, unknown>;
  managed: Record<string, unknown> | Error;
  accounts: unknown[];
  /** The add-on's translations, key -> text. */
  messages: Record<string, string>;
  changed: Set<Listener>;
}

const fake: Fake = { local: {}, managed: {}, accounts: [], changed: new Set(), messages: {} };

function event(): { addListener(l: Listener): void; removeListener(l: Listener): void } {
  return { addListener: () => undefined, removeListener: () => undefined };
}

const browser = {
  storage: {
    local: {
      get: (keys: string[]) => Promise.resolve(Object.fromEntries(keys.filter((k) => k in fake.local).map((k) => [k, structuredClone(fake.local[k])]))),
      set: (items: Record<string, unknown>) => {
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: fake.local[k], newValue: v }]));
        Object.assign(fake.local, structuredClone(items));
        for (const l of fake.changed) l(changes, "local");
        return Promise.resolve();
      },
    },
    managed: {
      get: () => (fake.managed instanceof Error ? Promise.reject(fake.managed) : Promise.resolve(structuredClone(fake.managed))),
    },
    onChanged: { addListener: (l: Listener) => fake.changed.add(l), removeListener: (l: Listener) => fake.changed.delete(l) },
  },
  accounts: { list: () => Promise.resolve(fake.accounts), onCreated: event(), onDeleted: event(), onUpdated: event() },
  // No translations here: getMessage answers "" for an unknown key, as Thunderbird does.
  i18n: { getMessage: (key: string) => fake.messages[key] ?? "" },
  identities: { onCreated: event(), onDeleted: event(), onUpdated: event() },
};

vi.mock("webextension-polyfill", () => ({ default: browser }));

async function store() {
  vi.resetModules();
  return import("../../../src/background/settings-store.js");
}

/** Lets the storage listener's reload run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

const POLICY = {
  trustedAuthservIds: ["mx.example.net"],
  bannerMode: "always",
  showBadge: 0,
  accountTrust: [{ match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] }],
  adminRules: [
    { id: "org-tls", name: "Org TLS", conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }], actions: [{ type: "addTag", tag: "$org_tls" }] },
  ],
  locked: ["bannerMode", "trustedAuthservIds"],
};

const ACCOUNTS = [
  { id: "account1", name: "Local Folders", type: "local", identities: [] },
  { id: "account2", name: "alice@corp.example", type: "imap", identities: [{ email: "alice@corp.example" }] },
  { id: "account3", name: "pop.home.example", type: "pop3", identities: [{ email: "bob@home.example" }] },
  { id: "account4", name: "Feeds", type: "rss", identities: [] },
];

beforeEach(() => {
  fake.local = {};
  fake.managed = structuredClone(POLICY);
  fake.accounts = ACCOUNTS;
  fake.changed.clear();
  fake.messages = {};
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("settings-store with a policy", () => {
  it("merges the policy, resolves accountTrust by identity domain, reports the lock and the admin rules", async () => {
    const { getSettings } = await store();
    const e = await getSettings();
    expect(e.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(e.settings.bannerMode).toBe("always");
    expect(e.settings.showBadge).toBe(false);
    expect(e.settings.accountTrust).toEqual({ account2: ["mx.corp.example"] });
    expect(e.locked).toEqual(["bannerMode", "trustedAuthservIds"]);
    expect(e.adminRules.map((r) => r.id)).toEqual(["org-tls"]);
    expect(e.allowUserRules).toBe(true);
    expect(e.policyProblems).toEqual([]);
    expect(e.user).toEqual({});
  });

  it("refuses changes to locked keys with 'Set by your organization', stores nothing then", async () => {
    const { getSettings, updateSettings } = await store();
    await getSettings();
    expect(await updateSettings({ bannerMode: "off" })).toEqual([{ path: "bannerMode", message: "Set by your organization" }]);
    expect(await updateSettings({ bannerMode: "off", showBadge: true })).toEqual([{ path: "bannerMode", message: "Set by your organization" }]);
    expect(fake.local.settings ?? {}).toEqual({}); // (the first load records the settings version)
    // The locked value itself is not a change: accepted (and not stored).
    expect(await updateSettings({ bannerMode: "always", showBadge: true })).toEqual([]);
    expect(fake.local.settings).toEqual({ showBadge: true });
    expect((await getSettings()).settings.showBadge).toBe(true);
  });

  it("a hand edit of storage.local cannot unlock anything", async () => {
    const { getSettings, watchSettings } = await store();
    const seen: string[] = [];
    watchSettings((s) => seen.push(s.settings.bannerMode));
    await getSettings();
    await browser.storage.local.set({ settings: { bannerMode: "off", trustedAuthservIds: [], showBadge: true }, settingsVersion: 1 });
    await settle();
    const e = await getSettings();
    expect(e.user).toEqual({ bannerMode: "off", trustedAuthservIds: [], showBadge: true });
    expect(e.settings.bannerMode).toBe("always");
    expect(e.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(e.settings.showBadge).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((mode) => mode === "always")).toBe(true);
  });

  it("allowUserRules false: rule changes are refused, the user's rules do not run", async () => {
    fake.managed = { allowUserRules: "false" };
    const { getSettings, updateSettings } = await store();
    const e = await getSettings();
    expect(e.settings.rules).toEqual([]);
    expect(e.locked).toEqual(["rules"]);
    const problems = await updateSettings({ rules: [] as unknown[] });
    // An empty list equals the effective (empty) rules: not a change.
    expect(problems).toEqual([]);
    const refused = await updateSettings({
      rules: [{ id: "mine", name: "Mine", conditions: [{ type: "verdict", levels: ["failed"] }], actions: [{ type: "flag", flagged: true }] }],
    });
    expect(refused).toHaveLength(1);
    expect(refused[0]?.path).toBe("rules");
    expect(refused[0]?.message).toMatch(/^Set by your organization/);
  });

  it("a bad policy: problems with paths, valid parts applied, logged once (not on every reload)", async () => {
    fake.managed = { trustedAuthservIds: ["mx.example.net", 5], bannerMode: 3, colour: "red" };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { getSettings, updateSettings, watchSettings } = await store();
    watchSettings(() => undefined);
    const e = await getSettings();
    expect(e.policyProblems.map((p) => p.path)).toEqual(["trustedAuthservIds[1]", "bannerMode", "colour"]);
    expect(e.problems.map((p) => p.path)).toEqual(["policy.trustedAuthservIds[1]", "policy.bannerMode", "policy.colour"]);
    expect(e.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(e.settings.bannerMode).toBe("failures");
    await updateSettings({ showBadge: false });
    await settle();
    await getSettings();
    await getSettings();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("trustedAuthservIds[1]");
  });

  it("no policy (storage.managed rejects): the user's settings and the defaults", async () => {
    fake.managed = new Error("Managed storage manifest not found");
    fake.local = { settings: { bannerMode: "off" }, settingsVersion: 1 };
    const { getSettings } = await store();
    const e = await getSettings();
    expect(e.settings.bannerMode).toBe("off");
    expect(e.locked).toEqual([]);
    expect(e.policy).toEqual({});
    expect(e.policyProblems).toEqual([]);
  });

  it("accounts that cannot be listed leave accountTrust unresolved, nothing breaks", async () => {
    const list = vi.spyOn(browser.accounts, "list").mockRejectedValue(new Error("no permission"));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { getSettings } = await store();
    const e = await getSettings();
    expect(e.settings.accountTrust).toEqual({});
    expect(e.settings.trustedAuthservIds).toEqual(["mx.example.net"]);
    expect(list).toHaveBeenCalled();
  });
});

describe("settings-store: the shipped example rules", () => {
  it("are named in the user's language until the user renames them", async () => {
    fake.managed = {};
    fake.messages = { exampleRuleTlsVerified: "Über verifiziertes TLS", exampleTagTlsVerified: "TLS verifiziert" };
    const { getSettings, updateSettings } = await store();
    const rules = (await getSettings()).settings.rules;
    const tls = rules.find((r) => r.id === "example-tls-verified");
    expect(tls?.name).toBe("Über verifiziertes TLS");
    expect(tls?.actions[0]).toMatchObject({ type: "addTag", name: "TLS verifiziert" });
    // Without a translation the English name stays.
    expect(rules.find((r) => r.id === "example-dmarc-fail")?.name).toBe("Move DMARC failures to a folder");
    // A name the user chose is kept as it is.
    await updateSettings({ rules: rules.map((r) => (r.id === "example-tls-verified" ? { ...r, name: "My TLS rule" } : r)) });
    expect((await getSettings()).settings.rules.find((r) => r.id === "example-tls-verified")?.name).toBe("My TLS rule");
  });
});

describe("managed-policy: what is matched of an account", () => {
  it("identity domains and host names found in the account's fields", async () => {
    vi.resetModules();
    const { emailDomainsOf, incomingServersOf } = await import("../../../src/background/managed-policy.js");
    expect(emailDomainsOf({ identities: [{ email: "a@Corp.Example" }, { email: "b@corp.example" }, { email: "c@例え.example" }] })).toEqual([
      "corp.example",
      "xn--r8jz45g.example",
    ]);
    expect(incomingServersOf({ name: "imap.corp.example" })).toEqual(["imap.corp.example"]);
    expect(incomingServersOf({ name: "alice on mail.corp.example" })).toEqual(["mail.corp.example"]);
    expect(incomingServersOf({ name: "alice@corp.example" })).toEqual([]);
    expect(incomingServersOf({ name: "Local Folders" })).toEqual([]);
    expect(incomingServersOf({ name: "Work", incomingServer: { hostname: "IMAP.corp.example" } })).toEqual(["imap.corp.example"]);
  });
});
