// `npm run bench -- soak [--minutes=10] [--connections=200]`: sustained load over a mix of signed-in
// pages (the worker's, the head's, the commission's) on PostgreSQL, the server in its own process on
// its own database (dropped afterwards). Every minute it prints the requests, errors, p99 and the
// server's resident memory, and at the end whether memory stayed flat after the first minute's
// warm-up (the later half's peak within 10 % of the earlier half's). Exits non-zero on errors or growing memory.
import autocannon from "autocannon";
import pg from "pg";
import { startServer } from "./child.ts";
import { signInCommission, signInHead, signInWorker } from "./login.ts";
import { megabytes } from "./measure.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const value = Number(args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const minutes = option("minutes", 10);
const connections = option("connections", 200);
/** The later minutes' memory peak may exceed the earlier minutes' peak by this much after warm-up. */
const FLAT_WITHIN = 0.1;

const url = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
try {
  await probe.connect();
} catch {
  console.error(`the soak runs on PostgreSQL, and ${new URL(url).host} does not answer`);
  process.exit(1);
} finally {
  await probe.end().catch(() => {});
}

const server = await startServer("pages", { TEST_DATABASE_URL: url, BENCH_QUICK: "0" });
let failed = false;
try {
  const base = server.url;
  const [worker, head, commission] = [
    await signInWorker(base),
    await signInHead(base),
    await signInCommission(base),
  ];
  const page = (path: string, cookie: string) => ({ method: "GET" as const, path, headers: { cookie } });
  // Each connection walks this list in turn: the pages people open most, as three kinds of person.
  const requests = [
    page("/lk", worker),
    page("/lk/record", worker),
    page("/lk/applications", worker),
    page("/lk/documents", worker),
    page("/lk/settings", worker),
    page("/org", head),
    page("/org/staff", head),
    page("/review", commission),
  ];
  console.log(
    `soak: ${connections} connections, ${minutes} min, ${requests.length} signed-in pages in turn, PostgreSQL, server pid ${server.pid}`,
  );
  console.log(
    "| minute | requests | req/s | errors | non-2xx (by status) | p50 ms | p99 ms | server RSS MB | JS heap used MB |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  // The heap in use tells retained objects from memory the runtime merely keeps reserved (RSS).
  const heapUsed = async (): Promise<number> => {
    const text = await (await fetch(`${base}/metrics`)).text();
    return Number(text.match(/^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m)?.[1] ?? Number.NaN);
  };
  const rss: number[] = [];
  let errors = 0;
  for (let minute = 1; minute <= minutes; minute++) {
    const result = await autocannon({
      url: base,
      connections,
      duration: 60,
      workers: 0,
      timeout: 30,
      requests,
    });
    const memory = server.rss();
    const heap = await heapUsed();
    rss.push(memory);
    errors += result.errors + result.timeouts + result.non2xx;
    const byStatus = Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith("2"))
      .map(([status, stats]) => `${status}: ${(stats as { count: number }).count}`)
      .join(", ");
    console.log(
      `| ${minute} | ${result.requests.total} | ${(result.requests.total / (result.duration || 1)).toFixed(0)} | ${result.errors + result.timeouts} | ${result.non2xx}${byStatus ? ` (${byStatus})` : ""} | ${result.latency.p50} | ${result.latency.p99} | ${megabytes(memory)} | ${megabytes(heap)} |`,
    );
  }
  // The first minute warms the process up; a one-minute run has nothing else to compare. A leak
  // shows as the later minutes' peak above the earlier ones'; a fall (the collector returning memory
  // when the load eases) is not growth, so the two halves' peaks are compared, not max over min.
  const settled = rss.length > 1 ? rss.slice(1) : rss;
  const half = Math.ceil(settled.length / 2);
  const earlier = Math.max(...settled.slice(0, half));
  const later = settled.length > 1 ? Math.max(...settled.slice(half)) : earlier;
  const growth = later / earlier - 1;
  const flat = growth <= FLAT_WITHIN;
  console.log(
    `RSS after the first minute: ${megabytes(Math.min(...settled))}–${megabytes(Math.max(...settled))} MB; peak of the later minutes ${megabytes(later)} MB against ${megabytes(earlier)} MB before, ${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)} % — ${flat ? "flat" : "GROWING"} (limit +${FLAT_WITHIN * 100} %)`,
  );
  console.log(`errors, timeouts and non-2xx answers in all: ${errors}`);
  failed = errors > 0 || !flat;
} catch (error) {
  console.error("the soak broke:", error);
  failed = true;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
