import { createServer, type Server } from "node:http";
import type { DriverMessage } from "../protocol.js";

/** The loopback server the driver reports to. `onMessage`'s answer is sent back as JSON. */
export async function startServer(onMessage: (m: DriverMessage) => Promise<unknown>): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let message: DriverMessage;
      try {
        message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as DriverMessage;
      } catch (err) {
        res.writeHead(400).end(String(err));
        return;
      }
      onMessage(message).then(
        (answer) => {
          res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
          res.end(JSON.stringify(answer ?? null));
        },
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return { server, port: address.port };
}
