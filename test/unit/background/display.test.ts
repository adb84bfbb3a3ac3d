/**
 * The display of messages with a fake Thunderbird: each shown message is analyzed and its tab's
 * view and button set; several messages give a neutral view, a read error an error view; the
 * pre-read at selection warms the cache without touching the button, and the display joins it;
 * refreshTab and nextSettingsRefresh re-show a tab under new settings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HeadersDictionary } from "../../../src/shared/api.js";
import type { TabView } from "../../../src/shared/view-types.js";
import { deferred, fakeEvent, messageHeader, type Deferred } from "./fake-thunderbird.js";

type MessageHeader = messenger.messages.MessageHeader;

const TRUSTED = "mx.example.net";

function headers(result: "pass" | "fail"): HeadersDictionary {
  return {
    from: ["Alice <alice@example.com>"],
    subject: ["Hello"],
    "authentication-results": [`${TRUSTED}; spf=${result} smtp.mailfrom=example.com; dmarc=${result} header.from=example.com`],
  };
}

/** A call to a messageDisplayAction setter: which tab, which setter, what value. */
interface ButtonCall {
  tabId: number;
  set: string;
  value: string;
}

const tb = {
  /** Per message id: its headers, or the error reading them gives. */
  headers: new Map<number, HeadersDictionary | Error>(),
  /** Per message id: a read waits for this before it answers. */
  gates: new Map<number, Deferred<void>>(),
  reads: [] as number[],
  /** How long a read takes (ms) when there is no gate. */
  readMs: 0,
  local: {} as Record<string, unknown>,
  button: [] as ButtonCall[],
  /** Per tab: what messageDisplay.getDisplayedMessages answers (an Error: it rejects). */
  displayed: new Map<number, { messages: MessageHeader[] } | Error>(),
  displayedAsked: [] as number[],
};

const events = {
  storageChanged: fakeEvent<[Record<string, { oldValue?: unknown; newValue?: unknown }>, string]>(),
  messagesDisplayed: fakeEvent<[{ id?: number }, unknown]>(),
  selectedMessagesChanged: fakeEvent<[{ id?: number }, unknown]>(),
  tabRemoved: fakeEvent<[number]>(),
  accountsUpdated: fakeEvent(),
  permissionsChanged: fakeEvent<[unknown]>(),
  other: fakeEvent(),
};

const setter =
  (set: string, key: "popup" | "path" | "label" | "title" | "text" | "color") =>
  (details: { tabId: number } & Partial<Record<typeof key, string>>): Promise<void> => {
    tb.button.push({ tabId: details.tabId, set, value: details[key] ?? "" });
    return Promise.resolve();
  };

const browser = {
  messages: {
    getHeaders: async (id: number): Promise<HeadersDictionary> => {
      tb.reads.push(id);
      await tb.gates.get(id)?.promise;
      if (tb.readMs > 0) await new Promise((r) => setTimeout(r, tb.readMs));
      const h = tb.headers.get(id);
      if (h === undefined) throw new Error(`no message ${id}`);
      if (h instanceof Error) throw h;
      return structuredClone(h);
    },
  },
  storage: {
    local: {
      get: (keys?: string | string[] | null) => {
        const wanted = keys === undefined || keys === null ? Object.keys(tb.local) : typeof keys === "string" ? [keys] : keys;
        return Promise.resolve(Object.fromEntries(wanted.filter((k) => k in tb.local).map((k) => [k, structuredClone(tb.local[k])])));
      },
      set: (items: Record<string, unknown>) => {
        const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: tb.local[k], newValue: v }]));
        Object.assign(tb.local, structuredClone(items));
        events.storageChanged.fire(changes, "local");
        return Promise.resolve();
      },
    },
    // No administrator's policy.
    managed: { get: () => Promise.reject(new Error("Managed storage manifest not found")) },
    onChanged: events.storageChanged,
  },
  accounts: {
    get: (id: string) => Promise.resolve({ id, name: id === "account1" ? "Local Folders" : "Work", type: "none", identities: [], folders: [] }),
    list: () => Promise.resolve([]),
    onCreated: events.other,
    onDeleted: events.other,
    onUpdated: events.accountsUpdated,
  },
  identities: { onCreated: events.other, onDeleted: events.other, onUpdated: events.other },
  // No DoH server permission is held (checking is off in these tests).
  permissions: {
    getAll: () => Promise.resolve({ origins: [], permissions: [] }),
    contains: () => Promise.resolve(false),
    remove: () => Promise.resolve(true),
    onAdded: events.permissionsChanged,
    onRemoved: events.permissionsChanged,
  },
  runtime: { getManifest: () => ({ host_permissions: [] }), sendMessage: () => Promise.resolve() },
  i18n: {
    // The key, with its substitutions: enough to see which text was chosen.
    getMessage: (key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return list.length > 0 ? `${key}(${list.join("|")})` : key;
    },
  },
  messageDisplayAction: {
    setPopup: setter("popup", "popup"),
    setIcon: setter("icon", "path"),
    setLabel: setter("label", "label"),
    setTitle: setter("title", "title"),
    setBadgeText: setter("badge", "text"),
    setBadgeBackgroundColor: setter("badgeColor", "color"),
  },
  messageDisplay: {
    onMessagesDisplayed: events.messagesDisplayed,
    getDisplayedMessages: (tabId: number) => {
      tb.displayedAsked.push(tabId);
      const d = tb.displayed.get(tabId);
      if (d === undefined || d instanceof Error) return Promise.reject(d ?? new Error(`no tab ${tabId}`));
      return Promise.resolve(d);
    },
  },
  mailTabs: { onSelectedMessagesChanged: events.selectedMessagesChanged },
  tabs: { onRemoved: events.tabRemoved, sendMessage: () => Promise.reject(new Error("no banner in this tab")) },
};

vi.mock("webextension-polyfill", () => ({ default: browser }));

/** Fresh modules (the display, the tab views, the caches and the settings store keep state). */
async function load() {
  vi.resetModules();
  const display = await import("../../../src/background/display.js");
  const views = await import("../../../src/background/tab-views.js");
  return { ...display, ...views };
}

const msg = (id: number, accountId = "account1"): MessageHeader =>
  messageHeader({ id, subject: `Message ${id}`, folder: { id: `${accountId}://INBOX`, accountId, path: "/INBOX" } });

/** What the button of a tab was last set to, per setter. */
function buttonNow(tabId: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of tb.button) if (c.tabId === tabId) out[c.set] = c.value;
  return out;
}

const titles = (tabId: number) => tb.button.filter((c) => c.tabId === tabId && c.set === "title").map((c) => c.value);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function trust(servers: string[]): Promise<void> {
  return browser.storage.local.set({ settings: { trustedAuthservIds: servers }, settingsVersion: 1 });
}

beforeEach(() => {
  tb.headers = new Map([
    [1, headers("pass")],
    [2, headers("fail")],
    [3, headers("pass")],
  ]);
  tb.gates = new Map();
  tb.reads = [];
  tb.readMs = 0;
  tb.local = { settings: { trustedAuthservIds: [TRUSTED] }, settingsVersion: 1 };
  tb.button = [];
  tb.displayed = new Map();
  tb.displayedAsked = [];
  for (const e of Object.values(events)) e.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("showTab: one message", () => {
  it("analyzes it, keeps the ready view for the tab, and sets the button to its verdict", async () => {
    const { showTab, getTabView } = await load();
    const view = await showTab(5, [msg(1)]);
    expect(view).toMatchObject({
      state: "ready",
      message: { messageId: 1, subject: "Message 1", accountId: "account1", accountName: "Local Folders" },
      source: "getHeaders",
      analysis: { verdict: { level: "verified" } },
      elapsedMs: expect.any(Number),
    });
    expect(getTabView(5)).toBe(view);
    expect(tb.reads).toEqual([1]);
    expect(buttonNow(5)).toEqual({
      popup: "popup.html?tab=5",
      icon: "icons/verified.svg",
      label: "level_verified",
      title: "titleVerified(example.com)",
      badge: "",
    });
  });

  it("a failed verdict gets the failed icon and no badge by default (the icon says it)", async () => {
    const { showTab } = await load();
    await showTab(5, [msg(2)]);
    expect(buttonNow(5)).toMatchObject({ icon: "icons/failed.svg", label: "level_failed", badge: "" });
  });

  it("with the badge turned on, a failed verdict also gets it", async () => {
    await browser.storage.local.set({ settings: { trustedAuthservIds: ["mx.example.net"], showBadge: true }, settingsVersion: 1 });
    const { showTab } = await load();
    await showTab(5, [msg(2)]);
    expect(buttonNow(5)).toMatchObject({ icon: "icons/failed.svg", badge: "badgeFailed", badgeColor: "#c62828" });
  });

  it("an analysis that takes more than an instant shows 'working' meanwhile, not the previous verdict", async () => {
    const { showTab, getTabView } = await load();
    await showTab(5, [msg(1)]);
    const gate = deferred();
    tb.gates.set(2, gate);
    const shown = showTab(5, [msg(2)]);
    await sleep(80);
    expect(getTabView(5)).toEqual({ state: "working", messageId: 2 });
    expect(buttonNow(5)).toMatchObject({ icon: "icons/neutral.svg", title: "titleWorking", label: "extensionName" });
    gate.resolve();
    await shown;
    expect(buttonNow(5)).toMatchObject({ icon: "icons/failed.svg", title: "titleFailed(example.com)" });
  });

  it("a quick analysis never shows 'working'", async () => {
    const { showTab } = await load();
    await showTab(5, [msg(1)]);
    // Quick, but not instant: a read of a few milliseconds.
    tb.readMs = 5;
    await showTab(5, [msg(2)]);
    await sleep(80);
    expect(titles(5)).not.toContain("titleWorking");
  });

  it("an analysis that finishes after a newer display in the same tab changes neither its view nor its button", async () => {
    const { showTab, getTabView } = await load();
    const gate = deferred();
    tb.gates.set(1, gate);
    const older = showTab(5, [msg(1)]);
    const newer = await showTab(5, [msg(2)]);
    gate.resolve();
    const late = await older;
    expect(late).toMatchObject({ state: "ready", message: { messageId: 1 } });
    expect(getTabView(5)).toBe(newer);
    expect(buttonNow(5).title).toBe("titleFailed(example.com)");
    expect(titles(5)).not.toContain("titleVerified(example.com)");
  });

  it("another tab is not affected by a display in this one", async () => {
    const { showTab, getTabView } = await load();
    await showTab(5, [msg(1)]);
    await showTab(6, [msg(2)]);
    expect(getTabView(5)).toMatchObject({ message: { messageId: 1 } });
    expect(buttonNow(5).title).toBe("titleVerified(example.com)");
    expect(buttonNow(6).title).toBe("titleFailed(example.com)");
  });

  it("a button that cannot be set (the tab closed meanwhile) does not lose the view", async () => {
    const { showTab, getTabView } = await load();
    vi.spyOn(browser.messageDisplayAction, "setIcon").mockRejectedValue(new Error("Invalid tab ID: 5"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const view = await showTab(5, [msg(1)]);
    expect(view.state).toBe("ready");
    expect(getTabView(5)).toBe(view);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("showTab: several messages, or none", () => {
  it("several selected messages give a neutral view with their count; nothing is read", async () => {
    const { showTab, getTabView } = await load();
    await showTab(5, [msg(1)]);
    const view = await showTab(5, [msg(1), msg(2), msg(3)]);
    expect(view).toEqual({ state: "neutral", count: 3 });
    expect(getTabView(5)).toEqual(view);
    expect(tb.reads).toEqual([1]);
    expect(buttonNow(5)).toMatchObject({ icon: "icons/neutral.svg", label: "extensionName", title: "titleSeveralMessages(3)", badge: "" });
  });

  it("no message gives a neutral view with count 0", async () => {
    const { showTab } = await load();
    expect(await showTab(5, [])).toEqual({ state: "neutral", count: 0 });
    expect(buttonNow(5)).toMatchObject({ icon: "icons/neutral.svg", title: "titleNoMessage" });
  });
});

describe("showTab: a read error", () => {
  it("gives an error view with the message, and the error button with its badge", async () => {
    const { showTab, getTabView } = await load();
    tb.headers.set(1, new Error("the message is gone"));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const view = await showTab(5, [msg(1)]);
    expect(view).toEqual({ state: "error", message: "the message is gone", messageId: 1 });
    expect(getTabView(5)).toEqual(view);
    expect(buttonNow(5)).toMatchObject({
      icon: "icons/error.svg",
      label: "level_error",
      title: "titleError(the message is gone)",
      badge: "",
    });
    expect(error).toHaveBeenCalled();
  });

  it("a later display of the message reads it again", async () => {
    const { showTab } = await load();
    tb.headers.set(1, new Error("busy"));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await showTab(5, [msg(1)]);
    tb.headers.set(1, headers("pass"));
    expect(await showTab(5, [msg(1)])).toMatchObject({ state: "ready" });
    expect(tb.reads).toEqual([1, 1]);
  });
});

describe("startDisplay: the pre-read at selection", () => {
  it("a selection reads the headers but leaves the button alone; the display joins that read", async () => {
    const { startDisplay, getTabView } = await load();
    startDisplay();
    const gate = deferred();
    tb.gates.set(1, gate);
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(1)] });
    await sleep(60);
    expect(tb.reads).toEqual([1]);
    expect(tb.button).toEqual([]);
    expect(getTabView(5)).toBeUndefined();
    events.messagesDisplayed.fire({ id: 5 }, { messages: [msg(1)] });
    gate.resolve();
    await vi.waitFor(() => expect(buttonNow(5).title).toBe("titleVerified(example.com)"));
    expect(getTabView(5)).toMatchObject({ state: "ready", message: { messageId: 1 } });
    expect(tb.reads).toEqual([1]);
  });

  it("a finished pre-read makes the display read nothing", async () => {
    const { startDisplay, getTabView } = await load();
    startDisplay();
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(1)] });
    await sleep(20);
    expect(tb.button).toEqual([]);
    events.messagesDisplayed.fire({ id: 5 }, [msg(1)]);
    await vi.waitFor(() => expect(getTabView(5)?.state).toBe("ready"));
    expect(tb.reads).toEqual([1]);
  });

  it("selections made while a pre-read runs collapse into the newest", async () => {
    const { startDisplay } = await load();
    startDisplay();
    const gate = deferred();
    tb.gates.set(1, gate);
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(1)] });
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(2)] });
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(3)] });
    // Another tab's selection is read at once, not queued behind this tab's.
    events.selectedMessagesChanged.fire({ id: 6 }, { messages: [msg(2)] });
    expect(tb.reads).toEqual([1, 2]);
    gate.resolve();
    await vi.waitFor(() => expect(tb.reads).toEqual([1, 2, 3]));
    await sleep(20);
    expect(tb.reads).toEqual([1, 2, 3]);
    expect(tb.button).toEqual([]);
  });

  it("a selection of several messages is not pre-read", async () => {
    const { startDisplay } = await load();
    startDisplay();
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [msg(1), msg(2)] });
    events.selectedMessagesChanged.fire({ id: 5 }, { messages: [] });
    await sleep(20);
    expect(tb.reads).toEqual([]);
  });

  it("the display of several messages shows the neutral view", async () => {
    const { startDisplay, getTabView } = await load();
    startDisplay();
    events.messagesDisplayed.fire({ id: 5 }, [msg(1), msg(2)]);
    await vi.waitFor(() => expect(buttonNow(5).title).toBe("titleSeveralMessages(2)"));
    expect(getTabView(5)).toEqual({ state: "neutral", count: 2 });
    expect(tb.reads).toEqual([]);
  });

  it("a closed tab is forgotten", async () => {
    const { startDisplay, showTab, getTabView, refreshTab } = await load();
    startDisplay();
    await showTab(5, [msg(1)]);
    events.tabRemoved.fire(5);
    expect(getTabView(5)).toBeUndefined();
    expect(await refreshTab(5)).toBeUndefined();
    expect(tb.displayedAsked).toEqual([]);
  });
});

describe("refreshTab", () => {
  it("a tab that shows nothing of ours is not asked about", async () => {
    const { refreshTab } = await load();
    expect(await refreshTab(5)).toBeUndefined();
    expect(tb.displayedAsked).toEqual([]);
    expect(tb.button).toEqual([]);
  });

  it("re-shows what the tab displays now", async () => {
    const { showTab, refreshTab, getTabView } = await load();
    await showTab(5, [msg(1)]);
    tb.displayed.set(5, { messages: [msg(2)] });
    const view = await refreshTab(5);
    expect(tb.displayedAsked).toEqual([5]);
    expect(view).toMatchObject({ state: "ready", message: { messageId: 2 }, analysis: { verdict: { level: "failed" } } });
    expect(getTabView(5)).toBe(view);
    expect(buttonNow(5).title).toBe("titleFailed(example.com)");
  });

  it("a tab Thunderbird no longer knows is forgotten", async () => {
    const { showTab, refreshTab, getTabView } = await load();
    await showTab(5, [msg(1)]);
    tb.displayed.set(5, new Error("Invalid tab ID: 5"));
    expect(await refreshTab(5)).toBeUndefined();
    expect(getTabView(5)).toBeUndefined();
  });
});

describe("showDisplayedIn", () => {
  it("analyzes what a tab displays also when AuthLens has no view of it (a popup waking an unloaded background page)", async () => {
    const { showDisplayedIn, getTabView } = await load();
    expect(getTabView(5)).toBeUndefined();
    tb.displayed.set(5, { messages: [msg(2)] });
    const view = await showDisplayedIn(5);
    expect(tb.displayedAsked).toEqual([5]);
    expect(view).toMatchObject({ state: "ready", message: { messageId: 2 } });
    expect(getTabView(5)).toBe(view);
  });
});

describe("nextSettingsRefresh", () => {
  it("answers with the tab's view re-analyzed under the new settings", async () => {
    // No server trusted yet.
    tb.local = { settings: {}, settingsVersion: 1 };
    const { startDisplay, showTab, nextSettingsRefresh } = await load();
    startDisplay();
    tb.displayed.set(5, { messages: [msg(1)] });
    const before = await showTab(5, [msg(1)]);
    expect(before).toMatchObject({ state: "ready", analysis: { verdict: { level: "unconfigured", suggestion: TRUSTED } } });
    const next = nextSettingsRefresh(5);
    await trust([TRUSTED]);
    const after: TabView | undefined = await next;
    expect(after).toMatchObject({ state: "ready", message: { messageId: 1 }, analysis: { verdict: { level: "verified" } } });
    // The cache was emptied: the headers were read again, once; the answer is the change's own
    // refresh, not the fallback after the timeout (which would ask for the tab's messages again).
    expect(tb.reads).toEqual([1, 1]);
    expect(tb.displayedAsked).toEqual([5]);
    expect(buttonNow(5).title).toBe("titleVerified(example.com)");
  });

  it("a settings change refreshes every open tab", async () => {
    // No server trusted yet.
    tb.local = { settings: {}, settingsVersion: 1 };
    const { startDisplay, showTab, nextSettingsRefresh, getTabView } = await load();
    startDisplay();
    tb.displayed.set(5, { messages: [msg(1)] });
    tb.displayed.set(6, { messages: [msg(3)] });
    await showTab(5, [msg(1)]);
    await showTab(6, [msg(3)]);
    const [five, six] = [nextSettingsRefresh(5), nextSettingsRefresh(6)];
    await trust([TRUSTED]);
    expect(await five).toMatchObject({ analysis: { verdict: { level: "verified" } } });
    expect(await six).toMatchObject({ analysis: { verdict: { level: "verified" } } });
    expect(getTabView(6)).toMatchObject({ message: { messageId: 3 } });
    expect(tb.displayedAsked.sort()).toEqual([5, 6]);
  });

  it("the current DNS server's permission granted or given back re-shows every open tab; another server's does not", async () => {
    tb.local = { settings: { trustedAuthservIds: [TRUSTED], checkSignatures: true, dohServer: "https://dns.quad9.net/dns-query" }, settingsVersion: 1 };
    const { startDisplay, showTab } = await load();
    startDisplay();
    tb.displayed.set(5, { messages: [msg(1)] });
    await showTab(5, [msg(1)]);
    expect(tb.displayedAsked).toEqual([]);
    events.permissionsChanged.fire({ origins: ["https://dns.google/*"] });
    await sleep(20);
    expect(tb.displayedAsked).toEqual([]);
    events.permissionsChanged.fire({ origins: ["https://dns.quad9.net/*"] });
    await sleep(20);
    expect(tb.displayedAsked).toEqual([5]);
  });

  it("without a settings change it refreshes the tab itself after the timeout", async () => {
    const { showTab, nextSettingsRefresh } = await load();
    await showTab(5, [msg(1)]);
    tb.displayed.set(5, { messages: [msg(2)] });
    const next = nextSettingsRefresh(5, 50);
    await sleep(10);
    expect(tb.displayedAsked).toEqual([]);
    expect(await next).toMatchObject({ state: "ready", message: { messageId: 2 } });
    expect(tb.displayedAsked).toEqual([5]);
  });
});
