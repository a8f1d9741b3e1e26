// One-time codes sent by SMS or e-mail, the development outbox they land in (E7), and the
// per-account limits on sending them (a stand-in must not become an SMS cannon, even a fake one).
import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { formatPhone, maskPhone } from "../shared/phone.ts";
import type { StandinContext } from "./context.ts";
import type { CodeFlow, OutboxMessage } from "./store.ts";

export const CODE_TTL_SECONDS = 10 * 60;
/** Wrong entries after which a code is void and a new one must be requested. */
export const MAX_CODE_ATTEMPTS = 3;
const SENDS_PER_ACCOUNT = 5;
const SEND_WINDOW_SECONDS = 15 * 60;

const hashCode = (code: string) => createHash("sha256").update(code).digest("base64url");

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function codeMatches(flow: CodeFlow, entered: string): boolean {
  if (!flow.codeHash) return false;
  const actual = Buffer.from(hashCode(entered.replace(/\s/g, "")));
  const expected = Buffer.from(flow.codeHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Sliding-window counter; true while `key` stays within `limit` events per window. */
export function allowEvent(ctx: StandinContext, key: string, limit: number, windowSeconds: number): boolean {
  const now = ctx.nowMs();
  const recent = (ctx.store.events.get(key) ?? []).filter((at) => at > now - windowSeconds * 1000);
  if (recent.length >= limit) {
    ctx.store.events.set(key, recent, windowSeconds);
    return false;
  }
  recent.push(now);
  ctx.store.events.set(key, recent, windowSeconds);
  return true;
}

export function sendMessage(ctx: StandinContext, message: Omit<OutboxMessage, "id" | "at">): void {
  const outbox = ctx.store.outbox;
  outbox.push({ ...message, id: (outbox.at(-1)?.id ?? 0) + 1, at: ctx.nowMs() });
  // The outbox is a development aid; keep it bounded in a long-running demo.
  if (outbox.length > 500) outbox.splice(0, outbox.length - 500);
}

const PURPOSE_TEXT: Record<CodeFlow["purpose"], string> = {
  "second-factor": "для входа",
  recovery: "для восстановления пароля",
  unlock: "для разблокировки учётной записи",
  "totp-setup": "для настройки входа",
};

/**
 * Sends a fresh code for the flow to a phone (`+7…`) or e-mail address and stores its hash.
 * False when the account has hit the sending limit; nothing is sent then.
 */
export function sendCode(ctx: StandinContext, flow: CodeFlow, to: string): boolean {
  if (
    flow.oid !== undefined &&
    !allowEvent(ctx, `codes:${flow.oid}`, SENDS_PER_ACCOUNT, SEND_WINDOW_SECONDS)
  ) {
    return false;
  }
  const code = newCode();
  const purpose = PURPOSE_TEXT[flow.purpose];
  const isEmail = to.includes("@");
  flow.codeHash = hashCode(code);
  flow.method = isEmail ? "email" : "sms";
  flow.sentTo = to;
  flow.attempts = 0;
  ctx.store.flows.set(flow.id, flow, CODE_TTL_SECONDS);
  sendMessage(ctx, {
    channel: isEmail ? "email" : "sms",
    to: isEmail ? to : formatPhone(to),
    subject: `Код подтверждения ${purpose}`,
    text: `Код ${purpose} на тестовом стенде ЕСИА: ${code}. Никому не сообщайте его. Код действует 10 минут.`,
  });
  return true;
}

export function startFlow(ctx: StandinContext, fields: Omit<CodeFlow, "id" | "attempts">): CodeFlow {
  const flow: CodeFlow = { id: randomUUID(), attempts: 0, ...fields };
  ctx.store.flows.set(flow.id, flow, CODE_TTL_SECONDS);
  return flow;
}

/** "в SMS на номер +7 *** ***-00-01" or "на адрес m***@example.org", to tell where a code went. */
export function maskedDestination(to: string): string {
  if (!to.includes("@")) return `в SMS на номер ${maskPhone(to)}`;
  const [local = "", domain = ""] = to.split("@");
  return `на адрес ${local.slice(0, 1)}***@${domain}`;
}
