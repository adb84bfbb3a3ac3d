/**
 * The probe's WebExtension Experiment: runs in Thunderbird's parent process, with chrome privileges,
 * so it can watch another add-on from outside its background page: the page's state and start-up
 * events, the mail tab's message displays, and that add-on's message display action button in the
 * DOM. Every time is Date.now(), the clock all of Thunderbird's processes share. Test-only: it is
 * bundled into the probe add-on (build/probe/experiment.js), never into AuthLens.
 */
import type { ButtonState, ProbeRecord } from "./records.js";

/* Chrome globals of an experiment's parent script. Typed as loosely as this file needs. */
interface ChromeElement {
  getAttribute(name: string): string | null;
  style: { getPropertyValue(name: string): string };
  dispatchEvent(event: unknown): boolean;
}
interface AboutMessage {
  location: { href: string };
  document: { getElementById(id: string): ChromeElement | null };
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  removeEventListener(type: string, listener: () => void, capture: boolean): void;
  setTimeout(fn: () => void, ms: number): number;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: unknown): void; disconnect(): void };
  MouseEvent: new (type: string, init: Record<string, unknown>) => unknown;
}
interface ExtensionObject {
  backgroundState: string;
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
}
declare const ChromeUtils: {
  importESModule(url: string): Record<string, unknown>;
};
declare const Services: {
  wm: {
    getMostRecentWindow(type: string): {
      document: { getElementById(id: string): { currentAbout3Pane?: { messageBrowser?: { contentWindow?: AboutMessage } } } | null };
    } | null;
  };
};
declare const ExtensionCommon: { ExtensionAPI: new (...args: unknown[]) => object };

const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs") as {
  ExtensionParent: { GlobalManager: { getExtension(id: string): ExtensionObject | undefined } };
};
const { ExtensionUtils } = ChromeUtils.importESModule("resource://gre/modules/ExtensionUtils.sys.mjs") as {
  ExtensionUtils: { ExtensionError: new (message: string) => Error };
};
const { setTimeout, clearTimeout } = ChromeUtils.importESModule("resource://gre/modules/Timer.sys.mjs") as {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
};

function extension(id: string): ExtensionObject {
  const ext = ExtensionParent.GlobalManager.getExtension(id);
  if (!ext) throw new Error(`${id} is not running`);
  return ext;
}

/**
 * The about:message of the main window's mail tab (its message pane), also while it is hidden
 * because no message is selected (tabmail.currentAboutMessage is null then).
 */
function aboutMessage(): AboutMessage {
  const tabmail = Services.wm.getMostRecentWindow("mail:3pane")?.document.getElementById("tabmail");
  const am = tabmail?.currentAbout3Pane?.messageBrowser?.contentWindow;
  if (!am || am.location.href !== "about:message") throw new Error("the mail tab has no about:message yet");
  return am;
}

/** Thunderbird's id of an add-on's message display action button (ExtensionCommon.makeWidgetId). */
function button(am: AboutMessage, extensionId: string): ChromeElement {
  const id = `${extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, "_")}-messageDisplayAction-toolbarbutton`;
  const b = am.document.getElementById(id);
  if (!b) throw new Error(`no button #${id}`);
  return b;
}

function buttonState(b: ChromeElement): ButtonState {
  const image = b.style.getPropertyValue("--webextension-toolbar-image");
  return {
    label: b.getAttribute("label") ?? "",
    tooltip: b.getAttribute("tooltiptext") ?? "",
    badge: b.getAttribute("badge") ?? "",
    icon: /\/([\w-]+)\.svg/.exec(image)?.[1] ?? "",
  };
}

/** A mousedown with the main button: what Thunderbird's toolbar button listens to. */
function clickButton(am: AboutMessage, extensionId: string): number {
  const t = Date.now();
  button(am, extensionId).dispatchEvent(new am.MouseEvent("mousedown", { button: 0, bubbles: true, cancelable: true }));
  return t;
}

interface Watch {
  records: ProbeRecord[];
  stop(): void;
  /** Called on every record. */
  onRecord?: () => void;
}

let watch: Watch | undefined;

function startWatch(extensionId: string, clickOnDisplay: boolean): void {
  watch?.stop();
  const ext = extension(extensionId);
  const am = aboutMessage();
  const b = button(am, extensionId);
  const records: ProbeRecord[] = [];
  const w: Watch = { records, stop: () => undefined };
  const push = (r: ProbeRecord) => {
    records.push(r);
    w.onRecord?.();
  };
  let clicked = false;
  const onDisplay = () => {
    push({ t: Date.now(), kind: "display" });
    if (clickOnDisplay && !clicked) {
      clicked = true;
      // Right after Thunderbird's own MsgsLoaded handlers: the earliest a person could click.
      am.setTimeout(() => push({ t: clickButton(am, extensionId), kind: "click" }), 0);
    }
  };
  am.addEventListener("MsgsLoaded", onDisplay, true);
  const observer = new am.MutationObserver(() => push({ t: Date.now(), kind: "button", state: buttonState(b) }));
  observer.observe(b, { attributes: true, attributeFilter: ["label", "tooltiptext", "badge", "style"] });
  const events: [string, ProbeRecord["kind"]][] = [
    ["background-script-event", "wake"],
    ["start-background-script", "page-start"],
    ["background-script-started", "page-started"],
    ["background-script-suspend", "page-suspend"],
  ];
  const listeners = events.map(([event, kind]) => {
    const listener = () => push({ t: Date.now(), kind } as ProbeRecord);
    ext.on(event, listener);
    return [event, listener] as const;
  });
  w.stop = () => {
    am.removeEventListener("MsgsLoaded", onDisplay, true);
    observer.disconnect();
    for (const [event, listener] of listeners) ext.off(event, listener);
    if (watch === w) watch = undefined;
  };
  watch = w;
}

function settle({ label, quietMs, timeoutMs }: { label: string; quietMs: number; timeoutMs: number }): Promise<ProbeRecord[]> {
  const w = watch;
  if (!w) return Promise.reject(new Error("not watching"));
  return new Promise((resolve) => {
    let quiet: number | undefined;
    const finish = () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
      w.stop();
      resolve(w.records);
    };
    const deadline = setTimeout(finish, timeoutMs);
    const check = () => {
      clearTimeout(quiet);
      const displayed = w.records.findIndex((r) => r.kind === "display");
      const last = w.records.filter((r) => r.kind === "button").at(-1);
      if (displayed >= 0 && last?.kind === "button" && last.state.label === label && w.records.indexOf(last) > displayed) {
        quiet = setTimeout(finish, quietMs);
      }
    };
    w.onRecord = check;
    check();
  });
}

/** Errors reach the probe with their message (others arrive as "An unexpected error occurred"). */
function reported<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      throw new ExtensionUtils.ExtensionError(err instanceof Error ? err.message : String(err));
    }
  };
}

(globalThis as Record<string, unknown>).authlensProbe = class extends ExtensionCommon.ExtensionAPI {
  getAPI() {
    return {
      authlensProbe: {
        backgroundState: reported((extensionId: string) => ExtensionParent.GlobalManager.getExtension(extensionId)?.backgroundState ?? "none"),
        watch: reported((extensionId: string, options: { clickOnDisplay?: boolean }) => startWatch(extensionId, options.clickOnDisplay ?? false)),
        settle: reported(settle),
        click: reported((extensionId: string) => clickButton(aboutMessage(), extensionId)),
      },
    };
  }
};
