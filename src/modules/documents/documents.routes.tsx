// «Мои документы» (W7): list, upload, download, delete. Thin: forms in, service calls, pages out.

import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { parseTimeCursor } from "../../db/keyset.ts";
import { assertNoControlCharacters } from "../../http/control-characters.ts";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireViewer, viewerOf } from "../identity/viewer.ts";
import { isDocumentTypeCode } from "./document-types.ts";
import type { DocumentActor } from "./documents.policy.ts";
import type { DocumentsService, ReceivedFile } from "./documents.service.ts";
import { downloadHeaders, viewableMediaTypes, viewHeaders } from "./download.ts";
import { MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD } from "./upload-rules.ts";
import { DeletePage } from "./views/delete-page.tsx";
import {
  buildDocumentsView,
  buildUploadFormView,
  documentItem,
  summariseUploads,
  type UploadResult,
} from "./views/documents.view.ts";
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
      files: MAX_FILES_PER_UPLOAD,
      fields: 2,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: MAX_FILES_PER_UPLOAD + 2,
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
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          after: Type.Optional(Type.String({ maxLength: 80 })),
        }),
      },
    },
    async (request, reply) => {
      const flash = request.session.data.flash;
      if (flash) request.session.set("flash", undefined);
      const after = parseTimeCursor(request.query.after);
      const list = await service.list(actorOf(request), after, request.query.page);
      const view = buildDocumentsView(list, flash);
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
      const { typeCode, files } = await readUploadForm(request, service.receive);
      const actor = actorOf(request);
      // One file, or a form slip that concerns them all (no type): judged as one upload, one message.
      if (files.length <= 1 || !isDocumentTypeCode(typeCode)) {
        for (const extra of files.slice(1)) await extra.staged.discard();
        const outcome = await service.upload(actor, typeCode, files[0]);
        if (outcome.ok) {
          request.session.set("flash", `Документ «${outcome.document.originalName}» загружен и принят.`);
          return reply.redirect("/lk/documents", 303);
        }
        const status = outcome.rejections.some((rejection) => rejection.reason === "too_large") ? 413 : 400;
        const view = buildUploadFormView(typeCode, outcome.rejections);
        return sendHtml(reply, <UploadPage ctx={pageContext(request, reply)} view={view} />, status);
      }
      // Several files of one type: each is accepted or refused on its own, and the refused ones are
      // named with their reasons, so the person knows which to fix.
      const results: UploadResult[] = [];
      for (const file of files) {
        const outcome = await service.upload(actor, typeCode, file);
        results.push(
          outcome.ok
            ? { name: outcome.document.originalName, ok: true }
            : { name: file.rawName, ok: false, rejections: outcome.rejections },
        );
      }
      const summary = summariseUploads(results);
      if (summary.refused.length === 0) {
        request.session.set("flash", summary.acceptedMessage);
        return reply.redirect("/lk/documents", 303);
      }
      const view = buildUploadFormView(typeCode, [], summary);
      return sendHtml(
        reply,
        <UploadPage ctx={pageContext(request, reply)} view={view} />,
        summary.accepted.length > 0 ? 200 : 400,
      );
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

  // «Просмотреть»: the same file shown by the browser in a new tab, under viewHeaders' policy.
  app.get(
    "/lk/documents/:id/view",
    { preHandler: requireViewer, schema: documentParams, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const outcome = await service.download(actorOf(request), request.params.id, "view");
      if (!outcome.ok) return sendError(request, reply, "NOT_FOUND");
      const headers = viewableMediaTypes.has(outcome.document.mediaType)
        ? viewHeaders(outcome.document)
        : downloadHeaders(outcome.document);
      return reply.headers(headers).send(outcome.content);
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

/** Reads the multipart form; each file is streamed into staging as it arrives, whatever the part order. */
async function readUploadForm(
  request: FastifyRequest,
  receive: DocumentsService["receive"],
): Promise<{ typeCode: unknown; files: ReceivedFile[] }> {
  let typeCode: unknown;
  const files: ReceivedFile[] = [];
  try {
    for await (const part of request.parts()) {
      // File names are checked (with a field error) by the documents module's name rules.
      if (part.type !== "file") assertNoControlCharacters([part.fieldname, part.value]);
      if (part.type === "file") files.push(await receive(part.file, part.filename));
      else if (part.fieldname === "documentType") typeCode = part.value;
    }
  } catch (error) {
    for (const file of files) await file.staged.discard();
    throw error;
  }
  // A form sent with no file chosen still carries one empty file part; more than one are real files.
  return { typeCode, files: files.length > 1 ? files.filter((file) => file.rawName !== "") : files };
}
