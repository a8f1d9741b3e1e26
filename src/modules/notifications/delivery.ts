// Delivery of outbox messages (W13) through the job queue: one job per message, written with it by
// sendMessage, run after the commit; a failed send is retried with backoff by the queue, and a
// failure never rolls back the change that caused the message (DESIGN convention 9).
import { eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { outboxMessages } from "./notifications.schema.ts";

export const OUTBOX_DELIVERY_JOB = "outbox.deliver";

export interface DeliverableMessage {
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  body: string;
}

/** The way out: SMTP and an SMS gateway in production, nothing but the outbox page in development. */
export interface MessageTransport {
  send(message: DeliverableMessage): Promise<void>;
}

/**
 * Development and tests: the message stays readable on /dev/outbox, where it is marked as sent.
 * Production needs a real transport (SMTP, SMS gateway), chosen in the composition root.
 */
export const outboxPageTransport: MessageTransport = { send: async () => {} };

export function createOutboxDeliveryHandler(deps: {
  db: DbExecutor;
  clock: Clock;
  transport: MessageTransport;
}): JobHandler {
  return async (payload) => {
    const messageId = Number(payload.messageId);
    if (!Number.isInteger(messageId)) throw new Error("outbox job without a message id");
    const [message] = await deps.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, messageId))
      .limit(1);
    // Sent already by an earlier run that died before finishing its job: nothing to do twice.
    if (!message || message.sentAt) return;
    await deps.transport.send(message);
    await deps.db
      .update(outboxMessages)
      .set({ sentAt: deps.clock.now() })
      .where(eq(outboxMessages.id, messageId));
  };
}
