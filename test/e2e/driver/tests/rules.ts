import { analyze } from "../../../../src/background/analysis.js";
import { messenger } from "../../../../src/shared/api.js";
import { recentOutcomes } from "../../../../src/background/rules/engine.js";
import { readLog } from "../../../../src/background/rules/action-log.js";
import { MENU_FOLDER, MENU_SELECTED, onMenuClicked } from "../../../../src/background/rules/triggers.js";
import { getSettings, updateSettings } from "../../../../src/background/settings-store.js";
import { evaluateRules } from "../../../../src/core/rules/evaluate.js";
import { EXAMPLE_RULES } from "../../../../src/core/rules/examples.js";
import type { Rule } from "../../../../src/core/rules/schema.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { call } from "../harness-client.js";
import { listMessages, localInbox, mailTabId, showFolder } from "../mail.js";
import { accountOfType, enableRules, folderByPath, inboxOf, messageIn } from "../rules-helpers.js";
import { test } from "../registry.js";

interface Delivery {
  file: string;
  subject: string;
  messageId: string;
}

test("rules-imap", "new IMAP mail triggers the rules: tls=pass tagged, dmarc=fail moved, an untrusted tls=pass untouched", async (data) => {
  const mail = data.deliveries as Record<"tls" | "dmarc" | "untrusted", Delivery>;
  const account = await accountOfType("imap");
  const inbox = await inboxOf(account.id);
  const failures = await folderByPath(account.id, "/AuthLens/DMARC failures");
  await enableRules();
  await call("deliver", [mail.tls.file, mail.dmarc.file, mail.untrusted.file]);

  const tagged = await waitFor(
    async () => (await listMessages(inbox)).find((m) => m.subject === mail.tls.subject && m.tags.includes("$authlens_tls")),
    "the tls=pass message to be tagged",
    30000,
  );
  assert(tagged, "tagged");
  const moved = await messageIn(failures, mail.dmarc.subject);
  assert(moved, "moved");
  await waitFor(async () => !(await listMessages(inbox)).some((m) => m.subject === mail.dmarc.subject), "the DMARC failure to leave the Inbox");

  // The untrusted one: wait until the rules have handled it, then check nothing was done.
  await waitFor(() => recentOutcomes().some((o) => o.headerMessageId === mail.untrusted.messageId && o.status === "noMatch"), "the untrusted message to be handled (no rule matched)");
  const untrusted = (await listMessages(inbox)).find((m) => m.subject === mail.untrusted.subject);
  assert(untrusted, "the untrusted message is still in the Inbox");
  assertEqual(untrusted.tags, [], "no tag on the untrusted tls=pass message");

  const actions = await readLog();
  assert(actions.some((e) => e.ruleId === "example-tls-verified" && e.outcome === "done"), "the tag is in the action log");
  assert(actions.some((e) => e.ruleId === "example-dmarc-fail" && e.outcome === "done"), "the move is in the action log");
  assert(!actions.some((e) => e.messageId === mail.untrusted.messageId), "nothing logged for the untrusted message");
  const tags = await (messenger.messages as unknown as { tags: { list(): Promise<{ key: string; tag: string }[]> } }).tags.list();
  assert(tags.some((t) => t.key === "$authlens_tls" && t.tag === "TLS verified"), "the tag was created with its name");
});

test("menus", "the context menus: the rules on the selected messages, and a folder run in its window", async (data) => {
  const count = data.count as number;
  const inbox = await localInbox();
  await showFolder(inbox, count);
  const messages = await listMessages(inbox);
  // Both menu entries exist (updating a missing one fails).
  await waitFor(async () => {
    await messenger.menus.update(MENU_SELECTED, {});
    await messenger.menus.update(MENU_FOLDER, {});
    return true;
  }, "the two menu entries");
  const tlsRule = { ...EXAMPLE_RULES[0], enabled: true } as Rule;
  assertEqual(await updateSettings({ rules: [tlsRule] }), [], "the TLS example rule on");
  const { settings } = await getSettings();
  const shouldMatch = new Set<number>();
  for (const m of messages) {
    const { analysis } = await analyze(m);
    if (evaluateRules(settings.rules, analysis).some((r) => r.matched)) shouldMatch.add(m.id);
  }
  assert(shouldMatch.size > 0 && shouldMatch.size < messages.length, `some demo messages have a trusted tls=pass (${shouldMatch.size})`);

  // "Apply AuthLens rules" with every message selected, as Thunderbird passes the selection.
  const tabId = await mailTabId();
  await messenger.mailTabs.setSelectedMessages(tabId, messages.map((m) => m.id));
  const selected = await messenger.mailTabs.getSelectedMessages(tabId);
  await onMenuClicked({ menuItemId: MENU_SELECTED, selectedMessages: selected });
  const after = await listMessages(inbox);
  for (const m of after) {
    assertEqual(m.tags.includes("$authlens_tls"), shouldMatch.has(m.id), `"${m.subject}" tagged`);
  }
  const log = await readLog();
  assertEqual(log.filter((e) => e.trigger === "selected" && e.outcome === "done").length, shouldMatch.size, "logged actions of the selected run");

  // "Apply AuthLens rules to this folder…" opens the run's window for that folder.
  await onMenuClicked({ menuItemId: MENU_FOLDER, selectedFolders: [inbox] });
  const views = messenger.extension as unknown as { getViews(filter?: object): Window[] };
  const page = await waitFor(() => views.getViews().find((w) => w.location.pathname.endsWith("/bulk-run.html")), "the folder run's window");
  assertEqual(new URLSearchParams(page.location.search).get("folder"), inbox.id ?? "", "the run's folder");
  page.close();
});
