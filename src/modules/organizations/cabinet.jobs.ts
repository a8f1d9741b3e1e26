// The organization cabinet's background work on the job queue: the daily ЕГРЮЛ/ЕГРИП
// synchronisation (O4, within 24 hours of a change) and the checking and import of staff files.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { EgrulRegistry } from "../egrul/egrul.port.ts";
import { scheduleOnce } from "../jobs/jobs.repository.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { addDays, moscowDate } from "../register/expiry.ts";
import { STAFF_IMPORT_JOB, type StaffImportService } from "../staff/staff-import.service.ts";
import { syncOrganizationsWithEgrul } from "./egrul-sync.ts";

export const EGRUL_SYNC_JOB = "organizations.egrul_sync";

/** 03:00 Moscow time of the next day: the register is quiet and the result is there by morning. */
export function nextSyncTime(now: Date): Date {
  return new Date(`${addDays(moscowDate(now), 1)}T03:00:00+03:00`);
}

/** Makes sure one synchronisation is waiting (at start and after each run); a second one is not added. */
export async function scheduleEgrulSync(db: Database, runAt: Date): Promise<void> {
  await scheduleOnce(db, EGRUL_SYNC_JOB, runAt);
}

export function cabinetJobHandlers(deps: {
  db: Database;
  clock: Clock;
  egrul: EgrulRegistry;
  staffImport: StaffImportService;
}): Record<string, JobHandler> {
  return {
    [EGRUL_SYNC_JOB]: async () => {
      await syncOrganizationsWithEgrul(deps);
      await scheduleEgrulSync(deps.db, nextSyncTime(deps.clock.now()));
    },
    [STAFF_IMPORT_JOB]: async (payload) => {
      if (typeof payload.importId === "string") await deps.staffImport.run(payload.importId);
    },
  };
}
