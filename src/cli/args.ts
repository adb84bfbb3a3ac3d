import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./io.js";
import { errorText } from "../core/error-text.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** "Run 'authlens inspect --help' for its options." */
export function helpPointer(command: string): string {
  return `Run 'authlens ${command} --help' for its options.`;
}

/**
 * The problem with an option, in our words: "unknown option --foo", "--trust needs a value",
 * "--json takes no value"; null when every option is known and well formed.
 */
function optionProblem(args: string[], options: Options): string | null {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const known = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (known === undefined) return `unknown option ${t.rawName}`;
    if (known.type === "boolean" && t.inlineValue === true) return `${t.rawName} takes no value`;
    if (known.type === "string") {
      if (t.value === undefined) return `${t.rawName} needs a value`;
      // "--trust --json": the next option is not a value (write --trust=-x for a value starting with "-").
      if (t.inlineValue === false && t.value.startsWith("-") && t.value !== "-") return `${t.rawName} needs a value (write ${t.rawName}=${t.value} if "${t.value}" is meant)`;
    }
  }
  return null;
}

/**
 * A sub-command's options and positionals. An unknown or malformed option is a usage error
 * (exit 2) that names it and points to the command's --help.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, command: string) {
  const problem = optionProblem(args, options);
  if (problem !== null) throw new CliError(`${problem}\n${helpPointer(command)}`);
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    // Not expected after the check above; still a usage error.
    throw new CliError(`${errorText(err)}\n${helpPointer(command)}`);
  }
}
