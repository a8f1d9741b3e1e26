// The medical worker's home page (W4).
import type { FastifyInstance } from "fastify";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { isFinal } from "../applications/applications.status.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { buildApplicationsSummary } from "../applications/views/home-block.tsx";
import { stepHref } from "../applications/views/steps.ts";
import { listUserDocumentTypes } from "../documents/documents.repository.ts";
import { requireViewer, viewerOf, viewerRecordOf } from "../identity/viewer.ts";
import { actorOf } from "../register/actor.ts";
import { buildWorkerNotices } from "../register/views/worker-notices.view.ts";
import { buildHomeView } from "./views/home.view.ts";
import { HomePage } from "./views/home-page.tsx";

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get("/lk", { preHandler: requireViewer }, async (request, reply) => {
    const { db } = app.deps.database;
    const { user, consent } = viewerRecordOf(request);
    const { registerService } = app.deps;
    const [summary, applications, documentTypes] = await Promise.all([
      registerService.summary(actorOf(request)),
      app.deps.accreditation.applications.list(cabinetActor(request)),
      listUserDocumentTypes(db, user.id),
    ]);
    // Counted with the viewer (the same statement), for the menu and this page alike.
    const unreadNotices = viewerOf(request).unreadNotices ?? 0;
    const open = applications
      .filter((application) => application.kind === "periodic" && !isFinal(application.status))
      .map((application) => ({
        specialtyName: application.specialtyName,
        title: `Заявка № ${application.number}`,
        href: stepHref(application.id, "kind"),
      }));
    const view = {
      ...buildHomeView(
        user,
        documentTypes,
        summary.rights.map((right) => right.specName),
      ),
      notices: buildWorkerNotices(summary, consent, registerService.today(), open),
      flash: takeFlash(request),
      applications: buildApplicationsSummary(applications, unreadNotices),
    };
    return sendHtml(reply, <HomePage ctx={pageContext(request, reply)} view={view} />);
  });
}
