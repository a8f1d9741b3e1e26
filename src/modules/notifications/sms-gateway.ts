// SMS over an HTTP gateway (W13). Russian gateways differ in field names but share the style: one
// POST per message with the number, the text, a sender name and credentials, as JSON or as a form.
// So there is one adapter, configured by a body template (SMS_GATEWAY_TEMPLATE) whose strings get
// the values filled in. 2xx means accepted; 4xx (but 408 and 429) is a refusal for good; 5xx,
// 408, 429, timeouts and network errors are retried by the job queue.
import { normalizePhone } from "../../shared/phone.ts";
import { fitSms } from "./sms-text.ts";
import { type DeliverableMessage, DeliveryRefused, type MessageTransport } from "./transport.ts";

export interface SmsGatewaySettings {
  url: string;
  format: "json" | "form";
  /** A JSON object; see fillTemplate for the placeholders. */
  template: string;
  login: string;
  password: string;
  token: string;
  sender: string;
  timeoutMs: number;
}

export function createSmsGatewayTransport(settings: SmsGatewaySettings): MessageTransport {
  const template: unknown = JSON.parse(settings.template);
  const headers: Record<string, string> = {};
  if (settings.token) headers.authorization = `Bearer ${settings.token}`;
  else if (settings.login && settings.password)
    headers.authorization = `Basic ${Buffer.from(`${settings.login}:${settings.password}`).toString("base64")}`;

  return {
    async send(message: DeliverableMessage) {
      const phone = normalizePhone(message.recipient);
      if (!phone) throw new DeliveryRefused("SMS: the recipient is not a Russian phone number");
      const values: Record<string, string> = {
        phone,
        phoneDigits: phone.slice(1),
        text: fitSms(message.body),
        sender: settings.sender,
        login: settings.login,
        password: settings.password,
        token: settings.token,
      };
      const filled = fillTemplate(template, values);
      const body =
        settings.format === "json"
          ? JSON.stringify(filled)
          : new URLSearchParams(formFields(filled)).toString();
      const contentType =
        settings.format === "json" ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded";
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: "POST",
          headers: { ...headers, "content-type": contentType },
          body,
          signal: AbortSignal.timeout(settings.timeoutMs),
          redirect: "error",
        });
      } catch (error) {
        const reason =
          error instanceof Error
            ? error.cause instanceof Error
              ? error.cause.message
              : error.message
            : String(error);
        throw new Error(`SMS gateway unreachable: ${reason}`);
      }
      // The body is not needed, but reading it lets the connection be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      const reason = `SMS gateway answered ${response.status}`;
      throw retryable ? new Error(reason) : new DeliveryRefused(reason);
    },
  };
}

/** Replaces `{name}` in every string of the template (nested objects and arrays too). */
export function fillTemplate(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === "string")
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (template && typeof template === "object")
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, fillTemplate(value, values)]),
    );
  return template;
}

/** A form has flat fields only: nested values are sent as their JSON. */
function formFields(filled: unknown): Record<string, string> {
  const entries = Object.entries(filled as Record<string, unknown>);
  return Object.fromEntries(
    entries.map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}
