import type { Io } from "../io.js";
import { inspectCommand } from "./inspect.js";
import { parseCommand } from "./parse.js";
import { policyCommand } from "./policy.js";
import { rulesCommand } from "./rules.js";
import { verifyCommand } from "./verify.js";

export interface Command {
  name: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

/** Every sub-command, in the order `authlens --help` lists them. */
export const COMMANDS: Command[] = [parseCommand, inspectCommand, verifyCommand, rulesCommand, policyCommand];
