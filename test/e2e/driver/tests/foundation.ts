import { messenger } from "../../../../src/background/api.js";
import { readManagedPolicy } from "../../../../src/background/managed-policy.js";
import { readHeaders } from "../../../../src/background/read-headers.js";
import { ready } from "../../../../src/background/main.js";
import { assert, assertEqual, step } from "../assert.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { screenshot } from "../harness-client.js";
import { test } from "../registry.js";

/** Removes folding (CRLF + WSP) so values compare whatever line breaks the API keeps. */
const unfold = (v: string) => v.replace(/\r?\n(?=[ \t])/g, "").trim();

test("foundation", "the add-on starts", async () => {
  await ready;
  const manifest = messenger.runtime.getManifest();
  assertEqual(manifest.browser_specific_settings?.gecko?.id, "authlens@authlens.org", "gecko id");
  assertEqual(messenger.i18n.getMessage("extensionName"), "AuthLens", "localised add-on name");
});

test("foundation", "reads the Authentication-Results and ARC headers of a fixture", async (data) => {
  const expected = data.arcFixture as { subject: string; headers: Record<string, string[]> };
  const inbox = await step("find the Inbox", () => localInbox());
  await step("show the Inbox", () => showFolder(inbox, data.inboxCount as number));
  const messages = await step("list messages", () => listMessages(inbox));
  const message = messages.find((m) => m.subject === expected.subject);
  assert(message, `a message with subject ${expected.subject} in the Inbox (found: ${messages.map((m) => m.subject).join(" | ")})`);
  const read = await step("read headers", () => readHeaders(message.id));
  assertEqual(read.source, "getHeaders", "the fastest header API on this Thunderbird");
  for (const [name, values] of Object.entries(expected.headers)) {
    assertEqual((read.headers[name] ?? []).map(unfold), values.map(unfold), `${name} headers`);
  }
  await screenshot("demo-mailbox");
});

test("managed", "values from managed storage reach the add-on", async (data) => {
  const raw = await messenger.storage.managed.get().catch((e: unknown) => `error: ${String(e)}`);
  assertEqual(raw, data.managed, "storage.managed.get()");
  const policy = await readManagedPolicy();
  assertEqual(policy, data.managed, "storage.managed contents");
});
