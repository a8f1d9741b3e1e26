// The integration API's housekeeping on the job queue, hourly: the answers kept for Idempotency-Key
// replay go after their retention, and the `jti` of client assertions once they have expired.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { scheduleOnce } from "../jobs/jobs.repository.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { purgeIdempotent, purgeUsedAssertions } from "./clients.repository.ts";

export const API_PURGE_JOB = "api.purge";
const PURGE_EVERY_MS = 60 * 60_000;

export const scheduleApiPurge = (db: Database, runAt: Date): Promise<void> =>
  scheduleOnce(db, API_PURGE_JOB, runAt);

export function apiJobHandlers(deps: {
  db: Database;
  clock: Clock;
  idempotencyRetentionHours: number;
}): Record<string, JobHandler> {
  const { db, clock } = deps;
  return {
    [API_PURGE_JOB]: async () => {
      const now = clock.now();
      await purgeIdempotent(db, new Date(now.getTime() - deps.idempotencyRetentionHours * 60 * 60_000));
      await purgeUsedAssertions(db, now);
      await scheduleApiPurge(db, new Date(now.getTime() + PURGE_EVERY_MS));
    },
  };
}
