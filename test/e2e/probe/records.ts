/**
 * What the probe's experiment records in Thunderbird's parent process, all with Date.now() times
 * (one clock for every process), and how a display's timings are read from it.
 */

export interface ButtonState {
  label: string;
  tooltip: string;
  badge: string;
  /** The icon's file name without .svg ("verified", "neutral", ...). */
  icon: string;
}

export type ProbeRecord =
  /** The mail tab's about:message fired MsgsLoaded: what messageDisplay.onMessagesDisplayed reports. */
  | { t: number; kind: "display" }
  /** The add-on's button in the mail tab changed (attributes set by Thunderbird in an animation frame). */
  | { t: number; kind: "button"; state: ButtonState }
  /** A primed event asked for the stopped background page (Thunderbird's "background-script-event"). */
  | { t: number; kind: "wake" }
  /** Thunderbird began building the background page ("start-background-script"). */
  | { t: number; kind: "page-start" }
  /** The page's script ran and its listeners are registered ("background-script-started"). */
  | { t: number; kind: "page-started" }
  /** The idle timeout unloads the page ("background-script-suspend"). */
  | { t: number; kind: "page-suspend" }
  /** The probe clicked the add-on's button. */
  | { t: number; kind: "click" };

export interface DisplayTiming {
  /** When the message was displayed (MsgsLoaded). */
  display: number;
  /** When the button first showed its final state after the display. */
  button: number;
  final: ButtonState;
  /** When the background page was asked for, began loading and was running, if it was started after the selection. */
  wake?: number;
  pageStart?: number;
  pageStarted?: number;
  click?: number;
}

const same = (a: ButtonState, b: ButtonState) => a.label === b.label && a.tooltip === b.tooltip && a.badge === b.badge && a.icon === b.icon;

/**
 * The display after `asked` and when the button first showed the state it ended in. Thunderbird
 * re-renders the button with the previous message's state when a new message is shown, and AuthLens
 * may show "checking" first: only the final state counts. Undefined when there was no display, the
 * button never changed after it, or it ended on another label than `label`.
 */
export function displayTiming(records: readonly ProbeRecord[], asked: number, label: string): DisplayTiming | string {
  const after = records.filter((r) => r.t >= asked);
  const display = after.find((r) => r.kind === "display");
  if (!display) return "no display event after the selection";
  const buttons = after.filter((r): r is Extract<ProbeRecord, { kind: "button" }> => r.kind === "button");
  const final = buttons.at(-1)?.state;
  if (!final) return "the button never changed";
  if (final.label !== label) return `the button ended on "${final.label}", expected "${label}"`;
  const first = buttons.find((b) => b.t >= display.t && same(b.state, final));
  if (!first) return "the button did not change after the display";
  // A page start is one that reached "running" (Thunderbird also announces starts that find the
  // page already running and do nothing): the last announcements before that.
  const pageStarted = after.find((r) => r.kind === "page-started")?.t;
  const last = (kind: ProbeRecord["kind"], before: number | undefined) =>
    before === undefined ? undefined : after.filter((r) => r.kind === kind && r.t <= before).at(-1)?.t;
  const pageStart = last("page-start", pageStarted);
  return {
    display: display.t,
    button: first.t,
    final,
    wake: last("wake", pageStart),
    pageStart,
    pageStarted,
    click: after.find((r) => r.kind === "click")?.t,
  };
}

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
