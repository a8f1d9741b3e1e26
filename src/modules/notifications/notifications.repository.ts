import { desc } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { enqueueJob } from "../jobs/jobs.repository.ts";
import { OUTBOX_DELIVERY_JOB } from "./delivery.ts";
import { outboxMessages } from "./notifications.schema.ts";

export interface OutgoingMessage {
  userId: string | null;
  channel: "sms" | "email";
  to: string;
  subject?: string;
  body: string;
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * Queues a message; pass the transaction of the change so that both commit or neither does. The
 * delivery job written with it sends the message once the transaction has committed (delivery.ts).
 */
export async function sendMessage(
  tx: DbExecutor,
  message: OutgoingMessage,
  now: Date = new Date(),
): Promise<void> {
  const row = await insertRow(tx, outboxMessages, {
    userId: message.userId,
    channel: message.channel,
    recipient: message.to,
    subject: message.subject ?? null,
    body: message.body,
  });
  await enqueueJob(tx, { kind: OUTBOX_DELIVERY_JOB, payload: { messageId: row.id }, runAt: now });
}

export async function listRecentMessages(db: Database, limit = 50): Promise<OutboxRow[]> {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
}
