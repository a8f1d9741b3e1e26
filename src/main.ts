// Entry point: config → deps → app (and the ESIA stand-in outside production) → listen.
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config/config.ts";
import { databaseTarget, waitForDatabase } from "./db/wait.ts";
import { createDeps, devKeysDir } from "./deps.ts";
import { loadOrCreateDevKeys } from "./esia/crypto/dev-keys.ts";
import { startStandin } from "./esia-standin/start.ts";
import { watchEventLoop } from "./http/event-loop.ts";
import { trackInFlight } from "./http/in-flight.ts";
import { purgeExpiredSessions } from "./http/session.ts";
import { scheduleApiPurge } from "./modules/api/api.jobs.ts";
import { scheduleEgrulSync } from "./modules/organizations/cabinet.jobs.ts";
import { createSignatureTrust, testCaRoutes } from "./modules/signatures/signatures.setup.ts";
import { startMaintenance } from "./modules/status/maintenance.jobs.ts";
import { seedDemoData } from "./seed.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  // Not ready (503 but for /healthz and /readyz) until the start-up at the end of main is done.
  deps.readiness.notReady("starting");
  const app = await buildApp(deps);
  const inFlight = trackInFlight(app);
  const servers: FastifyInstance[] = [app];
  let stopLagWatch = () => {};
  let purge: NodeJS.Timeout | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    clearInterval(purge);
    stopLagWatch();
    // Past every other wait the process goes anyway (a pool that does not close, a stuck job).
    const backstop = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + ABORT_GRACE_MS + 5_000);
    backstop.unref();
    // close() stops accepting (new requests get 503) and waits for the connections of in-flight
    // ones; keep-alive connections that fall idle meanwhile are closed as they do. The job in hand
    // finishes too, or is left to its lease.
    const idleSweep = setInterval(() => {
      for (const server of servers) server.server.closeIdleConnections();
    }, 100);
    const closed = Promise.all([
      deps.jobWorker.stop(),
      ...servers.reverse().map((server) => server.close()),
      inFlight.idle(),
    ]).then(() => "closed" as const);
    let outcome = await Promise.race([closed, delay(config.shutdownTimeoutMs, "timeout" as const)]);
    const cutOff = outcome === "timeout";
    if (cutOff) {
      // A request still going (a slow upload) is cut off: its stream fails, so its handler removes
      // what it staged and commits nothing. The pool stays open until those handlers are done.
      app.log.warn(
        { timeoutMs: config.shutdownTimeoutMs, requests: inFlight.count() },
        "in-flight requests cut off at shutdown",
      );
      for (const server of servers) server.server.closeAllConnections();
      outcome = await Promise.race([closed, delay(ABORT_GRACE_MS, "timeout" as const)]);
    }
    clearInterval(idleSweep);
    deps.transports.close();
    await deps.database.close();
    app.log.info({ outcome, cutOff }, "stopped");
    process.exit(outcome === "closed" && !cutOff ? 0 : 1);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  // Listen first, so that /healthz and /readyz answer (and say why) while the database is awaited;
  // every other request gets 503 until the start-up below is done. The signal handlers are already
  // in place, so an instance stopped while it starts still shuts down gracefully.
  await app.listen({ port: config.port, host: config.host });
  stopLagWatch = watchEventLoop(app.log);
  await waitForDatabase(deps.database, app.log, {
    target: databaseTarget(config.databaseUrl),
    onWaiting: (reason) => deps.readiness.notReady(reason),
  });
  // PGlite is created and migrated at first start; PostgreSQL is migrated by `npm run db:migrate`.
  if (deps.database.kind === "pglite") await deps.database.migrate();

  // An external stand-in (several instances) is started, and the demo data seeded, by its runner.
  if (config.standin.enabled && !config.standin.external) {
    const keys = await loadOrCreateDevKeys(devKeysDir(config));
    await seedDemoData(deps.database.db);
    const testCa = createSignatureTrust(config).testCa;
    servers.push(await startStandin(config, keys, testCa ? testCaRoutes(testCa) : undefined));
  }
  // Notifications and other background work run after their transactions commit (DESIGN: jobs).
  if (config.jobsWorker) deps.jobWorker.start(app.log);
  // The ЕГРЮЛ/ЕГРИП synchronisation runs once at start, then reschedules itself daily (O4).
  await scheduleEgrulSync(deps.database.db, deps.clock.now());
  // Orphan check and audit verification (hourly, daily); staging leftovers of a crash go now.
  await startMaintenance({ db: deps.database.db, clock: deps.clock, storage: deps.fileStorage }, app.log);
  await scheduleApiPurge(deps.database.db, deps.clock.now());
  purge = setInterval(
    () => {
      purgeExpiredSessions(deps.database.db, deps.clock.now()).catch((error) =>
        app.log.warn({ err: error }, "session purge failed"),
      );
    },
    10 * 60 * 1000,
  );
  purge.unref();
  deps.readiness.markReady();
  app.log.info({ port: config.port }, "ready");
}

/** How long the handlers of requests cut off at shutdown get to clean up before the pool closes. */
const ABORT_GRACE_MS = 5_000;

const delay = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(resolve, ms, value).unref());

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
