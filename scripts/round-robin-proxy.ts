// A small round-robin HTTP proxy on loopback for running several cabinet instances on one machine
// (`npm run cluster`) and for the multi-instance test: each request goes to the next instance in
// turn, so consecutive requests of one person are served by different instances. It keeps the
// Host header, as a reverse proxy in front of the cabinet does, and remembers who served what.
import { Agent, createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServedRequest {
  method: string;
  path: string;
  /** Index of the instance in `targets`. */
  instance: number;
  status: number;
}

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Every request answered so far, in order. */
  served: ServedRequest[];
  /** The instance the next request goes to. */
  nextInstance(): number;
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection and are not passed on (RFC 9110, 7.6.1).
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

export async function startRoundRobinProxy(
  targets: readonly string[],
  port = 0,
  host = "127.0.0.1",
): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true });
  const served: ServedRequest[] = [];
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const instance = next;
    next = (next + 1) % targets.length;
    const target = new URL(targets[instance] ?? "");
    const headers = endToEnd(incoming.headers);
    if (incoming.headers["transfer-encoding"])
      headers["transfer-encoding"] = incoming.headers["transfer-encoding"];
    const upstream = forward(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...headers, "x-forwarded-for": incoming.socket.remoteAddress ?? "" },
      },
      (answer) => {
        served.push({
          method: incoming.method ?? "GET",
          path: incoming.url ?? "/",
          instance,
          status: answer.statusCode ?? 0,
        });
        outgoing.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      outgoing.end("Экземпляр кабинета недоступен.");
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    served,
    nextInstance: () => next,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
