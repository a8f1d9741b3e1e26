// Chooses the transports from the configuration (composition root helper): SMTP when SMTP_URL is
// set, the HTTP gateway when SMS_GATEWAY_URL is set, otherwise the development outbox page.
import type { Config } from "../../config/config.ts";
import { createSmsGatewayTransport } from "./sms-gateway.ts";
import { createSmtpTransport, type SmtpTransport } from "./smtp-transport.ts";
import { channelTransport, type MessageTransport, outboxPageTransport } from "./transport.ts";

export interface Transports {
  transport: MessageTransport;
  /** Present when e-mail really leaves the system (status page, `notify test`). */
  smtp: SmtpTransport | undefined;
  sms: MessageTransport | undefined;
  close(): void;
}

export function createTransports(config: Config): Transports {
  const smtp = config.smtp.url
    ? createSmtpTransport({ ...config.smtp, url: config.smtp.url, publicUrl: config.publicUrl })
    : undefined;
  const sms = config.sms.url ? createSmsGatewayTransport({ ...config.sms, url: config.sms.url }) : undefined;
  return {
    transport: channelTransport({ email: smtp ?? outboxPageTransport, sms: sms ?? outboxPageTransport }),
    smtp,
    sms,
    close: () => smtp?.close(),
  };
}
