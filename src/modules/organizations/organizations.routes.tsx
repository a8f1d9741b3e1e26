// The organization's cabinet home (O4, O7): the card of the organization the person acts for.
import type { FastifyInstance } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireOrganization, viewerOf } from "../identity/viewer.ts";
import { findOrganizationById } from "./organizations.repository.ts";
import { OrganizationHomePage } from "./views/organization-home.tsx";

export async function organizationRoutes(app: FastifyInstance): Promise<void> {
  app.get("/org", { preHandler: requireOrganization() }, async (request, reply) => {
    const context = viewerOf(request).context;
    if (context?.kind !== "organization") throw new Error("guarded by requireOrganization");
    const organization = await findOrganizationById(app.deps.database.db, context.organizationId);
    if (!organization) throw new Error("organization of the session is gone");
    const page = (
      <OrganizationHomePage
        ctx={pageContext(request, reply)}
        organization={organization}
        role={context.role}
      />
    );
    return sendHtml(reply, page);
  });
}
