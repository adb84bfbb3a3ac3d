/**
 * Benchmarks in real Thunderbird (npm run bench; never part of npm test). Figures go to the harness
 * as metrics; the tests fail only when something does not work, never on a time.
 */
import { messenger } from "../../../../src/shared/api.js";
import { displayTimings } from "../../../../src/background/display.js";
import { getTabView } from "../../../../src/background/tab-views.js";
import { readHeaders } from "../../../../src/background/read-headers.js";
import { bulkStatus, folderMessages, IN_FLIGHT, startBulk } from "../../../../src/background/rules/bulk-run.js";
import { forEachBounded } from "../../../../src/background/rules/pool.js";
import { updateSettings } from "../../../../src/background/settings-store.js";
import { EXAMPLE_RULES } from "../../../../src/core/rules/examples.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, popupRendered } from "../display.js";
import { call, log, metric } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { test } from "../registry.js";

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const now = () => performance.timeOrigin + performance.now();

test("bench-display", "display latency and popup first paint", async (data) => {
  const count = data.count as number;
  const inbox = await localInbox();
  await showFolder(inbox, count);
  const listed = await listMessages(inbox);
  const messages = listed.slice(0, 200);
  const before = displayTimings().length;
  // How long Thunderbird takes from announcing a selection to announcing its display: the head
  // start AuthLens's pre-read gets.
  const selected: number[] = [];
  const displayed: number[] = [];
  const onSelected = () => selected.push(performance.now());
  const onDisplayed = () => displayed.push(performance.now());
  messenger.mailTabs.onSelectedMessagesChanged.addListener(onSelected);
  messenger.messageDisplay.onMessagesDisplayed.addListener(onDisplayed);
  for (const m of messages) await displayInMailTab(m);
  // Selecting the message that is already shown fires no display event, and a display under way
  // when the loop began may add one: about one timing per display.
  const t = displayTimings().slice(before).slice(-messages.length);
  assert(t.length >= messages.length - 2, `a timing per display (${t.length} of ${messages.length})`);
  await metric("display → button, p50", percentile(t, 50), "ms");
  await metric("display → button, p95", percentile(t, 95), "ms");
  await metric("displays measured", t.length, "");
  messenger.mailTabs.onSelectedMessagesChanged.removeListener(onSelected);
  messenger.messageDisplay.onMessagesDisplayed.removeListener(onDisplayed);
  // Paired in order; a display without a selection event (or the reverse) would shift the pairs.
  if (selected.length === displayed.length) {
    const gaps = displayed.map((d, i) => d - (selected[i] ?? d));
    await metric("Thunderbird: selection event → display event, p50", percentile(gaps, 50), "ms");
    await metric("Thunderbird: selection event → display event, p5", percentile(gaps, 5), "ms");
  } else {
    await log(`selection → display not measured: ${selected.length} selection events, ${displayed.length} display events`);
  }
  // Messages opened in a message tab get no selection event, so no head start: the display event
  // is the first AuthLens hears of them (each message here is new to it).
  const inTabs: number[] = [];
  for (const m of listed.slice(200, 240)) {
    const from = displayTimings().length;
    const tab = await messenger.messageDisplay.open({ messageId: m.id, location: "tab", active: true });
    const tabId = tab?.id;
    assert(tabId !== undefined, "a message tab");
    await waitFor(() => displayTimings().length > from && getTabView(tabId)?.state === "ready", "the message tab's button");
    inTabs.push(...displayTimings().slice(from));
    await messenger.tabs.remove(tabId);
  }
  if (inTabs.length > 0) {
    await metric("message tab: display → button, p50", percentile(inTabs, 50), "ms");
    await metric("message tab: display → button, p95", percentile(inTabs, 95), "ms");
  }
  const paints: number[] = [];
  const loads: number[] = [];
  const marks: Record<string, number[]> = {};
  let synchronous = 0;
  for (const m of messages.slice(0, 20)) {
    await displayInMailTab(m);
    // A person opens the pane after the message is on screen, not within milliseconds of its
    // display: let Thunderbird finish rendering the message first.
    await new Promise((r) => setTimeout(r, 500));
    const t0 = now();
    await messenger.messageDisplayAction.openPopup();
    const { win } = await popupRendered();
    // The popup marks the end of the first frame after the verdict is rendered.
    const painted = await waitFor(() => win.performance.getEntriesByName("authlens:painted")[0], "the popup's first paint", 5000, 5);
    paints.push(win.performance.timeOrigin + painted.startTime - t0);
    // When Thunderbird began loading the popup's page: the part of the time that is the panel's own.
    loads.push(win.performance.timeOrigin - t0);
    for (const name of ["script", "view", "rendered", "painted"]) {
      const mark = win.performance.getEntriesByName(`authlens:${name}`)[0];
      if (mark) (marks[name] ??= []).push(win.performance.timeOrigin + mark.startTime - t0);
    }
    if (win.performance.getEntriesByName("authlens:view-sync").length > 0) synchronous++;
    win.close();
    await new Promise((r) => setTimeout(r, 100));
  }
  // The fast path (the view read from the running background page) must not vanish unnoticed.
  assertEqual(synchronous, paints.length, "popups that read their view synchronously");
  await metric("popup open → first paint of the verdict, p50", percentile(paints, 50), "ms");
  await metric("popup open → first paint of the verdict, p95", percentile(paints, 95), "ms");
  await metric("popup open → Thunderbird starts loading the popup page, p50", percentile(loads, 50), "ms");
  for (const [name, xs] of Object.entries(marks)) await metric(`popup open → ${name}, p50`, percentile(xs, 50), "ms");
});

const pause = () => new Promise((r) => setTimeout(r, 3000));

async function benchBulk(data: Record<string, unknown>): Promise<void> {
  const count = data.count as number;
  const inbox = await localInbox();
  await showFolder(inbox, count);
  await waitFor(async () => ((await messenger.folders.getFolderInfo(inbox.id as never)).totalMessageCount ?? 0) >= count, "the folder", 120000);
  const messages = await listMessages(inbox);
  await metric("messages", messages.length, "");
  // 1. The bare loop: list the folder and read every message's headers with Thunderbird's fastest
  // API, with the same number in flight as a bulk run; nothing else. A first, unmeasured pass
  // warms Thunderbird's caches (its message database, the file cache), which the runs after it
  // would otherwise get for free; each measured phase starts after a pause in which Thunderbird
  // can collect the garbage of the one before.
  const rssStart = await call<number>("rss");
  const extensionStart = await call<number>("extensionRss");
  const bareLoop = () => forEachBounded(folderMessages(inbox.id ?? ""), IN_FLIGHT, async (m) => void (await readHeaders(m.id)));
  await bareLoop();
  await pause();
  let t0 = performance.now();
  await bareLoop();
  const bare = messages.length / ((performance.now() - t0) / 1000);
  await metric("bare header reads", bare, "msg/s");
  await metric("Thunderbird RSS after the bare loop", await call<number>("rss"), "MB");
  // 2. A dry run: everything AuthLens does per message (read, analyze, evaluate) but act.
  const tlsRuleForDry = EXAMPLE_RULES[0];
  assert(tlsRuleForDry, "the example TLS rule");
  assertEqual(await updateSettings({ rules: [{ ...tlsRuleForDry, enabled: true }] }), [], "rules");
  await pause();
  t0 = performance.now();
  const dryId = await startBulk(inbox.id ?? "", true);
  await waitFor(() => bulkStatus(dryId)?.state === "done", "the dry run", 600000, 50);
  const dry = messages.length / ((performance.now() - t0) / 1000);
  await metric("bulk dry run (read, analyze, evaluate)", dry, "msg/s");
  await metric("bulk dry run / bare loop", (100 * dry) / bare, "%");
  // 3. The bulk run: the example TLS rule on, it tags every tls=pass message (a real run, journalled).
  const tlsRule = EXAMPLE_RULES[0];
  assert(tlsRule, "the example TLS rule");
  assertEqual(await updateSettings({ rules: [{ ...tlsRule, enabled: true }] }), [], "rules");
  await pause();
  t0 = performance.now();
  const runId = await startBulk(inbox.id ?? "", false);
  let rssPeak = 0;
  let extensionPeak = 0;
  const extensionByQuarter: (number | undefined)[] = [];
  const final = await waitFor(
    async () => {
      rssPeak = Math.max(rssPeak, await call<number>("rss"));
      const extension = await call<number>("extensionRss");
      extensionPeak = Math.max(extensionPeak, extension);
      const s = bulkStatus(runId);
      // Where the add-on's memory is at each quarter of the run: flat means bounded.
      const quarter = Math.floor((4 * (s?.done ?? 0)) / messages.length);
      for (let q = 1; q <= Math.min(quarter, 4); q++) extensionByQuarter[q - 1] ??= extension;
      return s && s.state !== "running" ? s : undefined;
    },
    "the bulk run",
    600000,
    250,
  );
  const seconds = (performance.now() - t0) / 1000;
  assertEqual(final.state, "done", "bulk run");
  assertEqual(final.done, messages.length, "every message handled");
  const rate = messages.length / seconds;
  await metric("bulk run (tag rule, journalled)", rate, "msg/s");
  await metric("bulk run / bare loop", (100 * rate) / bare, "%");
  await metric("Thunderbird RSS before", rssStart, "MB");
  await metric("Thunderbird RSS peak during the bulk run", rssPeak, "MB");
  await metric("add-on process (WebExtensions) RSS before", extensionStart, "MB");
  await metric("add-on process (WebExtensions) RSS peak during the bulk run", extensionPeak, "MB");
  for (const [i, mb] of extensionByQuarter.entries()) if (mb !== undefined) await metric(`add-on process RSS at ${25 * (i + 1)} % of the bulk run`, mb, "MB");
  // 4. The floor for any tool that tags these messages: the bare loop plus the same tag writes,
  // one messages.update per tagged message and nothing else (no analysis, no fresh read, no
  // journal). What the bulk run costs beyond it is AuthLens's own work.
  const tag = tlsRule.actions[0]?.type === "addTag" ? tlsRule.actions[0].tag : "";
  const tagged = new Set((await listMessages(inbox)).filter((m) => m.tags.includes(tag)).map((m) => m.id));
  assertEqual(tagged.size, final.acted, "messages tagged by the run");
  await forEachBounded([...tagged], IN_FLIGHT, async (id) => void (await messenger.messages.update(id, { tags: [] } as never)));
  await pause();
  t0 = performance.now();
  await forEachBounded(folderMessages(inbox.id ?? ""), IN_FLIGHT, async (m) => {
    await readHeaders(m.id);
    if (tagged.has(m.id)) await messenger.messages.update(m.id, { tags: [...m.tags, tag] } as never);
  });
  const floor = messages.length / ((performance.now() - t0) / 1000);
  await metric("bare loop + the same tag writes", floor, "msg/s");
  await metric("bulk run / (bare loop + the same tag writes)", (100 * rate) / floor, "%");
}

for (const count of [1000, 10000]) test(`bench-bulk-${count}`, "bulk-run throughput against the bare header-reading loop", benchBulk);

