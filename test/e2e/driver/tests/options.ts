import { messenger } from "../../../../src/shared/api.js";
import { getSettings } from "../../../../src/background/settings-store.js";
import { logActions } from "../../../../src/background/rules/action-log.js";
import { reason } from "../../../../src/core/reason.js";
import { assert, assertEqual, step, waitFor } from "../assert.js";
import { displayInMailTab } from "../display.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { openOptions, painted, type OptionsPage } from "../options.js";
import { test } from "../registry.js";

interface Expected {
  subject: string;
  file: string;
  level: string;
}

async function demoMessage(data: Record<string, unknown>, prefix: string) {
  const expected = data.expected as Expected[];
  const e = expected.find((x) => x.file.startsWith(prefix));
  assert(e, `demo ${prefix}`);
  const inbox = await localInbox();
  await showFolder(inbox, expected.length);
  const m = (await listMessages(inbox)).find((x) => x.subject === e.subject);
  assert(m, e.subject);
  return m;
}

function setInput(el: HTMLInputElement | HTMLSelectElement, value: string, event: "input" | "change" = "input"): void {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
}

async function scrollTo(page: OptionsPage, selector: string, name: string): Promise<void> {
  const el = page.root.querySelector(selector);
  assert(el, selector);
  el.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot(name);
}

test("options", "adding a trusted forwarder in the options page makes the mailing-list message verified", async (data) => {
  const message = await demoMessage(data, "03-");
  assertEqual((await displayInMailTab(message)).view.analysis.verdict.level, "failed", "before: DMARC failed at the list");
  const page = await openOptions();
  await painted(page.win);
  await screenshot("options-top");
  const list = page.root.querySelector("authlens-server-list#forwarders")?.shadowRoot;
  assert(list, "the forwarders list");
  const input = list.querySelector<HTMLInputElement>("#entry-input");
  assert(input, "the forwarder input");
  setInput(input, "lists.example.org");
  list.querySelector<HTMLButtonElement>("#add")?.click();
  await waitFor(async () => (await getSettings()).settings.trustedForwarders.includes("lists.example.org"), "the forwarder to be saved");
  await scrollTo(page, "#forwarders", "options-forwarders");
  page.win.close();
  const after = await displayInMailTab(message);
  assertEqual(after.view.analysis.verdict.level, "verified", "after: verified through the ARC chain of a trusted forwarder");
  assert(after.view.analysis.verdict.basis === "arc", "the verdict rests on ARC");
});

test("options", "the rules editor: enable an example rule, preview it on the Inbox, save", async (data) => {
  await demoMessage(data, "01-");
  const page = await openOptions();
  const section = await waitFor(() => page.root.querySelector("#rules-list li[data-rule-id='example-tls-verified']"), "the example rules");
  const rows = [...page.root.querySelectorAll("#rules-list li[data-rule-id]")].map((li) => li.getAttribute("data-rule-id"));
  assertEqual(rows, ["example-tls-verified", "example-dmarc-fail", "example-arc-intact"], "the three shipped example rules");
  const toggle = section.querySelector<HTMLInputElement>(".rule-enabled");
  assert(toggle && !toggle.checked, "example rules start disabled");
  toggle.click();
  const folder = page.root.querySelector<HTMLSelectElement>("#preview-folder");
  assert(folder, "the preview folder picker");
  // The folder tree arrives from Thunderbird after the page first renders.
  const inboxOption = await waitFor(() => [...folder.options].find((o) => o.textContent?.trim() === "Inbox"), "the Inbox in the folder picker");
  setInput(folder, inboxOption.value, "change");
  await step("preview", async () => {
    page.root.querySelector<HTMLButtonElement>("#preview-all")?.click();
    await waitFor(() => /\d/.test(page.text("#preview-result")) && !page.text("#preview-result").includes("…"), "the preview", 20000);
  });
  const expectedTls = (data.expected as Expected[]).filter((e) => ["01-", "06-", "07-"].some((p) => e.file.startsWith(p))).length;
  const row = page.text("#rules-list li[data-rule-id='example-tls-verified']");
  assert(row.includes(String(expectedTls)), `the preview counts ${expectedTls} tls=pass messages: ${row}`);
  assert(row.includes("When all of these hold: TLS result is pass."), `the rule's summary in words: ${row}`);
  await scrollTo(page, "#rules-section", "rules-editor");
  page.root.querySelector<HTMLButtonElement>("#rules-list li[data-rule-id='example-tls-verified'] .rule-edit")?.click();
  const editor = await waitFor(() => page.root.querySelector("#rule-editor"), "the rule editor");
  assert(!editor.textContent?.includes("example-tls-verified"), "the rule id is not shown");
  assertEqual(page.root.querySelector<HTMLSelectElement>("#rule-cond-0-method")?.value, "tls", "the method picked from the list");
  assert(page.root.querySelector<HTMLInputElement>("#rule-cond-0-results-pass")?.checked, "the result ticked among the method's results");
  assertEqual(editor.querySelectorAll("fieldset").length, 0, "no fieldsets in the editor: conditions and actions are laid out flat");
  const key = page.root.querySelector<HTMLInputElement>("#rule-act-0-tag-key");
  assert(key, "the tag key field");
  assert(key.closest("details")?.open === false, "the tag key is under a closed Advanced");
  assertEqual(key.value, "$authlens_tls", "the example's tag key is kept");
  await scrollTo(page, "#rule-editor", "rule-editor-open");
  page.root.querySelector<HTMLButtonElement>("#save-rules")?.click();
  await waitFor(async () => (await getSettings()).settings.rules.find((r) => r.id === "example-tls-verified")?.enabled === true, "the rule to be saved enabled");
  page.win.close();
});

test("options", "the action log shows what a rule did to new mail", async (data) => {
  const message = await demoMessage(data, "01-");
  const inbox = await localInbox();
  // New mail: import a copy of demo 01 into the Inbox (the rule enabled by the previous test tags it).
  const raw = await messenger.messages.getRaw(message.id);
  const text = typeof raw === "string" ? raw : await raw.text();
  // Its own Message-ID (Thunderbird refuses a duplicate); the subject stays as a person would see it.
  const copy = text.replace(/^Message-ID:.*$/im, "Message-ID: <options-log-1@e2e.example>");
  await (messenger.messages as unknown as { import(f: File, folder: string, o: object): Promise<unknown> }).import(
    new File([copy], "new.eml", { type: "message/rfc822" }),
    inbox.id ?? "",
    { new: true },
  );
  await waitFor(
    async () => (await listMessages(inbox)).some((m) => m.headerMessageId === "options-log-1@e2e.example" && m.tags.includes("$authlens_tls")),
    "the new message to be tagged",
    20000,
  );
  // A skipped action (its reason is data, worded by the page) and an entry an earlier version wrote in English.
  const base = { time: Date.now(), subject: "Weekly report", messageId: "options-log-2@e2e.example", trigger: "folder" as const };
  await logActions([
    { ...base, ruleId: "r2", ruleName: "Flag reports", action: { type: "flag", flagged: false }, outcome: "skipped", detail: reason("rules_skipContradicts", "Tag mail that arrived over verified TLS") },
    { ...base, ruleId: "r3", ruleName: "Archive reports", action: 'move to "Archive" (in the message\'s account)', outcome: "failed", detail: "not done, the message is untouched: the folder \"Archive\" does not exist" },
  ]);
  const page = await openOptions();
  await waitFor(() => page.text("#log-table").includes(message.subject), "the log entry", 10000);
  const skipped = page.text("#log-table tr[data-outcome='skipped']");
  assert(skipped.includes("Remove the flag") && skipped.includes("It contradicts the rule “Tag mail that arrived over verified TLS”, which comes first and wins"), `a skipped action and why, in words: ${skipped}`);
  assert(page.text("#log-table tr[data-outcome='failed']").includes('move to "Archive"'), "an entry of an earlier version is shown as it was written");
  const log = page.text("#log-table");
  assert(log.includes("Tag mail that arrived over verified TLS"), "the rule's name in the log");
  assert(log.includes("Add the tag “TLS verified”"), `the action in words: ${log}`);
  assert(!log.includes("$authlens_tls") && !log.includes("#2e7d32"), `no tag key or colour in the log: ${log}`);
  await scrollTo(page, "#action-log", "action-log");
  page.win.close();
});
