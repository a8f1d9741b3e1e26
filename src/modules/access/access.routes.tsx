// «Управление пользователями» and «Уполномоченные представители» (O8, O9). Registered inside the
// organizations plugin, which provides the multipart parser.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { discardForm, readMultipartForm } from "../organizations/organization-files.ts";
import { findRepresentative, listGrants, listRepresentatives } from "./access.repository.ts";
import type { GrantInput } from "./access.validation.ts";
import type { AppointmentInput } from "./representatives.service.ts";
import { AccessPage } from "./views/access-page.tsx";
import { AppointmentPage, RepresentativesPage } from "./views/representatives-page.tsx";
import { RevokeGrantPage, RevokeRepresentativePage } from "./views/revoke-pages.tsx";

const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const grantBody = Type.Object(
  {
    snils: Type.Optional(Type.String()),
    fullName: Type.Optional(Type.String()),
    rights: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
    startsOn: Type.Optional(Type.String()),
    endsOn: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export async function accessRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet } = app.deps;
  const db = database.db;

  app.get("/org/access", { preHandler: cabinetRoute("access.manage") }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const grants = await listGrants(db, actor.organization.id);
    const page = (
      <AccessPage
        ctx={pageContext(request, reply)}
        actor={actor}
        grants={grants}
        values={{}}
        errors={[]}
        flash={takeFlash(request)}
      />
    );
    return sendHtml(reply, page);
  });

  app.post(
    "/org/access/grants",
    { preHandler: cabinetRoute("access.manage"), schema: { body: grantBody } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const input = request.body as GrantInput;
      const outcome = await cabinet.access.grant(actor, input);
      if (outcome.ok) {
        setFlash(request, `Права выданы: ${input.fullName?.trim()}.`);
        return reply.redirect("/org/access", 303);
      }
      if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
      const grants = await listGrants(db, actor.organization.id);
      const page = (
        <AccessPage
          ctx={pageContext(request, reply)}
          actor={actor}
          grants={grants}
          values={input}
          errors={outcome.errors}
        />
      );
      return sendHtml(reply, page, 400);
    },
  );

  app.get(
    "/org/access/grants/:id/revoke",
    { preHandler: cabinetRoute("access.manage"), schema: { params: idParams }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const grant = (await listGrants(db, actor.organization.id)).find((row) => row.id === request.params.id);
      if (!grant) return sendError(request, reply, "NOT_FOUND");
      // Already revoked or ended: nothing to confirm, the list shows how it stands.
      if (grant.revokedAt || grant.endsOn < actor.today) return reply.redirect("/org/access", 303);
      return sendHtml(
        reply,
        <RevokeGrantPage ctx={pageContext(request, reply)} actor={actor} grant={grant} />,
      );
    },
  );

  app.post(
    "/org/access/grants/:id/revoke",
    { preHandler: cabinetRoute("access.manage"), schema: { params: idParams }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const revoked = await cabinet.access.revoke(cabinetActorOf(request), request.params.id);
      if (!revoked) return sendError(request, reply, "NOT_FOUND");
      setFlash(request, "Права отозваны.");
      return reply.redirect("/org/access", 303);
    },
  );

  app.get(
    "/org/representatives",
    { preHandler: cabinetRoute("representatives.manage") },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const representatives = await listRepresentatives(db, actor.organization.id);
      const page = (
        <RepresentativesPage
          ctx={pageContext(request, reply)}
          actor={actor}
          representatives={representatives}
          flash={takeFlash(request)}
        />
      );
      return sendHtml(reply, page);
    },
  );

  app.get(
    "/org/representatives/new",
    { preHandler: cabinetRoute("representatives.manage") },
    async (request, reply) =>
      sendHtml(
        reply,
        <AppointmentPage
          ctx={pageContext(request, reply)}
          actor={cabinetActorOf(request)}
          values={{}}
          errors={[]}
        />,
      ),
  );

  app.post(
    "/org/representatives",
    { preHandler: cabinetRoute("representatives.manage") },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const form = await readMultipartForm(request, app.deps.documentsService.receive, ["attorney"]);
      try {
        const input: AppointmentInput = form.fields;
        const outcome = await cabinet.representatives.appoint(actor, input, form.files);
        if (outcome.ok) {
          setFlash(request, "Документы представителя отправлены на проверку оператору.");
          return reply.redirect("/org/representatives", 303);
        }
        if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
        return sendHtml(
          reply,
          <AppointmentPage
            ctx={pageContext(request, reply)}
            actor={actor}
            values={input}
            errors={outcome.errors}
          />,
          400,
        );
      } finally {
        await discardForm(form);
      }
    },
  );

  app.get(
    "/org/representatives/:id/revoke",
    {
      preHandler: cabinetRoute("representatives.manage"),
      schema: { params: idParams },
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const representative = await findRepresentative(db, actor.organization.id, request.params.id);
      if (!representative) return sendError(request, reply, "NOT_FOUND");
      if (representative.status !== "active" && representative.status !== "pending")
        return reply.redirect("/org/representatives", 303);
      return sendHtml(
        reply,
        <RevokeRepresentativePage
          ctx={pageContext(request, reply)}
          actor={actor}
          representative={representative}
        />,
      );
    },
  );

  app.post(
    "/org/representatives/:id/revoke",
    {
      preHandler: cabinetRoute("representatives.manage"),
      schema: { params: idParams },
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const revoked = await cabinet.representatives.revoke(cabinetActorOf(request), request.params.id);
      if (!revoked) return sendError(request, reply, "NOT_FOUND");
      setFlash(request, "Полномочия представителя прекращены.");
      return reply.redirect("/org/representatives", 303);
    },
  );
}
