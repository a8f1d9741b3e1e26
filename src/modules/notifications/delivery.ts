// Delivery of outbox messages (W13) through the job queue: one job per message, written with it by
// sendMessage, run after the commit; a failed send is retried with backoff by the queue, and a
// failure never rolls back the change that caused the message (DESIGN convention 9).
import { eq } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { type JobHandler, PermanentJobError } from "../jobs/jobs.worker.ts";
import { outboxMessages } from "./notifications.schema.ts";
import type { MessageTransport } from "./transport.ts";

export const OUTBOX_DELIVERY_JOB = "outbox.deliver";

export function createOutboxDeliveryHandler(deps: {
  db: DbExecutor;
  clock: Clock;
  transport: MessageTransport;
}): JobHandler {
  return async (payload, job) => {
    const messageId = Number(payload.messageId);
    if (!Number.isInteger(messageId)) throw new Error("outbox job without a message id");
    const [message] = await deps.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, messageId))
      .limit(1);
    // Sent already by an earlier run that died before finishing its job: nothing to do twice.
    if (!message || message.sentAt || message.failedAt) return;
    try {
      await deps.transport.send(message);
    } catch (error) {
      // Given up: refused for good, or the last try. The row says so for the operator (/status).
      const last = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      if (last) {
        const reason = error instanceof Error ? error.message : String(error);
        await deps.db
          .update(outboxMessages)
          .set({ failedAt: deps.clock.now(), failure: reason.slice(0, 500) })
          .where(eq(outboxMessages.id, messageId));
      }
      throw error;
    }
    await deps.db
      .update(outboxMessages)
      .set({ sentAt: deps.clock.now() })
      .where(eq(outboxMessages.id, messageId));
  };
}
