/**
 * `npm start`: opens the freshly built add-on in Thunderbird on a throwaway profile whose Local Folders
 * Inbox holds the demo messages (test/fixtures/demo). The demo trusts the demo receiving server
 * mx.example.net, preset as an administrator would (managed storage), so the pane shows real verdicts.
 * Thunderbird then shows the first demo message with AuthLens's pane open, as a person would open it
 * (a click on AuthLens's button in the message header, through Thunderbird's Marionette, which
 * may run chrome scripts with --remote-allow-system-access).
 *
 *   node build/e2e/start.mjs [--screenshot FILE] [--keep]
 *
 * Without a display (no $DISPLAY), it runs under Xvfb, saves a screenshot (test-results/start.png)
 * and quits.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DEMO_SETTINGS } from "./demo-settings.js";
import { demoFixtures } from "./fixtures.js";
import { Marionette, marionettePort } from "./marionette.js";
import { endAll, endAllOnExit, endProcess, startProcess, startXvfb } from "./processes.js";
import { createProfile, writeManagedStorage } from "./profile.js";
import { findThunderbird } from "./thunderbird-binary.js";

const ADDON_ID = "authlens@authlens.org";

/**
 * Runs in Thunderbird's chrome: selects the message with `subject` in the Inbox, waits for
 * AuthLens's button in its header, clicks it (a mousedown, what the toolbar button listens to) and
 * waits for the pane's panel to open. Ends with { ok, label } or { ok: false, error }.
 */
const SHOW_PANE = `
const [subject, addonId, done] = arguments;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, ms = 30000) {
  const start = Date.now();
  for (;;) {
    let v;
    try { v = fn(); } catch {}
    if (v) return v;
    if (Date.now() - start > ms) throw new Error("timed out waiting for " + what);
    await sleep(100);
  }
}
(async () => {
  const win = await until("Thunderbird's main window", () => Services.wm.getMostRecentWindow("mail:3pane"));
  const about3Pane = await until("the Inbox's message list", () => {
    const a = win.document.getElementById("tabmail")?.currentAbout3Pane;
    return a && a.gDBView && a.gDBView.rowCount > 0 && a.threadTree ? a : null;
  });
  const view = about3Pane.gDBView;
  let row = -1;
  for (let i = 0; i < view.rowCount && row < 0; i++) if (view.getMsgHdrAt(i).mime2DecodedSubject === subject) row = i;
  if (row < 0) throw new Error("no message with the subject " + subject);
  about3Pane.threadTree.selectedIndex = row;
  const am = await until("the message to be shown", () => {
    const w = about3Pane.messageBrowser?.contentWindow;
    return w && w.gMessage && w.gMessage.mime2DecodedSubject === subject ? w : null;
  });
  const id = addonId.toLowerCase().replace(/[^a-z0-9_-]/g, "_") + "-messageDisplayAction-toolbarbutton";
  const button = await until("AuthLens's button", () => {
    const b = am.document.getElementById(id);
    return b && !b.hidden && b.getBoundingClientRect().width > 0 ? b : null;
  });
  // AuthLens's verdict on the button (icon, label) before the click.
  await sleep(1000);
  button.dispatchEvent(new am.MouseEvent("mousedown", { button: 0, bubbles: true, cancelable: true }));
  await until("AuthLens's pane to open", () =>
    [...win.document.querySelectorAll("panel"), ...am.document.querySelectorAll("panel")].find((p) => p.state === "open"));
  done({ ok: true, label: button.getAttribute("label") || "" });
})().catch((e) => done({ ok: false, error: String(e) }));
`;

/** Shows `subject` with AuthLens's pane open; a failure is told, and Thunderbird stays open. */
async function showPane(profileDir: string, subject: string): Promise<void> {
  let client: Marionette | undefined;
  try {
    client = await Marionette.connect(await marionettePort(profileDir));
    await client.command("WebDriver:NewSession", { capabilities: {} });
    const result = await client.chromeScript<{ ok: boolean; label?: string; error?: string }>(SHOW_PANE, [subject, ADDON_ID]);
    if (result.ok) console.log(`Showing "${subject}" with AuthLens's pane open (the button says: ${result.label}).`);
    else console.error(`Could not open AuthLens's pane on "${subject}": ${result.error}`);
  } catch (err) {
    console.error(`Could not open AuthLens's pane on "${subject}": ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    client?.close();
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const shotArg = args.indexOf("--screenshot");
  let screenshot = shotArg >= 0 ? args[shotArg + 1] : undefined;
  let thunderbird: string;
  try {
    thunderbird = findThunderbird();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  endAllOnExit();
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const xpi = readFileSync(join(root, "dist", `authlens-${pkg.version}.xpi`));
  const demo = demoFixtures(root);
  const profile = createProfile({
    xpi,
    inbox: demo.map((f) => f.text),
    // Marionette on a free port (written to the profile's MarionetteActivePort), to open the pane.
    prefs: { "marionette.port": 0 },
  });
  writeManagedStorage(profile, DEMO_SETTINGS);

  let display = process.env.DISPLAY;
  if (!display) {
    display = (await startXvfb()).display;
    screenshot ??= join(root, "test-results", "start.png");
    console.log(`No display: running Thunderbird under Xvfb ${display}; a screenshot will be saved to ${screenshot}.`);
  }
  console.log(`Thunderbird: ${thunderbird}\nProfile: ${profile.dir} (thrown away on exit)\nDemo mailbox: ${demo.length} messages in Local Folders › Inbox`);
  const tb = startProcess(thunderbird, ["--profile", profile.dir, "--no-remote", "--marionette", "--remote-allow-system-access", "-mail"], {
    env: { ...process.env, DISPLAY: display, HOME: profile.home },
    stdio: "inherit",
  });
  const exited = new Promise<void>((resolve) => tb.once("exit", () => resolve()));
  // The first demo message (fully authenticated) with the pane open; unless Thunderbird quits first.
  const first = demo[0];
  if (first) await Promise.race([showPane(profile.dir, first.subject), exited]);
  if (screenshot) {
    // The pane paints its verdict.
    await new Promise((r) => setTimeout(r, 1500));
    mkdirSync(dirname(screenshot), { recursive: true });
    await promisify(execFile)("import", ["-display", display, "-window", "root", screenshot]);
    console.log(`Screenshot: ${screenshot}`);
    await endProcess(tb);
  } else {
    await exited;
  }
  await endAll();
  if (!args.includes("--keep")) rmSync(join(profile.dir, ".."), { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await endAll();
    process.exit(1);
  },
);
