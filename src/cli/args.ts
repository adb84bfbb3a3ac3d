import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A sub-command's options and positionals; a usage error becomes a CliError that shows the help. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, help: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n\n${help}`);
  }
}
