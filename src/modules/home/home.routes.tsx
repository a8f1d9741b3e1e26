// The medical worker's home page (W4).
import type { FastifyInstance } from "fastify";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { buildApplicationsSummary } from "../applications/views/home-block.tsx";
import { missingDocumentTypes } from "../documents/documents.service.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { countUnreadNotices } from "../notifications/notices.repository.ts";
import { actorOf } from "../register/actor.ts";
import { buildWorkerNotices } from "../register/views/worker-notices.view.ts";
import { buildHomeView } from "./views/home.view.ts";
import { HomePage } from "./views/home-page.tsx";

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get("/lk", { preHandler: requireViewer }, async (request, reply) => {
    const { db } = app.deps.database;
    const user = await findUserById(db, viewerOf(request).id);
    if (!user) throw new Error("viewer without user row");
    const { registerService, consentService } = app.deps;
    const [summary, consent, applications, unreadNotices] = await Promise.all([
      registerService.summary(actorOf(request)),
      consentService.activeConsent(user.id),
      app.deps.accreditation.applications.list(cabinetActor(request)),
      countUnreadNotices(db, user.id),
    ]);
    const view = {
      ...buildHomeView(user, await missingDocumentTypes(db, user.id)),
      notices: buildWorkerNotices(summary, consent, registerService.today()),
      flash: takeFlash(request),
      applications: buildApplicationsSummary(applications, unreadNotices),
    };
    return sendHtml(reply, <HomePage ctx={pageContext(request, reply)} view={view} />);
  });
}
