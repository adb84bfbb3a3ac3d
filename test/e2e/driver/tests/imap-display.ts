/**
 * IMAP messages that are not kept offline: Thunderbird fetches each one from the server to show it,
 * while AuthLens reads its headers from the moment it is selected. Both must work: the verdict is
 * right and the message is shown whole (a second read of a message being fetched must not disturb
 * its display).
 */
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, inMessage } from "../display.js";
import { listMessages, showFolder } from "../mail.js";
import { accountOfType, inboxOf } from "../rules-helpers.js";
import { test } from "../registry.js";

interface Expected {
  file: string;
  subject: string;
  level: string;
  bodyLine: string | null;
}

test("imap-display", "IMAP messages fetched from the server: verdicts right, each message shown whole", async (data) => {
  const expected = data.expected as Expected[];
  const account = await accountOfType("imap");
  const inbox = await inboxOf(account.id);
  await showFolder(inbox, expected.length);
  const messages = await waitFor(async () => {
    const listed = await listMessages(inbox);
    return listed.length >= expected.length ? listed : undefined;
  }, "the IMAP Inbox listed");
  // Twice: first fetched from the server, then from Thunderbird's cache.
  for (const round of [1, 2]) {
    for (const e of expected) {
      const message = messages.find((m) => m.subject === e.subject);
      assert(message, `${e.file}: in the IMAP Inbox`);
      const { tabId, view } = await displayInMailTab(message);
      assertEqual(view.analysis.verdict.level, e.level, `round ${round}, ${e.file}: verdict`);
      const line = e.bodyLine;
      if (line === null) continue;
      const shown = await waitFor(
        async () => ((await inMessage(tabId, () => document.body?.textContent ?? "")) || "").includes(line),
        `round ${round}, ${e.file}: the message body shown whole ("${line}")`,
        10000,
      );
      assert(shown, "shown");
    }
  }
});
