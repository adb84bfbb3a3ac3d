/**
 * How AuthLens names an account on its pages: by its name, as Thunderbird's account settings show
 * it, unless that name is only its server's host name ("pop.example.com", "alice on
 * pop.example.com"), which the account wizard never gives but a hand-made account has: then by the
 * address of its first identity.
 */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

function isHostName(name: string): boolean {
  const n = name.trim();
  return HOST.test(n) || /^\S+ on [a-z0-9.-]+$/i.test(n);
}

export function accountTitle(a: { name: string; identities?: { email?: string }[] }): string {
  const address = a.identities?.find((i) => typeof i.email === "string" && i.email !== "")?.email;
  return address !== undefined && isHostName(a.name) ? address : a.name;
}
