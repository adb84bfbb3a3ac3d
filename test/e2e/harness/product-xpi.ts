import { execFileSync } from "node:child_process";

/**
 * The product XPI must hold only run-time files and none of the test build: no driver, no loopback
 * host permission, no extra permissions. Returns an error text, or undefined when it is clean.
 */
export function checkProductXpi(path: string): string | undefined {
  const list = execFileSync("unzip", ["-Z1", path], { encoding: "utf8" }).split("\n").filter(Boolean);
  const unwanted = list.filter((f) => /\.(ts|map|mts)$|^node_modules\/|^test\/|^src\/|e2e-config\.json$/.test(f));
  if (unwanted.length > 0) return `unexpected files in the XPI: ${unwanted.join(", ")}`;
  if (list[0] === undefined || !list.includes("manifest.json")) return "manifest.json is not at the zip root";
  const manifest = JSON.parse(execFileSync("unzip", ["-p", path, "manifest.json"], { encoding: "utf8" })) as {
    host_permissions?: string[];
    permissions?: string[];
  };
  if ((manifest.host_permissions ?? []).some((p) => p.includes("127.0.0.1"))) return "the product manifest asks for loopback access";
  const testOnly = (manifest.permissions ?? []).filter((p) => ["messagesImport", "tabs", "accountsFolders", "clipboardRead"].includes(p));
  if (testOnly.length > 0) return `the product manifest asks for the test build's permissions: ${testOnly.join(", ")}`;
  const background = execFileSync("unzip", ["-p", path, "background.js"], { encoding: "utf8" });
  if (background.includes("e2e-config.json")) return "the product background contains the e2e driver";
  return undefined;
}
