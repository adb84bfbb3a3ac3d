import { accessSync, constants, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

/**
 * The Thunderbird binary: $THUNDERBIRD, else `thunderbird` on PATH. Debian's /usr/bin/thunderbird is a
 * shell wrapper around /usr/lib/thunderbird/thunderbird; we run the real binary so the PID we hold is
 * Thunderbird's own and ending it ends Thunderbird.
 */
export function findThunderbird(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.THUNDERBIRD;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`$THUNDERBIRD is set to ${fromEnv}, which is not an executable file.`);
    return unwrap(fromEnv);
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "thunderbird");
    if (isExecutable(candidate)) return unwrap(candidate);
  }
  throw new Error(
    "Thunderbird was not found. Install it (on Debian or Ubuntu: sudo apt-get install thunderbird) " +
      "or set THUNDERBIRD to the path of the thunderbird binary.",
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * If `path` is Debian's shell script that execs the real binary, return that binary: the one of the
 * same installation (PREFIX/bin/thunderbird -> PREFIX/lib/thunderbird/thunderbird), so that a
 * Thunderbird unpacked beside the system's (dpkg -x into /opt/thunderbird-140) runs itself and not
 * the system's /usr/lib/thunderbird/thunderbird, which its copy of the script would exec.
 */
export function unwrap(path: string): string {
  let head: Buffer;
  try {
    head = readFileSync(path).subarray(0, 4096);
  } catch {
    return path;
  }
  // Debian's wrapper sources thunderbird-wrapper-helper.sh and then runs the real binary.
  if (head.subarray(0, 2).toString() !== "#!" || !head.toString().includes("thunderbird-wrapper-helper")) return path;
  const prefix = dirname(dirname(realpathSync(path)));
  for (const candidate of [join(prefix, "lib", "thunderbird", "thunderbird"), join(prefix, "lib64", "thunderbird", "thunderbird")]) {
    if (isExecutable(candidate)) return candidate;
  }
  return path;
}
