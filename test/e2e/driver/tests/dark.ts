import { messenger } from "../../../../src/shared/api.js";
import { assert, assertEqual } from "../assert.js";
import { displayInMailTab, openPopup } from "../display.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { openOptions, painted } from "../options.js";
import { test } from "../registry.js";

interface Expected {
  subject: string;
  file: string;
  level: string;
}

test("dark", "the pane, the banner and the options page in a dark theme", async (data) => {
  const expected = data.expected as Expected[];
  const inbox = await localInbox();
  await showFolder(inbox, expected.length);
  const messages = await listMessages(inbox);
  for (const prefix of ["01-", "02-", "05-"]) {
    const e = expected.find((x) => x.file.startsWith(prefix));
    const m = messages.find((x) => x.subject === e?.subject);
    assert(e && m, `demo ${prefix}`);
    await displayInMailTab(m);
    const popup = await openPopup();
    const win = (messenger.extension as unknown as { getViews(f: object): Window[] }).getViews({ type: "popup" })[0];
    assert(win, "popup window");
    assertEqual(win.matchMedia("(prefers-color-scheme: dark)").matches, true, "the popup sees a dark colour scheme");
    const bg = win.getComputedStyle(win.document.body).backgroundColor;
    const [r = 255, g = 255, b = 255] = (bg.match(/\d+/g) ?? []).map(Number);
    assert(r + g + b < 200, `the popup background is dark (${bg})`);
    await new Promise((res) => setTimeout(res, 300));
    await screenshot(`popup-${e.file.replace(/\.eml$/, "")}`);
    popup.close();
  }
  const page = await openOptions();
  await painted(page.win);
  await screenshot("options");
  page.win.close();
});
