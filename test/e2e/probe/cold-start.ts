/**
 * Cold-start benchmarks (npm run bench), run by the probe add-on while AuthLens's background page
 * comes and goes: display → AuthLens's button after Thunderbird unloaded the page for idling, on
 * the first message after Thunderbird starts, and the popup's first paint when it is opened at such
 * a moment. The probe selects messages through the public API; its experiment records, in
 * Thunderbird's parent process and with Date.now(), the display (MsgsLoaded), every change of
 * AuthLens's button in the DOM, and the page's wake, start and suspension. Figures go to the
 * harness as metrics; a test fails only when the measurement itself does not work.
 */
import { messenger } from "../../../src/shared/api.js";
import { assert, waitFor } from "../driver/assert.js";
import { call, log, metric, send } from "../driver/harness-client.js";
import { test } from "../driver/registry.js";
import type { Hello } from "../protocol.js";
import { AUTHLENS_ID, type MarksRequest, type PageMarks, type PopupMarks } from "../marks/protocol.js";
import type { ColdStartData, Pick, StartSample } from "./cold-start-data.js";
import { listMessages, localInbox, mailTab, probe, showInbox } from "./probe-api.js";
import { displayTiming, percentile, type DisplayTiming, type ProbeRecord } from "./records.js";

type MessageHeader = messenger.messages.MessageHeader;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks the instrumented AuthLens (only after a measurement: the message may wake its page). */
function askAuthLens<T>(request: MarksRequest): Promise<T> {
  return (messenger.runtime.sendMessage as unknown as (id: string, m: unknown) => Promise<T>)(AUTHLENS_ID, request);
}

interface Displayed {
  /** AuthLens's background state right before the selection. */
  before: string;
  asked: number;
  records: ProbeRecord[];
  timing: DisplayTiming | string;
}

/** Selects `message` in the mail tab and records until AuthLens's button settles on `label`. */
async function displayAndRecord(tabId: number, message: MessageHeader, label: string, clickOnDisplay = false): Promise<Displayed> {
  await waitFor(() => probe.watch(AUTHLENS_ID, { clickOnDisplay }).then(() => true), "the mail tab's message pane", 15000, 50);
  const before = await probe.backgroundState(AUTHLENS_ID);
  const asked = Date.now();
  await messenger.mailTabs.setSelectedMessages(tabId, [message.id]);
  const records = await probe.settle({ label, quietMs: 300, timeoutMs: 15000 });
  return { before, asked, records, timing: displayTiming(records, asked, label) };
}

/** Waits until Thunderbird has unloaded AuthLens's background page. */
async function unloaded(idleMs: number): Promise<void> {
  await waitFor(async () => (await probe.backgroundState(AUTHLENS_ID)) === "stopped", "AuthLens's background page to be unloaded", idleMs + 30000, 100);
}

/** The popup's marks once it has painted, asked for after it has had time to (not to disturb it). */
async function popupPaint(): Promise<PopupMarks | string> {
  await sleep(1500);
  let last: PopupMarks | null = null;
  for (let i = 0; i < 40; i++) {
    last = await askAuthLens<PopupMarks | null>({ authlensBench: "popup", close: true });
    if (last?.marks.painted !== undefined) return last;
    await sleep(200);
  }
  return last ? `the popup did not paint (marks ${JSON.stringify(last.marks)}, showing "${last.text}")` : "no popup opened";
}

/** The page's marks, if they belong to the page that `t` saw start (the one that handled the display). */
async function pageMarks(t: DisplayTiming): Promise<PageMarks | undefined> {
  const page = await askAuthLens<PageMarks>({ authlensBench: "page" });
  if (t.pageStart !== undefined && page.timeOrigin < t.pageStart) return undefined;
  return page;
}

/**
 * Where the time went, from the parent's records and (instrumented build) the page's own marks.
 * Every figure is a duration in ms between two of these moments.
 */
function breakdown(asked: number, t: DisplayTiming, page: PageMarks | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (name: string, to: number | undefined, from: number | undefined) => {
    if (to !== undefined && from !== undefined) out[name] = to - from;
  };
  put("selection → display (Thunderbird)", t.display, asked);
  put("selection → page load begins", t.pageStart, asked);
  put("display → page running (listeners registered)", t.pageStarted, t.display);
  put("page load begins → page running", t.pageStarted, t.pageStart);
  if (!page) return out;
  const point = (name: string, after = 0) => page.points.find((p) => p.name === name && p.t >= after)?.t;
  const scriptStart = point("script-start");
  const scriptEnd = point("script-end");
  const listener = point("event:onMessagesDisplayed", t.display - 5);
  put("page: created (load begins → document)", page.timeOrigin, t.pageStart);
  const early = point("first script (early.js)");
  put("page: document → first script runs", early ?? scriptStart, page.timeOrigin);
  const apis = point("chrome API object built");
  put("page: WebExtension API objects built on first use (browser, chrome)", apis, early);
  if (early !== undefined) put("page: background.js loaded and compiled (first script → background.js runs)", scriptStart, apis ?? early);
  put("page: script evaluated, listeners added (script start → end)", scriptEnd, scriptStart);
  put("page: script end → Thunderbird has the listeners", t.pageStarted, scriptEnd);
  put("display → AuthLens's display listener runs", listener, t.display);
  const before = (s: { start: number }) => s.start <= t.button;
  const settings = page.spans.filter((s) => /^(storage|accounts)\./.test(s.name) && before(s));
  if (settings.length > 0) {
    const ends = settings.map((s) => s.end ?? s.start);
    out["settings load (storage, policy, accounts: first call → last answer)"] = Math.max(...ends) - Math.min(...settings.map((s) => s.start));
  }
  const read = page.spans.find((s) => s.name.startsWith("messages.get") && before(s));
  put("header read", read?.end, read?.start);
  if (listener !== undefined) {
    const calls = page.spans.filter((s) => s.name.startsWith("messageDisplayAction.") && s.start >= listener && before(s));
    const first = calls[0]?.start;
    put("display listener → first button call (analysis)", first, listener);
    if (calls.length > 0) put("button calls (first call → last answer)", Math.max(...calls.map((c) => c.end ?? c.start)), first);
    put("display listener → button shown", t.button, listener);
  }
  return out;
}

/**
 * What each module's top-level code cost in this page: from its mark to the next module's (the last
 * one's to the end of the script). Modules run in dependency order, each after its imports.
 */
function moduleCosts(page: PageMarks): Record<string, number> {
  const end = page.points.find((p) => p.name === "script-end")?.t;
  const out: Record<string, number> = {};
  page.modules.forEach((m, i) => {
    const next = page.modules[i + 1]?.t ?? end;
    if (next !== undefined) out[m.name] = Math.max(0, next - m.t);
  });
  return out;
}

/** The modules whose evaluation costs most (median over the pages), as metrics. */
async function reportModules(prefix: string, pages: PageMarks[], top = 8): Promise<void> {
  const costs = pages.map(moduleCosts);
  const names = [...new Set(costs.flatMap((c) => Object.keys(c)))];
  const medians = names.map((name) => [name, percentile(costs.map((c) => c[name] ?? 0), 50)] as const).sort((a, b) => b[1] - a[1]);
  const total = percentile(costs.map((c) => Object.values(c).reduce((a, b) => a + b, 0)), 50);
  await metric(`${prefix}: script evaluation, all ${names.length} modules, p50`, total, "ms");
  for (const [name, ms] of medians.slice(0, top)) await metric(`${prefix}: script evaluation of ${name}, p50`, ms, "ms");
}

/** One wake's events in order, in ms from the display (for the log). */
function timeline(r: Displayed & { timing: DisplayTiming }, page: PageMarks): string {
  const t = r.timing;
  const events: [number, string][] = [
    [r.asked, "selection"],
    [t.display, "display"],
    [t.button, "button shown"],
    [page.timeOrigin, "page document"],
    ...(t.pageStart === undefined ? [] : [[t.pageStart, "page load begins"] as [number, string]]),
    ...(t.pageStarted === undefined ? [] : [[t.pageStarted, "page running"] as [number, string]]),
    ...page.points.map((p): [number, string] => [p.t, p.name]),
    ...page.spans.map((s): [number, string] => [s.start, `${s.name} (${s.end === undefined ? "no answer" : `${Math.round(s.end - s.start)} ms`})`]),
  ];
  return events
    .sort((a, b) => a[0] - b[0])
    .map(([at, name]) => `${Math.round(at - t.display)} ${name}`)
    .join("; ");
}

/** The popup's own marks, in ms from the click. */
function popupFigures(click: number, p: PopupMarks): Record<string, number> {
  const out: Record<string, number> = { "popup: click → popup document": p.timeOrigin - click };
  for (const [name, t] of Object.entries(p.marks)) out[`popup: click → ${name}`] = t - click;
  return out;
}

async function reportPercentiles(name: string, xs: number[], unit = "ms"): Promise<void> {
  if (xs.length === 0) return;
  await metric(`${name}, p50`, percentile(xs, 50), unit);
  await metric(`${name}, p95`, percentile(xs, 95), unit);
}

/** Medians of each breakdown figure over the runs that have it. */
async function reportBreakdown(prefix: string, runs: Record<string, number>[]): Promise<void> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  for (const name of names) {
    const xs = runs.map((r) => r[name]).filter((x): x is number => x !== undefined);
    await metric(`${prefix}: ${name}, p50`, percentile(xs, 50), "ms");
  }
}

interface Mailbox {
  tabId: number;
  /** The next message of the sequence, with its button label. */
  next(): { message: MessageHeader; label: string; pick: Pick };
}

/** The next message of the sequence to display (shared by the tests of one run of Thunderbird). */
let cursor = 0;

async function mailbox(d: ColdStartData): Promise<Mailbox> {
  const tabId = await mailTab();
  const inbox = await localInbox();
  await showInbox(tabId, inbox, d.count);
  const bySubject = new Map((await listMessages(inbox)).map((m) => [m.subject, m]));
  return {
    tabId,
    next() {
      const pick = d.sequence[cursor++ % d.sequence.length];
      assert(pick, "a message to display");
      const message = bySubject.get(pick.subject);
      assert(message, `"${pick.subject}" in the Inbox`);
      const label = d.labels[pick.level];
      assert(label, `a label for ${pick.level}`);
      return { message, label, pick };
    },
  };
}

/** A display that must have woken the unloaded page: retried (up to 3 times) when something else woke it first. */
async function wakeDisplay(box: Mailbox, d: ColdStartData, clickOnDisplay = false): Promise<Displayed & { timing: DisplayTiming }> {
  let why = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    await unloaded(d.idleMs);
    const { message, label } = box.next();
    const r = await displayAndRecord(box.tabId, message, label, clickOnDisplay);
    if (typeof r.timing === "string") throw new Error(`"${message.subject}": ${r.timing}`);
    // The page was unloaded when the message was selected, and it was this selection that loaded it.
    if (r.before === "stopped" && r.timing.pageStarted !== undefined) return { ...r, timing: r.timing };
    why = `state before ${r.before}, ${r.timing.pageStarted === undefined ? "no page start after the selection" : "a page start"}`;
    await log(`not a wake from an unloaded page (${why}); again`);
    if (clickOnDisplay) await popupPaint();
  }
  throw new Error(`no display woke the unloaded page in 3 attempts (${why})`);
}

async function benchWake(data: Record<string, unknown>): Promise<void> {
  const d = data as unknown as ColdStartData;
  const box = await mailbox(d);
  // The first display of the profile (first analysis, folder caches): not measured.
  const first = box.next();
  await displayAndRecord(box.tabId, first.message, first.label);
  const wakes: number[] = [];
  const warm: number[] = [];
  const runs: Record<string, number>[] = [];
  const pages: PageMarks[] = [];
  for (let i = 0; i < (d.wakes ?? 20); i++) {
    const r = await wakeDisplay(box, d);
    wakes.push(r.timing.button - r.timing.display);
    const page = d.marks ? await pageMarks(r.timing) : undefined;
    if (page) pages.push(page);
    runs.push(breakdown(r.asked, r.timing, page));
    if (page && i < 3) await log(`wake ${i + 1}, ms from the display: ${timeline(r, page)}`);
    // The next message, on the page just woken (still running): the figure to compare with.
    if (i < (d.warm ?? 0)) {
      const { message, label } = box.next();
      const w = await displayAndRecord(box.tabId, message, label);
      if (typeof w.timing !== "string" && w.before === "running" && w.timing.pageStart === undefined) warm.push(w.timing.button - w.timing.display);
    }
  }
  await log(`wakes: display → button ${wakes.join(", ")} ms`);
  await reportPercentiles("after a wake: display → button", wakes);
  await metric("after a wake: wakes measured", wakes.length, "");
  await reportPercentiles("the next display, on the page just woken: display → button", warm);
  await reportBreakdown("after a wake", runs);
  if (pages.length > 0) await reportModules("after a wake", pages);
}

async function benchPopupWake(data: Record<string, unknown>): Promise<void> {
  const d = data as unknown as ColdStartData;
  const box = await mailbox(d);
  interface Group {
    /** Click → first paint of the expected verdict. */
    verdict: number[];
    /** Click → first paint, whatever the popup shows. */
    any: number[];
    wrong: string[];
    marks: Record<string, number>[];
  }
  const group = (): Group => ({ verdict: [], any: [], wrong: [], marks: [] });
  const record = (g: Group, click: number, p: PopupMarks | string, expected: string) => {
    if (typeof p === "string") {
      g.wrong.push(p);
      return;
    }
    g.any.push((p.marks.painted ?? NaN) - click);
    if (p.verdict !== expected) {
      g.wrong.push(`showed "${p.verdict ?? p.text}" instead of "${expected}"`);
      return;
    }
    g.verdict.push((p.marks.painted ?? NaN) - click);
    g.marks.push(popupFigures(click, p));
  };
  // 1. Clicked as soon as the message is displayed, while that display has the page loading.
  const atWake = group();
  for (let i = 0; i < (d.popupWakes ?? 10); i++) {
    const r = await wakeDisplay(box, d, true);
    assert(r.timing.click !== undefined, "the probe clicked the button at the display");
    record(atWake, r.timing.click, await popupPaint(), r.timing.final.label);
  }
  // 2. A message displayed a while ago, the page unloaded since: then the click.
  const afterSleep = group();
  for (let i = 0; i < (d.popupAfterSleep ?? 10); i++) {
    const r = await wakeDisplay(box, d);
    await unloaded(d.idleMs);
    const state = await probe.backgroundState(AUTHLENS_ID);
    const click = await probe.click(AUTHLENS_ID);
    assert(state === "stopped", `the page was unloaded before the click (${state})`);
    record(afterSleep, click, await popupPaint(), r.timing.final.label);
  }
  for (const [name, g] of [
    ["popup opened at a waking display", atWake],
    ["popup opened after the page was unloaded", afterSleep],
  ] as const) {
    await reportPercentiles(`${name}: click → first paint of the verdict`, g.verdict);
    await reportPercentiles(`${name}: click → first paint, whatever it shows`, g.any);
    await metric(`${name}: popups without the verdict`, g.wrong.length, "");
    for (const w of g.wrong.slice(0, 3)) await log(`${name}: ${w}`);
    await reportBreakdown(name, g.marks);
  }
}

const WAKE_BUTTON = "display → button after Thunderbird unloaded the idle background page";
const WAKE_POPUP = "the popup opened at a display that wakes the page, and after the page slept";
const START = "the first message after Thunderbird starts: display → button, and the popup opened at that display";
// The product XPI as shipped (the headline figures), and the instrumented build (where the time goes, and the popup).
test("bench-wake", WAKE_BUTTON, benchWake);
test("bench-wake-marks", WAKE_BUTTON, benchWake);
test("bench-wake-marks", WAKE_POPUP, benchPopupWake);
test("bench-start", START, benchStart);
test("bench-start-marks", START, benchStart);

/** The first display after this start of Thunderbird (and the popup at it, in the popup phases). */
async function freshStart(d: ColdStartData, hello: Hello): Promise<StartSample> {
  const phases = d.phases ?? { warmup: [1], button: [], popup: [] };
  const kind = phases.popup.includes(hello.phase) ? "popup" : phases.button.includes(hello.phase) ? "button" : "warmup";
  cursor = hello.phase;
  // How soon the probe (like a person) can select a message after the launch.
  const ready: Record<string, number> = { "launch → probe page": performance.timeOrigin - hello.launchedAt };
  await mailTab();
  ready["launch → mail tab ready"] = Date.now() - hello.launchedAt;
  const box = await mailbox(d);
  ready["launch → message list read"] = Date.now() - hello.launchedAt;
  const { message, label } = box.next();
  const r = await displayAndRecord(box.tabId, message, label, kind === "popup");
  const sample: StartSample = { phase: hello.phase, kind, stateAtSelection: r.before, figures: ready };
  if (typeof r.timing === "string") return { ...sample, error: r.timing };
  const t = r.timing;
  const f = sample.figures;
  f["display → button"] = t.button - t.display;
  f["launch → selection"] = r.asked - hello.launchedAt;
  f["launch → display"] = t.display - hello.launchedAt;
  if (kind === "popup") {
    if (t.click === undefined) return { ...sample, error: "the probe did not click at the display" };
    const p = await popupPaint();
    if (typeof p === "string") return { ...sample, error: p };
    sample.popup = { verdict: p.verdict, text: p.text };
    if (p.verdict === label) f["popup: click → first paint of the verdict"] = (p.marks.painted ?? NaN) - t.click;
    Object.assign(f, popupFigures(t.click, p));
  }
  const page = d.marks ? await askAuthLens<PageMarks>({ authlensBench: "page" }) : undefined;
  Object.assign(f, breakdown(r.asked, t, page));
  if (page) {
    const point = (name: string) => page.points.find((p) => p.name === name)?.t;
    const scriptEnd = point("script-end");
    f["launch → AuthLens's page document"] = page.timeOrigin - hello.launchedAt;
    if (scriptEnd !== undefined) f["launch → AuthLens's script evaluated"] = scriptEnd - hello.launchedAt;
  }
  // Leave nothing selected, so that the next start shows no message before the probe selects one.
  await messenger.mailTabs.setSelectedMessages(box.tabId, []);
  await sleep(500);
  return sample;
}

async function benchStart(data: Record<string, unknown>): Promise<void> {
  const d = data as unknown as ColdStartData;
  const hello = await send<Hello>({ kind: "hello" });
  const sample = await freshStart(d, hello);
  await call("sample", sample);
  const lastPhase = Math.max(...Object.values(d.phases ?? { warmup: [1] }).flat());
  if (hello.phase < lastPhase) {
    if (sample.error) throw new Error(`phase ${hello.phase}: ${sample.error}`);
    return;
  }
  const samples = await call<StartSample[]>("samples");
  const of = (kind: StartSample["kind"]) => samples.filter((s) => s.kind === kind && !s.error);
  const fig = (xs: StartSample[], name: string) => xs.map((s) => s.figures[name]).filter((x): x is number => x !== undefined);
  const button = of("button");
  const popup = of("popup");
  await log(`fresh starts: ${samples.map((s) => `${s.phase}/${s.kind}/${s.stateAtSelection}: ${s.error ?? Math.round(s.figures["display → button"] ?? NaN)}`).join("; ")}`);
  for (const w of of("warmup")) await metric("first start after install: display → button", w.figures["display → button"] ?? NaN, "ms");
  await reportPercentiles("fresh start, first message: display → button", fig(button, "display → button"));
  await metric("fresh starts measured", button.length, "");
  for (const state of new Set(button.map((s) => s.stateAtSelection))) {
    await metric(`fresh starts where AuthLens's page was ${state} at the selection`, button.filter((s) => s.stateAtSelection === state).length, "");
  }
  if ((d.phases?.popup.length ?? 0) > 0) {
    await reportPercentiles("fresh start: popup opened at the first display, click → first paint of the verdict", fig(popup, "popup: click → first paint of the verdict"));
    const noVerdict = popup.filter((s) => s.figures["popup: click → first paint of the verdict"] === undefined);
    await metric("fresh start: popups without the verdict", noVerdict.length, "");
    for (const s of noVerdict.slice(0, 5)) await log(`fresh start ${s.phase}: the popup showed "${s.popup?.verdict ?? s.popup?.text}"`);
  }
  const failed = samples.filter((s) => s.error);
  for (const s of failed) await log(`fresh start ${s.phase} not measured: ${s.error}`);
  await reportBreakdown("fresh start", button.map((s) => s.figures));
  await reportBreakdown("fresh start", popup.map((s) => Object.fromEntries(Object.entries(s.figures).filter(([name]) => name.startsWith("popup: click → ") && !name.includes("verdict")))));
  if (failed.length > 0) throw new Error(`${failed.length} fresh starts not measured: ${failed.map((s) => s.error).join("; ")}`);
}
