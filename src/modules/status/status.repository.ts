// What the job queue and the outbox tell the status page: how long the oldest due job has waited and
// what failed for good in the last day. Both queries use the partial indexes of their tables.
import { and, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { jobs } from "../jobs/jobs.schema.ts";
import { outboxMessages } from "../notifications/notifications.schema.ts";

export interface QueueHealth {
  oldestDueAt: Date | null;
  deadSince: number;
  failedMessagesSince: number;
}

export async function queueHealth(db: DbExecutor, now: Date, since: Date): Promise<QueueHealth> {
  const [oldest] = await db
    .select({ runAt: sql<Date | null>`min(${jobs.runAt})`.mapWith(jobs.runAt) })
    .from(jobs)
    .where(and(sql`${jobs.status} = 'pending'`, lte(jobs.runAt, now)));
  const [dead] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(and(sql`${jobs.status} = 'dead'`, gte(jobs.finishedAt, since)));
  const [failed] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(and(isNotNull(outboxMessages.failedAt), gte(outboxMessages.failedAt, since)));
  return {
    oldestDueAt: oldest?.runAt ?? null,
    deadSince: dead?.count ?? 0,
    failedMessagesSince: failed?.count ?? 0,
  };
}
