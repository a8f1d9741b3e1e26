// `npm run bench [-- --quick] [-- --only=pages,organization] [-- --db=pg|pglite] [-- --scale=10]`:
// every benchmark on PGlite and, when a PostgreSQL server answers (TEST_DATABASE_URL, or the local
// one), on PostgreSQL too; --db picks one, --scale multiplies the seeded data (the growth table). Each server
// runs in its own fresh process (on its own new database, dropped afterwards); this process is the
// load generator and measures the bare-Fastify baseline, also in its own process, before each table.
// Exits non-zero when any benchmark breaks, so that CI notices. `npm run bench -- soak [--minutes=10]`
// is the sustained-load run instead (bench/soak.ts).
import pg from "pg";
import { type BenchServer, startServer } from "./child.ts";
import { measureWithCpu, settings } from "./measure.ts";
import { clientScenarios } from "./scenarios.ts";
import { signatureCpuMs } from "./signature.ts";

const args = process.argv.slice(2);
if (args[0] === "soak") {
  await import("./soak.ts");
  // soak.ts exits by itself with its verdict.
  await new Promise(() => {});
}
const quick = args.includes("--quick");
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const onlyDb = args.find((arg) => arg.startsWith("--db="))?.slice("--db=".length);
if (onlyDb !== undefined && onlyDb !== "pg" && onlyDb !== "pglite") {
  console.error("--db must be pg or pglite");
  process.exit(2);
}
const scaleArg = args.find((arg) => arg.startsWith("--scale="))?.slice("--scale=".length);
const scale = scaleArg === undefined ? 1 : Number(scaleArg);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
  console.error("--scale must be a number in (0, 1000]");
  process.exit(2);
}
// Quick runs prove that every benchmark still works (CI); their figures are rough.
if (quick) Object.assign(settings, { connections: 4, duration: 2, sequentialRuns: 5 });

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const databases: [string, string | undefined][] = onlyDb === "pg" ? [] : [["PGlite", undefined]];
const postgres = onlyDb === "pglite" ? undefined : await postgresUrl();
if (postgres) databases.push(["PostgreSQL", postgres]);
else if (onlyDb === "pg") {
  console.error("PostgreSQL does not answer");
  process.exit(1);
} else if (onlyDb === undefined) console.log("PostgreSQL does not answer: the benchmarks run on PGlite only");
if (scale !== 1) console.log(`data scale ${scale}×`);

const started = performance.now();
const failures: string[] = [];
const signatures = quick ? 10 : 100;
console.log(
  `GOST signature (S-256-A), CPU per signature over ${signatures}: ${signatureCpuMs(signatures).toFixed(1)} ms`,
);
const bare = await startServer("bare", {});
try {
  for (const [label, url] of databases) {
    for (const [name, run] of clientScenarios) {
      if (only && !only.includes(name)) continue;
      console.log(`\n== ${name} on ${label}`);
      let server: BenchServer | undefined;
      try {
        server = await startServer(name, {
          TEST_DATABASE_URL: url ?? "",
          BENCH_QUICK: quick ? "1" : "0",
          BENCH_SCALE: String(scale),
        });
        server.details.quick = quick;
        server.details.scale = scale;
        console.log(
          `${label}: server ready, data seeded in ${Number(server.details.seededSeconds).toFixed(1)} s`,
        );
        await run({
          label,
          server,
          baseline: () => measureWithCpu(bare, "bare Fastify (baseline)", bare.url),
        });
      } catch (error) {
        failures.push(`${name} on ${label}`);
        console.error(`!! ${name} on ${label} broke:`, error);
      } finally {
        await server?.stop();
      }
    }
  }
} finally {
  await bare.stop();
}
console.log(`\nbenchmarks took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failures.length > 0) {
  console.error(`broken: ${failures.join(", ")}`);
  process.exit(1);
}
process.exit(0);
