// Pages open to everyone: the landing page with «Войти через Госуслуги», the status page, help.
import type { FastifyInstance } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { HelpPage } from "./views/help-page.tsx";
import { LandingPage } from "./views/landing-page.tsx";
import { StatusPage } from "./views/status-page.tsx";

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  app.get("/", async (request, reply) => {
    if (request.viewer) return reply.redirect("/lk", 303);
    return sendHtml(reply, <LandingPage ctx={pageContext(request, reply)} />);
  });

  // No session here: the status page must answer while the database is down.
  app.get("/status", { config: { session: false } }, async (request, reply) => {
    const dependencies = await app.deps.serviceStatus.check();
    // Only the database makes the cabinet unusable; a slow SMS gateway is shown, not a 503.
    const healthy = dependencies[0]?.state === "ok";
    return sendHtml(
      reply,
      <StatusPage
        ctx={pageContext(request, reply)}
        dependencies={dependencies}
        incidents={app.deps.incidents.open()}
        now={app.deps.clock.now()}
      />,
      healthy ? 200 : 503,
    );
  });

  app.get("/help", async (request, reply) => sendHtml(reply, <HelpPage ctx={pageContext(request, reply)} />));
}
