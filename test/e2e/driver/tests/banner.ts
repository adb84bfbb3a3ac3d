import { messenger } from "../../../../src/shared/api.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, inMessage } from "../display.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { test } from "../registry.js";

interface Expected {
  subject: string;
  file: string;
  level: string;
}

/** Whether the banner is in the message, and visible (the message's CSS cannot hide it). */
const bannerShown = () => {
  const host = document.querySelector("authlens-banner-host");
  return host !== null && getComputedStyle(host).display !== "none" && (host as HTMLElement).offsetHeight > 0;
};

test("pane", "the banner appears for failed and suspicious messages only", async (data) => {
  const expected = data.expected as Expected[];
  const inbox = await localInbox();
  await showFolder(inbox, expected.length);
  const messages = await listMessages(inbox);
  for (const e of expected) {
    const message = messages.find((m) => m.subject === e.subject);
    assert(message, e.subject);
    const { tabId, view } = await displayInMailTab(message);
    const wants = e.level === "failed" || e.level === "suspicious";
    assertEqual(view.analysis.verdict.level, e.level, `${e.file}: verdict`);
    if (wants) {
      await waitFor(() => inMessage(tabId, bannerShown), `${e.file}: a ${e.level} banner`, 5000);
      if (e.file.startsWith("02-")) await screenshot("banner-failed");
      if (e.file.startsWith("05-")) await screenshot("banner-suspicious");
    } else {
      // Give the banner script the time it would need, then check it stayed away.
      await new Promise((r) => setTimeout(r, 400));
      assertEqual(await inMessage(tabId, bannerShown), false, `${e.file}: no banner`);
    }
  }
});

test("pane", "the banner leaves the message itself unchanged", async (data) => {
  const expected = data.expected as Expected[];
  const inbox = await localInbox();
  const messages = await listMessages(inbox);
  const failed = expected.find((e) => e.file.startsWith("02-"));
  const message = messages.find((m) => m.subject === failed?.subject);
  assert(message, "the failed demo message");
  const { tabId } = await displayInMailTab(message);
  await waitFor(() => inMessage(tabId, bannerShown), "the banner", 5000);
  const bodyText = await inMessage(tabId, () => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelector("authlens-banner-host")?.remove();
    return clone.textContent ?? "";
  });
  const full = await messenger.messages.getFull(message.id);
  const part = (full.parts ?? []).flatMap(function flat(p: messenger.messages.MessagePart): messenger.messages.MessagePart[] {
    return [p, ...(p.parts ?? []).flatMap(flat)];
  });
  const plain = part.find((p) => p.contentType === "text/plain")?.body ?? "";
  const firstLine = plain.trim().split("\n")[0]?.trim() ?? "";
  assert(firstLine.length > 0 && bodyText.includes(firstLine), `the message text is still there (${firstLine})`);
});
