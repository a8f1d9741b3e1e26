// «Мои документы» (W7): list, upload, download, delete. Thin: forms in, service calls, pages out.
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { assertNoControlCharacters } from "../../http/control-characters.ts";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import type { DocumentActor } from "./documents.policy.ts";
import type { DocumentsService, ReceivedFile } from "./documents.service.ts";
import { downloadHeaders } from "./download.ts";
import { MAX_FILE_BYTES } from "./upload-rules.ts";
import { DeletePage } from "./views/delete-page.tsx";
import { buildDocumentsView, buildUploadFormView, documentItem } from "./views/documents.view.ts";
import { DocumentsPage } from "./views/documents-page.tsx";
import { UploadPage } from "./views/upload-page.tsx";

const documentParams = {
  params: Type.Object({ id: Type.String({ format: "uuid" }) }),
};

export async function documentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { documentsService: service, config } = app.deps;

  // Registered here, so the multipart parser and its limits apply to this module's routes only.
  await app.register(multipart, {
    // Busboy would strip the directory part of a name; the original is needed to refuse it.
    preservePath: true,
    // The size check happens in the service, which needs to see the truncation, not an exception.
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_FILE_BYTES,
      files: 1,
      fields: 2,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: 3,
      headerPairs: 20,
    },
  });

  const actorOf = (request: FastifyRequest): DocumentActor => {
    const viewer = viewerOf(request);
    return { id: viewer.id, context: viewer.context, ip: request.ip };
  };

  app.get(
    "/lk/documents",
    {
      preHandler: requireViewer,
      schema: {
        querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }),
      },
    },
    async (request, reply) => {
      const flash = request.session.data.flash;
      if (flash) request.session.set("flash", undefined);
      const view = buildDocumentsView(await service.list(actorOf(request), request.query.page), flash);
      return sendHtml(reply, <DocumentsPage ctx={pageContext(request, reply)} view={view} />);
    },
  );

  app.get(
    "/lk/documents/upload",
    {
      preHandler: requireViewer,
      schema: { querystring: Type.Object({ type: Type.Optional(Type.String()) }) },
    },
    async (request, reply) =>
      sendHtml(
        reply,
        <UploadPage ctx={pageContext(request, reply)} view={buildUploadFormView(request.query.type)} />,
      ),
  );

  app.post(
    "/lk/documents/upload",
    {
      preHandler: requireViewer,
      config: { rateLimit: { max: config.documents.uploadsPerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { typeCode, file } = await readUploadForm(request, service.receive);
      const outcome = await service.upload(actorOf(request), typeCode, file);
      if (outcome.ok) {
        request.session.set("flash", `Документ «${outcome.document.originalName}» загружен и принят.`);
        return reply.redirect("/lk/documents", 303);
      }
      const status = outcome.rejections.some((rejection) => rejection.reason === "too_large") ? 413 : 400;
      const view = buildUploadFormView(typeCode, outcome.rejections);
      return sendHtml(reply, <UploadPage ctx={pageContext(request, reply)} view={view} />, status);
    },
  );

  app.get(
    "/lk/documents/:id/download",
    { preHandler: requireViewer, schema: documentParams, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const outcome = await service.download(actorOf(request), request.params.id);
      if (!outcome.ok) return sendError(request, reply, "NOT_FOUND");
      return reply.headers(downloadHeaders(outcome.document)).send(outcome.content);
    },
  );

  app.get(
    "/lk/documents/:id/delete",
    { preHandler: requireViewer, schema: documentParams, attachValidation: true },
    async (request, reply) => {
      const document = request.validationError
        ? undefined
        : await service.find(actorOf(request), request.params.id);
      if (!document) return sendError(request, reply, "NOT_FOUND");
      return sendHtml(reply, <DeletePage ctx={pageContext(request, reply)} item={documentItem(document)} />);
    },
  );

  app.post(
    "/lk/documents/:id/delete",
    { preHandler: requireViewer, schema: documentParams, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = actorOf(request);
      const outcome = await service.remove(actor, request.params.id);
      if (outcome.ok) {
        if (!outcome.fileRemoved)
          request.log.warn({ documentId: request.params.id }, "deleted document's file stayed");
        request.session.set("flash", "Документ удалён.");
        return reply.redirect("/lk/documents", 303);
      }
      const document =
        outcome.reason === "attached" ? await service.find(actor, request.params.id) : undefined;
      if (!document) return sendError(request, reply, "NOT_FOUND");
      return sendHtml(
        reply,
        <DeletePage ctx={pageContext(request, reply)} item={documentItem(document)} refused />,
        409,
      );
    },
  );
}

/** Reads the multipart form; the file is streamed into staging as it arrives, whatever the part order. */
async function readUploadForm(
  request: FastifyRequest,
  receive: DocumentsService["receive"],
): Promise<{ typeCode: unknown; file: ReceivedFile | undefined }> {
  let typeCode: unknown;
  let file: ReceivedFile | undefined;
  try {
    for await (const part of request.parts()) {
      // File names are checked (with a field error) by the documents module's name rules.
      if (part.type !== "file") assertNoControlCharacters([part.fieldname, part.value]);
      if (part.type === "file") file = await receive(part.file, part.filename);
      else if (part.fieldname === "documentType") typeCode = part.value;
    }
  } catch (error) {
    await file?.staged.discard();
    throw error;
  }
  return { typeCode, file };
}
