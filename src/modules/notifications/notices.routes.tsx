// «Уведомления» in the worker's cabinet (W13): the list, marked as read once shown.
import type { FastifyInstance } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { listNotices, markNoticesRead } from "./notices.repository.ts";
import { NoticesPage } from "./views/notices-page.tsx";

export async function noticesRoutes(app: FastifyInstance): Promise<void> {
  const { database, clock } = app.deps;
  app.get("/lk/notices", { preHandler: requireViewer }, async (request, reply) => {
    const userId = viewerOf(request).id;
    const notices = await listNotices(database.db, userId);
    await markNoticesRead(database.db, userId, clock.now());
    // Read as of this page: the menu no longer counts them (the viewer was loaded before).
    const viewer = viewerOf(request);
    viewer.unreadNotices = 0;
    return sendHtml(reply, <NoticesPage ctx={pageContext(request, reply)} notices={notices} />);
  });
}
