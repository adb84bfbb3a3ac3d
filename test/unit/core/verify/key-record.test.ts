/** DKIM key records (RFC 6376 §3.6.1) and whether a record suits a signature. */
import { describe, expect, it } from "vitest";
import { keyUnsuitable, parseKeyRecord, type KeyRecord } from "../../../../src/core/verify/key-record.js";

function record(text: string): KeyRecord {
  const r = parseKeyRecord(text);
  if (!("record" in r)) throw new Error(JSON.stringify(r));
  return r.record;
}

describe("key records", () => {
  it("reads the defaults: rsa, any hash, any service, no flags", () => {
    expect(record("p=AQAB")).toEqual({ keyType: "rsa", hashes: null, key: new Uint8Array([1, 0, 1]), services: ["*"], testing: false, strict: false });
  });

  it("reads k=, h=, s= and t= lists", () => {
    expect(record("v=DKIM1; k=ed25519; h=sha256:sha1; s=email:other; t=y:s; n=notes; p=AQAB")).toMatchObject({
      keyType: "ed25519",
      hashes: ["sha256", "sha1"],
      services: ["email", "other"],
      testing: true,
      strict: true,
    });
  });

  it("an empty p= is a revoked key", () => {
    const r = record("v=DKIM1; p=");
    expect(r.key).toBeNull();
    expect(keyUnsuitable(r, "rsa", "sha256")).toEqual({ key: "verify_keyRevoked", params: [] });
  });

  it("v= must be DKIM1 and come first", () => {
    expect(parseKeyRecord("v=DKIM2; p=AQAB")).toEqual({ problem: { key: "verify_keyVersion", params: ["DKIM2"] } });
    expect(parseKeyRecord("p=AQAB; v=DKIM1")).toEqual({ problem: { key: "verify_keyVersion", params: ["DKIM1"] } });
  });

  it("no p=, bad base64 or a malformed list make it unusable", () => {
    expect(parseKeyRecord("v=DKIM1; k=rsa")).toEqual({ problem: { key: "verify_keyNoP", params: [] } });
    expect(parseKeyRecord("p=not*base64")).toEqual({ problem: { key: "verify_keyBase64", params: [] } });
    expect(parseKeyRecord("p=AQAB; p=AQAB")).toMatchObject({ problem: { key: "verify_keySyntax" } });
  });

  it("says why a record does not suit a signature", () => {
    expect(keyUnsuitable(record("k=ed25519; p=AQAB"), "rsa", "sha256")?.key).toBe("verify_keyType");
    expect(keyUnsuitable(record("h=sha1; p=AQAB"), "rsa", "sha256")?.key).toBe("verify_keyHash");
    expect(keyUnsuitable(record("s=other; p=AQAB"), "rsa", "sha256")?.key).toBe("verify_keyService");
    expect(keyUnsuitable(record("s=*; h=sha256; p=AQAB"), "rsa", "sha256")).toBeNull();
  });
});
