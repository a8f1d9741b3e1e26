// The way messages leave the system: SMTP for e-mail, an HTTP gateway for SMS, or nothing but the
// development outbox page. Transports tell a refusal that will not change (the server said no for
// good) from a temporary trouble (timeout, refused connection, 4xx): only the latter is retried.
import { PermanentJobError } from "../jobs/jobs.worker.ts";

export interface DeliverableMessage {
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  body: string;
}

export interface MessageTransport {
  /** Resolves once the far side accepted the message; throws DeliveryRefused when it never will. */
  send(message: DeliverableMessage): Promise<void>;
}

/** The far side refused the message for good: the delivery job is given up, the message marked failed. */
export class DeliveryRefused extends PermanentJobError {
  override name = "DeliveryRefused";
}

/**
 * Development and tests: the message stays readable on /dev/outbox, where it is marked as sent.
 * Production configures SMTP_URL and SMS_GATEWAY_URL (see deps.ts).
 */
export const outboxPageTransport: MessageTransport = { send: async () => {} };

/** One transport per channel: e-mail and SMS go their own ways. */
export function channelTransport(byChannel: Record<DeliverableMessage["channel"], MessageTransport>) {
  return {
    send: (message: DeliverableMessage) => byChannel[message.channel].send(message),
  } satisfies MessageTransport;
}
