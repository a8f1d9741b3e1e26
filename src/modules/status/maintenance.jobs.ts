// Periodic integrity work on the job queue, reported on the status page: the orphan check of the
// file store (hourly, which also sweeps staging leftovers) and the audit chain verification (daily).
// Each run first schedules the next one, so a run that fails and is given up does not end the series.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { recordVerification, verifyChain } from "../audit/audit.chain.ts";
import { sweepStaging } from "../documents/orphans.ts";
import type { FileStorage } from "../documents/storage.ts";
import { runStorageCheck } from "../documents/storage-checks.ts";
import { scheduleOnce } from "../jobs/jobs.repository.ts";
import type { JobHandler, JobLogger } from "../jobs/jobs.worker.ts";

export const STORAGE_CHECK_JOB = "storage.orphan_check";
export const AUDIT_VERIFY_JOB = "audit.verify";
export const STORAGE_CHECK_EVERY_MS = 60 * 60_000;
export const AUDIT_VERIFY_EVERY_MS = 24 * 60 * 60_000;

export interface MaintenanceDeps {
  db: Database;
  clock: Clock;
  storage: FileStorage;
}

export function maintenanceJobHandlers({ db, clock, storage }: MaintenanceDeps): Record<string, JobHandler> {
  const after = (ms: number) => new Date(clock.now().getTime() + ms);
  return {
    [STORAGE_CHECK_JOB]: async () => {
      await scheduleOnce(db, STORAGE_CHECK_JOB, after(STORAGE_CHECK_EVERY_MS));
      await runStorageCheck(db, storage, clock.now());
    },
    [AUDIT_VERIFY_JOB]: async () => {
      await scheduleOnce(db, AUDIT_VERIFY_JOB, after(AUDIT_VERIFY_EVERY_MS));
      await recordVerification(db, await verifyChain(db), clock.now());
    },
  };
}

/**
 * At start: staging leftovers of a crash go at once, and each check is scheduled to run now unless
 * one is already waiting (several instances starting together add one between them).
 */
export async function startMaintenance(deps: MaintenanceDeps, logger: JobLogger): Promise<void> {
  const now = deps.clock.now();
  await scheduleOnce(deps.db, STORAGE_CHECK_JOB, now);
  await scheduleOnce(deps.db, AUDIT_VERIFY_JOB, now);
  try {
    const swept = await sweepStaging(deps.storage, now);
    if (swept.stagingRemoved > 0) logger.warn(swept, "stale staging files removed at start");
  } catch (error) {
    // An unreachable store must not stop the start; the periodic check tries again.
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "staging sweep failed");
  }
}
