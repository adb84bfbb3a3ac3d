/** What the harness passes to the cold-start probe's tests (scenario data). */

/** A message to display and the verdict AuthLens must show for it. */
export interface Pick {
  subject: string;
  level: string;
}

export interface ColdStartData {
  /** Messages in the Inbox. */
  count: number;
  /** Messages to display, in order; no two in a row have the same verdict, so the button changes every time. */
  sequence: Pick[];
  /** The button's label for each verdict level (AuthLens's English strings). */
  labels: Record<string, string>;
  /** AuthLens is the instrumented build (build/addon-marks/), which can tell where its time went. */
  marks: boolean;
  /** extensions.background.idle.timeout of the profile, ms. */
  idleMs: number;
  /** After-a-wake scenarios: how many of each measurement. */
  wakes?: number;
  warm?: number;
  popupWakes?: number;
  popupAfterSleep?: number;
  /** Fresh-start scenarios: which phases (Thunderbird starts) measure what. */
  phases?: { warmup: number[]; button: number[]; popup: number[] };
}

/** One fresh start's figures, kept by the harness across Thunderbird's restarts. */
export interface StartSample {
  phase: number;
  kind: "warmup" | "button" | "popup";
  /** AuthLens's background state when the message was selected. */
  stateAtSelection: string;
  /** Durations (ms) by name; the button's or the popup's latency among them. */
  figures: Record<string, number>;
  /** What the popup showed, when the phase measured the popup. */
  popup?: { verdict: string | null; text: string };
  error?: string;
}
