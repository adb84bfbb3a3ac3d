/**
 * `authlens rules`: dry runs of AuthLens filter rules with the add-on's own engine.
 *
 *   authlens rules test --rules FILE [--trust ID]... [--forwarder DOMAIN]... [--all] [--verify [DNS options]] [--json] <eml | mbox | folder>
 *   authlens rules examples
 */
import { join } from "node:path";
import { analyzeMessage, type AnalysisSettings } from "../../core/analyze.js";
import { parseHeaderBlock } from "../../core/headers/header-block.js";
import {
  EXAMPLE_RULES,
  evaluateRules,
  findRules,
  needsOwnChecks,
  planActions,
  type Rule,
  ruleSetVersion,
  validateRules,
} from "../../core/rules/index.js";
import { helpPointer, parseCommandArgs } from "../args.js";
import { fileError, fileMessages, notAMessage, notAMessageError, readInputFile, readInputText, refusedMessageText, shown } from "../input.js";
import { CliError, type Io } from "../io.js";
import type { Command } from "./command.js";
import { englishRules as words } from "../rule-words.js";
import { errorText } from "../../core/error-text.js";
import { verifyMessage } from "../../core/verify/verify-message.js";
import { VERIFY_OPTIONS, VERIFY_OPTIONS_HELP, verifyDepsIf } from "../verify-options.js";

const HELP = `Usage: authlens rules test --rules FILE [--trust ID]... [--forwarder DOMAIN]... [--all] [--verify] [--json] <file.eml | file.mbox | folder>
       authlens rules examples

test      Dry run: for every message, which rules match and which actions they would take, in
          the order the add-on would take them. Nothing is changed.
examples  Print the example rules shipped with AuthLens as a rules file.

Options of test:
  --rules FILE        the rules: a JSON array of rules, {"rules": [...]}, or a Thunderbird
                      policies.json (policies.3rdparty.Extensions["authlens@authlens.org"].adminRules)
  --trust ID          trust Authentication-Results headers with this authserv-id
                      (repeatable; "@example.org" also trusts its subdomains)
  --forwarder DOMAIN  trust this ARC sealing domain as a forwarder (repeatable)
  --all               evaluate disabled rules too (as if enabled)
  --verify            check the signatures as "authlens verify" does, so conditions on AuthLens's
                      own results ("source": "local" or "either") can hold; with these DNS options:
${VERIFY_OPTIONS_HELP.replace(/^/gm, "  ")}
  --json              one JSON object per message and a final summary, one per line
  -h, --help          show this help

The input is an .eml file, an mbox file (name ending in .mbox/.mbx, or starting with a "From "
line and holding more than one message; its messages are labelled by position, Subject and
From), or a folder whose .eml files are read in name order. In an mbox or a folder, a message
that is not an e-mail message (empty, binary, or not starting with a header field) or a file that
cannot be read is named on stderr and skipped; the others are still tested. Invalid rules are
reported on stderr with the path of each problem and skipped; the valid ones are still tested.
Exit status: 0 when every rule is valid, 1 when some rule was invalid, 2 on a usage or input
error (also when an input was skipped). The format is described in docs/rules.md.
`;


/** A message to test, or an input that is skipped (and why, for stderr). */
type Message = { id: string; label: string; raw: Uint8Array; skipped?: undefined } | { skipped: string };

/**
 * The messages of an .eml, an mbox or a folder's .eml files (read one by one as the test goes on).
 * A file given that cannot be read or is not a message throws here, before any output; in a
 * folder or mbox, unreadable files and non-messages are skipped (named on stderr).
 */
function messagesOf(io: Io, path: string): Iterable<Message> {
  let entries: string[] | null;
  try {
    entries = io.listDir(path);
  } catch (err) {
    throw fileError(path, err);
  }
  if (entries !== null) return folderMessages(io, path, entries);
  return fileMessages(path, readInputFile(io, path)).map((m): Message => {
    if (m.refused !== null) return { skipped: refusedMessageText(path, m) };
    // JSON keeps "FILE message N" as the message's name; the text shows Subject and From too.
    if (m.index !== null) return { id: `${path} message ${m.index + 1}`, label: `${shown(path)} ${m.label ?? ""}`, raw: m.raw };
    return { id: path, label: shown(path), raw: m.raw };
  });
}

function* folderMessages(io: Io, path: string, entries: string[]): Generator<Message> {
  const files = entries.filter((f) => /\.eml$/i.test(f)).sort();
  for (const f of files) {
    const p = join(path, f);
    let raw: Uint8Array;
    try {
      raw = readInputFile(io, p);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      yield { skipped: err.message };
      continue;
    }
    const why = notAMessage(raw);
    if (why !== null) yield { skipped: notAMessageError(p, why).message };
    else yield { id: p, label: shown(p), raw };
  }
}

function loadRules(io: Io, file: string): { rules: Rule[]; problems: string[]; problemCount: number } {
  const text = readInputText(io, file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${errorText(err)}`);
  }
  const found = findRules(doc);
  if (typeof found === "string") throw new CliError(`${file}: ${found}`);
  const { rules, problems } = validateRules(found.rules, { path: found.path });
  const skipped = new Set(problems.map((p) => p.ruleIndex).filter((i) => i !== null));
  const lines = problems.map((p) => `${file}: ${p.path.length > 0 ? p.path : "(top)"}: ${p.message}`);
  for (const i of [...skipped].sort((a, b) => a - b)) lines.push(`${file}: rule ${i} skipped`);
  return { rules, problems: lines, problemCount: problems.length };
}

async function testCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      rules: { type: "string" },
      json: { type: "boolean", default: false },
      all: { type: "boolean", default: false },
      trust: { type: "string", multiple: true, default: [] },
      forwarder: { type: "string", multiple: true, default: [] },
      verify: { type: "boolean", default: false },
      ...VERIFY_OPTIONS,
      help: { type: "boolean", short: "h", default: false },
    },
    "rules test",
  );
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.rules === undefined) throw new CliError(`--rules FILE is required\n\n${HELP}`);
  if (positionals.length !== 1) throw new CliError(`expected exactly one .eml, mbox or folder\n\n${HELP}`);
  const input = positionals[0] ?? "";
  const deps = verifyDepsIf(values, io);

  const loaded = loadRules(io, values.rules);
  const inputs = messagesOf(io, input);
  for (const line of loaded.problems) io.stderr(line + "\n");
  const rules = values.all ? loaded.rules.map((r) => ({ ...r, enabled: true })) : loaded.rules;
  const enabled = rules.filter((r) => r.enabled);
  if (!values.json && enabled.length < rules.length) {
    io.stdout(`(${rules.length - enabled.length} disabled rule(s) not evaluated; --all evaluates them)\n`);
  }
  if (!values.json && deps === null && needsOwnChecks(rules)) {
    io.stdout("(some conditions read AuthLens's own results; without --verify they are false)\n");
  }
  const settings: AnalysisSettings = { trustedAuthservIds: values.trust, trustedForwarders: values.forwarder };
  const version = ruleSetVersion(rules);
  const counts = new Map(enabled.map((r) => [r.id, 0]));
  let total = 0;
  let skipped = false;

  for (const m of inputs) {
    if (m.skipped !== undefined) {
      io.stderr(`authlens rules: ${m.skipped}\n`);
      skipped = true;
      continue;
    }
    total++;
    const own = deps !== null ? await verifyMessage(m.raw, deps) : undefined;
    const analysis = analyzeMessage(parseHeaderBlock(m.raw), settings, own);
    const matches = evaluateRules(rules, analysis);
    const plan = planActions(matches);
    for (const x of matches) if (x.matched) counts.set(x.ruleId, (counts.get(x.ruleId) ?? 0) + 1);
    const ruleById = new Map(rules.map((r) => [r.id, r]));
    if (values.json) {
      io.stdout(
        JSON.stringify({
          message: m.id,
          verdict: analysis.verdict.level,
          rules: matches.map((x) => ({
            id: x.ruleId,
            name: x.ruleName,
            matched: x.matched,
            stopped: x.stopped,
            conditions: x.conditions.map((c) => {
              const cond = ruleById.get(x.ruleId)?.conditions[c.index];
              return { ...c, text: cond ? words.condition(cond) : null };
            }),
          })),
          actions: plan.actions.map((p) => ({ ruleId: p.ruleId, action: p.action, text: words.action(p.action) })),
          skipped: plan.skipped.map((p) => ({ ruleId: p.ruleId, action: p.action, text: words.action(p.action), note: words.reason(p.note), reason: p.note })),
        }) + "\n",
      );
      continue;
    }
    const matchedCount = matches.filter((x) => x.matched).length;
    const out: string[] = [`${m.label}: ${analysis.verdict.level}; ${matchedCount} of ${enabled.length} rule(s) match`];
    for (const x of matches) {
      out.push(`  ${x.matched ? "MATCH" : "no   "} ${x.ruleName} [${x.ruleId}]${x.stopped ? " (stop: later rules not evaluated)" : ""}`);
      const rule = ruleById.get(x.ruleId);
      for (const c of x.conditions) {
        const cond = rule?.conditions[c.index];
        out.push(`          ${c.matched ? "yes" : "no "}  ${cond ? words.condition(cond) : c.type}`);
      }
    }
    if (plan.actions.length === 0) out.push("  would do nothing");
    else {
      out.push("  would:");
      plan.actions.forEach((p, i) => out.push(`    ${i + 1}. ${words.action(p.action)}  [${p.ruleId}]`));
    }
    for (const s of plan.skipped) out.push(`    - not: ${words.action(s.action)}  [${s.ruleId}]: ${words.reason(s.note)}`);
    io.stdout(out.join("\n") + "\n\n");
  }

  const summary = Object.fromEntries(counts);
  if (values.json) {
    io.stdout(JSON.stringify({ summary: { messages: total, ruleSetVersion: version, matches: summary, problems: loaded.problemCount } }) + "\n");
  } else {
    io.stdout(`${total} message(s); rule set ${version}\n`);
    for (const r of enabled) io.stdout(`  ${String(counts.get(r.id) ?? 0).padStart(5)}  ${r.name} [${r.id}]\n`);
  }
  return skipped ? 2 : loaded.problemCount > 0 ? 1 : 0;
}

export const rulesCommand: Command = {
  name: "rules",
  summary: "Dry-run filter rules on an .eml, mbox or folder: which rules match, which actions",
  async run(args: string[], io: Io): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === "--help" || sub === "-h") {
      io.stdout(HELP);
      return 0;
    }
    if (sub === undefined) throw new CliError(`expected a sub-command: test or examples\n\n${HELP}`);
    if (sub === "test") return testCommand(rest, io);
    if (sub === "examples") {
      io.stdout(JSON.stringify({ rules: EXAMPLE_RULES }, null, 2) + "\n");
      return 0;
    }
    if (sub.startsWith("-")) throw new CliError(`unknown option ${shown(sub)}\n${helpPointer("rules")}`);
    throw new CliError(`unknown sub-command '${shown(sub)}'\n\n${HELP}`);
  },
};
