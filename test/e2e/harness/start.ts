/**
 * `npm start`: opens the freshly built add-on in Thunderbird on a throwaway profile whose Local Folders
 * Inbox holds the demo messages (test/fixtures/demo). The demo trusts the demo receiving server
 * mx.example.net, preset as an administrator would (managed storage), so the pane shows real verdicts.
 *
 *   node build/e2e/start.mjs [--screenshot FILE] [--keep]
 *
 * Without a display (no $DISPLAY), it runs under Xvfb, saves a screenshot and quits.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DEMO_SETTINGS } from "./demo-settings.js";
import { demoFixtures } from "./fixtures.js";
import { endAll, endAllOnExit, endProcess, startProcess, startXvfb } from "./processes.js";
import { createProfile, writeManagedStorage } from "./profile.js";
import { findThunderbird } from "./thunderbird-binary.js";

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
  });
  writeManagedStorage(profile, DEMO_SETTINGS);

  let display = process.env.DISPLAY;
  if (!display) {
    display = (await startXvfb()).display;
    screenshot ??= join(root, "test-results", "start.png");
    console.log(`No display: running Thunderbird under Xvfb ${display}; a screenshot will be saved to ${screenshot}.`);
  }
  console.log(`Thunderbird: ${thunderbird}\nProfile: ${profile.dir} (thrown away on exit)\nDemo mailbox: ${demo.length} messages in Local Folders › Inbox`);
  const tb = startProcess(thunderbird, ["--profile", profile.dir, "--no-remote", "-mail"], {
    env: { ...process.env, DISPLAY: display, HOME: profile.home },
    stdio: "inherit",
  });
  const exited = new Promise<void>((resolve) => tb.once("exit", () => resolve()));
  if (screenshot) {
    await new Promise((r) => setTimeout(r, 8000));
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
