/**
 * AuthLens in German, French and Japanese (issue 13 item 13): one scenario per language, with
 * screenshots of the popup and the options page, light and dark, and checks that the strings are
 * the translated ones and that nothing overflows or is clipped (test/e2e/driver/tests/locales.ts).
 * Three Thunderbird starts on one profile: the popup in light (the first start), the options page
 * in light (on the first start after a language pack was added, Thunderbird's own strings in pages,
 * such as a file input's "Browse…", are still English), then, after the harness switched the
 * profile to the dark theme, both in dark.
 *
 * How Thunderbird gets the language: Debian's thunderbird-l10n-<lang> package puts a language pack
 * at <Thunderbird's folder>/extensions/langpack-<lang>@thunderbird.mozilla.org.xpi, the application's
 * own add-on scope, which the profile enables (extensions.enabledScopes 15, autoDisableScopes 0: see
 * profile.ts); the pref intl.locale.requested then picks the language (Debian's default, "", follows
 * $LANG). Thunderbird negotiates its UI language from that list and what its language packs offer,
 * and an add-on's messenger.i18n follows Thunderbird's UI language.
 *
 * The language packs must be those of the same Thunderbird version. CI installs them for the
 * system's Thunderbird only (.ci/run); for its second run, on Thunderbird 140, it sets
 * AUTHLENS_E2E_LOCALES=0, which leaves these scenarios out.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEMO_SETTINGS } from "./demo-settings.js";
import type { Fixture } from "./fixtures.js";
import { appendPrefs } from "./profile.js";
import type { Scenario } from "./run-scenario.js";
import { findThunderbird } from "./thunderbird-binary.js";

const UI_LOCALES = { de: "German", fr: "French", ja: "Japanese" } as const;

const DARK = {
  "extensions.activeThemeID": "thunderbird-compact-dark@mozilla.org",
  "ui.systemUsesDarkTheme": 1,
  "layout.css.prefers-color-scheme.content-override": 0,
};

/** The tests of one phase; the driver registers the same names (locales.ts). */
export function localeTests(language: string, theme: "light" | "dark"): string[] {
  return [
    `${theme}: Thunderbird and AuthLens speak ${language}`,
    `${theme}: the popup of a verified, a failed, a suspicious and a mailing-list message, translated, nothing overflowing`,
    `${theme}: the options page (top, a rule open in the editor, the action log), translated, nothing overflowing`,
  ];
}

/** The language pack the Thunderbird under test would load, or null when it has none. */
function langpack(lang: string): string | null {
  try {
    const path = join(dirname(findThunderbird()), "extensions", `langpack-${lang}@thunderbird.mozilla.org.xpi`);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function localeScenarios(demo: readonly Fixture[], expected: readonly { file: string; subject: string; level: string }[]): Scenario[] {
  if (process.env.AUTHLENS_E2E_LOCALES === "0") return [];
  return Object.entries(UI_LOCALES).map(([lang, language]) => ({
    name: `locale-${lang}`,
    phases: 3,
    tests: [...localeTests(language, "light"), ...localeTests(language, "dark")],
    inbox: demo.map((f) => f.text),
    managed: DEMO_SETTINGS,
    prefs: { "intl.locale.requested": lang },
    data: { lang, language, expected, langpack: langpack(lang) },
    calls: {
      // The end of the light phases: the next start is in the dark theme.
      dark: async (_args, run) => {
        appendPrefs(run.profile, DARK);
        return null;
      },
    },
  }));
}
