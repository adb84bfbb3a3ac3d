/**
 * Answers the popup, banner and options page (runtime messages). One handler per request of
 * ../shared/requests.ts, typed by it: a handler cannot answer another shape than the page expects.
 */
import { errorText } from "../core/error-text.js";
import { messenger } from "../shared/api.js";
import type { AnswerOf, RequestOf, RequestType, UiRequest } from "../shared/requests.js";
import { displayedList, nextSettingsRefresh, showDisplayedIn } from "./display.js";
import { loadAccounts, loadFolders, loadTags } from "./mail-sources.js";
import { buildReport } from "./report.js";
import { readLog } from "./rules/action-log.js";
import { bulkStatus, cancelBulk, startBulk } from "./rules/bulk-run.js";
import { previewRules } from "./rules/preview.js";
import { recentServers } from "./recent-servers.js";
import { getSettings, updateSettings } from "./settings-store.js";
import { getTabView, settledTabView, viewForPopup } from "./tab-views.js";

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

type Handlers = { [K in RequestType]: (request: RequestOf<K>, sender: Sender) => Promise<AnswerOf<K>> };

/** The active tab of the last focused window: where a popup that does not know its tab was opened. */
async function activeTab(): Promise<number | null> {
  const [tab] = await messenger.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

async function bannerView(sender: Sender): Promise<AnswerOf<"banner">> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  const list = displayedList(await messenger.messageDisplay.getDisplayedMessages(tabId));
  const only = list.length === 1 ? list[0] : undefined;
  if (!only) return null;
  const [view, { settings }] = await Promise.all([settledTabView(tabId, only.id), getSettings()]);
  return { view, bannerMode: settings.bannerMode };
}

/**
 * Add the server to what the user has set (or, for a key the user never set, to the preset), so
 * that the administrator's other presets stay presets. The settings change refreshes the tab
 * (display.ts listens), so the answer waits for that view instead of refreshing again.
 */
async function trustServer({ server, accountId, tabId }: RequestOf<"trustServer">): Promise<AnswerOf<"trustServer">> {
  const { settings, user } = await getSettings();
  const refreshed = nextSettingsRefresh(tabId);
  const problems =
    accountId === null
      ? await updateSettings({ trustedAuthservIds: [...(user.trustedAuthservIds ?? settings.trustedAuthservIds), server] })
      : await updateSettings({
          accountTrust: {
            ...(user.accountTrust ?? {}),
            [accountId]: [...(user.accountTrust?.[accountId] ?? settings.accountTrust[accountId] ?? []), server],
          },
        });
  if (problems.length > 0) return { problems, view: null };
  return { problems, view: (await refreshed) ?? null };
}

async function importSettings({ json }: RequestOf<"importSettings">): Promise<AnswerOf<"importSettings">> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    return { problems: [{ path: "", message: errorText(err) }] };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { problems: [{ path: "", message: "the file must hold a JSON object of AuthLens settings" }] };
  }
  return { problems: await updateSettings(parsed as Record<string, unknown>) };
}

const HANDLERS: Handlers = {
  view: async ({ tabId }) => {
    const tab = tabId ?? (await activeTab());
    if (tab === null) return { tabId: null, view: null };
    return { tabId: tab, view: (await viewForPopup(tab)) ?? (await showDisplayedIn(tab)) ?? null };
  },
  banner: (_request, sender) => bannerView(sender),
  openPopup: async () => {
    await messenger.messageDisplayAction.openPopup();
    return null;
  },
  openOptions: async () => {
    await messenger.runtime.openOptionsPage();
    return null;
  },
  trustServer,
  report: async ({ tabId }) => {
    const view = getTabView(tabId);
    return view?.state === "ready" ? buildReport(view) : { text: "", json: "" };
  },
  settings: () => getSettings(),
  saveSettings: async ({ changes }) => ({ problems: await updateSettings(changes) }),
  importSettings,
  recentServers: () => recentServers(),
  accounts: () => loadAccounts(),
  folders: () => loadFolders(),
  tags: () => loadTags(),
  bulkStart: async ({ folderId, dryRun }) => ({ runId: await startBulk(folderId, dryRun) }),
  bulkStatus: async ({ runId }) => bulkStatus(runId),
  bulkCancel: async ({ runId }) => {
    cancelBulk(runId);
    return null;
  },
  actionLog: () => readLog(),
  rulesPreview: ({ rules, folderId, limit }) => previewRules(rules, folderId, limit),
};

function handle<K extends RequestType>(request: RequestOf<K>, sender: Sender): Promise<AnswerOf<K>> {
  const handler = HANDLERS[request.type] as (request: RequestOf<K>, sender: Sender) => Promise<AnswerOf<K>>;
  return handler(request, sender);
}

/** What a message display script (the banner, running in the displayed message) may ask. */
const FROM_CONTENT: ReadonlySet<RequestType> = new Set<RequestType>(["banner", "openPopup"]);

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

function isRequest(value: unknown): value is UiRequest {
  return value !== null && typeof value === "object" && "type" in value && Object.hasOwn(HANDLERS, (value as { type: unknown }).type as string);
}

export function startRouter(): void {
  const ownUrl = messenger.runtime.getURL("");
  messenger.runtime.onMessage.addListener((request: unknown, sender: unknown) => {
    if (!isRequest(request)) return undefined;
    if (!allowed(request, sender as Sender, messenger.runtime.id, ownUrl)) {
      console.warn(`AuthLens: refused "${request.type}" from ${(sender as Sender).url ?? "an unknown sender"}`);
      return Promise.resolve(null);
    }
    return handle(request, sender as Sender);
  });
}
