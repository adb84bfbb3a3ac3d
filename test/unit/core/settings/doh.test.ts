import { describe, expect, it } from "vitest";
import { dohPermissionPattern, DOH_SERVERS, isDohServerUrl } from "../../../../src/core/settings/doh.js";
import { readSettings } from "../../../../src/core/settings/validate.js";

describe("DoH server URLs", () => {
  it("accepts https:// servers and http:// only on this computer", () => {
    for (const url of Object.values(DOH_SERVERS)) expect(isDohServerUrl(url)).toBe(true);
    expect(isDohServerUrl("https://doh.example.org:8443/dns-query")).toBe(true);
    expect(isDohServerUrl("http://127.0.0.1:5353/dns-query")).toBe(true);
    expect(isDohServerUrl("http://localhost/dns-query")).toBe(true);
    expect(isDohServerUrl("http://doh.example.org/dns-query")).toBe(false);
    expect(isDohServerUrl("http://127.0.0.2/dns-query")).toBe(false);
    expect(isDohServerUrl("https://user:secret@doh.example.org/dns-query")).toBe(false);
    expect(isDohServerUrl("ftp://doh.example.org/")).toBe(false);
    expect(isDohServerUrl("not a url")).toBe(false);
  });

  it("asks for the host on every port (match patterns have none)", () => {
    expect(dohPermissionPattern(DOH_SERVERS.quad9)).toBe("https://dns.quad9.net/*");
    expect(dohPermissionPattern("https://doh.example.org:8443/dns-query")).toBe("https://doh.example.org/*");
    expect(dohPermissionPattern("http://127.0.0.1:5353/dns-query")).toBe("http://127.0.0.1/*");
    expect(dohPermissionPattern("http://doh.example.org/")).toBeNull();
  });

  it("the settings take the same URLs", () => {
    expect(readSettings({ dohServer: "http://127.0.0.1:5353/dns-query" }).settings.dohServer).toBe("http://127.0.0.1:5353/dns-query");
    const bad = readSettings({ dohServer: "http://doh.example.org/dns-query" });
    expect(bad.settings.dohServer).toBe(DOH_SERVERS.quad9);
    expect(bad.problems.map((p) => p.path)).toContain("dohServer");
  });
});
