/** What the options page asks the background and Thunderbird for. It never computes verdicts. */
import { messenger } from "../../background/api.js";
import type { EffectiveSettings } from "../../background/settings-store.js";
import type { SettingKey } from "../../core/settings/schema.js";
import type { UiRequest } from "../view-types.js";

export interface Problem {
  path: string;
  message: string;
}

/** The `settings` answer; `locked` (keys the administrator locked) may be absent. */
export type OptionsData = EffectiveSettings & { locked?: unknown };

export interface Account {
  id: string;
  name: string;
}

export function ask<T>(request: UiRequest): Promise<T> {
  return messenger.runtime.sendMessage(request) as Promise<T>;
}

/** Mail accounts (feeds carry no Authentication-Results, so they are left out). */
export async function loadAccounts(): Promise<Account[]> {
  const list = await messenger.accounts.list(false);
  return list.filter((a) => a.type !== "rss").map((a) => ({ id: a.id, name: a.name }));
}

/** Whether the administrator set `key` (and the user did not change it) or locked it. */
export function settingOrigin(data: OptionsData, key: SettingKey): { preset: boolean; locked: boolean } {
  const locked = Array.isArray(data.locked) && data.locked.includes(key);
  return { locked, preset: key in data.policy && !(key in data.user) };
}

/** Calls `listener` when the stored settings change (another page, the popup's "Trust"). */
export function onSettingsStored(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if (area === "local" && "settings" in changes) listener();
  };
  messenger.storage.onChanged.addListener(handler);
  return () => messenger.storage.onChanged.removeListener(handler);
}
