/** What the popup gets for a tab whose analysis is still running: the finished view, not "working". */
import { describe, expect, it } from "vitest";
import { setTabView, viewForPopup } from "../../../src/background/tab-views.js";
import type { TabView } from "../../../src/shared/view-types.js";

describe("viewForPopup", () => {
  it("waits for the analysis of the shown message to finish", async () => {
    setTabView(7, { state: "working", messageId: 42 });
    const answer = viewForPopup(7);
    // A late analysis of the message shown before does not answer for this one.
    setTabView(7, { state: "error", message: "old", messageId: 41 });
    setTabView(7, { state: "working", messageId: 42 });
    const finished: TabView = { state: "error", message: "could not read the message", messageId: 42 };
    setTabView(7, finished);
    expect(await answer).toEqual(finished);
  });

  it("answers at once with a finished view, and with nothing for an unknown tab", async () => {
    const neutral: TabView = { state: "neutral", count: 3 };
    setTabView(8, neutral);
    expect(await viewForPopup(8)).toEqual(neutral);
    expect(await viewForPopup(9)).toBeUndefined();
  });
});
