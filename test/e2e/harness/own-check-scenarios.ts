/**
 * The scenarios of AuthLens's own signature checks (issue 14): signed fixtures in the Inbox, a DoH
 * server on 127.0.0.1 serving their keys (doh-server.ts), and Dovecot for new mail. No server is
 * trusted: what AuthLens shows rests on its own checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startDohServer, type DohServer } from "./doh-server.js";
import { fixtures, headerValues, type Fixture } from "./fixtures.js";
import { imapAccountPrefs, startImap, type ImapServer } from "./imap.js";
import { appendPrefs } from "./profile.js";
import type { Scenario } from "./run-scenario.js";

const SET = "verify/generated";
const INBOX = ["01-rsa2048-relaxed.eml", "02-rsa2048-simple.eml", "05-body-changed.eml", "41-arc-three-hops-list.eml", "43-arc-body-changed.eml", "50-dmarc-strict-pass.eml"];
/** Delivered over IMAP: the first while checking is off, the second once it is on. */
const DELIVERIES = ["03-ed25519.eml", "04-ed25519-and-rsa.eml"];
/** The benchmark's typical messages: one or two signatures, with and without an ARC chain. */
const BENCH = ["01-rsa2048-relaxed.eml", "03-ed25519.eml", "04-ed25519-and-rsa.eml", "41-arc-three-hops-list.eml", "50-dmarc-strict-pass.eml"];

const messageId = (f: Fixture) => headerValues(f.text, "message-id")[0]?.trim().replace(/^<|>$/g, "") ?? "";

const DARK = {
  "extensions.activeThemeID": "thunderbird-compact-dark@mozilla.org",
  "ui.systemUsesDarkTheme": 1,
  "layout.css.prefers-color-scheme.content-override": 0,
};

export function ownCheckScenarios(root: string): Scenario[] {
  const all = fixtures(root, SET);
  const pick = (file: string): Fixture => {
    const f = all.find((x) => x.file === file);
    if (!f) throw new Error(`test/fixtures/${SET}/${file} is missing`);
    return f;
  };
  const dns: unknown = JSON.parse(readFileSync(join(root, "test", "fixtures", SET, "dns.json"), "utf8"));
  const inbox = INBOX.map(pick);
  const data = {
    inbox: Object.fromEntries(inbox.map((f) => [f.file, messageId(f)])),
    deliveries: Object.fromEntries(DELIVERIES.map((file) => [file, messageId(pick(file))])),
  };

  /** A DoH server started when the driver first asks for its URL, stopped after the scenario. */
  const doh = () => {
    let server: Promise<DohServer> | undefined;
    const get = () => (server ??= startDohServer(dns));
    return {
      calls: {
        dohUrl: async () => (await get()).url,
        dohQueries: async () => (await get()).queries,
        dohMode: async (mode: unknown) => {
          (await get()).setMode(mode === "silent" || mode === "slow" ? mode : "answer");
          return null;
        },
      },
      stop: async () => {
        if (server) await (await server).stop();
      },
    };
  };

  const main = doh();
  let imap: ImapServer | undefined;
  const dark = doh();
  const bench = doh();
  const benchCount = 1000;
  return [
    {
      name: "own-checks",
      tests: [
        "with the option off, the DoH server receives no query while messages are displayed and rules run",
        "a signed message shows pass in 'Checked by AuthLens'",
        "a message whose body was changed after signing shows fail, with the reason",
        "with no trusted server, a valid aligned signature shows 'verified, checked by AuthLens'",
        "an ARC-forwarded message shows each hop's seal result",
        "a rule on the local DKIM result tags a message that arrives over IMAP",
        "a DoH server that never answers leaves the pane usable, with temperror shown after the timeout",
        "the banner follows the own check: shown at once with the server's verdict, then with AuthLens's",
        "the options page shows the checking on with the chosen server, and turns it off",
      ],
      inbox: inbox.map((f) => f.text),
      data,
      before: async (profile) => {
        imap = await startImap();
        appendPrefs(profile, imapAccountPrefs(imap.port));
      },
      after: async () => {
        await imap?.stop();
        await main.stop();
      },
      calls: {
        ...main.calls,
        deliver: async (files) => {
          for (const file of files as string[]) {
            if (!imap) throw new Error("no IMAP server");
            imap.deliver(pick(file).text);
          }
          return null;
        },
      },
    },
    {
      name: "own-checks-dark",
      tests: ["the 'Checked by AuthLens' section in a dark theme"],
      inbox: inbox.map((f) => f.text),
      data,
      prefs: DARK,
      calls: dark.calls,
      after: dark.stop,
    },
    {
      name: "bench-own-checks",
      bench: true,
      tests: ["display to AuthLens's own result (warm and cold DNS cache), bulk dry run with a local-DKIM rule"],
      // Copies of the typical messages; an unsigned header at the top tells them apart and leaves
      // every signature valid.
      inbox: Array.from({ length: benchCount }, (_, i) => `X-Bench-Copy: ${i}\r\n${pick(BENCH[i % BENCH.length] ?? "").text}`),
      data: { ...data, count: benchCount, displays: 60 },
      calls: bench.calls,
      after: bench.stop,
      timeoutMs: 900_000,
    },
  ];
}
