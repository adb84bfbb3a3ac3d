import { messenger } from "../../../../src/shared/api.js";
import { bulkStatus, startBulk } from "../../../../src/background/rules/bulk-run.js";
import type { BulkStatus } from "../../../../src/shared/data-types.js";
import { updateSettings } from "../../../../src/background/settings-store.js";
import { BULK_COPY_FOLDER, BULK_MOVE_FOLDER, BULK_RULES } from "../../bulk-rules.js";
import { assert, assertEqual, step, waitFor } from "../assert.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { countIn, folderByPath } from "../rules-helpers.js";
import { test } from "../registry.js";

type MailFolder = messenger.folders.MailFolder;

interface Expectation {
  total: number;
  matched: Record<string, number>;
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

test("bulk", "a bulk run over 1,000 messages: dry run counts, progress, cancel, then run again to the end", async (data) => {
  const expected = data.expected as Expectation;
  const f = await step("set up", () => setUp(expected.total, true));
  await messenger.windows.create({ type: "popup", url: messenger.runtime.getURL(`bulk-run.html?folder=${encodeURIComponent(f.inbox.id ?? "")}`), width: 520, height: 460 } as never);
  const page = await waitFor(() => bulkPage()?.document.querySelector("authlens-bulk-run")?.shadowRoot ?? undefined, "the bulk-run window");
  const text = (sel: string) => page.querySelector(sel)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  // Dry run: counts per rule, nothing changed.
  await waitFor(() => page.querySelector("#apply"), "the dry run to finish", 60000);
  for (const rule of BULK_RULES) {
    assert(text("#rule-counts").includes(`${rule.name} ${expected.matched[rule.id]}`), `dry run count for ${rule.name}: ${text("#rule-counts")}`);
  }
  assertEqual(await countIn(f.moved), 0, "the dry run moved nothing");
  await screenshot("dry-run");
  // The real run, cancelled part-way.
  page.querySelector<HTMLButtonElement>("#apply")?.click();
  await waitFor(() => {
    const m = /(\d+)/.exec(text("#progress-text"));
    return m && Number(m[1]) >= 150 && page.querySelector("#cancel");
  }, "progress past 150", 60000, 20);
  await screenshot("progress");
  page.querySelector<HTMLButtonElement>("#cancel")?.click();
  await waitFor(() => page.querySelector("#cancelled"), "the run to stop", 30000);
  const stoppedAt = Number(/(\d+)/.exec(text("#progress-text"))?.[1] ?? "0");
  assert(stoppedAt < expected.total, `cancel stopped the run early (${stoppedAt} of ${expected.total})`);
  await screenshot("cancelled");
  bulkPage()?.close();
  // Run again: what was done is skipped, the rest is done, nothing twice.
  const final = await runToEnd(f.inbox);
  assertEqual(final.state, "done", "second run");
  assert(final.alreadyDone > 0, `the second run skipped messages the first one handled (${final.alreadyDone})`);
  await verify(f, expected);
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
