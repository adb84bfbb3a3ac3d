/**
 * The administrator's path for the e2e suite: an AuthLens policy written to Thunderbird's system-wide
 * /etc/thunderbird/policies/policies.json (as `policies.3rdparty.Extensions["authlens@authlens.org"]`),
 * removed again afterwards (a file that was there before is put back, also when the harness is
 * interrupted). Without root the managed-storage file of the profile's HOME is used instead, and the
 * harness says so.
 *
 * While such a scenario runs, every Thunderbird started on this machine reads that policies.json.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ADDON_ID, writeManagedStorage, type Profile } from "./profile.js";

export const SYSTEM_POLICIES = "/etc/thunderbird/policies/policies.json";

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** How a policy reaches Thunderbird in this run: "policies.json" (root) or "managed-storage". */
export function policyDelivery(): "policies.json" | "managed-storage" {
  return isRoot() ? "policies.json" : "managed-storage";
}

export function policiesJson(entry: unknown): unknown {
  return { policies: { "3rdparty": { Extensions: { [ADDON_ID]: entry } } } };
}

/** before/after hooks that install `entry` as AuthLens's policy for one scenario. */
export function policyHooks(entry: unknown): { before: (profile: Profile) => void; after: () => void } {
  let restore: (() => void) | undefined;
  return {
    before(profile) {
      if (!isRoot()) {
        console.log(`  policy: not running as root, so the policy goes to the managed-storage file ($HOME/.mozilla/managed-storage) instead of ${SYSTEM_POLICIES}`);
        writeManagedStorage(profile, entry);
        return;
      }
      const dir = dirname(SYSTEM_POLICIES);
      const createdDirs = [dir, dirname(dir)].filter((d) => !existsSync(d));
      const previous = existsSync(SYSTEM_POLICIES) ? readFileSync(SYSTEM_POLICIES) : null;
      mkdirSync(dir, { recursive: true });
      writeFileSync(SYSTEM_POLICIES, JSON.stringify(policiesJson(entry), null, 2) + "\n");
      console.log(`  policy: wrote ${SYSTEM_POLICIES}${previous ? " (the existing file is put back afterwards)" : ""}`);
      const undo = (): void => {
        process.off("exit", undo);
        restore = undefined;
        if (previous) writeFileSync(SYSTEM_POLICIES, previous);
        else rmSync(SYSTEM_POLICIES, { force: true });
        for (const d of createdDirs) {
          try {
            rmdirSync(d); // only when empty
          } catch {
            // not empty: someone else put something there meanwhile
          }
        }
      };
      restore = undo;
      // Ctrl-C ends the harness with process.exit: put things back then too.
      process.on("exit", undo);
    },
    after() {
      if (restore) {
        restore();
        console.log(`  policy: ${SYSTEM_POLICIES} removed (or restored)`);
      }
    },
  };
}
