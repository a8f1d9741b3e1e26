// Runs the orphan check and keeps its result for the status page (written by whichever process runs
// the job, read by every web instance). Old results are pruned: a month is enough to see a trend.
import { desc, lt } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findOrphans, type OrphanReport } from "./orphans.ts";
import type { FileStorage } from "./storage.ts";
import { storageChecks } from "./storage-checks.schema.ts";

const SAMPLE = 20;
const KEEP_MS = 30 * 24 * 60 * 60_000;

export type StorageCheck = typeof storageChecks.$inferSelect;

export async function runStorageCheck(
  db: DbExecutor,
  storage: FileStorage,
  now: Date,
): Promise<OrphanReport> {
  const report = await findOrphans(db, storage, now);
  await db.insert(storageChecks).values({
    checkedAt: now,
    filesWithoutRow: report.filesWithoutRow.length,
    rowsWithoutFile: report.rowsWithoutFile.length,
    stagingRemoved: report.stagingRemoved,
    stagingInFlight: report.stagingInFlight,
    sample: {
      filesWithoutRow: report.filesWithoutRow.slice(0, SAMPLE),
      rowsWithoutFile: report.rowsWithoutFile.slice(0, SAMPLE),
    },
  });
  await db.delete(storageChecks).where(lt(storageChecks.checkedAt, new Date(now.getTime() - KEEP_MS)));
  return report;
}

export async function lastStorageCheck(db: DbExecutor): Promise<StorageCheck | undefined> {
  const [last] = await db.select().from(storageChecks).orderBy(desc(storageChecks.id)).limit(1);
  return last;
}
