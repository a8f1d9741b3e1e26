// E-mail over SMTP with nodemailer (W13). SMTP_URL carries host, port, TLS (`smtps://`) and the
// credentials; a plain `smtp://` connection is upgraded with STARTTLS whenever the server offers it.
// Refusals with a 5xx reply are final (DeliveryRefused); 4xx, timeouts and refused connections are
// thrown as ordinary errors, which the job queue retries with backoff.
import nodemailer from "nodemailer";
import { composeEmail } from "./email-content.ts";
import { type DeliverableMessage, DeliveryRefused, type MessageTransport } from "./transport.ts";

export interface SmtpSettings {
  url: string;
  from: string;
  replyTo: string | undefined;
  /** Connection, greeting and socket inactivity timeout. */
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), e.g. of a company's own mail relay. */
  caPem: string | undefined;
  /** Where the cabinet is, for the settings link in every letter. */
  publicUrl: string;
}

export interface SmtpTransport extends MessageTransport {
  /** Connects and authenticates without sending anything (status page, `notify test`). */
  verify(): Promise<void>;
  close(): void;
}

export function createSmtpTransport(settings: SmtpSettings): SmtpTransport {
  const transporter = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    ...(settings.caPem ? { tls: { ca: settings.caPem } } : {}),
  });

  return {
    async send(message: DeliverableMessage) {
      const content = composeEmail(message, settings.publicUrl);
      try {
        await transporter.sendMail({
          from: settings.from,
          ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
          to: message.recipient,
          subject: content.subject,
          text: content.text,
          html: content.html,
          list: { unsubscribe: content.unsubscribeUrl },
        });
      } catch (error) {
        throw classify(error);
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transporter.close(),
  };
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
}

/**
 * A 5xx answer to the envelope or the data will be the same next time. A failed login is a
 * configuration matter for the operator, not the message's fault, so it stays retryable.
 */
function classify(error: unknown): Error {
  const { code, responseCode, message } = (error ?? {}) as SmtpError;
  const text = `SMTP ${code ?? "error"}${responseCode ? ` ${responseCode}` : ""}: ${message ?? String(error)}`;
  const permanent =
    code !== "EAUTH" && responseCode !== undefined && responseCode >= 500 && responseCode < 600;
  return permanent ? new DeliveryRefused(text) : new Error(text);
}
