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
import { getTabView, settledTabView } from "./tab-views.js";

async function handle(request: UiRequest, sender: { tab?: { id?: number } }): Promise<unknown> {
  switch (request.type) {
    case "view":
      return getTabView(request.tabId) ?? (await refreshTab(request.tabId)) ?? null;
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
      const { settings } = await getSettings();
      const problems =
        request.accountId === null
          ? await updateSettings({ trustedAuthservIds: [...settings.trustedAuthservIds, request.server] })
          : await updateSettings({
              accountTrust: {
                ...settings.accountTrust,
                [request.accountId]: [...(settings.accountTrust[request.accountId] ?? []), request.server],
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

export function startRouter(): void {
  messenger.runtime.onMessage.addListener((request: unknown, sender: unknown) => {
    if (!request || typeof request !== "object" || !("type" in request)) return undefined;
    return handle(request as UiRequest, sender as { tab?: { id?: number } });
  });
}
