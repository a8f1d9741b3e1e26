// «Управление пользователями» and «Уполномоченные представители» (O8, O9). Registered inside the
// organizations plugin, which provides the multipart parser.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { openFormBody, uuidIdParams } from "../../shared/route-schemas.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/layout.tsx";
import { auditSuccess } from "../audit/audit.repository.ts";
import { downloadHeaders } from "../documents/download.ts";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { sendCabinetPage } from "../organizations/cabinet-page-reply.tsx";
import { discardForm, readMultipartForm } from "../organizations/organization-files.ts";
import {
  fileSigningRoutes,
  organizationSignatures,
  signatureDownloadRoute,
} from "../signatures/organization-signatures.routes.ts";
import type { Power } from "./access.policy.ts";
import { findAttorney, findRepresentative, listGrants, listRepresentatives } from "./access.repository.ts";
import type { GrantInput } from "./access.validation.ts";
import { type AppointmentInput, attorneySignable } from "./representatives.service.ts";
import { AccessPage } from "./views/access-page.tsx";
import { AppointmentPage, RepresentativesPage, SignAttorneyPage } from "./views/representatives-page.tsx";
import { RevokeGrantPage, RevokeRepresentativePage } from "./views/revoke-pages.tsx";

const grantBody = openFormBody(["snils", "fullName", "startsOn", "endsOn"], ["rights"]);

export async function accessRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, fileStorage, signatures } = app.deps;
  const db = database.db;

  /** The list of grants with the form: empty, or as sent back with its errors. */
  async function accessPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: GrantInput; errors: FieldError[] } = { values: {}, errors: [] },
  ) {
    const actor = cabinetActorOf(request);
    const grants = await listGrants(db, actor.organization.id);
    const ctx = pageContext(request, reply);
    const page = <AccessPage ctx={ctx} actor={actor} grants={grants} {...form} flash={takeFlash(request)} />;
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  /** The appointment form: empty, or as sent back with its errors. */
  function appointmentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: AppointmentInput; errors: FieldError[] } = { values: {}, errors: [] },
  ) {
    const page = (
      <AppointmentPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} {...form} />
    );
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  /** The signatures over these powers of attorney that belong to the actor's organization. */
  function attorneySignatures(actor: CabinetActor, ids: string[]) {
    return organizationSignatures(db, actor.organization.id, "power_of_attorney", ids);
  }

  app.get("/org/access", { preHandler: cabinetRoute("access.manage") }, (request, reply) =>
    accessPage(request, reply),
  );

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
      return accessPage(request, reply, { values: input, errors: outcome.errors });
    },
  );

  app.get(
    "/org/representatives",
    { preHandler: cabinetRoute("representatives.manage") },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const representatives = await listRepresentatives(db, actor.organization.id);
      const signed = await attorneySignatures(
        actor,
        representatives.map((row) => row.id),
      );
      return sendCabinetPage(request, reply, RepresentativesPage, { representatives, signatures: signed });
    },
  );

  app.get(
    "/org/representatives/new",
    { preHandler: cabinetRoute("representatives.manage") },
    (request, reply) => appointmentPage(request, reply),
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
        return appointmentPage(request, reply, { values: input, errors: outcome.errors });
      } finally {
        await discardForm(form);
      }
    },
  );

  // The power of attorney's file and the head's signature over it (O8, issue 11): downloading is for
  // whoever manages representatives, signing is the head's (signatures.manage).
  const byId = { schema: { params: uuidIdParams }, attachValidation: true };

  app.get(
    "/org/representatives/:id/attorney",
    { preHandler: cabinetRoute("representatives.manage"), ...byId },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const found = request.validationError
        ? undefined
        : await findAttorney(db, actor.organization.id, request.params.id);
      if (!found) return sendError(request, reply, "NOT_FOUND");
      await auditSuccess(
        db,
        { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
        "representative.attorney_downloaded",
        { representativeId: found.representative.id, fileId: found.file.id },
      );
      return reply.headers(downloadHeaders(found.file)).send(await fileStorage.open(found.file.storageKey));
    },
  );

  signatureDownloadRoute(fastify, {
    db,
    prefix: "/org/representatives",
    preHandler: cabinetRoute("representatives.manage"),
    subjectType: "power_of_attorney",
    baseName: (id) => `doverennost-${id.slice(0, 8)}`,
  });

  fileSigningRoutes(fastify, {
    db,
    signatures,
    prefix: "/org/representatives",
    preHandler: cabinetRoute("signatures.manage"),
    find: (actor, id) => findAttorney(db, actor.organization.id, id),
    elsewhere: (found) => (attorneySignable(found.representative) ? undefined : "/org/representatives"),
    page: (ctx, actor, found, state) => (
      <SignAttorneyPage ctx={ctx} actor={actor} representative={found.representative} {...state} />
    ),
    content: async (actor, id) => {
      const attorney = await cabinet.representatives.attorney(actor, id);
      return attorney && { subject: attorney.fullName, bytes: attorney.bytes };
    },
    record: (actor, id, bytes, signature) =>
      cabinet.representatives.recordAttorneySignature(actor, id, bytes, signature),
    signed: (subject) => `Доверенность на имя ${subject} подписана электронной подписью.`,
  });

  /**
   * Taking powers away: the GET shows the confirmation page (the list links to it instead of acting in
   * one click), the POST acts. A row already ended has nothing to confirm and the list shows it.
   */
  function revocation<Row>(route: {
    path: string;
    power: Power;
    list: string;
    find: (actor: CabinetActor, id: string) => Promise<Row | undefined>;
    open: (row: Row, actor: CabinetActor) => boolean;
    page: (ctx: PageContext, actor: CabinetActor, row: Row) => JSX.Element;
    revoke: (actor: CabinetActor, id: string) => Promise<unknown>;
    flash: string;
  }) {
    const options = {
      preHandler: cabinetRoute(route.power),
      schema: { params: uuidIdParams },
      attachValidation: true,
    };
    app.get(route.path, options, async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const row = await route.find(actor, request.params.id);
      if (!row) return sendError(request, reply, "NOT_FOUND");
      if (!route.open(row, actor)) return reply.redirect(route.list, 303);
      return sendHtml(reply, route.page(pageContext(request, reply), actor, row));
    });
    app.post(route.path, options, async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      if (!(await route.revoke(cabinetActorOf(request), request.params.id)))
        return sendError(request, reply, "NOT_FOUND");
      setFlash(request, route.flash);
      return reply.redirect(route.list, 303);
    });
  }

  revocation({
    path: "/org/access/grants/:id/revoke",
    power: "access.manage",
    list: "/org/access",
    find: async (actor, id) => (await listGrants(db, actor.organization.id)).find((row) => row.id === id),
    open: (grant, actor) => !grant.revokedAt && grant.endsOn >= actor.today,
    page: (ctx, actor, grant) => <RevokeGrantPage ctx={ctx} actor={actor} grant={grant} />,
    revoke: (actor, id) => cabinet.access.revoke(actor, id),
    flash: "Права отозваны.",
  });

  revocation({
    path: "/org/representatives/:id/revoke",
    power: "representatives.manage",
    list: "/org/representatives",
    find: (actor, id) => findRepresentative(db, actor.organization.id, id),
    open: (row) => row.status === "active" || row.status === "pending",
    page: (ctx, actor, row) => <RevokeRepresentativePage ctx={ctx} actor={actor} representative={row} />,
    revoke: (actor, id) => cabinet.representatives.revoke(actor, id),
    flash: "Полномочия представителя прекращены.",
  });
}
