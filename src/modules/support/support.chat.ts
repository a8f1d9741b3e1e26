// «Онлайн-чат»: a conversation attached to a request, open during support hours. Lines are rows of
// support_messages, so every instance on one database sees them; pages fetch the lines after the
// last one they show (a small polling script), and work without JavaScript by refreshing.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatDateTime } from "../../shared/format.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { isWithinHours, type WorkingHours } from "./support.hours.ts";
import type { FieldProblem } from "./support.input.ts";
import {
  insertMessage,
  listMessages,
  type SupportMessageRow,
  type SupportRequestRow,
} from "./support.repository.ts";
import { openStatuses, type RequestStatus } from "./support.status.ts";

export type ChatOutcome =
  | { ok: true }
  | { ok: false; reason: "not-found" | "offline" | "closed" }
  | { ok: false; reason: "invalid"; problems: FieldProblem[] };

/** Finds the request the actor may chat in (sender's or operator's check), inside the transaction. */
export type ChatAccess = (tx: DbExecutor, id: string) => Promise<SupportRequestRow | undefined>;

export interface ChatLine {
  id: number;
  author: "sender" | "operator";
  text: string;
  at: string;
}

export const chatLine = (message: SupportMessageRow): ChatLine => ({
  id: message.id,
  author: message.author === "sender" ? "sender" : "operator",
  text: message.body,
  at: formatDateTime(message.createdAt),
});

export function createChat({ db, clock, hours }: { db: Database; clock: Clock; hours: WorkingHours }) {
  return {
    isOpen: () => isWithinHours(clock.now(), hours),

    async post(
      access: ChatAccess,
      actor: { userId: string; ip: string },
      role: "sender" | "operator",
      id: string,
      text: string,
    ): Promise<ChatOutcome> {
      const body = text.trim();
      const now = clock.now();
      return db.transaction(async (tx): Promise<ChatOutcome> => {
        const request = await access(tx, id);
        if (!request) return { ok: false, reason: "not-found" };
        if (!body || body.length > 2000) {
          const message = body ? "Сообщение длиннее 2000 символов." : "Напишите сообщение.";
          return { ok: false, reason: "invalid", problems: [{ field: "chat", message }] };
        }
        if (!isWithinHours(now, hours)) return { ok: false, reason: "offline" };
        if (!openStatuses.includes(request.status as RequestStatus)) return { ok: false, reason: "closed" };
        await insertMessage(tx, {
          requestId: request.id,
          author: role,
          kind: "chat",
          authorUserId: actor.userId,
          body,
          createdAt: now,
        });
        await writeAudit(tx, {
          event: "support.chat_message",
          outcome: "success",
          userId: actor.userId,
          organizationId: request.organizationId,
          ip: actor.ip,
          details: { requestId: request.id, role },
        });
        return { ok: true };
      });
    },

    /** Chat lines after `afterId`, for the polling script. */
    async since(access: ChatAccess, id: string, afterId: number): Promise<ChatLine[] | undefined> {
      const request = await access(db, id);
      if (!request) return undefined;
      const messages = await listMessages(db, request.id, { includeNotes: false, afterId });
      return messages.filter((message) => message.kind === "chat").map(chatLine);
    },
  };
}

export type Chat = ReturnType<typeof createChat>;
