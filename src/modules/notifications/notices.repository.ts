// SQL of the cabinet's notices (W4, W13).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { notices } from "./notifications.schema.ts";

export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = Omit<typeof notices.$inferInsert, "id" | "readAt">;

/** Adds the notice unless one with its key exists; true when it was added. */
export async function insertNotice(tx: DbExecutor, notice: NewNotice): Promise<boolean> {
  const rows = await tx
    .insert(notices)
    .values(notice)
    .onConflictDoNothing({ target: notices.key })
    .returning({ id: notices.id });
  return rows.length > 0;
}

export async function listNotices(db: DbExecutor, userId: string, limit = 50): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(eq(notices.userId, userId))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
}

export async function countUnreadNotices(db: DbExecutor, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notices)
    .where(and(eq(notices.userId, userId), isNull(notices.readAt)));
  return row?.count ?? 0;
}

export async function markNoticesRead(db: DbExecutor, userId: string, at: Date): Promise<void> {
  await db
    .update(notices)
    .set({ readAt: at })
    .where(and(eq(notices.userId, userId), isNull(notices.readAt)));
}
