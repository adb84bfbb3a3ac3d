import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Every process the harness starts, so that each one is ended by PID — after a pass, a failure,
 * a timeout or Ctrl-C. Processes start in their own process group; ending one signals the group,
 * which also reaches the children Thunderbird starts (content processes).
 */
const started = new Set<ChildProcess>();

export function startProcess(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  started.add(child);
  child.on("exit", () => started.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Ends a process: TERM, then KILL after `graceMs`. Resolves when it has exited. */
export async function endProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, "SIGKILL"); // children may outlive their parent
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child, "SIGKILL");
}

export async function endAll(): Promise<void> {
  await Promise.all([...started].map((c) => endProcess(c)));
}

/** Ends everything on Ctrl-C, TERM or an uncaught error, then exits. */
export function endAllOnExit(): void {
  const bail = (code: number) => {
    void endAll().finally(() => process.exit(code));
  };
  process.on("SIGINT", () => bail(130));
  process.on("SIGTERM", () => bail(143));
  process.on("exit", () => {
    for (const c of started) signalGroup(c, "SIGKILL");
  });
}

/** Starts Xvfb on a free display and returns `:N`. */
export async function startXvfb(width = 1400, height = 900): Promise<{ display: string; proc: ChildProcess }> {
  const proc = startProcess("Xvfb", ["-displayfd", "3", "-screen", "0", `${width}x${height}x24`, "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const fd3 = proc.stdio[3];
  if (!fd3 || !("on" in fd3)) throw new Error("Xvfb: no display pipe");
  const display = await new Promise<string>((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error("Xvfb did not report a display within 10 s")), 10000);
    fd3.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /(\d+)\n/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code} (is the xvfb package installed? apt-get install xvfb)`));
    });
  });
  return { display, proc };
}

/**
 * Resident memory (VmRSS, Linux /proc) of a process and its descendants, in MB. With `name`, only
 * the processes of that name (Gecko names its children: "WebExtensions" is where add-ons run).
 */
export function processTreeRssMb(pid: number, name?: string): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      if (name === undefined || /^Name:\s*(.*)$/m.exec(status)?.[1]?.trim() === name) kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(kb / 1024);
}
