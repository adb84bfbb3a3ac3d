/** Answers the popup, banner and options page (runtime messages). */
import type { UiRequest } from "../ui/view-types.js";
import { messenger } from "./api.js";
import { clearAnalysisCache, refreshTab } from "./display.js";
import { buildReport } from "./report.js";
import { readLog } from "./rules/action-log.js";
import { bulkStatus, cancelBulk, startBulk } from "./rules/bulk-run.js";
import { previewRules } from "./rules/preview.js";
import { recentServers } from "./recent-servers.js";
import { getSettings, updateSettings } from "./settings-store.js";
import { getTabView, settledTabView, viewForPopup } from "./tab-views.js";

async function handle(request: UiRequest, sender: Sender): Promise<unknown> {
  switch (request.type) {
    case "view":
      return (await viewForPopup(request.tabId)) ?? (await refreshTab(request.tabId)) ?? null;
    case "banner": {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      const displayed = (await messenger.messageDisplay.getDisplayedMessages(tabId)) as unknown;
      const list = Array.isArray(displayed) ? displayed : ((displayed as { messages?: { id: number }[] }).messages ?? []);
      const only = list.length === 1 ? (list[0] as { id: number }) : undefined;
      if (!only) return null;
      const [view, { settings }] = await Promise.all([settledTabView(tabId, only.id), getSettings()]);
      return { view, bannerMode: settings.bannerMode };
    }
    case "openPopup":
      await messenger.messageDisplayAction.openPopup();
      return null;
    case "trustServer": {
      // Add to what the user has set (or, for a key the user never set, to the preset), so that the
      // administrator's other presets stay presets.
      const { settings, user } = await getSettings();
      const problems =
        request.accountId === null
          ? await updateSettings({ trustedAuthservIds: [...(user.trustedAuthservIds ?? settings.trustedAuthservIds), request.server] })
          : await updateSettings({
              accountTrust: {
                ...(user.accountTrust ?? {}),
                [request.accountId]: [
                  ...(user.accountTrust?.[request.accountId] ?? settings.accountTrust[request.accountId] ?? []),
                  request.server,
                ],
              },
            });
      if (problems.length > 0) return { problems, view: null };
      clearAnalysisCache();
      return { problems, view: (await refreshTab(request.tabId)) ?? null };
    }
    case "report": {
      const view = getTabView(request.tabId);
      return view?.state === "ready" ? buildReport(view) : { text: "", json: "" };
    }
    case "settings":
      return getSettings();
    case "saveSettings":
      return { problems: await updateSettings(request.changes) };
    case "importSettings": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.json);
      } catch (err) {
        return { problems: [{ path: "", message: String(err) }] };
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return { problems: [{ path: "", message: "the file must hold a JSON object of AuthLens settings" }] };
      }
      return { problems: await updateSettings(parsed as Record<string, unknown>) };
    }
    case "recentServers":
      return recentServers();
    case "bulkStart":
      return { runId: await startBulk(request.folderId, request.dryRun) };
    case "bulkStatus":
      return bulkStatus(request.runId);
    case "bulkCancel":
      cancelBulk(request.runId);
      return null;
    case "actionLog":
      return readLog();
    case "rulesPreview":
      return previewRules(request.rules, request.folderId, request.limit);
  }
}

/** What a message display script (the banner, running in the displayed message) may ask. */
const FROM_CONTENT: ReadonlySet<UiRequest["type"]> = new Set(["banner", "openPopup"]);

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Only AuthLens's own pages may change settings or start runs. The banner runs inside the displayed
 * message, the least trusted place AuthLens has code in: it may only ask for its own tab's verdict
 * and to open the pane.
 */
export function allowed(request: UiRequest, sender: Sender, ownId: string, ownUrl: string): boolean {
  if (sender.id !== ownId) return false;
  const fromOwnPage = typeof sender.url === "string" && sender.url.startsWith(ownUrl);
  return fromOwnPage || FROM_CONTENT.has(request.type);
}

export function startRouter(): void {
  const ownUrl = messenger.runtime.getURL("");
  messenger.runtime.onMessage.addListener((request: unknown, sender: unknown) => {
    if (!request || typeof request !== "object" || !("type" in request)) return undefined;
    const req = request as UiRequest;
    if (!allowed(req, sender as Sender, messenger.runtime.id, ownUrl)) {
      console.warn(`AuthLens: refused "${String(req.type)}" from ${(sender as Sender).url ?? "an unknown sender"}`);
      return Promise.resolve(null);
    }
    return handle(req, sender as Sender);
  });
}
