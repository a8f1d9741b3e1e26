// «Документы» (/org/documents): registered inside the organization routes, so the cabinet's multipart
// limits apply. Upload and download need documents.manage (the head, representatives); signing needs
// signatures.manage (the head). Another organization's document reads as missing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { fileFromForm, ownById, sendStoredFile } from "../org-submissions/submission.routes.tsx";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import {
  fileSigningRoutes,
  organizationSignatures,
  signatureDownloadRoute,
} from "../signatures/organization-signatures.routes.ts";
import { findOrgDocument, listOrgDocuments } from "./org-documents.repository.ts";
import { createOrgDocumentsService } from "./org-documents.service.ts";
import { OrgDocumentsPage, SignOrgDocumentPage } from "./views/org-documents-pages.tsx";

type FormBack = Pick<Parameters<typeof OrgDocumentsPage>[0], "flash" | "errors" | "values">;

const byId = {
  schema: { params: Type.Object({ id: Type.String({ format: "uuid" }) }) },
  attachValidation: true,
};

export async function orgDocumentsRoutes(app: FastifyInstance): Promise<void> {
  const { database, clock, fileStorage, documentsService, signatures } = app.deps;
  const db = database.db;
  const service = createOrgDocumentsService({ db, clock, storage: fileStorage });
  const manage = cabinetRoute("documents.manage");
  const sign = cabinetRoute("signatures.manage");

  /** The list with its signatures and the upload form, with what a refused upload came back with. */
  async function listPage(request: FastifyRequest, reply: FastifyReply, form: FormBack = {}) {
    const actor = cabinetActorOf(request);
    const items = await listOrgDocuments(db, actor.organization.id);
    const ids = items.map((item) => item.document.id);
    const signed = await organizationSignatures(db, actor.organization.id, "org_document", ids);
    const ctx = pageContext(request, reply);
    return <OrgDocumentsPage ctx={ctx} actor={actor} items={items} signatures={signed} {...form} />;
  }

  app.get("/org/documents", { preHandler: manage }, async (request, reply) =>
    sendHtml(reply, await listPage(request, reply, { flash: takeFlash(request) })),
  );

  app.post("/org/documents", { preHandler: manage }, async (request, reply) =>
    fileFromForm(request, reply, {
      receive: documentsService.receive,
      file: (form) => service.upload(cabinetActorOf(request), form.fields, form.files),
      done: (_, form) => ({
        flash: form.fields.replaces
          ? "Новая редакция документа загружена, прежняя отмечена как заменённая."
          : "Документ загружен.",
        location: "/org/documents",
      }),
      refused: (_, form, errors) => listPage(request, reply, { errors, values: form.fields }),
    }),
  );

  app.get<{ Params: { id: string } }>(
    "/org/documents/:id/file",
    { preHandler: manage, ...byId },
    async (request, reply) => {
      const found = await ownById(request, (organizationId, id) => findOrgDocument(db, organizationId, id));
      if (!found) return sendError(request, reply, "NOT_FOUND");
      const { userId, ip, organization } = cabinetActorOf(request);
      await auditSuccess(db, { userId, ip, organizationId: organization.id }, "org_document.downloaded", {
        documentId: found.document.id,
      });
      return sendStoredFile(reply, fileStorage, found.file);
    },
  );

  signatureDownloadRoute(app, {
    db,
    prefix: "/org/documents",
    preHandler: manage,
    subjectType: "org_document",
    baseName: (id) => `dokument-${id.slice(0, 8)}`,
  });

  fileSigningRoutes(app, {
    db,
    signatures,
    prefix: "/org/documents",
    preHandler: sign,
    find: (actor, id) => findOrgDocument(db, actor.organization.id, id),
    page: (ctx, actor, found, state) => (
      <SignOrgDocumentPage ctx={ctx} actor={actor} document={found.document} {...state} />
    ),
    content: async (actor, id) => {
      const content = await service.content(actor, id);
      return content && { subject: content.title, bytes: content.bytes };
    },
    record: (actor, id, bytes, signature) => service.recordSignature(actor, id, bytes, signature),
    signed: (subject) => `Документ «${subject}» подписан электронной подписью.`,
  });
}
