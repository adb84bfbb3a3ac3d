/**
 * The action log in words: actions and details stored as data are worded in the user's language
 * (here the English _locales, through a fake messenger.i18n); entries an earlier version stored
 * as English text still show; the exports hold the same plain words.
 */
import { describe, expect, it, vi } from "vitest";
import { englishMessage } from "../../../../../src/cli/english.js";
import { reason } from "../../../../../src/core/reason.js";
import type { LogEntry } from "../../../../../src/shared/data-types.js";

const getMessage = (key: string, subs: string[] = []): string => englishMessage(key, subs) ?? "";
vi.mock("webextension-polyfill", () => ({ default: { i18n: { getMessage, getUILanguage: () => "en" } } }));
const { logWords } = await import("../../../../../src/ui/options/rules/log-words.js");
const { logToCsv, logToJson } = await import("../../../../../src/ui/options/rules/log-export.js");
const { optionsDescriber } = await import("../../../../../src/ui/options/rules/wording.js");

const base = { time: Date.UTC(2026, 0, 2, 3, 4, 5), subject: "Hello", messageId: "m1@example.com", ruleId: "r1", ruleName: "Tag TLS", trigger: "newMail" } as const;
const words = optionsDescriber({ accounts: [{ id: "account2", name: "Work" }], tags: [{ key: "$authlens_tls", tag: "TLS verified" }] });

describe("an action log entry in words", () => {
  it("words a stored action and its reason in the user's language, with Thunderbird's names for tags and accounts", () => {
    const done = logWords({ ...base, action: { type: "addTag", tag: "$authlens_tls", color: "#2e7d32" }, outcome: "done", detail: null }, words);
    expect(done).toMatchObject({ rule: "Tag TLS", action: "Add the tag “TLS verified”", outcome: "Done", detail: "", trigger: "New mail", time: "2026-01-02T03:04:05.000Z" });
    const moved = logWords(
      { ...base, action: { type: "moveTo", folder: { accountId: "account2", path: "Archive" } }, outcome: "skipped", detail: reason("rules_skipMoved", "First rule") },
      words,
    );
    expect(moved.action).toBe("Move to the folder “Archive” of the account Work");
    expect(moved.detail).toBe("The rule “First rule” moves the message first; a message is moved only once");
    expect(moved.outcome).toBe("Skipped");
  });

  it("an entry about the whole message names no rule and no action", () => {
    const w = logWords({ ...base, ruleId: "", ruleName: "", action: null, outcome: "failed", detail: reason("log_rulesFailed", "boom") }, words);
    expect(w).toMatchObject({ rule: "All rules", action: "", detail: "The rules could not run on this message: boom" });
  });

  it("shows an entry an earlier version wrote in English as it is", () => {
    const old: LogEntry = { ...base, action: 'add tag $authlens_tls ("TLS verified", #2e7d32)', outcome: "failed", detail: "not done, the message is untouched: gone" };
    expect(logWords(old, words)).toMatchObject({ action: 'add tag $authlens_tls ("TLS verified", #2e7d32)', detail: "not done, the message is untouched: gone" });
    expect(logWords({ ...old, action: "", detail: "" }, words)).toMatchObject({ action: "", detail: "" });
  });

  it("makes the bidi controls of a subject visible", () => {
    expect(logWords({ ...base, subject: "moc.elpmaxe\u202e", action: null, outcome: "done", detail: null }, words).subject).toBe("moc.elpmaxe[U+202E]");
  });
});

describe("the exports", () => {
  const rows = [
    logWords({ ...base, action: { type: "addTag", tag: "$authlens_tls" }, outcome: "done", detail: null }, words),
    logWords({ ...base, subject: "=cmd()", action: { type: "flag", flagged: true }, outcome: "skipped", detail: reason("rules_skipRepeated", "Other") }, words),
  ];

  it("CSV: the page's column names and words, formulas defused", () => {
    const lines = logToCsv(rows).split("\r\n");
    expect(lines[0]).toBe('"Time","Subject","Message-ID","Rule","Action","Outcome","Detail","Run by"');
    expect(lines[1]).toBe('"2026-01-02T03:04:05.000Z","Hello","m1@example.com","Tag TLS","Add the tag “TLS verified”","Done","","New mail"');
    expect(lines[2]).toContain(`"'=cmd()"`);
    expect(lines[2]).toContain('"Flag","Skipped","The rule “Other” already does this"');
    expect(logToCsv(rows)).not.toMatch(/\$authlens|#2e7d32|rules_|log_/);
  });

  it("JSON: the same plain words", () => {
    const json = JSON.parse(logToJson(rows)) as Record<string, string>[];
    expect(json[0]).toEqual({ time: "2026-01-02T03:04:05.000Z", subject: "Hello", messageId: "m1@example.com", rule: "Tag TLS", action: "Add the tag “TLS verified”", outcome: "Done", detail: "", trigger: "New mail" });
  });
});
