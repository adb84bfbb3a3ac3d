/**
 * The administrator's policy in real Thunderbird, delivered through /etc/thunderbird/policies/
 * policies.json (or, without root, the managed-storage file: the harness says which).
 */
import { messenger } from "../../../../src/shared/api.js";
import { getSettings } from "../../../../src/background/settings-store.js";
import { getTabView } from "../../../../src/background/tab-views.js";
import { assert, assertEqual, step, waitFor } from "../assert.js";
import { displayInMailTab, openPopup } from "../display.js";
import { log, screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { test } from "../registry.js";
import { openOptions, painted, type OptionsPage } from "../options.js";

type MessageHeader = messenger.messages.MessageHeader;

interface Problem {
  path: string;
  message: string;
}

async function message01(data: Record<string, unknown>): Promise<MessageHeader> {
  const { subject } = data.message01 as { subject: string };
  const inbox = await localInbox();
  await showFolder(inbox, data.inboxCount as number);
  const m = (await listMessages(inbox)).find((x) => x.subject === subject);
  assert(m, `message "${subject}" in the Inbox`);
  return m;
}

function serverList(page: OptionsPage, id: string): { fieldset: HTMLFieldSetElement; marker: string; entries: string[] } {
  const el = page.root.querySelector(`authlens-server-list#${id}`);
  const fieldset = el?.shadowRoot?.querySelector("fieldset");
  assert(el && fieldset, `the ${id} list`);
  return {
    fieldset,
    marker: el.shadowRoot?.querySelector("#marker")?.textContent?.trim() ?? "",
    entries: [...(el.shadowRoot?.querySelectorAll("#entries .entry") ?? [])].map((e) => e.textContent?.trim() ?? ""),
  };
}

test("policy", "the policy's trusted server gives demo message 01 its real verdict without any user action", async (data) => {
  await log(`policy delivered through ${String(data.delivery)}`);
  const stored = (await messenger.storage.local.get("settings")).settings as Record<string, unknown> | undefined;
  assertEqual(Object.keys(stored ?? {}), [], "nothing stored by the user");
  const managed = await messenger.storage.managed.get();
  assertEqual(managed, data.policy, "storage.managed holds the policy as written");
  const effective = await getSettings();
  assertEqual(effective.policyProblems, [], "the policy has no problems");
  assertEqual(effective.settings.trustedAuthservIds, ["mx.example.net"], "trusted servers from the policy");
  assertEqual(effective.settings.bannerMode, "always", "banner mode from the policy");
  assertEqual(effective.settings.showBadge, true, "showBadge 1 read as true");
  assertEqual(effective.allowUserRules, true, 'allowUserRules "true" read as true');
  assertEqual(effective.locked, ["bannerMode", "trustedAuthservIds"], "locked keys");
  assertEqual(effective.adminRules.map((r) => r.id), ["org-tls-verified"], "admin rules");
  const { tabId, view } = await displayInMailTab(await message01(data));
  assertEqual(view.analysis.verdict.level, "verified", `verdict of 01 (${JSON.stringify(view.analysis.verdict.reasons)})`);
  assertEqual(await messenger.messageDisplayAction.getTitle({ tabId }), messenger.i18n.getMessage("titleVerified", ["example.com"]), "button title");
  await screenshot("message-01-verified");
});

test("policy", "the policy's accountTrust reaches the account with a matching identity domain and server name", async () => {
  const accounts = await messenger.accounts.list(false);
  const corp = accounts.find((a) => (a.identities ?? []).some((i) => i.email === "alice@corp.example"));
  assert(corp, `the corp.example account (accounts: ${JSON.stringify(accounts.map((a) => ({ id: a.id, name: a.name, type: a.type })))})`);
  await log(`corp account as the API shows it: ${JSON.stringify({ ...corp, rootFolder: undefined, folders: undefined, identities: corp.identities?.map((i) => i.email) })}`);
  const effective = await getSettings();
  // mx.corp.example by emailDomain; filter.corp.example by incomingServer (the account's name is its server's host name).
  assertEqual(effective.policy.accountTrust?.[corp.id], ["mx.corp.example", "filter.corp.example"], "the policy's servers for the account");
  assertEqual(effective.settings.accountTrust[corp.id], ["mx.corp.example", "filter.corp.example"], "effective per-account servers");
  const local = accounts.find((a) => a.type === "local" || a.type === "none");
  assert(local, "the Local Folders account");
  assertEqual(effective.settings.accountTrust[local.id], undefined, "nothing for Local Folders (no identity, no server name)");
});

test("policy", "the admin rule tags tls=pass mail", async (data) => {
  // A Message-ID of its own: the Inbox already holds 01, and Thunderbird refuses a duplicate.
  const text = (data.message01 as { text: string }).text.replace(/^Message-ID:[^\r\n]*/im, "Message-ID: <policy-admin-rule-01@example.com>");
  const inbox = await localInbox();
  await showFolder(inbox, data.inboxCount as number);
  const importer = messenger.messages as unknown as {
    import(file: File, folderId: string, properties: { new?: boolean; read?: boolean }): Promise<MessageHeader>;
  };
  // Imported as new mail, it fires onNewMailReceived: AuthLens's new-mail trigger runs the rules.
  const imported = await step("import 01 as new mail", () => importer.import(new File([text], "policy-01.eml", { type: "message/rfc822" }), inbox.id as string, { new: true }));
  const tagged = await waitFor(
    async () => {
      const m = await messenger.messages.get(imported.id);
      return m.tags.includes("$org_tls") ? m : undefined;
    },
    "the admin rule to tag the new tls=pass message",
    30000,
  );
  assert(tagged, "tagged");
  const tags = await (messenger.messages as unknown as { tags: { list(): Promise<{ key: string; tag: string }[]> } }).tags.list();
  assert(tags.some((t) => t.key === "$org_tls" && t.tag === "TLS (organization)"), "the tag was created with the admin rule's name");
});

test("policy", "the options page shows the locked settings disabled and marked", async () => {
  const page = await openOptions();
  const locked = messenger.i18n.getMessage("options_locked");
  const preset = messenger.i18n.getMessage("options_preset");
  assert(locked.startsWith("Set by your organization"), `the locked marker text (${locked})`);
  const banner = page.root.querySelector<HTMLFieldSetElement>("#banner-mode");
  assert(banner, "the banner mode fieldset");
  assert(banner.disabled, "the banner mode is disabled");
  assertEqual(page.text("#banner-mode-marker"), locked, "banner mode marker");
  assert(page.root.querySelector<HTMLInputElement>("#banner-mode-always")?.checked, "the policy's banner mode is selected");
  const global = serverList(page, "global-servers");
  assert(global.fieldset.disabled, "the global trusted servers are disabled");
  assertEqual(global.marker, locked, "global servers marker");
  assertEqual(global.entries, ["mx.example.net"], "global servers");
  const forwarders = serverList(page, "forwarders");
  assert(!forwarders.fieldset.disabled, "the forwarders (preset, not locked) stay editable");
  assertEqual(forwarders.marker, preset, "forwarders marker");
  const accounts = await messenger.accounts.list(false);
  const corp = accounts.find((a) => a.name === "pop.corp.example");
  const local = accounts.find((a) => a.type === "local" || a.type === "none");
  assert(corp && local, "the two accounts");
  const corpList = serverList(page, `account-servers-${corp.id}`);
  assertEqual(corpList.marker, preset, "the corp account's list is marked as preset");
  assertEqual(corpList.entries, ["mx.corp.example", "filter.corp.example"], "the corp account's servers from the policy");
  assertEqual(serverList(page, `account-servers-${local.id}`).marker, "", "no marker where the policy matched nothing");
  assertEqual(page.text("#show-badge-marker"), preset, "show badge marker (preset, not locked)");
  assert(!page.root.querySelector<HTMLInputElement>("#show-badge")?.disabled, "the badge checkbox stays enabled");
  assert(!page.root.querySelector("#policy-problems"), "no policy problems shown");
  await painted(page.win);
  await screenshot("options-locked-top");
  page.root.querySelector("#display-section")?.scrollIntoView();
  await painted(page.win);
  await screenshot("options-locked-display");
});

test("policy", "a user change to a locked setting is refused, also when storage.local is edited by hand", async (data) => {
  const page = await openOptions();
  const refused = await page.send<{ problems: Problem[] }>({ type: "saveSettings", changes: { bannerMode: "off" } });
  assertEqual(refused.problems, [{ path: "bannerMode", message: "Set by your organization" }], "saving bannerMode");
  const refusedList = await page.send<{ problems: Problem[] }>({ type: "saveSettings", changes: { trustedAuthservIds: [] } });
  assertEqual(refusedList.problems, [{ path: "trustedAuthservIds", message: "Set by your organization" }], "saving trustedAuthservIds");
  const imported = await page.send<{ problems: Problem[] }>({ type: "importSettings", json: JSON.stringify({ bannerMode: "off", showBadge: false }) });
  assertEqual(imported.problems, [{ path: "bannerMode", message: "Set by your organization" }], "importing a file with a locked key");
  const allowed = await page.send<{ problems: Problem[] }>({ type: "saveSettings", changes: { trustedForwarders: [] } });
  assertEqual(allowed.problems, [], "an unlocked key can be changed");

  // A hand edit of storage.local: the user's stored values change, the effective locked ones do not.
  const stored = ((await messenger.storage.local.get("settings")).settings ?? {}) as Record<string, unknown>;
  await messenger.storage.local.set({ settings: { ...stored, bannerMode: "off", trustedAuthservIds: [] } });
  const effective = await waitFor(async () => {
    const e = await getSettings();
    return e.user.bannerMode === "off" ? e : undefined;
  }, "the background to re-read storage.local");
  assertEqual(effective.settings.bannerMode, "always", "effective banner mode after the hand edit");
  assertEqual(effective.settings.trustedAuthservIds, ["mx.example.net"], "effective trusted servers after the hand edit");
  assertEqual(effective.settings.trustedForwarders, [], "the allowed change took effect");
  const fromPage = await page.send<{ settings: { bannerMode: string } }>({ type: "settings" });
  assertEqual(fromPage.settings.bannerMode, "always", "what the options page is told");
  const { view } = await displayInMailTab(await message01(data));
  assertEqual(view.analysis.verdict.level, "verified", "01 still verified (the locked trusted server stays)");
});

test("policy-broken", "a broken policy shows its problems with their paths, and the add-on keeps working", async (data) => {
  await log(`policy delivered through ${String(data.delivery)}`);
  const effective = await getSettings();
  const paths = effective.policyProblems.map((p) => p.path);
  assertEqual([...paths].sort(), [...(data.paths as string[])].sort(), `problem paths (${JSON.stringify(effective.policyProblems)})`);
  assertEqual(effective.settings.trustedAuthservIds, ["mx.example.net"], "the valid entry applies");
  assertEqual(effective.locked, ["bannerMode"], "the valid lock applies");
  assertEqual(effective.settings.bannerMode, "failures", "a locked key the policy gives no valid value for keeps the default");
  assertEqual(effective.adminRules, [], "the invalid admin rule is skipped");
  assertEqual(effective.allowUserRules, true, "an invalid allowUserRules leaves the default");
  const { view } = await displayInMailTab(await message01(data));
  assertEqual(view.analysis.verdict.level, "verified", "01 still gets its verdict");
  const page = await openOptions();
  const block = await waitFor(() => page.root.querySelector("#policy-problems"), "the policy problems in the options page");
  const lines = [...block.querySelectorAll("li")].map((li) => li.textContent?.trim() ?? "");
  for (const path of data.paths as string[]) {
    assert(lines.some((l) => l.startsWith(`${path}: `)), `the options page names ${path} (lines: ${JSON.stringify(lines)})`);
  }
  assert(page.root.querySelector<HTMLFieldSetElement>("#banner-mode")?.disabled, "the locked banner mode is disabled");
  await painted(page.win);
  await screenshot("options-broken-policy");
});

test("policy-checking", "checking turned on and locked by the policy: the pane says the server is not allowed yet, the options page offers Allow", async (data) => {
  const effective = await getSettings();
  assertEqual(effective.settings.checkSignatures, true, "checking on from the policy");
  assertEqual(effective.locked, ["checkSignatures", "dohServer"], "locked keys");
  const server = "https://dns.quad9.net/dns-query";
  assert(!(await messenger.permissions.contains({ origins: ["https://dns.quad9.net/*"] })), "no permission for the policy's server");
  const message = await message01(data);
  const { tabId } = await displayInMailTab(message);
  const view = await waitFor(() => {
    const v = getTabView(tabId);
    return v?.state === "ready" && v.message.messageId === message.id && v.own.state !== "checking" ? v : undefined;
  }, "the own check to give up without the permission");
  assertEqual(view.own, { state: "unavailable", reason: { key: "dns_notAllowed", params: [server] } }, "own check: the server is not allowed");
  assertEqual(view.analysis.verdict.level, "verified", "the trusted server's verdict stands");
  const popup = await openPopup();
  const said = messenger.i18n.getMessage("dns_notAllowed", [server]);
  await waitFor(() => (popup.root.textContent?.replace(/\s+/g, " ").includes(said.replace(/\s+/g, " ")) ? true : undefined), "the popup to say the server is not allowed");
  popup.root.querySelector("#own-status")?.scrollIntoView({ block: "center" });
  await new Promise((r) => setTimeout(r, 150));
  await screenshot("popup-not-allowed");
  popup.close();

  const page = await openOptions();
  const toggle = page.root.querySelector<HTMLInputElement>("#check-signatures");
  assert(toggle?.checked && toggle.disabled, "the checking box is ticked and locked");
  const notice = await waitFor(() => page.root.querySelector("#checking-needs-permission") ?? undefined, "the options page to say the server needs permission");
  assert(notice.textContent?.includes("dns.quad9.net"), `the notice names the server (${notice.textContent ?? ""})`);
  const allow = page.root.querySelector<HTMLButtonElement>("#checking-allow");
  assert(allow && !allow.disabled, "an enabled Allow button, though the settings are locked");
  assertEqual(allow.textContent?.trim(), messenger.i18n.getMessage("checking_allow"), "the button's text");
  page.root.querySelector("#checking")?.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot("options-checking-allow");
});
