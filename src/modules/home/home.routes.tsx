// The medical worker's home page (W4).
import type { FastifyInstance } from "fastify";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { buildApplicationsSummary } from "../applications/views/home-block.tsx";
import { missingDocumentTypes } from "../documents/documents.service.ts";
import { requireViewer, viewerRecordOf } from "../identity/viewer.ts";
import { countUnreadNotices } from "../notifications/notices.repository.ts";
import { actorOf } from "../register/actor.ts";
import { buildWorkerNotices } from "../register/views/worker-notices.view.ts";
import { buildHomeView } from "./views/home.view.ts";
import { HomePage } from "./views/home-page.tsx";

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get("/lk", { preHandler: requireViewer }, async (request, reply) => {
    const { db } = app.deps.database;
    const { user, consent } = viewerRecordOf(request);
    const { registerService } = app.deps;
    const [summary, applications, unreadNotices, missingDocuments] = await Promise.all([
      registerService.summary(actorOf(request)),
      app.deps.accreditation.applications.list(cabinetActor(request)),
      countUnreadNotices(db, user.id),
      missingDocumentTypes(db, user.id),
    ]);
    const view = {
      ...buildHomeView(user, missingDocuments),
      notices: buildWorkerNotices(summary, consent, registerService.today()),
      flash: takeFlash(request),
      applications: buildApplicationsSummary(applications, unreadNotices),
    };
    return sendHtml(reply, <HomePage ctx={pageContext(request, reply)} view={view} />);
  });
}
