// «Мои сеансы»: ending the person's other sessions, and the idle warning page that a signed-in page
// opens by itself (meta refresh, no script) a few minutes before the 30-minute idle timeout.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { sessionKeyOf } from "../../http/session.ts";
import { counted } from "../../shared/plural.ts";
import { IDLE_WARNING_MINUTES, IdleWarningPage } from "./views/idle-page.tsx";

/** Pages a session form may lead back to; anything else goes home (no open redirect). */
const backPaths = new Set(["/lk/settings", "/org/security"]);
/** A local path to return to from the idle warning: one leading slash, no scheme or host. */
export const safeBack = (value: string | undefined): string =>
  value && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) && value.length <= 300 ? value : "/";

export async function sessionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { sessionsService } = app.deps;

  app.post(
    "/sessions/end-others",
    {
      schema: {
        body: Type.Object({
          _csrf: Type.Optional(Type.String()),
          back: Type.Optional(Type.String({ maxLength: 300 })),
        }),
      },
    },
    async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer)
        return sendError(request, reply, request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
      const ended = await sessionsService.endOthers({
        userId: viewer.id,
        ip: request.ip,
        sessionKey: sessionKeyOf(request),
      });
      setFlash(
        request,
        ended > 0
          ? `Другие сеансы завершены (${counted(ended, ["сеанс", "сеанса", "сеансов"])}). Вход остался только здесь.`
          : "Других сеансов не было.",
      );
      const back = request.body.back ?? "";
      return reply.redirect(`${backPaths.has(back) ? back : "/"}#sessions`, 303);
    },
  );

  // Without the session: showing the warning must not itself count as activity and extend the session.
  app.get(
    "/session/idle",
    {
      config: { session: false },
      schema: { querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 300 })) }) },
    },
    async (request, reply) => {
      const back = safeBack(request.query.back);
      return sendHtml(
        reply,
        <IdleWarningPage ctx={pageContext(request, reply)} back={back} minutes={IDLE_WARNING_MINUTES} />,
      );
    },
  );
}
