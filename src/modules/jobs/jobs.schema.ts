import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The durable job queue (DESIGN: jobs). A job is written in the transaction of the change that
 * causes it, so it exists exactly when the change committed; workers claim due jobs with
 * `FOR UPDATE SKIP LOCKED`, so several workers never take the same one.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<"pending" | "running" | "done" | "dead">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    /** Not before this time: the first run, or the next try after a failure. */
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    /** While running: a worker that has not finished by then is presumed dead and the job runs again. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("jobs_due_idx").on(table.runAt).where(sql`${table.status} = 'pending'`),
    index("jobs_running_idx").on(table.lockedUntil).where(sql`${table.status} = 'running'`),
  ],
);
