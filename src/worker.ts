// `npm run worker`: the background job worker as a process of its own (DESIGN: processes), the same
// code as inside the cabinet. Web instances then run with JOBS_WORKER=off. On SIGTERM it finishes the
// job in hand, hands the rest of its batch back to the queue and closes the pool; a worker killed
// outright loses nothing either: its jobs' leases run out and another worker takes them over.

import pino from "pino";
import { ConfigError, loadConfig } from "./config/config.ts";
import { databaseTarget, waitForDatabase } from "./db/wait.ts";
import { createDeps } from "./deps.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    // PGlite belongs to one process: the cabinet runs the jobs itself then (JOBS_WORKER=on).
    throw new ConfigError(["npm run worker needs DATABASE_URL: the embedded PGlite cannot be shared"]);
  }
  const logger = pino({ level: config.logLevel });
  const deps = await createDeps(config);
  await waitForDatabase(deps.database, logger, { target: databaseTarget(config.databaseUrl) });
  deps.jobWorker.start(logger);
  logger.info({ leaseMs: config.jobs.leaseMs }, "job worker started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "job worker stopping");
    // Past the timeout the job in hand is left to its lease: another worker will run it again.
    const timer = setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, "job worker did not stop in time");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    await deps.jobWorker.stop();
    deps.transports.close();
    await deps.database.close();
    logger.info("job worker stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  const text =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
