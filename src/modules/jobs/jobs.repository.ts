// SQL of the job queue. Claiming uses FOR UPDATE SKIP LOCKED, so concurrent workers (several
// instances on PostgreSQL) split the due jobs between them instead of waiting on each other.
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { jobs } from "./jobs.schema.ts";

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** When the job becomes due: normally now, i.e. as soon as the transaction commits. */
  runAt: Date;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Adds a job; pass the transaction of the change so that the job exists only if the change commits. */
export async function enqueueJob(tx: DbExecutor, job: NewJob): Promise<number> {
  const { kind, payload, runAt, maxAttempts = DEFAULT_MAX_ATTEMPTS } = job;
  const row = await insertRow(tx, jobs, { kind, payload, runAt, maxAttempts, createdAt: runAt });
  return row.id;
}

/**
 * Makes sure one job of a periodic `kind` is waiting (at start and after each run) without adding a
 * second: the lock, keyed by the kind, keeps two instances starting together from both adding one.
 */
export async function scheduleOnce(db: Database, kind: string, runAt: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${kind}))`);
    const waiting = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, kind), eq(jobs.status, "pending")))
      .limit(1);
    if (waiting.length === 0) await enqueueJob(tx, { kind, payload: {}, runAt });
  });
}

/**
 * Takes up to `limit` due jobs for this worker until `lockedUntil`: pending ones whose time has
 * come, and running ones whose worker let the lease run out (it crashed or was killed).
 */
export async function claimDueJobs(
  db: DbExecutor,
  now: Date,
  lockedUntil: Date,
  limit: number,
): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, "pending"), lte(jobs.runAt, now)),
        and(eq(jobs.status, "running"), lt(jobs.lockedUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({ status: "running", attempts: sql`${jobs.attempts} + 1`, lockedUntil })
    .where(inArray(jobs.id, due))
    .returning();
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** Only the worker holding the claim (same attempt) may finish the job; a stale one changes nothing. */
const heldBy = (job: Pick<JobRow, "id" | "attempts">) =>
  and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts));

export async function markJobDone(
  db: DbExecutor,
  job: Pick<JobRow, "id" | "attempts">,
  now: Date,
): Promise<void> {
  await db.update(jobs).set({ status: "done", lockedUntil: null, finishedAt: now }).where(heldBy(job));
}

/** Hands a claimed job that was not started back to the queue, as if it had never been claimed. */
export async function releaseJob(db: DbExecutor, job: Pick<JobRow, "id" | "attempts">): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "pending", attempts: sql`${jobs.attempts} - 1`, lockedUntil: null })
    .where(heldBy(job));
}

/** Schedules the next try at `retryAt`, or gives the job up (`dead`) when there is none. */
export async function markJobFailed(
  db: DbExecutor,
  job: Pick<JobRow, "id" | "attempts">,
  error: string,
  retryAt: Date | undefined,
  now: Date,
): Promise<void> {
  const next = retryAt
    ? { status: "pending" as const, runAt: retryAt, lockedUntil: null, lastError: error }
    : { status: "dead" as const, lockedUntil: null, lastError: error, finishedAt: now };
  await db.update(jobs).set(next).where(heldBy(job));
}

/** Finished jobs are kept for a while for diagnosis, then removed. */
export async function purgeFinishedJobs(db: DbExecutor, before: Date): Promise<void> {
  await db.delete(jobs).where(and(eq(jobs.status, "done"), lt(jobs.finishedAt, before)));
}

export async function countJobs(db: DbExecutor, status: JobRow["status"]): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(eq(jobs.status, status));
  return row?.count ?? 0;
}
