/**
 * How the cold-start probe asks the instrumented AuthLens build (build/addon-marks/) for the marks
 * its background page and popup took: runtime messages between the two add-ons, sent only after a
 * measurement. Times are converted to Date.now() epoch milliseconds by the answering page.
 */
export const AUTHLENS_ID = "authlens@authlens.org";
export const PROBE_ID = "authlens-probe@authlens.org";

export type MarksRequest = { authlensBench: "page" } | { authlensBench: "popup"; close: boolean };

/** A call into Thunderbird the page made (API method), from its call to its answer. */
export interface Span {
  name: string;
  start: number;
  end?: number;
}

export interface PageMarks {
  /** When this background page began loading (its performance.timeOrigin). */
  timeOrigin: number;
  /** Points in the page's life: script-start, script-end, event:<name>, ... */
  points: { name: string; t: number }[];
  spans: Span[];
  /** Where each bundled module began its evaluation, in order. */
  modules: { name: string; t: number }[];
}

export interface PopupMarks {
  /** The popup's own `authlens:*` User Timing marks, by name without the prefix. */
  marks: Record<string, number>;
  timeOrigin: number;
  /** The verdict it shows (#verdict-level), or what else it says. */
  verdict: string | null;
  text: string;
}
