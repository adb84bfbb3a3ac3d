import { messenger } from "../../../../src/shared/api.js";
import { bulkStatus, startBulk } from "../../../../src/background/rules/bulk-run.js";
import type { BulkStatus } from "../../../../src/shared/data-types.js";
import { updateSettings } from "../../../../src/background/settings-store.js";
import { BULK_COPY_FOLDER, BULK_MOVE_FOLDER, BULK_RULES } from "../../bulk-rules.js";
import { assert, assertEqual, step, waitFor } from "../assert.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { countIn, folderByPath } from "../rules-helpers.js";
import { openOptions } from "../options.js";
import { pluralKeys } from "../../../../src/core/plural.js";
import { MENU_FOLDER, onMenuClicked } from "../../../../src/background/rules/triggers.js";
import { test } from "../registry.js";

type MailFolder = messenger.folders.MailFolder;

interface Expectation {
  total: number;
  matched: Record<string, number>;
  /** Messages the rules change (the dry run's "N messages would change"). */
  wouldChange: number;
}

interface Folders {
  inbox: MailFolder;
  moved: MailFolder;
  copies: MailFolder;
}

/** Local Folders with the bulk rules and their target folders. */
async function setUp(total: number, create: boolean): Promise<Folders> {
  const inbox = await localInbox();
  await showFolder(inbox, 1);
  const accountId = inbox.accountId ?? "";
  if (create) {
    const root = (await messenger.folders.query({ accountId, isRoot: true } as never))[0];
    assert(root, "the Local Folders root");
    // MV3 takes folder ids here.
    const parent = (await messenger.folders.create(root.id as never, "AuthLens")) as MailFolder;
    await messenger.folders.create(parent.id as never, "DMARC failures");
    await messenger.folders.create(root.id as never, BULK_COPY_FOLDER);
    assertEqual(await updateSettings({ rules: BULK_RULES }), [], "saving the rules");
  }
  await waitFor(async () => (await countIn(inbox)) + (create ? 0 : 1) >= (create ? total : 1), "the Inbox to be read", 30000);
  return {
    inbox,
    moved: await folderByPath(accountId, `/${BULK_MOVE_FOLDER}`),
    copies: await folderByPath(accountId, `/${BULK_COPY_FOLDER}`),
  };
}

async function runToEnd(folder: MailFolder): Promise<BulkStatus> {
  const runId = await startBulk(folder.id ?? "", false);
  return waitFor(() => {
    const s = bulkStatus(runId);
    return s && s.state !== "running" ? s : undefined;
  }, "the bulk run to finish", 180000, 200);
}

/** None lost, none acted on twice, everything the rules say done. */
async function verify(f: Folders, expected: Expectation): Promise<void> {
  const inInbox = await countIn(f.inbox);
  const moved = await countIn(f.moved);
  assertEqual(inInbox + moved, expected.total, "messages in the Inbox and the DMARC folder together (none lost)");
  assertEqual(moved, expected.matched["example-dmarc-fail"], "messages moved to the DMARC folder");
  assertEqual(await countIn(f.copies), expected.matched["e2e-copy-verified"], "copies of verified mail (none copied twice)");
  const all = [...(await listMessages(f.inbox)), ...(await listMessages(f.moved))];
  assertEqual(all.filter((m) => m.tags.includes("$authlens_tls")).length, expected.matched["example-tls-verified"], "messages tagged TLS verified");
  assertEqual(new Set(all.map((m) => m.headerMessageId)).size, expected.total, "every message once");
}

function bulkPage(): Window | undefined {
  const ext = messenger.extension as unknown as { getViews(filter?: object): Window[] };
  return ext.getViews().find((w) => w.location.pathname.endsWith("/bulk-run.html"));
}

/** The bulk-run window's width (src/ui/bulk); its height follows the content. */
const BULK_WIDTH = 500;

/** The window as its user reads it: texts, the run's status, its size and its buttons. */
function bulkWindow(win: Window) {
  const host = win.document.querySelector("authlens-bulk-run") as (HTMLElement & { status: BulkStatus | null }) | null;
  const root = host?.shadowRoot;
  assert(host && root, "the bulk-run page's element");
  return {
    win,
    root,
    status: () => host.status,
    text: (sel: string) => root.querySelector(sel)?.textContent?.replace(/\s+/g, " ").trim() ?? "",
    has: (sel: string) => root.querySelector(sel) !== null,
    /** The ids of the buttons offered, in order. */
    buttons: () => [...root.querySelectorAll("button")].map((b) => b.id),
    click: (sel: string) => {
      const b = root.querySelector<HTMLButtonElement>(sel);
      assert(b, `the ${sel} button`);
      b.click();
    },
    /** Sized to its content: no scroll bar, no blank space below, the page's width. */
    fits: () =>
      waitFor(() => {
        const box = host.getBoundingClientRect();
        const scroll = win.document.documentElement.scrollHeight;
        const ok = win.innerWidth === BULK_WIDTH && Math.abs(win.innerHeight - box.height) <= 2 && scroll <= win.innerHeight + 1;
        if (!ok) throw new Error(`window ${win.innerWidth}×${win.innerHeight}, content ${Math.round(box.width)}×${Math.round(box.height)}, scroll height ${scroll}`);
        return true;
      }, "the window to fit its content", 5000),
    /** What was rendered is on the screen (the next screenshot shows it). */
    painted: async () => {
      for (let i = 0; i < 3; i++) await new Promise<void>((r) => win.requestAnimationFrame(() => r()));
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

const message = (key: string, ...subs: string[]) => messenger.i18n.getMessage(key, subs);
const numbers = new Intl.NumberFormat(messenger.i18n.getUILanguage());
const n = (x: number) => numbers.format(x);
/** A plural message as the window chooses it: by the count, written as the UI's language writes numbers. */
const countMessage = (key: string, count: number) =>
  pluralKeys(key, [count], messenger.i18n.getUILanguage())
    .map((k) => message(k, n(count)))
    .find((x) => x !== "") ?? "";

/** The computed look of a button, as far as "the same buttons" goes. */
function buttonLook(b: Element | null | undefined): Record<string, string> {
  assert(b, "a button to compare");
  const cs = b.ownerDocument.defaultView?.getComputedStyle(b);
  assert(cs, "the button's style");
  const props = ["font-family", "font-size", "font-weight", "color", "background-color", "border-top-width", "border-top-style", "border-top-color", "border-top-left-radius", "padding-top", "padding-left"];
  return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
}

test("bulk", "a bulk run over 1,000 messages: dry run counts, progress, cancel, then run again to the end", async (data) => {
  const expected = data.expected as Expectation;
  const f = await step("set up", () => setUp(expected.total, true));
  // Opened as the folder's context menu opens it.
  await onMenuClicked({ menuItemId: MENU_FOLDER, selectedFolders: [f.inbox] });
  const w = await waitFor(() => {
    const win = bulkPage();
    return win?.document.querySelector("authlens-bulk-run")?.shadowRoot?.querySelector("#heading") ? bulkWindow(win) : undefined;
  }, "the bulk-run window");

  // The dry run: its heading while it runs and when it ends; counts per rule; nothing changed.
  await step("dry run", async () => {
    let sawRunning = false;
    await waitFor(() => {
      if (w.has("#cancel")) {
        sawRunning = true;
        assertEqual(w.text("#heading"), message("bulkHeadingDryRunning"), "heading of a dry run in progress");
      }
      return w.has("#apply");
    }, "the dry run to finish", 60000, 20);
    assert(sawRunning, "the dry run showed its progress with a Cancel button");
    assertEqual(w.text("#heading"), message("bulkHeadingDryDone"), "heading of a finished dry run");
    assertEqual(w.text("#folder"), message("bulkFolder", f.inbox.name ?? ""), "the folder");
    assertEqual(w.text("#progress-text"), message("bulkProgress", n(expected.total), n(expected.total)), "progress, numbers written as the UI language writes them");
    for (const rule of BULK_RULES) {
      assert(w.text("#rule-counts").includes(`${rule.name} ${n(expected.matched[rule.id] ?? -1)}`), `dry run count for ${rule.name}: ${w.text("#rule-counts")}`);
    }
    assertEqual(w.status()?.changed, expected.wouldChange, "messages the dry run says would change");
    assertEqual(w.text("#would-change"), countMessage("bulkWouldChange", expected.wouldChange), "the dry run ends with how many messages would change");
    assertEqual(w.buttons(), ["apply", "run-again", "close"], "after a dry run: Apply the rules, Dry run again, Close");
    assert(w.root.querySelector("#apply")?.classList.contains("primary"), "Apply the rules is the main button");
    assertEqual(w.root.activeElement?.id, "apply", "Apply the rules has the focus");
    assertEqual(await countIn(f.moved), 0, "the dry run moved nothing");
    await w.fits();
    await w.painted();
    await screenshot("dry-run");
  });

  // The real run, cancelled part-way.
  const firstRun = await step("the run, cancelled", async () => {
    w.click("#apply");
    await waitFor(() => (w.status()?.dryRun === false && (w.status()?.done ?? 0) >= 150 && w.has("#cancel")), "progress past 150", 60000, 20);
    assertEqual(w.text("#heading"), message("bulkHeadingRunning"), "heading of a run in progress");
    assertEqual(w.buttons(), ["cancel"], "while running: Cancel only");
    assert(w.has("#summary"), "the run's counts: changed, nothing to do, failed");
    await w.fits();
    await screenshot("progress");
    w.click("#cancel");
    await waitFor(() => w.has("#cancelled"), "the run to stop", 30000);
    const s = w.status();
    assert(s && s.state === "cancelled", `the run's state after a cancel: ${s?.state}`);
    assert(s.done < expected.total, `cancel stopped the run early (${s.done} of ${expected.total})`);
    assertEqual(w.text("#heading"), message("bulkHeadingCancelled"), "heading of a cancelled run");
    assertEqual(w.text("#progress-text"), message("bulkProgress", n(s.done), n(expected.total)), "progress when cancelled");
    assertEqual([w.text("#changed"), w.text("#unchanged"), w.text("#failed")], [n(s.changed), n(s.done - s.changed - s.failed), n(s.failed)], "the counts add up to the messages checked");
    assertEqual(w.buttons(), ["run-again", "close"], "after a cancel: Run again, Close");
    assertEqual(w.root.activeElement?.id, "run-again", "Run again has the focus");
    await w.fits();
    await w.painted();
    await screenshot("cancelled");
    return s;
  });

  // Run again from the window: what was done is skipped, the rest is done, nothing twice.
  const final = await step("run again to the end", async () => {
    w.click("#run-again");
    await waitFor(() => w.status()?.runId !== firstRun.runId && w.status()?.state !== "running" && w.has("#finished"), "the second run to finish", 180000, 200);
    const s = w.status();
    assert(s, "the second run's status");
    assertEqual(s.state, "done", "second run");
    assertEqual(w.text("#heading"), message("bulkHeadingDone"), "heading of a finished run");
    assertEqual(w.buttons(), ["run-again", "close"], "after the end: Run again, Close");
    assertEqual(w.root.activeElement?.id, "close", "Close has the focus");
    assertEqual(firstRun.changed + s.changed, expected.wouldChange, "messages changed by both runs, as the dry run said");
    await w.fits();
    await w.painted();
    await screenshot("finished");
    return s;
  });
  assert(final.alreadyDone > 0, `the second run skipped messages the first one handled (${final.alreadyDone})`);
  await verify(f, expected);

  await step("buttons as on the options page", async () => {
    const options = await openOptions();
    const plain = buttonLook(options.root.querySelector("button:not(.primary):not(:disabled)"));
    assertEqual(buttonLook(w.root.querySelector("#run-again")), plain, "a button of the bulk-run window and of the options page");
    options.win.close();
  });
  w.click("#close");
  await waitFor(() => !bulkPage(), "Close to close the window");
});

test("bulk-restart:1", "quit Thunderbird in the middle of a bulk run", async (data) => {
  const expected = data.expected as Expectation;
  const f = await setUp(expected.total, true);
  const runId = await startBulk(f.inbox.id ?? "", false);
  await waitFor(() => (bulkStatus(runId)?.done ?? 0) >= 250, "250 messages handled", 120000, 10);
  assert(bulkStatus(runId)?.state === "running", "still running when Thunderbird quits");
  // The driver then quits Thunderbird as a person would (it closes every window), mid-run.
});

test("bulk-restart:2", "after the restart: none lost, the run finishes, none acted on twice", async (data) => {
  const expected = data.expected as Expectation;
  const f = await setUp(expected.total, false);
  const inInbox = await countIn(f.inbox);
  const moved = await countIn(f.moved);
  assertEqual(inInbox + moved, expected.total, "messages after the restart, before running again (none lost)");
  assert(moved > 0, "the first run had moved some messages before the quit");
  const final = await runToEnd(f.inbox);
  assertEqual(final.state, "done", "the run after the restart");
  assert(final.alreadyDone > 0 && final.acted > 0, `the run resumed: ${final.alreadyDone} already handled, ${final.acted} acted on now`);
  await verify(f, expected);
});
