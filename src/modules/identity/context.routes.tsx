// After login: act as a medical worker or for one of the person's organizations, and in which role
// (O1, O2, O7). The choice is fixed for the session; a new login is needed to change it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { OrganizationChoice, OrganizationRole } from "../../http/session.ts";
import { type AuditEntry, writeAudit } from "../audit/audit.repository.ts";
import { findOrganizationByOgrn } from "../organizations/organizations.repository.ts";
import { isOperatorUser } from "../review/review.repository.ts";
import { chooseSupportContext } from "../support/support.context.ts";
import { allowedRoles } from "./identity.policy.ts";
import { type ChoiceObstacle, ChooseContextPage, ChooseRolePage } from "./views/context-pages.tsx";

type Body = Record<string, string | undefined>;

export async function contextRoutes(app: FastifyInstance): Promise<void> {
  const { database, clock } = app.deps;

  /** Signed in and not yet decided: the only state in which these pages apply. */
  async function undecided(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.viewer) return void (await sendError(request, reply, "UNAUTHENTICATED"));
    if (request.viewer.context) {
      const home = {
        worker: "/lk",
        organization: "/org",
        commission: "/review",
        support: "/support-desk",
      } as const;
      return void (await reply.redirect(home[request.viewer.context.kind], 303));
    }
  }

  /** Why an organization cannot be entered, shown next to it before the person picks it (O1). */
  async function obstacles(choices: OrganizationChoice[]): Promise<Record<string, ChoiceObstacle>> {
    const found: Record<string, ChoiceObstacle> = {};
    for (const choice of choices) {
      const organization = choice.ogrn ? await findOrganizationByOgrn(database.db, choice.ogrn) : undefined;
      if (choice.liquidated || organization?.status === "liquidated") found[choice.esiaOrgOid] = "liquidated";
      else if (!organization) found[choice.esiaOrgOid] = "not-in-frmo";
    }
    return found;
  }

  /** The choices the login found, kept in the session; the error page leaves out the obstacles. */
  function contextPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { obstacles: Record<string, ChoiceObstacle> } | { error: true },
  ) {
    const data = request.session.data;
    return (
      <ChooseContextPage
        ctx={pageContext(request, reply)}
        choices={data.organizationChoices ?? []}
        commission={data.commissionChoice === true}
        support={data.supportChoice === true}
        {...extra}
      />
    );
  }

  app.get("/auth/context", { preHandler: undecided }, async (request, reply) => {
    const found = await obstacles(request.session.data.organizationChoices ?? []);
    return sendHtml(reply, contextPage(request, reply, { obstacles: found }));
  });

  app.post<{ Body: Body }>("/auth/context", { preHandler: undecided }, async (request, reply) => {
    const { choice } = request.body;
    const userId = request.viewer?.id;
    if (choice === "worker") {
      request.session.regenerate({ userId, context: { kind: "worker" } }, clock.now());
      return reply.redirect("/lk", 303);
    }
    // The operators table is checked again: the role may have been withdrawn since the login.
    if (
      choice === "commission" &&
      request.session.data.commissionChoice &&
      userId &&
      (await isOperatorUser(database.db, userId))
    ) {
      request.session.regenerate({ userId, context: { kind: "commission" } }, clock.now());
      await writeAudit(database.db, {
        event: "auth.context_chosen",
        outcome: "success",
        userId,
        ip: request.ip,
        details: { role: "commission" },
      });
      return reply.redirect("/review", 303);
    }
    if (choice === "support" && request.session.data.supportChoice && userId) {
      const chosen = await chooseSupportContext(database.db, request, userId, clock.now());
      if (chosen) return reply.redirect("/support-desk", 303);
    }
    const picked = request.session.data.organizationChoices?.find((item) => item.esiaOrgOid === choice);
    if (!picked) return sendHtml(reply, contextPage(request, reply, { error: true }), 400);
    if (picked.liquidated) return sendError(request, reply, "ORGANIZATION_LIQUIDATED");
    const organization = picked.ogrn ? await findOrganizationByOgrn(database.db, picked.ogrn) : undefined;
    if (!organization) {
      await writeAudit(database.db, {
        event: "access.denied",
        outcome: "denied",
        userId,
        ip: request.ip,
        details: { reason: "organization-not-registered", esiaOrgOid: picked.esiaOrgOid },
      });
      return sendError(request, reply, "ORGANIZATION_NOT_REGISTERED");
    }
    if (organization.status === "liquidated") return sendError(request, reply, "ORGANIZATION_LIQUIDATED");
    request.session.set("chosenOrganization", {
      organizationId: organization.id,
      esiaOrgOid: picked.esiaOrgOid,
      chief: picked.chief,
    });
    return reply.redirect("/auth/context/role", 303);
  });

  app.get("/auth/context/role", { preHandler: undecided }, async (request, reply) => {
    const chosen = request.session.data.chosenOrganization;
    if (!chosen) return reply.redirect("/auth/context", 303);
    const name = request.session.data.organizationChoices?.find(
      (c) => c.esiaOrgOid === chosen.esiaOrgOid,
    )?.shortName;
    return sendHtml(
      reply,
      <ChooseRolePage
        ctx={pageContext(request, reply)}
        organizationName={name ?? ""}
        roles={allowedRoles(chosen)}
      />,
    );
  });

  app.post<{ Body: Body }>("/auth/context/role", { preHandler: undecided }, async (request, reply) => {
    const chosen = request.session.data.chosenOrganization;
    if (!chosen) return reply.redirect("/auth/context", 303);
    const role = request.body.role as OrganizationRole | undefined;
    const journal = (entry: Pick<AuditEntry, "event" | "outcome" | "details">) =>
      writeAudit(database.db, {
        ...entry,
        userId: request.viewer?.id,
        organizationId: chosen.organizationId,
        ip: request.ip,
      });
    if (!role || !allowedRoles(chosen).includes(role)) {
      await journal({
        event: "access.denied",
        outcome: "denied",
        details: { reason: "role-not-allowed", role: role ?? null },
      });
      return sendError(request, reply, "FORBIDDEN");
    }
    const context = {
      kind: "organization",
      organizationId: chosen.organizationId,
      esiaOrgOid: chosen.esiaOrgOid,
      role,
    } as const;
    // A new session id whenever the role changes (DESIGN: security baseline).
    request.session.regenerate({ userId: request.viewer?.id, context }, clock.now());
    await journal({ event: "auth.context_chosen", outcome: "success", details: { role } });
    return reply.redirect("/org", 303);
  });
}
