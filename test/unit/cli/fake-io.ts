/** The CLI's Io for tests: captured output, given standard input, files and folders from maps (or a fallback). */
import type { Io } from "../../../src/cli/io.js";

export interface FakeIo extends Io {
  out: string[];
  err: string[];
}

export interface FakeIoOptions {
  /** Files by path, as text. */
  files?: Record<string, string>;
  /** Read a path not in `files` (e.g. from the fixtures on disk); without it such a read fails. */
  fallback?: (path: string) => Buffer;
  /** Folders by path: their entry names. Any other path is not a folder. */
  dirs?: Record<string, string[]>;
  stdin?: string;
  /** Standard input as lines, delivered one at a time like a stream. */
  lines?: string[];
  /** Standard input is a terminal (nothing piped in). */
  stdinTerminal?: boolean;
}

/** An error as Node's fs gives it: a message and a code. */
export function fsError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export function fakeIo({ files = {}, fallback, dirs = {}, stdin = "", lines = [], stdinTerminal = false }: FakeIoOptions = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: () => Promise.resolve(stdin),
    stdinIsTerminal: () => stdinTerminal,
    stdinLines: async function* () {
      for (const l of lines) {
        yield l;
        // Let the consumer run between lines, as with a real stream.
        await Promise.resolve();
      }
    },
    readFile,
    readStream: async function* (path) {
      const bytes = readFile(path);
      // Small chunks, so the readers' chunk boundaries are exercised.
      for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
    },
    listDir: (path) => (Object.hasOwn(dirs, path) ? [...(dirs[path] ?? [])] : null),
  };
  function readFile(path: string): Buffer {
    const text = files[path];
    if (text !== undefined) return Buffer.from(text, "utf8");
    if (Object.hasOwn(dirs, path)) throw fsError("EISDIR", "illegal operation on a directory, read");
    if (fallback) return fallback(path);
    throw fsError("ENOENT", `no such file or directory, open '${path}'`);
  }
}
