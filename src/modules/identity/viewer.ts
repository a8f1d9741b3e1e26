// Loads the signed-in person for every request that has a session, and guards cabinet routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sendError } from "../../http/errors.tsx";
import type { OrganizationRole } from "../../http/session.ts";
import { fullName } from "../../shared/format.ts";
import type { Viewer } from "../../ui/layout.tsx";
import type { ConsentRow } from "../consent/consent.repository.ts";
import type { UserRow } from "./identity.repository.ts";
import { findViewerRow } from "./viewer.repository.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer | undefined;
    /** The viewer's user row and active consent, read once per request: handlers reuse them. */
    viewerRecord: { user: UserRow; consent: ConsentRow | undefined } | undefined;
  }
}

async function viewerPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest("viewer", undefined);
  app.decorateRequest("viewerRecord", undefined);
  app.addHook("onRequest", async (request) => {
    const userId = request.session?.data.userId;
    if (typeof userId !== "string") return;
    const context = request.session.data.context;
    // Usually read with the session, in its statement; a query of its own only if it was not.
    const row =
      request.sessionViewer === undefined
        ? await findViewerRow(
            app.deps.database.db,
            userId,
            context?.kind === "organization" ? context.organizationId : undefined,
          )
        : (request.sessionViewer ?? undefined);
    if (!row) {
      request.session.destroy();
      return;
    }
    const { user, consent, organizationName, unreadNotices } = row;
    request.viewerRecord = { user, consent };
    request.viewer = {
      id: user.id,
      fullName: fullName(user),
      previousLoginAt: user.previousLoginAt,
      context,
      unreadNotices,
      ...(organizationName ? { organizationName } : {}),
    };
  });
}

export const viewerSupport = fp(viewerPlugin, { name: "frmr-viewer", dependencies: ["frmr-session"] });

/** A signed-in person who has chosen whom to act for; otherwise the right page is sent. */
async function requireSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!request.viewer) {
    await sendError(request, reply, request.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED");
    return false;
  }
  if (!request.viewer.context) {
    await reply.redirect("/auth/context", 303);
    return false;
  }
  return true;
}

/** preHandler for the medical worker's cabinet (/lk): signed in, acting as a worker. */
export async function requireViewer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!(await requireSignedIn(request, reply))) return;
  if (request.viewer?.context?.kind !== "worker") await sendError(request, reply, "WRONG_CONTEXT");
}

/** preHandler factory for the organization's cabinet: acting for an organization, in one of `roles`. */
export function requireOrganization(...roles: OrganizationRole[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!(await requireSignedIn(request, reply))) return;
    const context = request.viewer?.context;
    if (context?.kind !== "organization") return void (await sendError(request, reply, "WRONG_CONTEXT"));
    if (roles.length > 0 && !roles.includes(context.role)) await sendError(request, reply, "FORBIDDEN");
  };
}

export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new Error("route used without requireViewer");
  return request.viewer;
}

/** The viewer's user row and active consent as read for this request; use after `requireViewer`. */
export function viewerRecordOf(request: FastifyRequest): NonNullable<FastifyRequest["viewerRecord"]> {
  if (!request.viewerRecord) throw new Error("route used without requireViewer");
  return request.viewerRecord;
}
