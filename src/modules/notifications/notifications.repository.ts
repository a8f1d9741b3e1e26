import { desc } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { outboxMessages } from "./notifications.schema.ts";

export interface OutgoingMessage {
  userId: string | null;
  channel: "sms" | "email";
  to: string;
  subject?: string;
  body: string;
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** Queues a message; pass the transaction of the change so that both commit or neither does. */
export async function sendMessage(tx: Pick<DbExecutor, "insert">, message: OutgoingMessage): Promise<void> {
  await tx.insert(outboxMessages).values({
    userId: message.userId,
    channel: message.channel,
    recipient: message.to,
    subject: message.subject ?? null,
    body: message.body,
  });
}

export async function listRecentMessages(db: Database, limit = 50): Promise<OutboxRow[]> {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
}
