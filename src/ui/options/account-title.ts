/**
 * How the options page names an account: by its name, as Thunderbird's account settings show it,
 * unless that name is only its server's host name ("pop.example.com", "alice on pop.example.com"),
 * which the account wizard never gives but a hand-made account has: then by its address.
 */
import type { Account } from "./data.js";

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

function isHostName(name: string): boolean {
  const n = name.trim();
  return HOST.test(n) || /^\S+ on [a-z0-9.-]+$/i.test(n);
}

export function accountTitle(a: Account): string {
  return a.address !== undefined && isHostName(a.name) ? a.address : a.name;
}
