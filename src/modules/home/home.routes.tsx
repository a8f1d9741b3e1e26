// The medical worker's home page (W4).
import type { FastifyInstance } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { buildHomeView } from "./views/home.view.ts";
import { HomePage } from "./views/home-page.tsx";

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get("/lk", { preHandler: requireViewer }, async (request, reply) => {
    const user = await findUserById(app.deps.database.db, viewerOf(request).id);
    if (!user) throw new Error("viewer without user row");
    return sendHtml(reply, <HomePage ctx={pageContext(request, reply)} view={buildHomeView(user)} />);
  });
}
