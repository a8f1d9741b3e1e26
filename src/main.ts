// Entry point: config → deps → app (and the ESIA stand-in outside production) → listen.
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config/config.ts";
import { databaseTarget, waitForDatabase } from "./db/wait.ts";
import { createDeps, devKeysDir } from "./deps.ts";
import { loadOrCreateDevKeys } from "./esia/crypto/dev-keys.ts";
import { startStandin } from "./esia-standin/start.ts";
import { watchEventLoop } from "./http/event-loop.ts";
import { purgeExpiredSessions } from "./http/session.ts";
import { scheduleApiPurge } from "./modules/api/api.jobs.ts";
import { scheduleEgrulSync } from "./modules/organizations/cabinet.jobs.ts";
import { createSignatureTrust, testCaRoutes } from "./modules/signatures/signatures.setup.ts";
import { startMaintenance } from "./modules/status/maintenance.jobs.ts";
import { seedDemoData } from "./seed.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  // Listen first, so that /healthz and /readyz answer (and say why) while the database is awaited;
  // every other request gets 503 until the start-up below is done.
  deps.readiness.notReady("starting");
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  await waitForDatabase(deps.database, app.log, {
    target: databaseTarget(config.databaseUrl),
    onWaiting: (reason) => deps.readiness.notReady(reason),
  });
  // PGlite is created and migrated at first start; PostgreSQL is migrated by `npm run db:migrate`.
  if (deps.database.kind === "pglite") await deps.database.migrate();

  const servers: FastifyInstance[] = [];
  if (config.standin.enabled) {
    const keys = await loadOrCreateDevKeys(devKeysDir(config));
    await seedDemoData(deps.database.db);
    const testCa = createSignatureTrust(config).testCa;
    servers.push(await startStandin(config, keys, testCa ? testCaRoutes(testCa) : undefined));
  }
  servers.push(app);
  const stopLagWatch = watchEventLoop(app.log);
  // Notifications and other background work run after their transactions commit (DESIGN: jobs).
  if (config.jobsWorker) deps.jobWorker.start(app.log);
  // The ЕГРЮЛ/ЕГРИП synchronisation runs once at start, then reschedules itself daily (O4).
  await scheduleEgrulSync(deps.database.db, deps.clock.now());
  // Orphan check and audit verification (hourly, daily); staging leftovers of a crash go now.
  await startMaintenance({ db: deps.database.db, clock: deps.clock, storage: deps.fileStorage }, app.log);
  await scheduleApiPurge(deps.database.db, deps.clock.now());
  deps.readiness.markReady();
  app.log.info({ port: config.port }, "ready");

  const purge = setInterval(
    () => {
      purgeExpiredSessions(deps.database.db, deps.clock.now()).catch((error) =>
        app.log.warn({ err: error }, "session purge failed"),
      );
    },
    10 * 60 * 1000,
  );
  purge.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    // close() stops accepting and waits for in-flight requests; past the timeout the process goes anyway.
    const timer = setTimeout(() => {
      app.log.warn({ timeoutMs: config.shutdownTimeoutMs }, "in-flight work did not finish in time");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    clearInterval(purge);
    stopLagWatch();
    await deps.jobWorker.stop();
    for (const server of servers.reverse()) await server.close();
    deps.transports.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

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
