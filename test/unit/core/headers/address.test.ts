import { describe, expect, it } from "vitest";
import { parseFrom } from "../../../../src/core/headers/address.js";

describe("parseFrom", () => {
  it("reads display name, address and domain", () => {
    const f = parseFrom(["Alice Example <alice@Example.COM>"]);
    expect(f.primary).toEqual({
      displayName: "Alice Example",
      address: "alice@Example.COM",
      localPart: "alice",
      domain: "example.com",
      domainUnicode: "example.com",
    });
  });

  it("decodes RFC 2047 display names", () => {
    const f = parseFrom(["=?UTF-8?Q?Caf=C3=A9_Example?= <cafe@example.org>"]);
    expect(f.primary?.displayName).toBe("Café Example");
  });

  it("gives IDN domains as A-label and Unicode, from either form", () => {
    const u = parseFrom(["用户 <用户@例え.example>"]).primary;
    expect(u?.domain).toBe("xn--r8jz45g.example");
    expect(u?.domainUnicode).toBe("例え.example");
    const a = parseFrom(["<security@xn--exmple-4nf.com>"]).primary;
    expect(a?.domainUnicode).toBe("exаmple.com");
    expect(a?.domain).toBe("xn--exmple-4nf.com");
  });

  it("multiple addresses or fields give no primary author", () => {
    expect(parseFrom(["a@example.com, b@example.org"]).primary).toBeNull();
    const two = parseFrom(["a@example.com", "b@example.org"]);
    expect(two.primary).toBeNull();
    expect(two.fieldCount).toBe(2);
    expect(two.addresses).toHaveLength(2);
  });

  it("flattens groups and handles empty groups", () => {
    expect(parseFrom(["Team: a@example.com;"]).primary?.address).toBe("a@example.com");
    expect(parseFrom(["undisclosed-recipients:;"]).primary).toBeNull();
  });

  it("never throws on garbage", () => {
    for (const g of ["", "<<<", "garbage <<<", "@", "a@", "@b.example", "\u0000", '"unterminated <x@y.example']) {
      expect(() => parseFrom([g])).not.toThrow();
    }
    expect(parseFrom(["garbage <<<"]).primary).toBeNull();
    expect(parseFrom([]).primary).toBeNull();
  });
});
