/**
 * DNS-over-HTTPS servers for AuthLens's own checks (RFC 8484): the three offered, which URL may be
 * one, and the host permission a server needs. Without zod, so the options page can use it without
 * bundling the schema library.
 */
export const DOH_SERVERS = {
  quad9: "https://dns.quad9.net/dns-query",
  cloudflare: "https://cloudflare-dns.com/dns-query",
  google: "https://dns.google/dns-query",
} as const;

const LOOPBACK = new Set(["127.0.0.1", "localhost"]);

function parse(url: string): URL | null {
  try {
    const u = new URL(url);
    if (u.username !== "" || u.password !== "") return null;
    // https:// anywhere; plain http:// only to this computer (a local DoH proxy), where nothing crosses a network.
    if (u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname))) return u;
    return null;
  } catch {
    return null;
  }
}

/** Whether a URL may be the DoH server: https://, or http:// on this computer (127.0.0.1, localhost); no user name or password. */
export function isDohServerUrl(url: string): boolean {
  return parse(url) !== null;
}

/**
 * The host permission pattern a server needs ("https://dns.quad9.net/*"), or null for a URL that
 * may not be one. Match patterns have no port: a permission covers the host on every port.
 */
export function dohPermissionPattern(url: string): string | null {
  const u = parse(url);
  return u === null ? null : `${u.protocol}//${u.hostname}/*`;
}
