/**
 * `authlens parse`: parse one Authentication-Results (or ARC-Authentication-Results) value.
 *
 *   authlens parse [--arc] [--strict] <value>          readable table
 *   authlens parse --json [--arc] [--strict] <value>   one JSON object (the ParsedAuthResults contract)
 *   authlens parse --jsonl [--arc] [--strict]          JSON string per stdin line -> JSON object per line
 */
import { formatParsedTable, toContractObject } from "../../core/authres/format.js";
import { failedParse, parseAuthResults } from "../../core/authres/parse.js";
import type { ParseOptions, ParsedAuthResults } from "../../core/authres/types.js";
import type { Command } from "./command.js";
import { parseCommandArgs } from "../args.js";
import { CliError, type Io } from "../io.js";

const HELP = `Usage: authlens parse [--json] [--arc] [--strict] <value>
       authlens parse --jsonl [--arc] [--strict] < values.jsonl

Parse an Authentication-Results header value (the text after "Authentication-Results:").
Without <value>, the value is read from standard input, which must then be a pipe or a file
(on a terminal there is nothing to read: a usage error).

Options:
  --json     print one JSON object: {authservId, version, instance, none, results, diagnostics}
  --jsonl    read one JSON-encoded string per line from standard input and print one JSON
             object per line, in order (a line that is not a JSON string gives an object
             with an error diagnostic)
  --arc      the value is an ARC-Authentication-Results value, starting with "i=N;"
  --strict   report every deviation from RFC 8601 as an error (default: tolerant, warnings)
  -h, --help show this help

Exit status: 0 when parsed without error diagnostics, 1 when any error diagnostic was
reported, 2 on a usage error.
`;

export const parseCommand: Command = {
  name: "parse",
  summary: "Parse an Authentication-Results header value (table or JSON)",
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        json: { type: "boolean", default: false },
        jsonl: { type: "boolean", default: false },
        arc: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      "parse",
    );
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const options: ParseOptions = { arc: values.arc, strict: values.strict };

    if (values.jsonl) {
      if (values.json) throw new CliError("--json and --jsonl cannot be combined");
      if (positionals.length > 0) throw new CliError("--jsonl reads its values from standard input, not from arguments");
      if (io.stdinIsTerminal()) throw new CliError(`--jsonl reads its values from standard input, which is a terminal: pipe them in\n\n${HELP}`);
      return runJsonl(io, options);
    }

    if (positionals.length > 1) {
      throw new CliError("expected one header value (quote it as one argument)");
    }
    if (positionals.length === 0 && io.stdinIsTerminal()) {
      throw new CliError(`expected a header value, as an argument or on standard input\n\n${HELP}`);
    }
    const value = positionals[0] ?? stripFinalNewline(await io.readStdin());
    const parsed = parseAuthResults(value, options);
    io.stdout(values.json ? `${JSON.stringify(toContractObject(parsed))}\n` : formatParsedTable(parsed));
    return hasError(parsed) ? 1 : 0;
  },
};

async function runJsonl(io: Io, options: ParseOptions): Promise<number> {
  let status = 0;
  let lineNo = 0;
  for await (const line of io.stdinLines()) {
    lineNo++;
    const parsed = parseJsonLine(line, lineNo, options);
    if (hasError(parsed)) status = 1;
    io.stdout(`${JSON.stringify(toContractObject(parsed))}\n`);
  }
  return status;
}

function parseJsonLine(line: string, lineNo: number, options: ParseOptions): ParsedAuthResults {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return failedParse(`line ${lineNo}: not valid JSON (expected a JSON string)`);
  }
  if (typeof value !== "string") return failedParse(`line ${lineNo}: expected a JSON string, got ${value === null ? "null" : typeof value}`);
  return parseAuthResults(value, options);
}

function hasError(parsed: ParsedAuthResults): boolean {
  return parsed.diagnostics.some((d) => d.severity === "error");
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, "");
}
