// Packs a folder into a reproducible XPI (zip): sorted entries, fixed timestamps and modes,
// fixed compression. Same inputs give the same bytes.
import { createWriteStream, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import yazl from "yazl";

/** A fixed time for every entry (zip stores DOS time, local, 2-second resolution). */
const FIXED_MTIME = new Date(1980, 0, 2, 0, 0, 0);

export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Writes `files` (zip path -> Buffer) to `outPath` as a deterministic zip.
 * @param {Map<string, Buffer>} files
 * @param {string} outPath
 */
export function writeXpi(files, outPath) {
  const zip = new yazl.ZipFile();
  for (const name of [...files.keys()].sort()) {
    zip.addBuffer(files.get(name), name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const out = createWriteStream(outPath);
    zip.outputStream.pipe(out).on("close", resolve).on("error", reject);
  });
}

/** Reads a folder into the map writeXpi takes. */
export function readTree(dir) {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
}
