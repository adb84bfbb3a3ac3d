/**
 * executePlan with a fake Thunderbird (messages, folders, tags): everything a plan needs is
 * prepared before the message is touched, tags/read/flag/junk go in one update, copies come before
 * the move, nothing is done twice, and every failure is logged without leaving a half-done message.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Action } from "../../../../src/core/rules/schema.js";
import type { ActionPlan, PlannedAction, SkippedAction } from "../../../../src/core/rules/plan.js";
import type { LogEntry } from "../../../../src/shared/data-types.js";
import { reason } from "../../../../src/core/reason.js";
import { englishRules } from "../../../../src/cli/rule-words.js";
import { messageHeader } from "../fake-thunderbird.js";

type MessageHeader = messenger.messages.MessageHeader;
type MailFolder = messenger.folders.MailFolder;

interface FakeFolder {
  id: string;
  accountId: string;
  path: string;
  specialUse: string[];
}

interface FakeMessage {
  id: number;
  folderId: string;
  headerMessageId: string;
  subject: string;
  tags: string[];
  read: boolean;
  flagged: boolean;
  junk: boolean;
}

interface StateChange {
  tags?: string[];
  read?: boolean;
  flagged?: boolean;
  junk?: boolean;
}

/** What AuthLens asked Thunderbird to change, in order (reads are not listed). */
type Op =
  | { op: "update"; id: number; change: StateChange }
  | { op: "copy"; ids: number[]; folderId: string }
  | { op: "move"; ids: number[]; folderId: string }
  | { op: "createTag"; key: string; tag: string; color: string };

const FOLDERS: FakeFolder[] = [
  { id: "account1://INBOX", accountId: "account1", path: "/INBOX", specialUse: ["inbox"] },
  { id: "account1://Archive", accountId: "account1", path: "/Archive", specialUse: ["archives"] },
  { id: "account1://Backup", accountId: "account1", path: "/Backup", specialUse: [] },
  { id: "account1://Junk", accountId: "account1", path: "/Junk", specialUse: ["junk"] },
  { id: "account2://INBOX", accountId: "account2", path: "/INBOX", specialUse: ["inbox"] },
  { id: "account2://Archive", accountId: "account2", path: "/Archive", specialUse: [] },
];

const tb = {
  messages: new Map<number, FakeMessage>(),
  /** Message-IDs held by each folder besides the messages above (earlier copies). */
  held: new Map<string, string[]>(),
  tags: [] as { key: string; tag: string; color: string }[],
  ops: [] as Op[],
  tagLists: 0,
  failUpdate: null as Error | null,
  failCopy: null as Error | null,
};

function folderOf(id: string): MailFolder {
  const f = FOLDERS.find((x) => x.id === id);
  if (!f) throw new Error(`no folder ${id}`);
  return { id: f.id, accountId: f.accountId, path: f.path, name: f.path.slice(1), specialUse: f.specialUse as MailFolder["specialUse"] };
}

function header(m: FakeMessage): MessageHeader {
  const { folderId, tags, ...rest } = m;
  return messageHeader({ ...rest, tags: [...tags], folder: folderOf(folderId) });
}

function stored(id: number): FakeMessage {
  const m = tb.messages.get(id);
  if (!m) throw new Error(`message ${id} not found`);
  return m;
}

const browser = {
  messages: {
    get: (id: number) => Promise.resolve().then(() => header(stored(id))),
    update: (id: number, change: StateChange) => {
      if (tb.failUpdate) return Promise.reject(tb.failUpdate);
      tb.ops.push({ op: "update", id, change: structuredClone(change) });
      Object.assign(stored(id), change);
      return Promise.resolve();
    },
    copy: (ids: number[], folderId: string) => {
      if (tb.failCopy) return Promise.reject(tb.failCopy);
      tb.ops.push({ op: "copy", ids: [...ids], folderId });
      for (const id of ids) tb.held.set(folderId, [...(tb.held.get(folderId) ?? []), stored(id).headerMessageId]);
      return Promise.resolve();
    },
    move: (ids: number[], folderId: string) => {
      tb.ops.push({ op: "move", ids: [...ids], folderId });
      for (const id of ids) stored(id).folderId = folderId;
      return Promise.resolve();
    },
    query: (q: { folderId: string; headerMessageId: string }) => {
      const inFolder = [...tb.messages.values()].filter((m) => m.folderId === q.folderId && m.headerMessageId === q.headerMessageId).map(header);
      const copies = (tb.held.get(q.folderId) ?? []).filter((h) => h === q.headerMessageId);
      return Promise.resolve({ id: null, messages: [...inFolder, ...copies.map((h) => header({ ...stored(1), headerMessageId: h, folderId: q.folderId }))] });
    },
    tags: {
      list: () => {
        tb.tagLists++;
        return Promise.resolve(structuredClone(tb.tags));
      },
      create: (key: string, tag: string, color: string) => {
        tb.ops.push({ op: "createTag", key, tag, color });
        tb.tags.push({ key, tag, color });
        return Promise.resolve();
      },
    },
  },
  folders: {
    query: (q: { accountId: string; path?: string; specialUse?: string[] }) =>
      Promise.resolve(
        FOLDERS.filter(
          (f) =>
            f.accountId === q.accountId &&
            (q.path === undefined || f.path === q.path) &&
            (q.specialUse === undefined || q.specialUse.every((u) => f.specialUse.includes(u))),
        ).map((f) => folderOf(f.id)),
      ),
  },
};

vi.mock("webextension-polyfill", () => ({ default: browser }));
const { executePlan } = await import("../../../../src/background/rules/execute.js");
const { FolderResolver } = await import("../../../../src/background/rules/folders.js");
const { resetTagCache } = await import("../../../../src/background/rules/tags.js");
const { planActions } = await import("../../../../src/core/rules/plan.js");

const MID = "m1@example.com";

function planned(action: Action, ruleId = "r1"): PlannedAction {
  return { action, ruleId, ruleName: `Rule ${ruleId}` };
}

function plan(actions: Action[], skipped: SkippedAction[] = []): ActionPlan {
  return { actions: actions.map((a) => planned(a)), skipped };
}

function ctx() {
  return { resolver: new FolderResolver(), trigger: "selected" as const, messageKey: "fallback-key" };
}

/** The message as AuthLens listed it (before anything changed). */
const listed = (id = 1): MessageHeader => header(stored(id));

/** A log entry's action and detail in English, as the options page words them. */
const said = (value: LogEntry["action"] | LogEntry["detail"]): string =>
  value === null ? "" : typeof value === "string" ? value : "type" in value ? englishRules.action(value) : englishRules.reason(value);
const outcomes = (log: LogEntry[]) => log.map((e) => [said(e.action), e.outcome]);

const move = (path: string): Action => ({ type: "moveTo", folder: { path } });
const copy = (path: string): Action => ({ type: "copyTo", folder: { path } });

beforeEach(() => {
  tb.messages = new Map([[1, { id: 1, folderId: "account1://INBOX", headerMessageId: MID, subject: "Hello", tags: ["$label1"], read: false, flagged: false, junk: false }]]);
  tb.held = new Map();
  tb.tags = [{ key: "$label1", tag: "Important", color: "#ff0000" }];
  tb.ops = [];
  tb.tagLists = 0;
  tb.failUpdate = null;
  tb.failCopy = null;
  resetTagCache();
});

describe("executePlan: tags, read, flag and junk", () => {
  it("are set together in one messages.update, after a missing tag is created", async () => {
    const result = await executePlan(
      listed(),
      plan([
        { type: "addTag", tag: "$authlens_tls", name: "TLS verified", color: "#2e7d32" },
        { type: "removeTag", tag: "$label1" },
        { type: "markRead", read: true },
        { type: "flag", flagged: true },
        { type: "markJunk", junk: true },
      ]),
      ctx(),
    );
    expect(tb.ops).toEqual([
      { op: "createTag", key: "$authlens_tls", tag: "TLS verified", color: "#2e7d32" },
      { op: "update", id: 1, change: { tags: ["$authlens_tls"], read: true, flagged: true, junk: true } },
    ]);
    expect(result.complete).toBe(true);
    expect(result.untouched).toBe(false);
    expect(outcomes(result.log)).toEqual([
      ["add the tag “TLS verified”", "done"],
      ["remove the tag “$label1”", "done"],
      ["mark as read", "done"],
      ["flag", "done"],
      ["mark as junk", "done"],
    ]);
  });

  it("an update without a tag action sends no tags, and a tag Thunderbird has is not created again", async () => {
    await executePlan(listed(), plan([{ type: "flag", flagged: true }]), ctx());
    expect(tb.ops).toEqual([{ op: "update", id: 1, change: { flagged: true } }]);
    tb.ops = [];
    stored(1).tags = [];
    await executePlan(listed(), plan([{ type: "addTag", tag: "$label1" }]), ctx());
    expect(tb.ops).toEqual([{ op: "update", id: 1, change: { tags: ["$label1"] } }]);
  });

  it("each log entry names the message, the rule, the action (as data) and the trigger", async () => {
    const { log } = await executePlan(listed(), plan([{ type: "markRead", read: true }]), ctx());
    expect(log).toEqual([
      {
        time: expect.any(Number),
        subject: "Hello",
        messageId: MID,
        ruleId: "r1",
        ruleName: "Rule r1",
        action: { type: "markRead", read: true },
        outcome: "done",
        detail: null,
        trigger: "selected",
      },
    ]);
    // A message without a Message-ID is logged under AuthLens's own key.
    stored(1).headerMessageId = "";
    stored(1).read = false;
    const again = await executePlan(listed(), plan([{ type: "markRead", read: true }]), ctx());
    expect(again.log[0]?.messageId).toBe("fallback-key");
  });
});

describe("executePlan: a target folder that does not exist", () => {
  it.each([
    ["a path", move("Nowhere"), 'the folder "Nowhere" does not exist in account account1'],
    ["a special folder of another account", { type: "copyTo", folder: { accountId: "account2", specialUse: "junk" } } satisfies Action, "the junk folder does not exist in account account2"],
  ])("(%s): nothing is done to the message and every action is logged as failed", async (_what, missing, why) => {
    const actions: Action[] = [{ type: "markRead", read: true }, { type: "flag", flagged: true }, copy("Backup"), missing];
    const result = await executePlan(listed(), plan(actions), ctx());
    expect(tb.ops.filter((o) => o.op !== "createTag")).toEqual([]);
    expect(stored(1)).toMatchObject({ folderId: "account1://INBOX", read: false, flagged: false });
    expect(result).toMatchObject({ complete: false, untouched: true });
    expect(result.log).toHaveLength(actions.length);
    for (const e of result.log) {
      expect(e.outcome).toBe("failed");
      expect(e.detail).toEqual(reason("log_untouched", why));
      expect(said(e.detail)).toBe(`Nothing was done to the message: ${why}`);
    }
  });
});

describe("executePlan: copies, then the move last", () => {
  it("with a plan from planActions (the move rule listed first), the update, the copy and then the move", async () => {
    const p = planActions([
      { ruleId: "a", ruleName: "Archive it", matched: true, conditions: [], stopped: false, actions: [move("Archive"), { type: "addTag", tag: "$label1" }] },
      { ruleId: "b", ruleName: "Back it up", matched: true, conditions: [], stopped: false, actions: [copy("Backup"), { type: "flag", flagged: true }] },
    ]);
    stored(1).tags = [];
    const result = await executePlan(listed(), p, ctx());
    expect(tb.ops).toEqual([
      { op: "update", id: 1, change: { tags: ["$label1"], flagged: true } },
      { op: "copy", ids: [1], folderId: "account1://Backup" },
      { op: "move", ids: [1], folderId: "account1://Archive" },
    ]);
    expect(result).toMatchObject({ complete: true, untouched: false });
    expect(result.log.map((e) => [e.ruleId, said(e.action), e.outcome])).toEqual([
      ["a", "add the tag “$label1”", "done"],
      ["b", "flag", "done"],
      ["b", "copy to the folder “Backup” of the message's own account", "done"],
      ["a", "move to the folder “Archive” of the message's own account", "done"],
    ]);
  });

  it("a folder is looked up in the message's own account, unless the action names another", async () => {
    await executePlan(listed(), plan([{ type: "moveTo", folder: { accountId: "account2", path: "Archive" } }]), ctx());
    expect(tb.ops).toEqual([{ op: "move", ids: [1], folderId: "account2://Archive" }]);
    tb.ops = [];
    tb.messages.set(2, { ...stored(1), id: 2, folderId: "account2://INBOX", headerMessageId: "m2@example.com" });
    await executePlan(listed(2), plan([move("Archive")]), ctx());
    expect(tb.ops).toEqual([{ op: "move", ids: [2], folderId: "account2://Archive" }]);
  });

  it("a failed copy stops before the move; what was done stays done and the failure is logged", async () => {
    tb.failCopy = new Error("disk full");
    const result = await executePlan(listed(), plan([{ type: "flag", flagged: true }, copy("Backup"), move("Archive")]), ctx());
    expect(tb.ops).toEqual([{ op: "update", id: 1, change: { flagged: true } }]);
    expect(stored(1).folderId).toBe("account1://INBOX");
    expect(result).toMatchObject({ complete: false, untouched: false });
    expect(result.log.map((e) => [said(e.action), e.outcome, said(e.detail)])).toEqual([
      ["flag", "done", ""],
      ["copy to the folder “Backup” of the message's own account", "failed", "Thunderbird reported: disk full"],
    ]);
  });
});

describe("executePlan: a copy the target already holds", () => {
  it("is skipped with a note (e.g. after an interrupted run), and the move still happens", async () => {
    tb.held.set("account1://Backup", [MID]);
    const result = await executePlan(listed(), plan([copy("Backup"), move("Archive")]), ctx());
    expect(tb.ops).toEqual([{ op: "move", ids: [1], folderId: "account1://Archive" }]);
    expect(result).toMatchObject({ complete: true, untouched: false });
    expect(result.log.map((e) => [e.outcome, said(e.detail)])).toEqual([
      ["skipped", "“Backup” already holds a copy of this message"],
      ["done", ""],
    ]);
  });

  it("a copy is made when the target holds only other messages", async () => {
    tb.held.set("account1://Backup", ["other@example.com"]);
    await executePlan(listed(), plan([copy("Backup")]), ctx());
    expect(tb.ops).toEqual([{ op: "copy", ids: [1], folderId: "account1://Backup" }]);
  });

  it("a move or copy to the folder the message is in is skipped", async () => {
    const result = await executePlan(listed(), plan([copy("INBOX"), { type: "moveTo", folder: { specialUse: "inbox" } }]), ctx());
    expect(tb.ops).toEqual([]);
    expect(result.log.map((e) => [e.outcome, said(e.detail)])).toEqual([
      ["skipped", "The message is already in “INBOX”"],
      ["skipped", "The message is already in “INBOX”"],
    ]);
  });
});

describe("executePlan: actions already so", () => {
  it("when the message was listed already so, nothing is read or done; only the plan's skipped actions are logged", async () => {
    const get = vi.spyOn(browser.messages, "get");
    const skipped: SkippedAction = { ...planned({ type: "flag", flagged: true }, "r2"), note: reason("rules_skipRepeated", "Rule r1") };
    const result = await executePlan(listed(), plan([{ type: "addTag", tag: "$label1" }, { type: "markRead", read: false }], [skipped]), ctx());
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
    expect(tb.ops).toEqual([]);
    expect(result).toMatchObject({ complete: true, untouched: true });
    expect(result.log.map((e) => [e.ruleId, e.action, e.outcome, e.detail])).toEqual([["r2", { type: "flag", flagged: true }, "skipped", skipped.note]]);
    expect(said(result.log[0]?.detail ?? null)).toBe("The rule “Rule r1” already does this");
  });

  it("only the actions not yet so are performed and logged", async () => {
    stored(1).read = true;
    const result = await executePlan(
      listed(),
      plan([{ type: "addTag", tag: "$label1" }, { type: "markRead", read: true }, { type: "flag", flagged: true }, { type: "markJunk", junk: false }]),
      ctx(),
    );
    expect(tb.ops).toEqual([{ op: "update", id: 1, change: { flagged: true } }]);
    expect(outcomes(result.log)).toEqual([["flag", "done"]]);
    expect(result).toMatchObject({ complete: true, untouched: false });
  });

  it("a change made since the message was listed stands: nothing is done when it is now so", async () => {
    const before = listed();
    // The user marks it read (and flags it) between the listing and the action.
    Object.assign(stored(1), { read: true, flagged: true });
    const result = await executePlan(before, plan([{ type: "markRead", read: true }, { type: "flag", flagged: true }]), ctx());
    expect(tb.ops).toEqual([]);
    expect(result).toEqual({ complete: true, untouched: true, log: [] });
  });

  it("the update starts from the message's tags now, not as listed", async () => {
    const before = listed();
    stored(1).tags = ["$label1", "$todo"];
    await executePlan(before, plan([{ type: "addTag", tag: "$label2" }]), ctx());
    expect(tb.ops.filter((o) => o.op === "update")).toEqual([{ op: "update", id: 1, change: { tags: ["$label1", "$todo", "$label2"] } }]);
  });
});

describe("executePlan: a message moved or gone meanwhile", () => {
  it("a message moved to another folder since it was listed is left alone, each action logged as skipped", async () => {
    const before = listed();
    stored(1).folderId = "account1://Junk";
    const actions: Action[] = [{ type: "flag", flagged: true }, copy("Backup"), move("Archive")];
    const result = await executePlan(before, plan(actions), ctx());
    expect(tb.ops).toEqual([]);
    expect(stored(1)).toMatchObject({ folderId: "account1://Junk", flagged: false });
    expect(result).toMatchObject({ complete: false, untouched: true });
    expect(result.log.map((e) => [e.outcome, said(e.detail)])).toEqual(actions.map(() => ["skipped", "Nothing was done: the message was moved to another folder meanwhile"]));
  });

  it("a message that no longer exists is left alone", async () => {
    const before = listed();
    tb.messages.delete(1);
    const result = await executePlan(before, plan([{ type: "flag", flagged: true }, move("Archive")]), ctx());
    expect(tb.ops).toEqual([]);
    expect(result).toMatchObject({ complete: false, untouched: true });
  });
});

describe("executePlan: a failed update", () => {
  it("leaves the message untouched (no copy, no move) and logs every action as failed", async () => {
    tb.failUpdate = new Error("tag $gone is unknown");
    const actions: Action[] = [{ type: "addTag", tag: "$label2" }, { type: "markRead", read: true }, copy("Backup"), move("Archive")];
    const result = await executePlan(listed(), plan(actions), ctx());
    expect(tb.ops.filter((o) => o.op !== "createTag")).toEqual([]);
    expect(stored(1)).toMatchObject({ folderId: "account1://INBOX", read: false, tags: ["$label1"] });
    expect(result).toMatchObject({ complete: false, untouched: true });
    expect(result.log.map((e) => [e.outcome, said(e.detail)])).toEqual(actions.map(() => ["failed", "Nothing was done to the message: tag $gone is unknown"]));
  });

  it("makes the next run read Thunderbird's tags again (a tag may have been deleted there)", async () => {
    const addLabel2 = () => {
      stored(1).tags = ["$label1"];
      return executePlan(listed(), plan([{ type: "addTag", tag: "$label2" }]), ctx());
    };
    await addLabel2();
    await addLabel2();
    // Thunderbird's tags are read once while updates succeed...
    expect(tb.tagLists).toBe(1);
    tb.failUpdate = new Error("tag $label2 is unknown");
    expect((await addLabel2()).untouched).toBe(true);
    tb.failUpdate = null;
    // ...and again after a failed one.
    expect((await addLabel2()).complete).toBe(true);
    expect(tb.tagLists).toBe(2);
  });
});
