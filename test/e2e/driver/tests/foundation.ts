import { messenger } from "../../../../src/shared/api.js";
import { readManagedPolicy } from "../../../../src/background/managed-policy.js";
import { fieldsNamed } from "../../../../src/core/headers/header-block.js";
import { readHeaders, toHeaderBlock } from "../../../../src/background/read-headers.js";
import { assert, assertEqual, step } from "../assert.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { screenshot } from "../harness-client.js";
import { test } from "../registry.js";

/** Removes folding (CRLF + WSP) so values compare whatever line breaks the API keeps. */
const unfold = (v: string) => v.replace(/\r?\n(?=[ \t])/g, "").trim();

/**
 * The header API readHeaders must use on this Thunderbird, from its version (not from what the API
 * object has, which is what readHeaders itself looks at): messages.getHeaders from 147, getFull's
 * raw headers from 133, getRaw before.
 */
async function fastestHeaderApi(): Promise<{ api: string; version: string }> {
  const { version } = await messenger.runtime.getBrowserInfo();
  const major = Number.parseInt(version, 10);
  return { api: major >= 147 ? "getHeaders" : major >= 133 ? "getFull" : "getRaw", version };
}

test("foundation", "the add-on starts", async () => {
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
  const fastest = await fastestHeaderApi();
  assertEqual(read.source, fastest.api, `the fastest header API on Thunderbird ${fastest.version}`);
  for (const [name, values] of Object.entries(expected.headers)) {
    assertEqual((read.headers[name] ?? []).map(unfold), values.map(unfold), `${name} headers`);
  }
  await screenshot("demo-mailbox");
});

test("foundation", "reads a message with several Authentication-Results raw, on every Thunderbird", async (data) => {
  const expected = data.severalAuthResults as { subject: string; count: number };
  const inbox = await step("find the Inbox", () => localInbox());
  await step("show the Inbox", () => showFolder(inbox, data.inboxCount as number));
  const messages = await step("list messages", () => listMessages(inbox));
  const message = messages.find((m) => m.subject === expected.subject);
  assert(message, `a message with subject ${expected.subject} in the Inbox`);
  const read = await step("read headers", () => readHeaders(message.id));
  // Their order against the Received lines tells a forged copy from a real one: no header
  // dictionary (getHeaders, getFull) has it.
  assertEqual(read.source, "getRaw", "the header API for a message with several Authentication-Results");
  const block = toHeaderBlock(read);
  assert(block.crossNameOrderKnown, "the order across header names is known");
  assertEqual(fieldsNamed(block, "authentication-results").length, expected.count, "Authentication-Results headers read");
});

test("managed", "values from managed storage reach the add-on", async (data) => {
  const raw = await messenger.storage.managed.get().catch((e: unknown) => `error: ${String(e)}`);
  assertEqual(raw, data.managed, "storage.managed.get()");
  const policy = await readManagedPolicy();
  assertEqual(policy, data.managed, "storage.managed contents");
});
