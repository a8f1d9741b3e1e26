// Shared measuring, in the load generator's process: autocannon against a server process on
// loopback, sequential server times, and tables with ratios to the same run's baseline.
import autocannon from "autocannon";
import { startServer } from "./child.ts";

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** The server process's CPU time (user + system) per answered request, when measured. */
  cpuMsPerRequest?: number;
}

/** Set once by bench/run.ts: `--quick` shortens every figure to a couple of seconds. */
export const settings = { connections: 50, duration: 10, sequentialRuns: 40 };

/**
 * `distinctClients`: every request comes from another address (X-Forwarded-For, with the server's
 * TRUST_PROXY on), like many people scanning QR codes: a public page's per-IP limit does not stop the run.
 */
export async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
  options: { distinctClients?: boolean } = {},
): Promise<Measurement> {
  let client = 0;
  const requests = options.distinctClients
    ? [
        {
          setupRequest: (request: autocannon.Request) => {
            client++;
            const address = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
            return { ...request, headers: { ...request.headers, "x-forwarded-for": address } };
          },
        },
      ]
    : undefined;
  const common = {
    url,
    headers,
    connections: settings.connections,
    workers: 0,
    timeout: 30,
    ...(requests ? { requests } : {}),
  };
  let result = await autocannon({ ...common, duration: settings.duration });
  // A page slower than the whole run completes no request in time: count a round of them instead.
  if (result.requests.total === 0 && result.errors === 0) {
    result = await autocannon({ ...common, amount: settings.connections * 2 });
  }
  if (result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
    throw new Error(
      `${name}: ${result.requests.total} answers, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    name,
    requestsPerSecond: result.requests.total / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/**
 * `measure`, with the server's CPU time per request (from /proc): unlike requests per second it
 * hardly depends on what else the machine runs at the time, so before/after figures compare.
 */
export async function measureWithCpu(
  server: { cpuMs(): number },
  ...args: Parameters<typeof measure>
): Promise<Measurement> {
  const before = server.cpuMs();
  const row = await measure(...args);
  return { ...row, cpuMsPerRequest: (server.cpuMs() - before) / row.requests };
}

/** Median of sequential requests, one at a time: the server's own time per page, without queueing. */
export async function serverTime(url: string, cookie = "", runs = settings.sequentialRuns): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function printTable(title: string, baseline: Measurement, rows: Measurement[]): void {
  const cpu = rows.some((row) => row.cpuMsPerRequest !== undefined);
  console.log(`\n${title} (${settings.connections} connections, ${settings.duration} s each)`);
  console.log(`| case | req/s | p50 ms | p99 ms | req/s vs baseline |${cpu ? " server CPU ms/req |" : ""}`);
  console.log(`|---|---:|---:|---:|---:|${cpu ? "---:|" : ""}`);
  for (const row of [baseline, ...rows]) {
    const ratio = (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    const cpuCell = cpu ? ` ${row.cpuMsPerRequest?.toFixed(2) ?? "—"} |` : "";
    console.log(
      `| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${ratio} |${cpuCell}`,
    );
  }
}

export const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/**
 * The bare-Fastify baseline in a process of its own, for the benchmarks that run on their own
 * (`bench/api.ts`, `bench/support-queue.ts`); `bench/run.ts` keeps one bare server for its tables.
 */
export async function measureBaseline(): Promise<Measurement> {
  const bare = await startServer("bare", {});
  try {
    return await measure("bare Fastify (baseline)", bare.url);
  } finally {
    await bare.stop();
  }
}
