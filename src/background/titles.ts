import { senderDomainForDisplay } from "../core/display-domain.js";
import type { TabView } from "../shared/view-types.js";
import { messenger } from "../shared/api.js";

/** The button's tooltip for a tab's view, in the user's language. */
export function titleFor(view: TabView): string {
  const t = (key: string, ...subs: string[]) => messenger.i18n.getMessage(key, subs);
  switch (view.state) {
    case "neutral":
      return view.count === 0 ? t("titleNoMessage") : t("titleSeveralMessages", String(view.count));
    case "working":
      return t("titleWorking");
    case "error":
      return t("titleError", view.message);
    case "ready": {
      const domain = senderDomainForDisplay(view.analysis) ?? "?";
      const suggestion = view.analysis.verdict.suggestion ?? "?";
      const own = view.analysis.verdict.basis === "own" || view.analysis.verdict.basis === "ownVirtual";
      switch (view.analysis.verdict.level) {
        case "verified":
          return t(own ? "titleVerifiedOwn" : "titleVerified", domain);
        case "suspicious":
          return t("titleSuspicious", domain);
        case "failed":
          return t("titleFailed", domain);
        case "unconfigured":
          return t("titleUnconfigured", suggestion);
        case "unverified":
          return t("titleUnverified", domain);
      }
    }
  }
}
