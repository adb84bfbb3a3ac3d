import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./io.js";
import { errorText } from "../core/error-text.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A sub-command's options and positionals; a usage error becomes a CliError that shows the help. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, help: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${errorText(err)}\n\n${help}`);
  }
}
