import { describe, expect, it, vi } from "vitest";

vi.mock("webextension-polyfill", () => ({ default: {} }));
const { allowed } = await import("../../../src/background/router.js");

const ID = "authlens@authlens.org";
const OWN = "moz-extension://1234/";

describe("router: who may ask what", () => {
  it("lets AuthLens's own pages ask anything", () => {
    expect(allowed({ type: "saveSettings", changes: {} }, { id: ID, url: `${OWN}options.html` }, ID, OWN)).toBe(true);
    expect(allowed({ type: "trustServer", server: "x", accountId: null, tabId: 1 }, { id: ID, url: `${OWN}popup.html` }, ID, OWN)).toBe(true);
  });

  it("lets the banner, inside a displayed message, only ask for its verdict and open the pane", () => {
    const banner = { id: ID, url: "imap://bob@mail.example.net:993/fetch%3EUID%3E/INBOX%3E42", tab: { id: 3 } };
    expect(allowed({ type: "banner" }, banner, ID, OWN)).toBe(true);
    expect(allowed({ type: "openPopup" }, banner, ID, OWN)).toBe(true);
    expect(allowed({ type: "trustServer", server: "attacker.example", accountId: null, tabId: 3 }, banner, ID, OWN)).toBe(false);
    expect(allowed({ type: "saveSettings", changes: { trustedAuthservIds: ["attacker.example"] } }, banner, ID, OWN)).toBe(false);
    expect(allowed({ type: "importSettings", json: "{}" }, banner, ID, OWN)).toBe(false);
    expect(allowed({ type: "bulkStart", folderId: "f", dryRun: false }, banner, ID, OWN)).toBe(false);
  });

  it("refuses other add-ons", () => {
    expect(allowed({ type: "banner" }, { id: "other@example.org", url: "moz-extension://9/x.html" }, ID, OWN)).toBe(false);
  });
});
