/**
 * `authlens policy`: for administrators, before they distribute a policy.
 *
 *   authlens policy check [--json] <policies.json | policy.json | ->
 *   authlens policy schema
 */
import { findPolicy, lockedKeys, readPolicy, underPath, type Policy, type PolicyProblem } from "../../core/policy/index.js";
import { EXTENSION_ID } from "../../core/rules/validate.js";
import { helpPointer, parseCommandArgs } from "../args.js";
import { readInputText, shown } from "../input.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./command.js";
import { errorText } from "../../core/error-text.js";
import policyJsonSchema from "../../../docs/authlens-policy.schema.json";

const HELP = `Usage: authlens policy check [--json] <file | ->
       authlens policy schema

check   Validate an AuthLens policy: a whole Thunderbird policies.json (the AuthLens entry is
        policies.3rdparty.Extensions["${EXTENSION_ID}"]) or the AuthLens entry alone
        (a bare settings object). "-" reads standard input. Every problem is printed with its
        path; the add-on ignores those parts and applies the rest.
schema  Print the policy's JSON Schema (docs/authlens-policy.schema.json).

Options of check:
  --json      print {"valid", "path", "problems", "policy"} as JSON
  -h, --help  show this help

Exit status: 0 when the policy is valid, 1 when it has problems (or no AuthLens entry),
2 on a usage error or an unreadable file. The keys are described in docs/admin.md.
`;

async function readInput(io: Io, file: string): Promise<string> {
  if (file === "-") {
    if (io.stdinIsTerminal()) throw new CliError(`"-" reads the policy from standard input, which is a terminal: pipe it in\n${helpPointer("policy")}`);
    return io.readStdin();
  }
  return readInputText(io, file);
}

/** One line per key the policy sets, for the "valid" summary. */
function summary(policy: Policy): string[] {
  const lines: string[] = [];
  const n = (list: readonly unknown[] | undefined, what: string) => (list === undefined ? [] : [`  ${what}: ${list.length}`]);
  lines.push(...n(policy.trustedAuthservIds, "trusted servers (all accounts)"));
  lines.push(...n(policy.accountTrust, "per-account trust entries"));
  lines.push(...n(policy.trustedForwarders, "trusted ARC forwarders"));
  lines.push(...n(policy.adminRules, "admin rules"));
  if (policy.allowUserRules !== undefined) lines.push(`  users' own rules: ${policy.allowUserRules ? "allowed" : "not allowed"}`);
  if (policy.bannerMode !== undefined) lines.push(`  bannerMode: ${policy.bannerMode}`);
  if (policy.showBadge !== undefined) lines.push(`  showBadge: ${String(policy.showBadge)}`);
  if (policy.newMailSpecialFolders !== undefined) lines.push(`  newMailSpecialFolders: ${String(policy.newMailSpecialFolders)}`);
  const locked = lockedKeys(policy);
  if (locked.length > 0) lines.push(`  locked: ${locked.join(", ")}`);
  return lines;
}

async function check(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: "boolean" }, help: { type: "boolean", short: "h" } }, "policy");
  if (parsed.values.help) {
    io.stdout(HELP);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new CliError(`expected exactly one file\n\n${HELP}`);
  const text = await readInput(io, file);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const problem: PolicyProblem = { path: "", message: `not valid JSON: ${errorText(err)}` };
    return report(io, file, "", [problem], {}, parsed.values.json === true);
  }
  const found = findPolicy(doc);
  if (typeof found === "string") return report(io, file, "", [{ path: "", message: found }], {}, parsed.values.json === true);
  const read = readPolicy(found.entry);
  const problems = read.problems.map((p) => underPath(found.path, p));
  if (found.entry === null || typeof found.entry !== "object" || Array.isArray(found.entry)) {
    if (read.problems.length === 0) problems.push({ path: found.path, message: "the AuthLens entry must be a JSON object" });
  }
  return report(io, file, found.path, problems, read.policy, parsed.values.json === true);
}

function report(io: Io, file: string, path: string, problems: PolicyProblem[], policy: Policy, json: boolean): number {
  const valid = problems.length === 0;
  if (json) {
    io.stdout(JSON.stringify({ valid, path, problems, policy }, null, 2) + "\n");
    return valid ? 0 : 1;
  }
  const where = path === "" ? file : `${file} (${path})`;
  if (valid) {
    io.stdout([`${where}: valid AuthLens policy`, ...summary(policy)].join("\n") + "\n");
    return 0;
  }
  io.stdout(
    [
      `${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
      ...problems.map((p) => `  ${p.path === "" ? "(top)" : p.path}: ${p.message}`),
      "AuthLens ignores these parts of the policy and applies the rest.",
    ].join("\n") + "\n",
  );
  return 1;
}

export const policyCommand: Command = {
  name: "policy",
  summary: "Check an admin policy (policies.json) for AuthLens, or print its JSON Schema",
  async run(args: string[], io: Io): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === "--help" || sub === "-h") {
      io.stdout(HELP);
      return 0;
    }
    if (sub === undefined) throw new CliError(`expected a sub-command: check or schema\n\n${HELP}`);
    if (sub === "check") return check(rest, io);
    if (sub === "schema") {
      if (rest.length > 0) throw new CliError(`'policy schema' takes no arguments\n\n${HELP}`);
      io.stdout(JSON.stringify(policyJsonSchema, null, 2) + "\n");
      return 0;
    }
    if (sub.startsWith("-")) throw new CliError(`unknown option ${shown(sub)}\n${helpPointer("policy")}`);
    throw new CliError(`unknown sub-command '${shown(sub)}'\n\n${HELP}`);
  },
};
