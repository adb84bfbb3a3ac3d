/**
 * Last module of the instrumented AuthLens background: marks the end of the script's evaluation
 * (the product's start() has registered its listeners by then) and answers the probe.
 */
import { messenger } from "../../../src/shared/api.js";
import { point, points, spans } from "./hook.js";
import { PROBE_ID, type MarksRequest, type PageMarks, type PopupMarks } from "./protocol.js";

point("script-end");

/** Date.now() of a time on `perf`'s clock (both read now, so the two clocks need not agree). */
const toEpoch = (perf: Performance) => {
  const offset = Date.now() - perf.now();
  return (t: number) => offset + t;
};

function pageMarks(): PageMarks {
  const epoch = toEpoch(performance);
  return {
    timeOrigin: epoch(0),
    points: points.map((p) => ({ name: p.name, t: epoch(p.t) })),
    spans: spans.map((s) => ({ name: s.name, start: epoch(s.start), end: s.end === undefined ? undefined : epoch(s.end) })),
    modules: ((globalThis as { authlensBenchModules?: { name: string; t: number }[] }).authlensBenchModules ?? []).map((m) => ({ name: m.name, t: epoch(m.t) })),
  };
}

const extension = messenger.extension as unknown as { getViews(filter: { type: string }): Window[] };

function popupMarks(close: boolean): PopupMarks | null {
  const win = extension.getViews({ type: "popup" })[0];
  if (!win) return null;
  const epoch = toEpoch(win.performance);
  const marks: Record<string, number> = {};
  for (const m of win.performance.getEntriesByType("mark")) {
    if (m.name.startsWith("authlens:")) marks[m.name.slice("authlens:".length)] = epoch(m.startTime);
  }
  const root = win.document.querySelector("authlens-popup")?.shadowRoot;
  const text = root?.textContent?.replace(/\s+/g, " ").trim().slice(0, 200) ?? "";
  const verdict = root?.querySelector("#verdict-level")?.textContent?.trim() ?? null;
  const answer = { marks, timeOrigin: epoch(0), verdict, text };
  if (close && marks.painted !== undefined) win.close();
  return answer;
}

messenger.runtime.onMessageExternal.addListener((message: unknown, sender: { id?: string }) => {
  if (sender.id !== PROBE_ID || message === null || typeof message !== "object") return undefined;
  const request = message as MarksRequest;
  if (request.authlensBench === "page") return Promise.resolve(pageMarks());
  if (request.authlensBench === "popup") return Promise.resolve(popupMarks(request.close));
  return undefined;
});
