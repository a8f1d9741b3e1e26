// Shared measuring: autocannon against a loopback URL, and the bare-Fastify baseline of the same run.
import autocannon from "autocannon";
import Fastify from "fastify";

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

export async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const result = await autocannon({ url, headers, connections: 10, duration: 5, workers: 0 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** A bare Fastify handler returning a fixed string: what the machine does with no work at all. */
export async function measureBaseline(): Promise<Measurement> {
  const bare = Fastify();
  bare.get("/", async () => "ok");
  const address = await bare.listen({ port: 0, host: "127.0.0.1" });
  try {
    return await measure("bare Fastify (baseline)", address);
  } finally {
    await bare.close();
  }
}

export function printTable(title: string, baseline: Measurement, rows: Measurement[]): void {
  console.log(`\n${title}`);
  console.log("| case | req/s | p50 ms | p99 ms | req/s vs baseline |");
  console.log("|---|---:|---:|---:|---:|");
  for (const row of [baseline, ...rows]) {
    const ratio = (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    console.log(`| ${row.name} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${ratio} |`);
  }
}
