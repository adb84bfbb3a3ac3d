import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Fixture {
  file: string;
  text: string;
  subject: string;
}

/** The demo messages, in file-name order. */
export function demoFixtures(root: string): Fixture[] {
  return fixtures(root, "demo");
}

/** The messages of test/fixtures/<set>/, in file-name order. */
export function fixtures(root: string, set: string): Fixture[] {
  const dir = join(root, "test", "fixtures", set);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      return { file, text, subject: headerValues(text, "subject")[0]?.trim() ?? "" };
    });
}

/**
 * The values of one header field in a message's own header block, in order, as written (folding
 * kept). A deliberately small, independent reading used as the oracle for what Thunderbird returns.
 */
export function headerValues(message: string, name: string): string[] {
  const block = message.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const fields: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += "\r\n" + line;
    else fields.push(line);
  }
  const prefix = name.toLowerCase() + ":";
  return fields.filter((f) => f.toLowerCase().startsWith(prefix)).map((f) => f.slice(prefix.length).replace(/^[ \t]+/, ""));
}
