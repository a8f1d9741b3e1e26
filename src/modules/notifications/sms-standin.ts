// A stand-in SMS gateway for development and tests: an HTTP server on loopback that accepts the
// requests our adapter sends (JSON or form), keeps them in memory and can be told to refuse or hang,
// like a real gateway does on a bad day. `npm run cli -- sms-standin` prints what it receives.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedSms {
  contentType: string;
  authorization: string | undefined;
  fields: Record<string, unknown>;
}

export interface SmsStandin {
  url: string;
  received: ReceivedSms[];
  /** `ok` (200), a status code to answer with, or `hang` (never answers). */
  behave(mode: "ok" | "hang" | number): void;
  close(): Promise<void>;
}

export async function startSmsStandin(
  options: { port?: number; onMessage?: (sms: ReceivedSms) => void } = {},
): Promise<SmsStandin> {
  const received: ReceivedSms[] = [];
  let mode: "ok" | "hang" | number = "ok";
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (mode === "hang") return;
    if (mode !== "ok") {
      response.writeHead(mode, { "content-type": "application/json" }).end('{"status":"error"}');
      return;
    }
    const contentType = request.headers["content-type"] ?? "";
    const fields = contentType.startsWith("application/json")
      ? (JSON.parse(body) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(body));
    const sms = { contentType, authorization: request.headers.authorization, fields };
    received.push(sms);
    options.onMessage?.(sms);
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    behave: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
