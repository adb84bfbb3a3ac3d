import type { Command } from "./command.js";
import { inspectCommand } from "./inspect.js";
import { parseCommand } from "./parse.js";
import { policyCommand } from "./policy.js";
import { rulesCommand } from "./rules.js";
import { verifyCommand } from "./verify.js";

/** Every sub-command, in the order `authlens --help` lists them. */
export const COMMANDS: Command[] = [parseCommand, inspectCommand, verifyCommand, rulesCommand, policyCommand];
