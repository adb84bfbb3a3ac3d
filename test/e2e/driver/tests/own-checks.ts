/**
 * AuthLens's own signature checks in Thunderbird (issue 14): the harness runs a DoH server on
 * 127.0.0.1 that serves the verification fixtures' keys and records every query. The test build
 * may reach 127.0.0.1 (its manifest's host permission), so what keeps AuthLens quiet while checking
 * is off is the setting itself, which the first test proves.
 */
import { messenger } from "../../../../src/shared/api.js";
import { displayTimings, ownCheckTimings } from "../../../../src/background/display.js";
import { clearDnsCaches } from "../../../../src/background/own-checks/dns.js";
import { getTabView } from "../../../../src/background/tab-views.js";
import { startBulk, bulkStatus } from "../../../../src/background/rules/bulk-run.js";
import { recentOutcomes } from "../../../../src/background/rules/engine.js";
import { readLog } from "../../../../src/background/rules/action-log.js";
import { getSettings, updateSettings } from "../../../../src/background/settings-store.js";
import type { Rule } from "../../../../src/core/rules/schema.js";
import type { TabView } from "../../../../src/shared/view-types.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, inMessage, openPopup, type PopupHandle } from "../display.js";
import { call, metric, screenshot } from "../harness-client.js";
import { openOptions, painted, type OptionsPage } from "../options.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { accountOfType, inboxOf } from "../rules-helpers.js";
import { test } from "../registry.js";

type MessageHeader = messenger.messages.MessageHeader;
type Ready = Extract<TabView, { state: "ready" }>;

interface OwnData {
  /** fixture file → Message-ID (without angle brackets), for the Inbox's messages. */
  inbox: Record<string, string>;
  /** fixture file → Message-ID of the messages delivered over IMAP. */
  deliveries: Record<string, string>;
}

const TAG = "$authlens_own_dkim";
const LOCAL_RULE: Rule = {
  id: "e2e-own-dkim",
  name: "Signature of example.com checked by AuthLens",
  enabled: true,
  match: "all",
  conditions: [{ type: "methodResult", method: "dkim", results: ["pass"], source: "local", domain: "example.com" }],
  actions: [{ type: "addTag", tag: TAG, name: "Own DKIM pass", color: "#2e7d32" }],
  stopAfter: false,
};

const msg = (key: string, ...subs: (string | number)[]) => messenger.i18n.getMessage(key, subs.map(String));

async function inboxMessage(data: OwnData, file: string): Promise<MessageHeader> {
  const id = data.inbox[file];
  assert(id, `${file} is in the scenario's Inbox`);
  const inbox = await localInbox();
  await showFolder(inbox, Object.keys(data.inbox).length);
  const m = (await listMessages(inbox)).find((x) => x.headerMessageId === id);
  assert(m, `${file} (<${id}>) in the Inbox`);
  return m;
}

/** Displays the message and waits until AuthLens's own check of it is shown (or has given up). */
async function displayChecked(message: MessageHeader, timeoutMs = 15000): Promise<{ tabId: number; view: Ready }> {
  const { tabId } = await displayInMailTab(message);
  const view = await waitFor(
    () => {
      const v = getTabView(tabId);
      return v?.state === "ready" && v.message.messageId === message.id && v.own.state !== "checking" ? v : undefined;
    },
    `AuthLens's own check of <${message.headerMessageId}>`,
    timeoutMs,
  );
  return { tabId, view };
}

/** Scrolls the popup to `selector` (for a screenshot of that part). */
async function scrollTo(popup: PopupHandle, selector: string): Promise<void> {
  popup.root.querySelector(selector)?.scrollIntoView({ block: "start" });
  await new Promise((r) => setTimeout(r, 150));
}

/** The popup once it shows the own checks' outcome (it re-renders when the background says so). */
async function popupWithOwnChecks(): Promise<PopupHandle> {
  const popup = await openPopup();
  await waitFor(() => (popup.root.querySelector("#own-dkim, #own-status:not(:empty)") && !popup.root.querySelector("#own-status")?.textContent?.includes(msg("ownChecking")) ? true : undefined), "the popup's own checks");
  return popup;
}

async function dohQueries(): Promise<{ name: string }[]> {
  return call<{ name: string }[]>("dohQueries");
}

async function turnOn(url: string): Promise<void> {
  assertEqual(await updateSettings({ checkSignatures: true, dohServer: url }), [], "checking turned on with the harness's DoH server");
}

test("own-checks", "with the option off, the DoH server receives no query while messages are displayed and rules run", async (raw) => {
  const data = raw as unknown as OwnData;
  const url = await call<string>("dohUrl");
  // The harness's server is the one chosen, so a query made despite the setting would reach it.
  assertEqual(await updateSettings({ dohServer: url, checkSignatures: false, rules: [LOCAL_RULE] }), [], "settings: the harness's server, checking off, a rule on local results");
  for (const file of Object.keys(data.inbox)) {
    const { view } = await displayInMailTab(await inboxMessage(data, file));
    assertEqual(view.own.state, "off", `${file}: no own check while off`);
  }
  const popup = await openPopup();
  assert(!popup.root.querySelector("#own-checks"), "no 'Checked by AuthLens' section while off");
  popup.close();
  // A bulk run (dry and real) over the Inbox and new IMAP mail, with a rule on local results.
  const inbox = await localInbox();
  for (const dryRun of [true, false]) {
    const runId = await startBulk(inbox.id ?? "", dryRun);
    const status = await waitFor(() => (bulkStatus(runId)?.state === "running" ? undefined : bulkStatus(runId)), "the bulk run to end");
    assertEqual(status?.state, "done", "the bulk run finished");
    assertEqual(status?.ownChecked, 0, "no message read whole");
    assertEqual(status?.ownChecksNeeded, false, "checking off: the rule's local condition cannot hold");
  }
  const [offFile] = Object.keys(data.deliveries);
  assert(offFile, "a message to deliver");
  await call("deliver", [offFile]);
  await waitFor(() => recentOutcomes().some((o) => o.headerMessageId === data.deliveries[offFile] && o.status === "noMatch"), "the new IMAP message handled (no match)", 30000);
  assertEqual(await dohQueries(), [], "queries received by the DoH server with checking off");
});

test("own-checks", "a signed message shows pass in 'Checked by AuthLens'", async (raw) => {
  const data = raw as unknown as OwnData;
  await turnOn(await call<string>("dohUrl"));
  const { view } = await displayChecked(await inboxMessage(data, "01-rsa2048-relaxed.eml"));
  assertEqual(view.own.state, "done", "own check done");
  assertEqual(view.analysis.own?.dkim.map((d) => [d.domain, d.selector, d.algorithm, d.keyBits, d.result]), [["example.com", "s2048", "rsa-sha256", 2048, "pass"]], "the signature as checked");
  const popup = await popupWithOwnChecks();
  const row = popup.text("#own-dkim tbody tr");
  for (const part of ["example.com", "s2048", "rsa-sha256", msg("ownKeyBits", 2048), "pass"]) assert(row.includes(part), `the row shows ${part}: ${row}`);
  assert(popup.text("#own-checks summary") === msg("sectionOwnChecks"), "the section is labelled as AuthLens's own");
  assert((await dohQueries()).some((q) => q.name === "s2048._domainkey.example.com"), "the key was asked of the DoH server");
  await scrollTo(popup, "#own-checks");
  await screenshot("own-pass");
  popup.close();
});

test("own-checks", "a message whose body was changed after signing shows fail, with the reason", async (raw) => {
  const data = raw as unknown as OwnData;
  const { view } = await displayChecked(await inboxMessage(data, "05-body-changed.eml"));
  assertEqual(view.analysis.own?.dkim.map((d) => d.result), ["fail"], "the signature fails");
  const popup = await popupWithOwnChecks();
  assert(popup.text("#own-dkim").includes(msg("verify_bodyChanged")), `the reason in words: ${popup.text("#own-dkim")}`);
  assert(view.analysis.verdict.level !== "verified", "not verified");
  await scrollTo(popup, "#own-checks");
  await screenshot("own-fail");
  popup.close();
});

test("own-checks", "with no trusted server, a valid aligned signature shows 'verified, checked by AuthLens'", async (raw) => {
  const data = raw as unknown as OwnData;
  assertEqual((await getSettings()).settings.trustedAuthservIds, [], "no trusted server");
  const { tabId, view } = await displayChecked(await inboxMessage(data, "50-dmarc-strict-pass.eml"));
  assertEqual(view.analysis.verdict.level, "verified", "verified");
  assertEqual(view.analysis.verdict.basis, "own", "resting on AuthLens's own check");
  assertEqual(await messenger.messageDisplayAction.getTitle({ tabId }), msg("titleVerifiedOwn", "example.com"), "the button says so");
  const popup = await openPopup();
  assertEqual(popup.text("#verdict-level"), msg("levelCheckedByAuthLens", msg("level_verified")), "the verdict heading");
  const rests = popup.text("#verdict-reasons");
  for (const evidence of [msg("verdict_ownDmarcPass", "example.com", "example.com", "reject"), msg("verdict_ownDnssecNo")]) {
    assert(rests.includes(evidence), `what it rests on names AuthLens's evidence (${evidence}): ${rests}`);
  }
  await screenshot("own-verified");
  popup.close();
});

test("own-checks", "an ARC-forwarded message shows each hop's seal result", async (raw) => {
  const data = raw as unknown as OwnData;
  const { view } = await displayChecked(await inboxMessage(data, "41-arc-three-hops-list.eml"));
  const arc = view.analysis.own?.arc;
  assertEqual(arc?.cv, "pass", "the chain verifies");
  // The list (hop 2) changed the Subject and body, so hop 1's message signature no longer verifies;
  // every seal does, and the chain passes (its newest message signature verifies).
  assertEqual(arc?.hops.map((h) => [h.instance, h.seal?.result, h.messageSignature?.result]), [
    [1, "pass", "fail"],
    [2, "pass", "pass"],
    [3, "pass", "pass"],
  ], "every hop checked");
  const popup = await popupWithOwnChecks();
  const hops = [...popup.root.querySelectorAll(".own-hop")].map((e) => e.textContent?.replace(/\s+/g, " ").trim() ?? "");
  assertEqual(hops.length, 3, `one own line per hop: ${JSON.stringify(hops)}`);
  for (const h of hops) assert(h.includes(`${msg("ownSeal")}: pass`), `the hop's seal: ${h}`);
  assert(popup.text("#own-arc-chain").startsWith("pass"), `the chain: ${popup.text("#own-arc-chain")}`);
  await scrollTo(popup, "#forwarding");
  await screenshot("own-arc");
  popup.close();
  // A chain whose newest hop's message signature no longer verifies (the body changed after it).
  const broken = await displayChecked(await inboxMessage(data, "43-arc-body-changed.eml"));
  assertEqual(broken.view.analysis.own?.arc.cv, "fail", "a broken chain fails");
  const popup2 = await popupWithOwnChecks();
  assert(popup2.text("#forwarding").includes(msg("ownChainBrokeHere")), "where the chain broke");
  await scrollTo(popup2, "#forwarding");
  await screenshot("own-arc-broken");
  popup2.close();
});

test("own-checks", "a rule on the local DKIM result tags a message that arrives over IMAP", async (raw) => {
  const data = raw as unknown as OwnData;
  assertEqual((await getSettings()).settings.checkSignatures, true, "checking on");
  const [, onFile] = Object.keys(data.deliveries);
  assert(onFile, "a second message to deliver");
  const account = await accountOfType("imap");
  const imapInbox = await inboxOf(account.id);
  await call("deliver", [onFile]);
  const tagged = await waitFor(
    async () => (await listMessages(imapInbox)).find((m) => m.headerMessageId === data.deliveries[onFile] && m.tags.includes(TAG)),
    "the IMAP message tagged by the local-DKIM rule",
    30000,
  );
  assert(tagged, "tagged");
  const log = await readLog();
  assert(log.some((e) => e.ruleId === LOCAL_RULE.id && e.messageId === data.deliveries[onFile] && e.outcome === "done"), "the action log says so");
  // The message delivered while checking was off stays untagged until the rules run on it again.
  const offFile = Object.keys(data.deliveries)[0] ?? "";
  const off = (await listMessages(imapInbox)).find((m) => m.headerMessageId === data.deliveries[offFile]);
  assert(off && !off.tags.includes(TAG), "the message that arrived while checking was off was not tagged");
});

test("own-checks", "a DoH server that never answers leaves the pane usable, with temperror shown after the timeout", async (raw) => {
  const data = raw as unknown as OwnData;
  await call("dohMode", "silent");
  // Another URL for the same server: a new, empty DNS cache.
  const url = `${await call<string>("dohUrl")}?cache=cold`;
  await turnOn(url);
  const message = await inboxMessage(data, "02-rsa2048-simple.eml");
  const started = performance.now();
  const { tabId, view } = await displayInMailTab(message);
  assert(performance.now() - started < 3000, "the server's verdict is shown without waiting for DNS");
  assertEqual(view.own.state, "checking", "the own check is under way");
  const popup = await openPopup();
  assert(popup.text("#own-status").includes(msg("ownChecking")), `the popup says it is checking: ${popup.text("#own-checks") || popup.text("main") || "(nothing)"}`);
  assert(popup.text("#verdict-level").length > 0, "and already shows the verdict");
  await screenshot("own-checking");
  const done = await waitFor(() => {
    const v = getTabView(tabId);
    return v?.state === "ready" && v.own.state !== "checking" ? v : undefined;
  }, "the own check to give up", 15000);
  const waited = performance.now() - started;
  assert(waited >= 3900, `it waited for the 4 s timeout (${Math.round(waited)} ms)`);
  assertEqual(done.analysis.own?.dkim.map((d) => d.result), ["temperror"], "temperror");
  await waitFor(() => (popup.text("#own-dkim").includes("temperror") ? true : undefined), "the open popup to show temperror");
  assert(popup.text("#own-dkim").includes(msg("dns_timeout", "s2048._domainkey.example.com", 4)), `the reason: ${popup.text("#own-dkim")}`);
  assert(done.analysis.verdict.level !== "verified", "never verified on a DNS timeout");
  await scrollTo(popup, "#own-checks");
  await screenshot("own-temperror");
  popup.close();
  await call("dohMode", "answer");
});

test("own-checks", "the banner follows the own check: shown at once with the server's verdict, then with AuthLens's", async (raw) => {
  const data = raw as unknown as OwnData;
  // Answers take 1.5 s, so the banner shows before the own check ends; a URL of its own: a cold cache.
  await call("dohMode", "slow");
  const url = `${await call<string>("dohUrl")}?cache=banner`;
  assertEqual(await updateSettings({ checkSignatures: true, dohServer: url, bannerMode: "always" }), [], "checking on, the banner always shown");
  try {
    const { tabId, view } = await displayInMailTab(await inboxMessage(data, "50-dmarc-strict-pass.eml"));
    assertEqual(view.own.state, "checking", "the own check is under way");
    const first = view.analysis.verdict.level;
    assert(first !== "verified", `no trusted server: not verified before AuthLens's check (${first})`);
    // The banner's level, read through the closed shadow root (a content script may).
    const level = (): string | null => {
      const host = document.querySelector("authlens-banner-host") as (HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null }) | null;
      const banner = host?.openOrClosedShadowRoot?.querySelector(".banner");
      return banner ? ([...banner.classList].find((c) => c !== "banner") ?? "") : null;
    };
    const before = await waitFor(async () => (await inMessage(tabId, level)) ?? undefined, "the banner with the server's verdict", 5000);
    assertEqual(before, first, "the banner at first");
    const meanwhile = getTabView(tabId);
    assertEqual(meanwhile?.state === "ready" ? meanwhile.own.state : meanwhile?.state, "checking", "shown before the own check ended");
    await screenshot("own-banner-before");
    await waitFor(async () => ((await inMessage(tabId, level)) === "verified" ? true : undefined), "the banner to show AuthLens's verdict", 10000);
    assertEqual(await inMessage(tabId, () => document.querySelectorAll("authlens-banner-host").length), 1, "one banner, replaced in place");
    await screenshot("own-banner-after");
  } finally {
    await call("dohMode", "answer");
    await updateSettings({ bannerMode: "failures" });
  }
});

test("own-checks-dark", "the 'Checked by AuthLens' section in a dark theme", async (raw) => {
  const data = raw as unknown as OwnData;
  await turnOn(await call<string>("dohUrl"));
  for (const [file, name] of [
    ["41-arc-three-hops-list.eml", "dark-own-arc"],
    ["05-body-changed.eml", "dark-own-fail"],
    ["50-dmarc-strict-pass.eml", "dark-own-verified"],
  ] as const) {
    await displayChecked(await inboxMessage(data, file));
    const popup = await popupWithOwnChecks();
    await scrollTo(popup, file.startsWith("41") ? "#forwarding" : "#own-checks");
    await screenshot(name);
    popup.close();
  }
  await checkingSection("dark-options-checking");
});

/**
 * Display → AuthLens's own result on the button, with a warm DNS cache and with a cold one (every
 * key and DMARC record asked of the loopback DoH server); the server-based button in the same
 * displays; then bulk dry runs over the whole folder with and without a rule on local results.
 */
test("bench-own-checks", "display to AuthLens's own result (warm and cold DNS cache), bulk dry run with a local-DKIM rule", async (raw) => {
  const data = raw as unknown as OwnData & { count: number; displays: number };
  const inbox = await localInbox();
  await showFolder(inbox, data.count);
  const all = await listMessages(inbox);
  assertEqual(all.length, data.count, "the benchmark folder");
  const percentile = (values: readonly number[], q: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))] ?? NaN;
  };
  // Each message is displayed once (a message's own result is kept, so a second display would
  // measure that cache). Warm: the keys were fetched by the messages displayed before.
  const measure = async (label: string, messages: MessageHeader[], cold: boolean): Promise<void> => {
    const own = ownCheckTimings().length;
    const button = displayTimings().length;
    for (const m of messages) {
      if (cold) clearDnsCaches();
      await displayChecked(m);
    }
    const t = ownCheckTimings().slice(own);
    assert(t.length >= messages.length - 2, `a timing per display (${t.length} of ${messages.length})`);
    await metric(`${label}: display → own result, p50`, percentile(t, 50), "ms");
    await metric(`${label}: display → own result, p95`, percentile(t, 95), "ms");
    const b = displayTimings().slice(button);
    await metric(`${label}: display → button (server verdict), p95`, percentile(b, 95), "ms");
  };
  const n = data.displays;
  // The baseline, in the same run: the same kind of displays with checking off (today's behaviour).
  const off = displayTimings().length;
  for (const m of all.slice(all.length - n)) await displayInMailTab(m);
  await metric("checking off (baseline): display → button, p95", percentile(displayTimings().slice(off), 95), "ms");
  await turnOn(await call<string>("dohUrl"));
  for (const m of all.slice(0, 10)) await displayChecked(m);
  await measure("warm cache", all.slice(10, 10 + n), false);
  await measure("cold cache (loopback DoH)", all.slice(10 + n, 10 + 2 * n), true);

  // Bulk dry runs over the folder: the shipped-style rules only, then with a rule on local DKIM.
  const dry = async (rules: Rule[]): Promise<{ ms: number; ownChecked: number }> => {
    assertEqual(await updateSettings({ rules }), [], "the rules");
    const started = performance.now();
    const runId = await startBulk(inbox.id ?? "", true);
    const status = await waitFor(() => (bulkStatus(runId)?.state === "running" ? undefined : bulkStatus(runId)), "the dry run to end", 600_000, 50);
    assertEqual(status?.state, "done", "the dry run finished");
    return { ms: performance.now() - started, ownChecked: status?.ownChecked ?? -1 };
  };
  const serverRule: Rule = { ...LOCAL_RULE, id: "bench-server-dkim", conditions: [{ type: "methodResult", method: "dkim", results: ["pass"] }] };
  const without = await dry([serverRule]);
  clearDnsCaches();
  const withLocal = await dry([serverRule, LOCAL_RULE]);
  assertEqual(without.ownChecked, 0, "no message read whole without a local rule");
  assertEqual(withLocal.ownChecked, data.count, "every message read whole with the local rule");
  await metric(`bulk dry run, ${data.count} messages, server rule only`, without.ms, "ms");
  await metric(`bulk dry run, ${data.count} messages, with a local-DKIM rule`, withLocal.ms, "ms");
  await metric("bulk dry run: with local-DKIM rule / without", withLocal.ms / without.ms, "x");
});

/** The options page's "Check signatures myself" section, scrolled into view and screenshotted. */
async function checkingSection(name: string): Promise<OptionsPage> {
  const page = await openOptions();
  const section = page.root.querySelector("#checking");
  assert(section, "the 'Check signatures myself' section");
  section.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot(name);
  return page;
}

test("own-checks", "the options page shows the checking on with the chosen server, and turns it off", async () => {
  const { settings } = await getSettings();
  assertEqual(settings.checkSignatures, true, "checking is on (from the tests before)");
  const page = await checkingSection("options-checking-on");
  const toggle = page.root.querySelector<HTMLInputElement>("#check-signatures");
  assert(toggle?.checked === true, "the box is ticked");
  assert(page.root.querySelector<HTMLInputElement>("#doh-custom-url")?.value === settings.dohServer, "the organization's URL field holds the server in use");
  assert(page.root.querySelector<HTMLInputElement>("#doh-server input[type=radio]:checked")?.id === "doh-custom", "the organization's URL is the chosen server");
  assert(page.text("#checking").includes(msg("checking_explained").slice(0, 40)), "it says what leaves Thunderbird");
  toggle.click();
  await waitFor(async () => ((await getSettings()).settings.checkSignatures === false ? true : undefined), "checking turned off from the page");
  await painted(page.win);
  assert(page.root.querySelector<HTMLInputElement>("#check-signatures")?.checked === false, "the box is clear");
  await screenshot("options-checking-off");
  // Quad9 saved; picking the organization's server keeps that choice shown while its URL is typed.
  assertEqual(await updateSettings({ dohServer: "https://dns.quad9.net/dns-query" }), [], "Quad9 chosen (checking off: no permission asked)");
  await waitFor(() => (page.root.querySelector<HTMLInputElement>("#doh-quad9")?.checked ? true : undefined), "the page to show Quad9");
  page.root.querySelector<HTMLInputElement>("#doh-custom")?.click();
  await painted(page.win);
  const url = page.root.querySelector<HTMLInputElement>("#doh-custom-url");
  assert(url, "the URL field for the organization's server");
  url.value = "https://doh.example.org/dns-query";
  url.dispatchEvent(new Event("input", { bubbles: true }));
  await painted(page.win);
  const picked = page.root.querySelector<HTMLInputElement>("#doh-server input[type=radio]:checked")?.id;
  assertEqual(picked, "doh-custom", "the organization's server stays picked while its URL is typed");
  // The rule on AuthLens's own results, in the editor: whose results, the domain, and the note that
  // checking is off now.
  page.root.querySelector<HTMLButtonElement>(`#rules-list li[data-rule-id='${LOCAL_RULE.id}'] .rule-edit`)?.click();
  const editor = await waitFor(() => page.root.querySelector("#rule-editor"), "the rule editor");
  assertEqual(editor.querySelector<HTMLSelectElement>("#rule-cond-0-source")?.value, "local", "results from AuthLens's own check");
  assertEqual(editor.querySelector<HTMLInputElement>("#rule-cond-0-domain")?.value, "example.com", "the domain");
  assert(editor.querySelector("#rule-cond-0-local-off")?.textContent?.includes(msg("rules_localNeedsChecking").slice(0, 20)), "the editor says checking is off");
  assert(page.text(`#rules-list li[data-rule-id='${LOCAL_RULE.id}']`).includes(msg("rules_descByAuthLens", msg("rules_descMethodResultFor", "DKIM", "example.com", "pass"))), "the summary in words");
  editor.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot("options-rule-local");
  await messenger.tabs.remove((await messenger.tabs.query({ url: messenger.runtime.getURL("options.html") })).map((t) => t.id ?? -1));
});
