import { readdirSync, readFileSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { errorText } from "../core/error-text.js";

/** Where a command reads and writes; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, as UTF-8. */
  readStdin(): Promise<string>;
  /** Lines of standard input as they arrive (for --jsonl streaming). */
  stdinLines(): AsyncIterable<string>;
  /** Is standard input a terminal (nothing piped or redirected)? Commands then do not wait for it. */
  stdinIsTerminal(): boolean;
  readFile(path: string): Buffer;
  /**
   * A file as a stream of chunks, so a large message is never read whole. A chunk is valid until
   * the next one is asked for: the reader reuses its buffer (so memory stays flat).
   */
  readStream(path: string): AsyncIterable<Uint8Array>;
  /**
   * The entry names of a folder, or null when `path` is not a folder (or does not exist); a folder
   * that cannot be listed throws (e.g. EACCES).
   */
  listDir(path: string): string[] | null;
}

/** A usage or input problem: printed without a stack trace, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function nodeListDir(path: string): string[] | null {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    return null;
  }
  return folder ? readdirSync(path) : null;
}

/**
 * When the reader of `stream` goes away (`authlens … | head`), writing fails with EPIPE: the
 * command then ends at once, quietly, with status 0, as a command killed by SIGPIPE would end
 * without a word. Any other write error (a full disk) is a real failure: one plain line through
 * `report` (the other stream) and status 2, never a stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.EventEmitter, exit: (code: number) => void, report: (line: string) => void = () => undefined): void {
  stream.on("error", (err: unknown) => {
    if ((err as { code?: unknown } | null)?.code === "EPIPE") {
      exit(0);
      return;
    }
    try {
      report(`authlens: cannot write the output: ${errorText(err)}\n`);
    } finally {
      exit(2);
    }
  });
}

/** The real process's Io. Output to a closed pipe ends the process quietly (endQuietlyOnClosedPipe). */
export function nodeIo(): Io {
  const exit = (code: number) => process.exit(code);
  endQuietlyOnClosedPipe(process.stdout, exit, (line) => void process.stderr.write(line));
  endQuietlyOnClosedPipe(process.stderr, exit);
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdinIsTerminal: () => process.stdin.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    stdinLines: async function* () {
      const { createInterface } = await import("node:readline");
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) yield line;
    },
    readFile: (p) => readFileSync(p),
    readStream: async function* (p) {
      const file = await open(p, "r");
      try {
        const buffer = new Uint8Array(1 << 16);
        for (;;) {
          const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
          if (bytesRead === 0) return;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await file.close();
      }
    },
    listDir: nodeListDir,
  };
}
