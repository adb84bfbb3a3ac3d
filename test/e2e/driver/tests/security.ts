import { messenger } from "../../../../src/shared/api.js";
import { assert, assertEqual, waitFor } from "../assert.js";
import { displayInMailTab, inMessage, openPopup } from "../display.js";
import { screenshot } from "../harness-client.js";
import { listMessages, localInbox, showFolder } from "../mail.js";
import { test } from "../registry.js";

const pwned = () => (window as unknown as { __authlensPwned?: number }).__authlensPwned ?? 0;

test("hostile", "hostile header values render inert and keep the layout", async (data) => {
  const files = data.files as { file: string; subject: string }[];
  const inbox = await localInbox();
  await showFolder(inbox, files.length);
  const messages = await listMessages(inbox);
  for (const f of files) {
    const message = messages.find((m) => m.subject === f.subject);
    assert(message, f.subject);
    const { tabId, view } = await displayInMailTab(message);
    assertEqual(view.analysis.verdict.level, "failed", `${f.file}: verdict`);
    const popup = await openPopup();
    const popupWindow = (messenger.extension as unknown as { getViews(x: { type: string }): Window[] }).getViews({ type: "popup" })[0];
    assert(popupWindow, "popup window");
    // Every section open, so every value is rendered.
    popup.root.querySelectorAll("details").forEach((d) => (d.open = true));
    await new Promise((r) => setTimeout(r, 200));
    const scripts = popup.root.querySelectorAll("script").length + popupWindow.document.querySelectorAll("script:not([src])").length;
    assertEqual(scripts, 0, `${f.file}: no script element from header text`);
    const imgs = [...popup.root.querySelectorAll("img")].map((i) => i.getAttribute("src") ?? "");
    assert(imgs.every((src) => /^icons\/[a-z]+\.svg$/.test(src)), `${f.file}: only AuthLens's own icons (${imgs.join(", ")})`);
    const handlers = [...popup.root.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on")));
    assertEqual(handlers.length, 0, `${f.file}: no inline event handlers`);
    const links = popup.root.querySelectorAll("a[href^='javascript:' i]");
    assertEqual(links.length, 0, `${f.file}: no javascript: links`);
    const doc = popupWindow.document.documentElement;
    assert(doc.scrollWidth <= popupWindow.innerWidth + 1, `${f.file}: no horizontal overflow (${doc.scrollWidth} > ${popupWindow.innerWidth})`);
    assertEqual((popupWindow as unknown as { __authlensPwned?: number }).__authlensPwned ?? 0, 0, `${f.file}: nothing ran in the popup`);
    assertEqual(pwned(), 0, `${f.file}: nothing ran in the background`);
    await waitFor(
      () =>
        inMessage(tabId, () => {
          const host = document.querySelector("authlens-banner-host");
          return host !== null && getComputedStyle(host).display !== "none" && (host as HTMLElement).offsetHeight > 0;
        }),
      `${f.file}: the banner, visible whatever the message's CSS says`,
      5000,
    );
    assertEqual(await inMessage(tabId, pwned), 0, `${f.file}: nothing ran in the message`);
    await screenshot(f.file.replace(/\.eml$/, ""));
    popup.close();
  }
});
