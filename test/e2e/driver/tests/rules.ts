import { messenger } from "../../../../src/background/api.js";
import { recentOutcomes } from "../../../../src/background/rules/engine.js";
import { readLog } from "../../../../src/background/rules/action-log.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { call } from "../harness-client.js";
import { listMessages } from "../mail.js";
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
