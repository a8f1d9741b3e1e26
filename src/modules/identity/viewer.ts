// Loads the signed-in person for every request that has a session, and guards cabinet routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sendError } from "../../http/errors.tsx";
import { fullName } from "../../shared/format.ts";
import type { Viewer } from "../../ui/layout.tsx";
import { findUserById } from "./identity.repository.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | undefined;
  }
}

async function viewerPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest("viewer", undefined);
  app.addHook("onRequest", async (request) => {
    const userId = request.session?.data.userId;
    if (typeof userId !== "string") return;
    const user = await findUserById(app.deps.database.db, userId);
    if (!user) {
      request.session.destroy();
      return;
    }
    request.viewer = {
      id: user.id,
      fullName: fullName(user),
      previousLoginAt: user.previousLoginAt,
      context: request.session.data.context,
    };
  });
}

export const viewerSupport = fp(viewerPlugin, { name: "frmr-viewer", dependencies: ["frmr-session"] });

/** preHandler for cabinet pages: a signed-in person, or the «Сессия истекла» / «Требуется вход» page. */
export async function requireViewer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.viewer) return;
  await sendError(request, reply, request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new Error("route used without requireViewer");
  return request.viewer;
}
