// The worker loop: claims due jobs, runs their handlers, retries failures with exponential backoff.
// Runs inside the cabinet process by default and can run in separate instances (same code).
// Delivery is at least once: a handler must tolerate running again after a crash.
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import {
  claimDueJobs,
  type JobRow,
  markJobDone,
  markJobFailed,
  purgeFinishedJobs,
  releaseJob,
} from "./jobs.repository.ts";

/**
 * Thrown by a handler when trying again cannot help (an SMTP server refusing the recipient with
 * 5xx, a gateway rejecting the number): the job is given up at once instead of being retried.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export type JobHandler = (
  payload: Record<string, unknown>,
  job: Pick<JobRow, "id" | "attempts" | "maxAttempts">,
) => Promise<void>;

export interface JobLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobWorkerOptions {
  db: DbExecutor;
  clock: Clock;
  handlers: Readonly<Record<string, JobHandler>>;
  /** How often an idle worker looks for due jobs. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claimed job is reserved for this worker before another may take it over. */
  leaseMs?: number;
  logger?: JobLogger;
}

export interface JobWorker {
  /** One pass: claims due jobs and runs them; returns how many were run. */
  runOnce(): Promise<number>;
  /** Passes until nothing is due (tests and scripts). */
  drain(): Promise<number>;
  /** Runs passes until stopped; failures are reported to `logger` (the app's logger in main.ts). */
  start(logger?: JobLogger): void;
  /** Stops taking jobs and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60_000;
const PURGE_EVERY_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … up to an hour between tries. */
export function retryDelayMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

const silent: JobLogger = { warn: () => {}, error: () => {} };

export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, clock, handlers } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  let logger = options.logger ?? silent;
  let running: Promise<void> | undefined;
  let stopped = true;
  let wake: (() => void) | undefined;
  let lastPurge = 0;
  // Set by start(): drain() and runOnce() in tests and scripts run whole batches regardless.
  let started = false;

  async function runJob(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, job);
      await markJobDone(db, job, clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry =
        handler !== undefined && !(error instanceof PermanentJobError) && job.attempts < job.maxAttempts;
      const retryAt = retry ? new Date(clock.now().getTime() + retryDelayMs(job.attempts)) : undefined;
      await markJobFailed(db, job, message.slice(0, 2000), retryAt, clock.now());
      const details = { jobId: job.id, kind: job.kind, attempt: job.attempts, err: message };
      if (retry) logger.warn(details, "job failed, will retry");
      else logger.error(details, "job failed for good");
    }
  }

  async function runOnce(): Promise<number> {
    const now = clock.now();
    const claimed = await claimDueJobs(db, now, new Date(now.getTime() + leaseMs), batchSize);
    for (const job of claimed) {
      // Stopping (SIGTERM): the job in hand finishes, the rest of the batch goes back to the queue
      // at once instead of waiting for its lease to run out.
      if (stopped && started) await releaseJob(db, job);
      else await runJob(job);
    }
    if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now.getTime();
      await purgeFinishedJobs(db, new Date(now.getTime() - KEEP_FINISHED_MS));
    }
    return claimed.length;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let ran = 0;
      try {
        ran = await runOnce();
      } catch (error) {
        // The database may be briefly unreachable; the next pass tries again.
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, "job pass failed");
      }
      if (ran === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    runOnce,
    async drain() {
      let total = 0;
      for (let ran = await runOnce(); ran > 0; ran = await runOnce()) total += ran;
      return total;
    },
    start(startLogger) {
      if (!stopped) return;
      if (startLogger) logger = startLogger;
      stopped = false;
      started = true;
      running = loop();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
      running = undefined;
      started = false;
    },
  };
}
