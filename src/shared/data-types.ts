/**
 * The data the background answers the UI pages with (settings, runs, the action log, the rules
 * preview, accounts, folders and tags). Shared by both sides so neither redeclares the other's
 * shapes.
 */
import type { PolicyProblem } from "../core/policy/index.js";
import type { Reason } from "../core/reason.js";
import type { Action, Rule } from "../core/rules/schema.js";
import type { Settings } from "../core/settings/schema.js";
import type { SettingsProblem } from "../core/settings/validate.js";

/** A problem with a setting or a rule, at a path ("rules[0].name"). */
export interface Problem {
  path: string;
  message: string;
}

export interface EffectiveSettings {
  settings: Settings;
  /** What the user changed (stored in storage.local). */
  user: Partial<Settings>;
  /** What the administrator's policy presets (accountTrust resolved to this desktop's account ids). */
  policy: Partial<Settings>;
  /** Problems of the stored settings, and of the policy (paths prefixed with `policy.`). */
  problems: SettingsProblem[];
  /** Rules from the policy: they run before the user's rules; users cannot change them. */
  adminRules: Rule[];
  /** Whether the user's own rules run (and may be changed). */
  allowUserRules: boolean;
  /** Setting keys the user cannot change (`rules` when allowUserRules is false). */
  locked: string[];
  /** Problems of the policy, with their paths in the policy (e.g. `accountTrust[0].match`). */
  policyProblems: PolicyProblem[];
}

export interface BulkStatus {
  runId: number;
  folderId: string;
  folderName: string;
  dryRun: boolean;
  state: "running" | "done" | "cancelled" | "failed";
  total: number;
  done: number;
  /** Per rule id: how many messages it matched (would match, in a dry run). */
  matched: Record<string, number>;
  ruleNames: Record<string, string>;
  /**
   * Messages changed, every action done (a dry run: that the real run would change; not those
   * already handled, nor those already as the rules would make them).
   */
  changed: number;
  /** Messages acted on, skipped as already handled, and with a failed action. */
  acted: number;
  alreadyDone: number;
  failed: number;
  /** Messages read whole for AuthLens's own checks (an enabled rule needs their results); 0 when none does. */
  ownChecked: number;
  /** An enabled rule reads AuthLens's own results, and checking is on. */
  ownChecksNeeded: boolean;
  error: string | null;
  /** The action log could not be written (the run itself went on). */
  logError: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export type Outcome = "done" | "failed" | "skipped" | "would";

/**
 * One entry of the action log. The action and the detail are stored as data and put into words
 * when shown, in the user's language (core/rules/describe.ts). Entries written by earlier versions
 * hold both as English text: they are shown as they are.
 */
export interface LogEntry {
  time: number;
  subject: string;
  /** The Message-ID header (without angle brackets), or AuthLens's fallback key. */
  messageId: string;
  /** "" when the entry is about the message, not one rule (the rules could not run on it). */
  ruleId: string;
  ruleName: string;
  /** What the rule did or tried; null when the entry is about the message. Older entries: English text. */
  action: Action | null | LegacyText;
  outcome: Outcome;
  /** What went wrong, or why it was skipped; null when there is nothing to add. Older entries: English text ("" for nothing). */
  detail: Reason | null | LegacyText;
  trigger: "newMail" | "selected" | "folder" | "policy";
}

/** English text in action log entries written before actions and details were stored as data. */
export type LegacyText = string;

export interface RulesPreview {
  folderName: string;
  examined: number;
  /** Per rule id. */
  matched: Record<string, number>;
  problems: { path: string; message: string }[];
}

export interface Account {
  id: string;
  /** Its name, or its address where the name is only a server's host name (../background/account-title.ts). */
  name: string;
}

export interface FolderEntry {
  /** MV3 folder id (for the preview); "" when Thunderbird gave none. */
  id: string;
  accountId: string;
  accountName: string;
  name: string;
  /** From the account's root, without the leading "/" (as a rule stores it). */
  path: string;
  depth: number;
  specialUse: readonly string[];
}

export interface AccountFolders {
  id: string;
  name: string;
  folders: FolderEntry[];
}

export interface TagInfo {
  key: string;
  tag: string;
  color: string;
}
