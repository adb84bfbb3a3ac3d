import type { Io } from "../io.js";

/** One `authlens` sub-command: COMMANDS (./index.ts) lists them for `authlens --help`. */
export interface Command {
  name: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}
