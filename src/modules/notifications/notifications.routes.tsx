// The development outbox (/dev/outbox): what would have been sent by SMS or e-mail. Registered only
// together with the ESIA stand-in, which the configuration refuses in production.
import type { FastifyInstance } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { listRecentMessages } from "./notifications.repository.ts";
import { OutboxPage } from "./views/outbox-page.tsx";

export async function devOutboxRoutes(app: FastifyInstance): Promise<void> {
  app.get("/dev/outbox", async (request, reply) => {
    const messages = await listRecentMessages(app.deps.database.db);
    return sendHtml(reply, <OutboxPage ctx={pageContext(request, reply)} messages={messages} />);
  });
}
