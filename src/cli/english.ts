/**
 * The English messages for the CLI: the add-on's own English strings (_locales/en/messages.json)
 * are the one source, so `authlens` and the pane say the same thing. Only the CLI bundles them.
 */
import englishMessages from "../../_locales/en/messages.json";
import { reasonRenderer, type MessageLookup, type RenderReason } from "../core/reason.js";

const TEMPLATES: ReadonlyMap<string, string> = new Map(
  Object.entries(englishMessages as Record<string, { message: string }>).map(([k, v]) => [k, v.message]),
);

/** An English message with `$1`..`$9` replaced by the parameters; undefined for an unknown key. */
export const englishMessage: MessageLookup = (key, params) =>
  TEMPLATES.get(key)?.replace(/\$([1-9])/g, (_m, d: string) => params[Number(d) - 1] ?? "");

/** Reasons in English. */
export const renderEnglish: RenderReason = reasonRenderer(englishMessage);
