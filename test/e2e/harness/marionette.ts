/**
 * A minimal client of Marionette, the remote protocol built into Thunderbird (started with
 * `--marionette`): enough to run a script in Thunderbird's chrome, as `npm start` does to show the
 * demo on a message with AuthLens's pane open. Packets are `<length>:<JSON>`; a command is
 * `[0, id, name, params]`, its answer `[1, id, error, result]`.
 */
import { existsSync, readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private greeted: () => void = () => undefined;
  private readonly hello = new Promise<void>((resolve) => (this.greeted = resolve));

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("close", () => this.failAll(new Error("Marionette closed the connection")));
    socket.on("error", (err) => this.failAll(err));
  }

  /** Connects to Thunderbird's Marionette on 127.0.0.1 and waits for its greeting. */
  static async connect(port: number): Promise<Marionette> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: "127.0.0.1", port }, () => resolve(s));
      s.once("error", reject);
    });
    const client = new Marionette(socket);
    await client.hello;
    return client;
  }

  /** Sends a command; resolves with its result, rejects with Marionette's error. */
  command<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const json = JSON.stringify([0, id, name, params]);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    });
  }

  /**
   * Runs `script` in Thunderbird's chrome (the main window's global, with Services): its last
   * argument is the callback that ends it with a value.
   */
  async chromeScript<T>(script: string, args: unknown[] = [], timeoutMs = 60000): Promise<T> {
    await this.command("Marionette:SetContext", { value: "chrome" });
    await this.command("WebDriver:SetTimeouts", { script: timeoutMs });
    const { value } = await this.command<{ value: T }>("WebDriver:ExecuteAsyncScript", { script, args });
    return value;
  }

  close(): void {
    this.socket.end();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(":");
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.handle(packet);
    }
  }

  private handle(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.greeted(); // {"applicationType": "gecko", "marionetteProtocol": 3}
      return;
    }
    const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new Error(`${error.error}: ${error.message}`));
    else p.resolve(result);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * The port Marionette listens on: with the pref `marionette.port` 0 it takes a free one and writes
 * it to MarionetteActivePort in the profile. Waits until it is there.
 */
export async function marionettePort(profileDir: string, timeoutMs = 60000): Promise<number> {
  const file = join(profileDir, "MarionetteActivePort");
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, "utf8").trim());
      if (port > 0) return port;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Thunderbird's Marionette did not start within ${timeoutMs / 1000} s`);
}
