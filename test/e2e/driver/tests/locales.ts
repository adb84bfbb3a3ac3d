/**
 * AuthLens in German, French and Japanese, light and dark (issue 13 item 13; the scenarios are in
 * test/e2e/harness/locale-scenarios.ts): the popup and the options page show the translated
 * strings, no English one, and nothing in them overflows sideways or is clipped. Screenshots of
 * each go to test-results/locale-<lang>-*.png.
 */
import { messenger } from "../../../../src/shared/api.js";
import { logActions } from "../../../../src/background/rules/action-log.js";
import { reason } from "../../../../src/core/reason.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, openPopup } from "../display.js";
import { call, screenshot } from "../harness-client.js";
import { listMessages, localInbox, mailTabId, showFolder } from "../mail.js";
import { openOptions, painted, type OptionsPage } from "../options.js";
import { test } from "../registry.js";

interface Expected {
  subject: string;
  file: string;
  level: string;
}

interface LocaleData {
  lang: string;
  language: string;
  expected: Expected[];
  langpack: string | null;
}

type Theme = "light" | "dark";

const LANGUAGES = { de: "German", fr: "French", ja: "Japanese" } as const;

/** The same names as localeTests() in test/e2e/harness/locale-scenarios.ts. */
function testNames(language: string, theme: Theme) {
  return {
    language: `${theme}: Thunderbird and AuthLens speak ${language}`,
    popup: `${theme}: the popup of a verified, a failed, a suspicious and a mailing-list message, translated, nothing overflowing`,
    options: `${theme}: the options page (top, a rule open in the editor, the action log), translated, nothing overflowing`,
  };
}

/** The popup's messages: a verified, a failed (DMARC over clear text), a suspicious (look-alike) and the mailing-list (ARC) one. */
const POPUP_MESSAGES = ["01-", "02-", "05-", "03-"];

let english: Promise<Record<string, { message: string }>> | undefined;
/** AuthLens's English strings (_locales/en), to tell a translated string from an untranslated one. */
function englishMessages(): Promise<Record<string, { message: string }>> {
  english ??= fetch(messenger.runtime.getURL("_locales/en/messages.json")).then((r) => r.json() as Promise<Record<string, { message: string }>>);
  return english;
}

async function englishText(key: string): Promise<string> {
  const m = (await englishMessages())[key];
  assert(m, `an English message ${key}`);
  return m.message;
}

/** `actual` is the translation of `key`, and that differs from the English text. */
async function assertTranslated(actual: string, key: string, what: string): Promise<void> {
  const translated = messenger.i18n.getMessage(key);
  assertEqual(actual, translated, `${what} (${key})`);
  assert(translated !== (await englishText(key)), `${what} is translated, not English: "${translated}"`);
}

/** Short description of an element for a failure message. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : "";
  const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
  const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
  return `<${el.localName}${id}${cls}> "${text}"`;
}

/** Every element of `root` and of the shadow roots inside it. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll("*")) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Elements whose content must fit their box (they clip it, or text cut there would read badly). */
const MUST_FIT = new Set(["button", "label", "summary", "th", "td"]);

/** The boxes of `node`'s text (or of part of a text node), one per line it takes. */
function textRects(win: Window, node: Node, start?: number, end?: number): DOMRect[] {
  const range = win.document.createRange();
  if (start === undefined) range.selectNodeContents(node);
  else {
    range.setStart(node, start);
    range.setEnd(node, end ?? start);
  }
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

/** How many lines boxes stand on (boxes on one line share their vertical middle, roughly). */
function lineCount(rects: DOMRect[]): number {
  const middles: number[] = [];
  for (const r of rects) {
    const mid = (r.top + r.bottom) / 2;
    if (!middles.some((m) => Math.abs(m - mid) < r.height / 2)) middles.push(mid);
  }
  return middles.length;
}

/**
 * What overflows sideways in `win`'s page: the page itself scrolling sideways; an element (of the
 * page or its shadow roots) that clips its content, or is a button, label, summary or table cell,
 * whose content is wider than its box; a button whose text does not fit it or takes more than one
 * line; anything that reaches past the page's right or left edge; a word of the interface broken
 * inside (only where words are separated by spaces: Latin, Greek, Cyrillic).
 */
function overflows(win: Window): string[] {
  const problems: string[] = [];
  const html = win.document.documentElement;
  if (html.scrollWidth > html.clientWidth) problems.push(`the page scrolls sideways: ${html.scrollWidth} px wide in ${html.clientWidth} px`);
  const width = html.clientWidth;
  for (const el of allElements(win.document)) {
    if (el.getClientRects().length === 0) continue; // not rendered (a closed <details>, display: none)
    const style = win.getComputedStyle(el);
    if (style.visibility !== "visible") continue;
    const clips = style.overflowX === "hidden" || style.overflowX === "clip" || MUST_FIT.has(el.localName);
    const slack = el.localName === "button" ? 0 : 1;
    if (clips && el.scrollWidth > el.clientWidth + slack) problems.push(`${describe(el)}: content ${el.scrollWidth} px wide in ${el.clientWidth} px`);
    const rect = el.getBoundingClientRect();
    const left = rect.left + win.scrollX;
    const right = rect.right + win.scrollX;
    if (right > width + 1 || left < -1) problems.push(`${describe(el)}: reaches ${Math.round(left)}…${Math.round(right)} px, the page is ${width} px wide`);
    if (el.localName === "button") {
      const text = textRects(win, el);
      const box = { left: rect.left + el.clientLeft, right: rect.left + el.clientLeft + el.clientWidth };
      if (text.some((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5)) problems.push(`${describe(el)}: its text does not fit the button`);
      const lines = lineCount(text);
      if (lines > 1) problems.push(`${describe(el)}: its text takes ${lines} lines`);
    }
    // Names and values (monospace) may be broken anywhere; the interface's own words may not.
    if (el.closest(".mono, pre, code, input, textarea, select") || style.fontFamily.includes("monospace")) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== 3) continue;
      const data = node.textContent ?? "";
      for (const m of data.matchAll(/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}]{2,}/gu)) {
        if (lineCount(textRects(win, node, m.index, m.index + m[0].length)) > 1) problems.push(`${describe(el)}: the word "${m[0]}" is broken across lines`);
      }
    }
  }
  return problems;
}

function assertNoOverflow(win: Window, where: string): void {
  const problems = overflows(win);
  assert(problems.length === 0, `${where}: ${problems.length} overflowing:\n  ${problems.slice(0, 20).join("\n  ")}`);
}

/**
 * English strings shown where a translation exists: every visible text of the page (and its shadow
 * roots) that is exactly an English message without placeholders whose translation differs.
 */
async function englishShown(win: Window): Promise<string[]> {
  const untranslated = new Set<string>();
  for (const [key, m] of Object.entries(await englishMessages())) {
    if (!m.message.includes("$") && m.message.trim().length > 1 && messenger.i18n.getMessage(key) !== m.message) untranslated.add(m.message.trim());
  }
  const found = new Set<string>();
  for (const el of allElements(win.document)) {
    if (el.getClientRects().length === 0) continue;
    for (const node of el.childNodes) {
      const text = node.nodeType === 3 ? (node.textContent ?? "").replace(/\s+/g, " ").trim() : "";
      if (text && untranslated.has(text)) found.add(text);
    }
    for (const attr of ["title", "aria-label", "placeholder"]) {
      const value = el.getAttribute(attr)?.trim();
      if (value && untranslated.has(value)) found.add(`${attr}="${value}"`);
    }
  }
  return [...found];
}

async function assertNoEnglish(win: Window, where: string): Promise<void> {
  const found = await englishShown(win);
  assert(found.length === 0, `${where}: English strings shown: ${found.join(" | ")}`);
}

/** The colour scheme the page sees is the phase's. */
function assertTheme(win: Window, theme: Theme, where: string): void {
  assertEqual(win.matchMedia("(prefers-color-scheme: dark)").matches, theme === "dark", `${where} sees a ${theme} colour scheme`);
}

async function demoMessages(data: LocaleData) {
  // The mail tab in front (Thunderbird may have restored another tab from the previous phase).
  await messenger.tabs.update(await mailTabId(), { active: true });
  const inbox = await localInbox();
  await showFolder(inbox, data.expected.length);
  return listMessages(inbox);
}

const popupWindow = (): Window | undefined => (messenger.extension as unknown as { getViews(f: object): Window[] }).getViews({ type: "popup" })[0];

for (const [lang, language] of Object.entries(LANGUAGES)) {
  (["light", "dark"] as const).forEach((theme) => {
    // Phases (locale-scenarios.ts): 1, Thunderbird's first start with the language pack: the light
    // popup; 2, light again: the options page (on the first start, Thunderbird's own strings in a
    // page, such as a file input's "Browse…", are still English); 3, dark: everything.
    const phase = (part: "popup" | "options") => `locale-${lang}:${theme === "dark" ? 3 : part === "popup" ? 1 : 2}`;
    const names = testNames(language, theme);

    test(phase("popup"), names.language, async (raw) => {
      const data = raw as unknown as LocaleData;
      const ui = messenger.i18n.getUILanguage();
      assert(
        ui === lang || ui.startsWith(`${lang}-`),
        `the UI language is ${lang}, not ${ui}` +
          (data.langpack
            ? ""
            : `: this Thunderbird has no ${language} language pack (for Debian's Thunderbird: apt-get install thunderbird-l10n-${lang}; AUTHLENS_E2E_LOCALES=0 leaves these scenarios out)`),
      );
      await assertTranslated(messenger.i18n.getMessage("level_verified"), "level_verified", "the verified level");
      assertEqual(messenger.i18n.getMessage("@@ui_locale").split(/[-_]/)[0], lang, "the add-on's messages are chosen for the UI language");
    });

    test(phase("popup"), names.popup, async (raw) => {
      const data = raw as unknown as LocaleData;
      const messages = await demoMessages(data);
      for (const prefix of POPUP_MESSAGES) {
        const e = data.expected.find((x) => x.file.startsWith(prefix));
        const m = messages.find((x) => x.subject === e?.subject);
        assert(e && m, `demo ${prefix}`);
        const where = `${e.file} (${theme})`;
        const { view } = await displayInMailTab(m);
        assertEqual(view.analysis.verdict.level, e.level, `${e.file}: verdict`);
        const popup = await openPopup();
        const win = popupWindow();
        assert(win, "the popup's window");
        assertTheme(win, theme, `${where}: the popup`);
        await assertTranslated(popup.text("#verdict-level"), `level_${e.level}`, `${where}: the verdict`);
        await assertTranslated(popup.text("#copy-report"), "copyReport", `${where}: the copy button`);
        await assertNoEnglish(win, `${where}: the popup`);
        assertNoOverflow(win, `${where}: the popup as it opens`);
        const name = `popup-${e.file.replace(/\.eml$/, "")}`;
        await screenshot(`${name}-${theme}`);
        // The mailing-list message's forwarders (the ARC chain), further down.
        const forwarding = popup.root.querySelector("#forwarding");
        if (e.file.startsWith("03-")) {
          assert(forwarding, `${where}: the forwarding section`);
          forwarding.scrollIntoView({ block: "start" });
          await painted(win);
          await screenshot(`${name}-forwarding-${theme}`);
        }
        // Every section open (the raw headers too): what a person can unfold must fit as well.
        // (No screenshot of it: measuring lays the page out, there is no need to wait for a paint.)
        for (const d of allElements(popup.root)) if (d.localName === "details") (d as HTMLDetailsElement).open = true;
        await waitFor(() => popup.root.querySelector("#raw-headers pre"), `${where}: the raw headers shown`);
        await assertNoEnglish(win, `${where}: the popup, every section open`);
        assertNoOverflow(win, `${where}: the popup, every section open`);
        popup.close();
      }
    });

    test(phase("options"), names.options, async (raw) => {
      try {
        await optionsPage(raw as unknown as LocaleData, theme);
      } finally {
        // The end of the light phases: Thunderbird starts again in the dark theme.
        if (theme === "light") await call("dark");
      }
    });
  });
}

/** Opens an example rule in the editor (closing any other) and returns the editor. */
async function openRule(page: OptionsPage, id: string): Promise<Element> {
  const edit = page.root.querySelector<HTMLButtonElement>(`#rules-list li[data-rule-id='${id}'] .rule-edit`);
  assert(edit, `the Edit button of ${id}`);
  edit.click();
  return waitFor(() => page.root.querySelector(`#rule-editor[data-rule-id='${id}']`), `the editor of ${id}`);
}

async function optionsPage(data: LocaleData, theme: Theme): Promise<void> {
  const [message] = await demoMessages(data);
  assert(message, "a demo message");
  // The action log (written in the light phase, kept for the dark one): a tag added, an action
  // skipped (its reason in words), one that failed.
  const base = { time: Date.now(), subject: message.subject, messageId: message.headerMessageId, trigger: "newMail" as const };
  if (theme === "light") {
    // Rule names as a person would write them: the example rules' names in the UI's language.
    const tls = messenger.i18n.getMessage("exampleRuleTlsVerified");
    const dmarc = messenger.i18n.getMessage("exampleRuleDmarcFail");
    const arc = messenger.i18n.getMessage("exampleRuleArcIntact");
    const tag = messenger.i18n.getMessage("exampleTagTlsVerified");
    await logActions([
      { ...base, ruleId: "example-tls-verified", ruleName: tls, action: { type: "addTag", tag: "$authlens_tls", name: tag, color: "#2e7d32" }, outcome: "done", detail: null },
      { ...base, ruleId: "example-arc-intact", ruleName: arc, action: { type: "flag", flagged: true }, outcome: "skipped", detail: reason("rules_skipContradicts", tls) },
      { ...base, ruleId: "example-dmarc-fail", ruleName: dmarc, action: { type: "moveTo", folder: { path: "Archive" } }, outcome: "failed", detail: reason("log_thunderbirdError", "Error: folder not found") },
    ]);
  }
  const page = await openOptions();
  try {
    await optionsScreens(page, theme);
  } finally {
    page.win.close();
  }
}

async function optionsScreens(page: OptionsPage, theme: Theme): Promise<void> {
  assertTheme(page.win, theme, "the options page");
  await painted(page.win);
  await assertTranslated(page.text("h1"), "options_title", "the options page's title");
  await assertNoEnglish(page.win, "the options page");
  assertNoOverflow(page.win, "the options page");
  await screenshot(`options-top-${theme}`);

  // The rules: the example rule that moves DMARC failures open in the editor, then the one that
  // adds a tag, with its Advanced part unfolded.
  await waitFor(() => page.root.querySelectorAll("#rules-list li[data-rule-id^='example-']").length === 3, "the example rules");
  await assertTranslated(page.text("#rules-heading"), "rules_heading", "the rules heading");
  const editor = await openRule(page, "example-dmarc-fail");
  await assertTranslated(page.text("#rule-editor-done"), "rules_done", "the editor's Done button");
  page.root.querySelector("#rules-section")?.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot(`options-rules-${theme}`);
  editor.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot(`options-rule-editor-${theme}`);
  assertNoOverflow(page.win, "the options page, a move rule in the editor");
  const tagEditor = await openRule(page, "example-tls-verified");
  for (const d of tagEditor.querySelectorAll("details")) d.open = true;
  page.root.querySelector("#save-rules")?.scrollIntoView({ block: "end" });
  await painted(page.win);
  await screenshot(`options-rule-editor-tag-${theme}`);
  assertNoOverflow(page.win, "the options page, a tag rule in the editor");

  // The action log.
  const log = page.root.querySelector("#action-log");
  assert(log, "the action log");
  await waitFor(() => page.root.querySelectorAll("#log-table tbody tr").length >= 3, "the log's entries", 10000);
  await assertTranslated(page.text("#log-heading"), "log_heading", "the log's heading");
  log.scrollIntoView({ block: "start" });
  await painted(page.win);
  await screenshot(`options-action-log-${theme}`);

  await assertNoEnglish(page.win, "the options page, the action log shown");
  assertNoOverflow(page.win, "the options page, the action log shown");
}
