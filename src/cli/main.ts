/**
 * The `authlens` command line: the same core as the add-on, for admins and for testing.
 * Each sub-command lives in its own file under ./commands and registers itself in COMMANDS.
 */
import { COMMANDS } from "./commands/index.js";
import { CliError, type Io, nodeIo } from "./io.js";
import { sanitizeForTerminal } from "../core/authres/format.js";

export function usage(): string {
  const lines = [
    "Usage: authlens <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`),
    "",
    "Run 'authlens <command> --help' for the options of a command.",
  ];
  return lines.join("\n") + "\n";
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return 0;
  }
  if (name === undefined) {
    // A usage error: the usage goes where errors go.
    io.stderr(usage());
    return 2;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${__AUTHLENS_VERSION__}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command && name.startsWith("-")) {
    io.stderr(`authlens: unknown option ${sanitizeForTerminal(name)}\nRun 'authlens --help' for the commands.\n`);
    return 2;
  }
  if (!command) {
    io.stderr(`authlens: unknown command '${sanitizeForTerminal(name)}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`authlens ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

if (typeof process !== "undefined" && process.argv[1] && !process.env.VITEST) {
  run(process.argv.slice(2), nodeIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`authlens: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
