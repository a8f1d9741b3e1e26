// `npm run cli -- notify test --email <address> [--sms <phone>]`: sends one test message through the
// configured transports right away (not through the queue), so that an operator setting up SMTP or
// the SMS gateway sees at once whether it works and, if not, why.
import type { Config } from "../../config/config.ts";
import { normalizePhone } from "../../shared/phone.ts";
import { DeliveryRefused } from "./transport.ts";
import { createTransports } from "./transports.ts";

export const notifyUsage = "notify test --email <address> [--sms <+7 phone>]";

export interface CommandResult {
  ok: boolean;
  lines: string[];
}

export async function runNotifyCommand(config: Config, args: string[]): Promise<CommandResult> {
  const [action, ...rest] = args;
  const option = (name: string) => {
    const index = rest.indexOf(name);
    return index >= 0 ? rest[index + 1] : undefined;
  };
  const email = option("--email");
  const phone = option("--sms");
  if (action !== "test" || (!email && !phone)) return { ok: false, lines: [`Usage: ${notifyUsage}`] };
  if (phone && !normalizePhone(phone)) return { ok: false, lines: ["--sms: not a Russian phone number"] };

  const transports = createTransports(config);
  const lines: string[] = [];
  let ok = true;
  const attempt = async (label: string, configured: boolean, send: () => Promise<void>) => {
    if (!configured) {
      lines.push(`${label}: not configured, the message would only appear in the development outbox`);
      ok = false;
      return;
    }
    try {
      await send();
      lines.push(`${label}: accepted`);
    } catch (error) {
      ok = false;
      const kind = error instanceof DeliveryRefused ? "refused for good" : "failed, would be retried";
      lines.push(`${label}: ${kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    if (email)
      await attempt("e-mail", transports.smtp !== undefined, () =>
        transports.transport.send({
          channel: "email",
          recipient: email,
          subject: "Проверка уведомлений ФРМР",
          body: "Это проверочное письмо: отправка уведомлений из личного кабинета ФРМР настроена верно.",
        }),
      );
    if (phone)
      await attempt("SMS", transports.sms !== undefined, () =>
        transports.transport.send({
          channel: "sms",
          recipient: phone,
          subject: null,
          body: "ФРМР: проверка SMS-уведомлений прошла успешно.",
        }),
      );
  } finally {
    transports.close();
  }
  return { ok, lines };
}
