/** planActions: order, de-duplication, first rule wins, one move, move last. */
import { describe, expect, it } from "vitest";
import { type Action, planActions, type RuleMatch } from "../../../../src/core/rules/index.js";
import { alreadyApplied } from "../../../../src/core/rules/plan.js";
import { reason } from "../../../../src/core/reason.js";
import { englishRules } from "../../../../src/cli/rule-words.js";

function m(id: string, actions: Action[], matched = true): RuleMatch {
  return { ruleId: id, ruleName: `Rule ${id}`, matched, conditions: [], actions, stopped: false };
}

const move = (path: string): Action => ({ type: "moveTo", folder: { path } });
const copy = (path: string): Action => ({ type: "copyTo", folder: { path } });

describe("planActions", () => {
  it("tags, read, flag, junk, copies, then the move last; each tagged with its rule", () => {
    const plan = planActions([
      m("a", [move("Archive"), { type: "addTag", tag: "$x" }]),
      m("b", [copy("Backup"), { type: "markJunk", junk: false }, { type: "flag", flagged: true }, { type: "markRead", read: true }]),
      m("c", [{ type: "removeTag", tag: "$y" }]),
    ]);
    expect(plan.actions.map((p) => [p.ruleId, p.action.type])).toEqual([
      ["a", "addTag"],
      ["c", "removeTag"],
      ["b", "markRead"],
      ["b", "flag"],
      ["b", "markJunk"],
      ["b", "copyTo"],
      ["a", "moveTo"],
    ]);
    expect(plan.actions[0]).toEqual({ action: { type: "addTag", tag: "$x" }, ruleId: "a", ruleName: "Rule a" });
    expect(plan.skipped).toEqual([]);
  });

  it("rules that did not match contribute nothing", () => {
    expect(planActions([m("a", [move("X")], false)])).toEqual({ actions: [], skipped: [] });
    expect(planActions([])).toEqual({ actions: [], skipped: [] });
  });

  it("two moves: the first wins, the later one is skipped with a note", () => {
    const plan = planActions([m("a", [move("First")]), m("b", [move("Second")])]);
    expect(plan.actions.map((p) => p.action)).toEqual([move("First")]);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.skipped[0]).toMatchObject({ ruleId: "b", action: move("Second") });
    expect(plan.skipped[0]?.note).toEqual(reason("rules_skipMoved", "Rule a"));
    expect(englishRules.reason(reason("rules_skipMoved", "Rule a"))).toBe("The rule “Rule a” moves the message first; a message is moved only once");
  });

  it("a copy to the move's folder, and a second copy to one folder, are skipped", () => {
    const plan = planActions([m("a", [copy("X"), copy("Y")]), m("b", [move("X"), copy("Y")])]);
    expect(plan.actions.map((p) => [p.ruleId, p.action])).toEqual([
      ["a", copy("Y")],
      ["b", move("X")],
    ]);
    expect(plan.skipped.map((s) => [s.ruleId, s.action])).toEqual([
      ["a", copy("X")],
      ["b", copy("Y")],
    ]);
    expect(plan.skipped.map((s) => s.note)).toEqual([reason("rules_skipCopyMoved", "Rule b"), reason("rules_skipCopied", "Rule a")]);
  });

  it("folders differ by account and by special use", () => {
    const plan = planActions([
      m("a", [{ type: "copyTo", folder: { path: "X" } }, { type: "copyTo", folder: { accountId: "account2", path: "X" } }]),
      m("b", [{ type: "moveTo", folder: { specialUse: "trash" } }, { type: "moveTo", folder: { accountId: "account2", specialUse: "trash" } }]),
    ]);
    expect(plan.actions).toHaveLength(3);
    expect(plan.skipped).toHaveLength(1);
  });

  it("the same tag twice: done once; contradicting tag or state: the first rule wins", () => {
    const plan = planActions([
      m("a", [{ type: "addTag", tag: "$t" }, { type: "markRead", read: true }, { type: "flag", flagged: false }]),
      m("b", [
        { type: "addTag", tag: "$t" },
        { type: "removeTag", tag: "$t" },
        { type: "markRead", read: false },
        { type: "flag", flagged: false },
        { type: "markJunk", junk: true },
      ]),
      m("c", [{ type: "markJunk", junk: false }]),
    ]);
    expect(plan.actions.map((p) => [p.ruleId, p.action])).toEqual([
      ["a", { type: "addTag", tag: "$t" }],
      ["a", { type: "markRead", read: true }],
      ["a", { type: "flag", flagged: false }],
      ["b", { type: "markJunk", junk: true }],
    ]);
    expect(plan.skipped.map((s) => englishRules.reason(s.note))).toEqual([
      "The rule “Rule a” already does this",
      "It contradicts the rule “Rule a”, which comes first and wins",
      "It contradicts the rule “Rule a”, which comes first and wins",
      "The rule “Rule a” already does this",
      "It contradicts the rule “Rule b”, which comes first and wins",
    ]);
  });

  it("is deterministic", () => {
    const matches = [m("a", [move("X"), { type: "addTag", tag: "$a" }]), m("b", [copy("Y"), move("Z")])];
    expect(planActions(matches)).toEqual(planActions(structuredClone(matches)));
  });
});

describe("alreadyApplied", () => {
  const state = { tags: ["$label1"], read: true, flagged: false, junk: false };
  it("says when a tag, read, flag or junk action would change nothing", () => {
    expect(alreadyApplied(state, { type: "addTag", tag: "$label1" })).toBe(true);
    expect(alreadyApplied(state, { type: "addTag", tag: "other" })).toBe(false);
    expect(alreadyApplied(state, { type: "removeTag", tag: "other" })).toBe(true);
    expect(alreadyApplied(state, { type: "removeTag", tag: "$label1" })).toBe(false);
    expect(alreadyApplied(state, { type: "markRead", read: true })).toBe(true);
    expect(alreadyApplied(state, { type: "markRead", read: false })).toBe(false);
    expect(alreadyApplied(state, { type: "flag", flagged: false })).toBe(true);
    expect(alreadyApplied(state, { type: "markJunk", junk: true })).toBe(false);
  });
  it("never for a move or a copy, and not for an unknown junk state", () => {
    expect(alreadyApplied(state, { type: "moveTo", folder: { path: "Inbox" } })).toBe(false);
    expect(alreadyApplied(state, { type: "copyTo", folder: { specialUse: "archives" } })).toBe(false);
    expect(alreadyApplied({ tags: [] }, { type: "markJunk", junk: false })).toBe(false);
  });
});
