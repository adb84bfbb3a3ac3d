import { messenger } from "../../../../src/shared/api.js";
import { senderDomainForDisplay } from "../../../../src/core/display-domain.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, openPopup } from "../display.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, mailTabId, showFolder } from "../mail.js";
import { test } from "../registry.js";

interface Expected {
  subject: string;
  file: string;
  level: string;
}


const TRANSPORT_ROWS = (): string[] =>
  ["tlsEncrypted", "tlsResult", "tlsCertificateCheck", "tlsVersion", "tlsCipher", "tlsStrength", "tlsCertificate", "tlsVerification"].map((k) =>
    messenger.i18n.getMessage(k),
  );

async function inboxMessages(count: number) {
  const inbox = await localInbox();
  await showFolder(inbox, count);
  return listMessages(inbox);
}

function bySubject(messages: messenger.messages.MessageHeader[], subject: string) {
  const m = messages.find((x) => x.subject === subject);
  assert(m, `message "${subject}" in the Inbox`);
  return m;
}

test("pane", "every demo message gets its verdict on the button and in the popup", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  for (const e of expected) {
    const { tabId, view } = await displayInMailTab(bySubject(messages, e.subject));
    assertEqual(view.analysis.verdict.level, e.level, `${e.file}: verdict (${JSON.stringify(view.analysis.verdict.reasons)}, from ${JSON.stringify(view.analysis.from.primary)})`);
    const title = await messenger.messageDisplayAction.getTitle({ tabId });
    assertEqual(title, messenger.i18n.getMessage(`title${e.level[0]?.toUpperCase()}${e.level.slice(1)}`, [
      e.level === "unconfigured" ? (view.analysis.verdict.suggestion ?? "?") : (senderDomainForDisplay(view.analysis) ?? "?"),
    ]), `${e.file}: button title`);
    const badge = await messenger.messageDisplayAction.getBadgeText({ tabId });
    assertEqual(badge, "", `${e.file}: no badge by default (the icon says the verdict)`);
    const popup = await openPopup();
    assertEqual(popup.text("#verdict-level"), messenger.i18n.getMessage(`level_${e.level}`), `${e.file}: popup verdict`);
    assert(popup.text("#verdict-reasons").length > 0, `${e.file}: the popup says what the verdict rests on`);
    assert(popup.root.querySelector("#sender"), `${e.file}: sender section`);
    assert(popup.root.querySelector("#transport"), `${e.file}: transport section`);
    assert(popup.root.querySelector("#trust"), `${e.file}: trust section`);
    // The Transport card has the same rows, in the same order, for every message.
    const transportRows = [...popup.root.querySelectorAll("#transport dl.rows > dt")].map((d) => d.textContent?.trim());
    assertEqual(transportRows, TRANSPORT_ROWS(), `${e.file}: the Transport card's rows`);
    // "Aligned" only beside a check that passed; the DMARC policy has its own row.
    for (const row of popup.root.querySelectorAll("#authentication tbody tr")) {
      const [result, , alignment] = [...row.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
      if (result !== "pass") assertEqual(alignment, "—", `${e.file}: no alignment beside "${result}"`);
    }
    assert(popup.root.querySelector("#dmarc-policy"), `${e.file}: the DMARC policy's own row`);
    await screenshot(`popup-${e.file.replace(/\.eml$/, "")}`);
    popup.close();
  }
});

test("pane", "the popup shows sender, DMARC, TLS and the ARC chain of the mailing-list message", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  const arc = expected.find((e) => e.file.startsWith("03-"));
  assert(arc, "the ARC fixture");
  await displayInMailTab(bySubject(messages, arc.subject));
  const popup = await openPopup();
  assert(popup.text("#sender").includes("alice@example.com"), "sender address shown");
  assert(popup.text("#authentication").includes("fail"), "DMARC fail shown");
  const hops = popup.root.querySelectorAll("#arc-hops > li");
  assertEqual(hops.length, 2, "ARC hops in the timeline");
  assert(popup.text("#arc-hops").includes("lists.example.org"), "first hop's sealing domain");
  assert(popup.text("#route").includes("mx.example.net"), "route timeline");
  popup.close();
});

test("pane", "several selected messages show a neutral state", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  const tabId = await mailTabId();
  await messenger.mailTabs.setSelectedMessages(tabId, messages.slice(0, 3).map((m) => m.id));
  await waitFor(async () => (await messenger.messageDisplayAction.getTitle({ tabId })).includes("3"), "the neutral title");
  assertEqual(await messenger.messageDisplayAction.getBadgeText({ tabId }), "", "no badge");
});

test("unconfigured", "Trust this server turns an unconfigured message into its real verdict", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  const first = expected.find((e) => e.file.startsWith("01-"));
  assert(first, "fixture 01");
  const { tabId, view } = await displayInMailTab(bySubject(messages, first.subject));
  assertEqual(view.analysis.verdict.level, "unconfigured", "before trusting");
  assertEqual(view.analysis.verdict.suggestion, "mx.example.net", "suggested server");
  const popup = await openPopup();
  const button = popup.root.querySelector<HTMLButtonElement>("#trust-button");
  assert(button, "the Trust button");
  assert(button.textContent?.includes("mx.example.net"), "the button names the server");
  await screenshot("popup-unconfigured");
  button.click();
  await waitFor(() => popup.text("#verdict-level") === messenger.i18n.getMessage("level_verified"), "the popup to show Verified");
  await waitFor(
    async () => (await messenger.messageDisplayAction.getTitle({ tabId })) === messenger.i18n.getMessage("titleVerified", ["example.com"]),
    "the button title to say verified",
  );
  await screenshot("popup-after-trust");
  popup.close();
  const stored = await messenger.storage.local.get("settings");
  const settings = stored.settings as { accountTrust?: Record<string, string[]> };
  assert(Object.values(settings.accountTrust ?? {}).some((l) => l.includes("mx.example.net")), "stored for the account");
});

test("pane", "the popup's copy buttons put the report, its JSON and the raw headers on the clipboard", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  const failed = expected.find((e) => e.file.startsWith("02-"));
  assert(failed, "fixture 02");
  await displayInMailTab(bySubject(messages, failed.subject));
  const popup = await openPopup();
  const clipboard = navigator.clipboard as Clipboard & { readText(): Promise<string> };
  const copied = async (selector: string, statusKey: string): Promise<string> => {
    await clipboard.writeText("");
    const button = popup.root.querySelector<HTMLButtonElement>(selector);
    assert(button, `the button ${selector}`);
    button.click();
    const status = messenger.i18n.getMessage(statusKey);
    await waitFor(() => popup.text(".status[role=status]") === status, `"${status}" after ${selector} (status: "${popup.text(".status[role=status]")}")`);
    return waitFor(async () => (await clipboard.readText()) || undefined, `the clipboard after ${selector}`);
  };
  const text = await copied("#copy-report", "reportCopied");
  assert(text.startsWith(`== ${failed.subject}\nVerdict: FAILED\n`) && text.includes("dmarc=fail"), `the text report:\n${text.slice(0, 400)}`);
  const json = JSON.parse(await copied("#copy-json", "reportJsonCopied")) as { subject?: string; verdict?: { level?: string } };
  assertEqual([json.subject, json.verdict?.level], [failed.subject, "failed"], "the JSON report's subject and verdict");
  const details = popup.root.querySelector<HTMLDetailsElement>("#raw-headers");
  assert(details, "the raw headers section");
  details.open = true;
  await waitFor(() => popup.root.querySelector("#raw-headers pre"), "the raw headers shown");
  const headers = await copied("#copy-headers", "headersCopied");
  assert(/^authentication-results: mx\.example\.net;/im.test(headers), `the raw headers:\n${headers.slice(0, 400)}`);
  popup.close();
});

test("pane", "what the verdict rests on names the forged headers that were set aside", async (data) => {
  const expected = data.expected as Expected[];
  const messages = await inboxMessages(expected.length);
  const forged = expected.find((e) => e.file.startsWith("04-"));
  assert(forged, "fixture 04");
  await displayInMailTab(bySubject(messages, forged.subject));
  const popup = await openPopup();
  const reasons = popup.text("#verdict-reasons");
  const claim = messenger.i18n.getMessage("verdict_setAsideUntrusted_other", ["2", "x"]).split("x")[0] ?? "";
  assert(reasons.includes(claim) && reasons.includes("dmarc=pass"), `the set-aside headers in "what this rests on": ${reasons}`);
  popup.close();
});
