import { messenger } from "../../../../src/shared/api.js";
import { getSettings } from "../../../../src/background/settings-store.js";
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
  assert(page.text("#rules-list li[data-rule-id='example-tls-verified']").includes(String(expectedTls)), `the preview counts ${expectedTls} tls=pass messages: ${page.text("#rules-list li[data-rule-id='example-tls-verified']")}`);
  await scrollTo(page, "#rules-section", "rules-editor");
  page.root.querySelector<HTMLButtonElement>("#rules-list li[data-rule-id='example-tls-verified'] .rule-edit")?.click();
  await waitFor(() => page.root.querySelector("#rule-editor"), "the rule editor");
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
  const copy = text.replace(/^Message-ID:.*$/im, "Message-ID: <options-log-1@e2e.example>").replace(/^Subject: (.*)$/im, "Subject: $1 (new)");
  await (messenger.messages as unknown as { import(f: File, folder: string, o: object): Promise<unknown> }).import(
    new File([copy], "new.eml", { type: "message/rfc822" }),
    inbox.id ?? "",
    { new: true },
  );
  await waitFor(async () => (await listMessages(inbox)).some((m) => m.subject.endsWith("(new)") && m.tags.includes("$authlens_tls")), "the new message to be tagged", 20000);
  const page = await openOptions();
  await waitFor(() => page.text("#log-table").includes("(new)"), "the log entry", 10000);
  assert(page.text("#log-table").includes("Tag mail that arrived over verified TLS"), "the rule's name in the log");
  await scrollTo(page, "#action-log", "action-log");
  page.win.close();
});
