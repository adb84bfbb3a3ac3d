import { demoFixtures, fixtures, headerValues, type Fixture } from "./fixtures.js";
import { imapAccountPrefs, startImap, type ImapServer } from "./imap.js";
import { appendPrefs } from "./profile.js";
import { bulkMessages } from "../bulk-rules.js";
import { expectBulk } from "./bulk-expect.js";
import type { Scenario, ScenarioRun } from "./run-scenario.js";
import demoVerdicts from "../../fixtures/demo/verdicts.json";
import { policyScenarios } from "./policy-scenarios.js";
import { ownCheckScenarios } from "./own-check-scenarios.js";
import { DEMO_SETTINGS } from "./demo-settings.js";
import { coldStartScenarios } from "./cold-start-scenarios.js";
import { localeScenarios } from "./locale-scenarios.js";

/** The verdict of each demo message when the demo server mx.example.net is trusted. */
export const DEMO_VERDICTS = demoVerdicts as Record<string, string>;

/**
 * A line near the end of a plain-text message's body (the last ASCII one of some length), which
 * the displayed message must show if it is shown whole; null for other messages.
 */
function bodyLine(text: string): string | null {
  const split = text.search(/\r?\n\r?\n/);
  if (split < 0 || !/^content-type:\s*text\/plain/im.test(text.slice(0, split))) return null;
  const lines = text
    .slice(split)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^[\x20-\x7e]{12,}$/.test(l));
  return lines.at(-1) ?? null;
}

const AUTH_HEADERS = ["authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results"];

export function scenarios(root: string): Scenario[] {
  const demo = demoFixtures(root);
  const hostile = fixtures(root, "hostile");
  const arc = demo.find((f) => f.file.startsWith("03-"));
  if (!arc) throw new Error("test/fixtures/demo/03-*.eml (the ARC fixture) is missing");
  const forged = demo.find((f) => f.file.startsWith("04-"));
  if (!forged) throw new Error("test/fixtures/demo/04-*.eml (several Authentication-Results) is missing");
  const managed = { trustedAuthservIds: ["mx.example.net"], bannerMode: "failures", locked: ["trustedAuthservIds"] };
  const expected = demo.map((f) => ({ file: f.file, subject: f.subject, level: DEMO_VERDICTS[f.file] ?? "unknown" }));
  const rulesMail = {
    tls: demo.find((f) => f.file.startsWith("01-")),
    dmarc: demo.find((f) => f.file.startsWith("02-")),
    untrusted: fixtures(root, "rules").find((f) => f.file === "untrusted-tls-pass.eml"),
  };
  const delivery = (f: Fixture | undefined) => {
    if (!f) throw new Error("a rules fixture is missing");
    return { file: f.file, subject: f.subject, messageId: headerValues(f.text, "message-id")[0]?.trim().replace(/^<|>$/g, "") ?? "" };
  };
  let imap: ImapServer | undefined;
  const bulk = bulkMessages(
    demo.map((f) => f.text),
    1000,
  );
  const bulkExpected = expectBulk(bulk, DEMO_SETTINGS.trustedAuthservIds);
  return [
    {
      name: "foundation",
      tests: [
        "the add-on starts",
        "reads the Authentication-Results and ARC headers of a fixture",
        "reads a message with several Authentication-Results raw, on every Thunderbird",
      ],
      inbox: demo.map((f) => f.text),
      data: {
        inboxCount: demo.length,
        arcFixture: {
          subject: arc.subject,
          headers: Object.fromEntries(AUTH_HEADERS.map((h) => [h, headerValues(arc.text, h)])),
        },
        severalAuthResults: { subject: forged.subject, count: headerValues(forged.text, "authentication-results").length },
      },
    },
    {
      name: "managed",
      tests: ["values from managed storage reach the add-on"],
      managed,
      data: { managed },
    },
    {
      name: "pane",
      tests: [
        "every demo message gets its verdict on the button and in the popup",
        "the popup shows sender, DMARC, TLS and the ARC chain of the mailing-list message",
        "several selected messages show a neutral state",
        "the popup's copy buttons put the report, its JSON and the raw headers on the clipboard",
        "the banner appears for failed and suspicious messages only",
        "the banner leaves the message itself unchanged",
      ],
      inbox: demo.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { expected },
    },
    {
      name: "unconfigured",
      tests: ["Trust this server turns an unconfigured message into its real verdict"],
      inbox: demo.map((f) => f.text),
      data: { expected },
    },
    // 200 displays in the mail tab, 40 more messages opened in message tabs.
    ...[240].map((count) => ({
      name: "bench-display",
      bench: true,
      tests: ["display latency and popup first paint"],
      inbox: bulkMessages(
        demo.map((f) => f.text),
        count,
      ),
      managed: DEMO_SETTINGS,
      data: { count },
      timeoutMs: 300_000,
    })),
    ...coldStartScenarios(root, demo, DEMO_VERDICTS),
    ...[1000, 10000].map((count) => ({
      name: `bench-bulk-${count}`,
      bench: true,
      tests: ["bulk-run throughput against the bare header-reading loop"],
      inbox: bulkMessages(
        demo.map((f) => f.text),
        count,
      ),
      managed: DEMO_SETTINGS,
      data: { count },
      timeoutMs: 900_000,
      calls: {
        rss: async (_a: unknown, run: ScenarioRun) => run.rssMb(),
        // The process AuthLens runs in.
        extensionRss: async (_a: unknown, run: ScenarioRun) => run.rssMb("WebExtensions"),
      },
    })),
    {
      name: "dark",
      tests: ["the pane, the banner and the options page in a dark theme"],
      inbox: demo.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { expected },
      prefs: {
        "extensions.activeThemeID": "thunderbird-compact-dark@mozilla.org",
        "ui.systemUsesDarkTheme": 1,
        "layout.css.prefers-color-scheme.content-override": 0,
      },
    },
    {
      name: "options",
      tests: [
        "adding a trusted forwarder in the options page makes the mailing-list message verified",
        "the rules editor: enable an example rule, preview it on the Inbox, save",
        "the action log shows what a rule did to new mail",
      ],
      inbox: demo.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { expected },
    },
    {
      name: "rules-imap",
      tests: ["new IMAP mail triggers the rules: tls=pass tagged, dmarc=fail moved, an untrusted tls=pass untouched"],
      managed: DEMO_SETTINGS,
      data: { deliveries: { tls: delivery(rulesMail.tls), dmarc: delivery(rulesMail.dmarc), untrusted: delivery(rulesMail.untrusted) } },
      before: async (profile) => {
        imap = await startImap();
        imap.createFolder("AuthLens/DMARC failures");
        appendPrefs(profile, imapAccountPrefs(imap.port));
      },
      after: async () => {
        await imap?.stop();
      },
      calls: {
        deliver: async (files) => {
          for (const file of files as string[]) {
            const f = [rulesMail.tls, rulesMail.dmarc, rulesMail.untrusted].find((x) => x?.file === file);
            if (!f || !imap) throw new Error(`cannot deliver ${file}`);
            imap.deliver(f.text);
          }
          return null;
        },
      },
    },
    {
      name: "menus",
      tests: ["the context menus: the rules on the selected messages, and a folder run in its window"],
      inbox: demo.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { count: demo.length },
    },
    {
      // The demo messages on a real IMAP server, not kept offline: each display fetches the message
      // from the server while AuthLens reads its headers (since the selection).
      name: "imap-display",
      tests: ["IMAP messages fetched from the server: verdicts right, each message shown whole"],
      managed: DEMO_SETTINGS,
      data: { expected: expected.map((e) => ({ ...e, bodyLine: bodyLine(demo.find((f) => f.file === e.file)?.text ?? "") })) },
      before: async (profile) => {
        imap = await startImap();
        for (const f of demo) imap.deliver(f.text);
        appendPrefs(profile, { ...imapAccountPrefs(imap.port), "mail.server.server2.offline_download": false });
      },
      after: async () => {
        await imap?.stop();
      },
    },
    {
      name: "bulk",
      tests: ["a bulk run over 1,000 messages: dry run counts, progress, cancel, then run again to the end"],
      inbox: bulk,
      managed: DEMO_SETTINGS,
      data: { expected: bulkExpected },
      timeoutMs: 300_000,
    },
    {
      name: "bulk-restart",
      phases: 2,
      tests: ["quit Thunderbird in the middle of a bulk run", "after the restart: none lost, the run finishes, none acted on twice"],
      inbox: bulk,
      managed: DEMO_SETTINGS,
      data: { expected: bulkExpected },
      timeoutMs: 120_000,
    },
    {
      name: "hostile",
      tests: ["hostile header values render inert and keep the layout"],
      inbox: hostile.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { files: hostile.map((f) => ({ file: f.file, subject: f.subject })) },
    },
    ...policyScenarios(demo),
    ...ownCheckScenarios(root),
    ...localeScenarios(demo, expected),
  ];
}
