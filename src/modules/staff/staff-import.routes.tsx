// Staff from a CSV file (O17): upload, the import's page (progress, report, decision), the report and
// a sample file as downloads.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { checkFileName, rejectionMessage } from "../documents/upload-rules.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { csvDocument, csvHeaders } from "../organizations/csv.ts";
import { importColumns } from "./staff-import.csv.ts";
import { findOrganizationImport, listImports } from "./staff-import.repository.ts";
import { ImportStatusPage, ImportUploadPage } from "./views/import-pages.tsx";

const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/** Headers and one example line: what a user fills in. */
const templateCsv = csvDocument(
  importColumns.map((column) => column.header),
  [
    [
      "112-233-445 95",
      "Соколова",
      "Елена",
      "Андреевна",
      "12.04.1990",
      "Ж",
      "врач-терапевт",
      "Терапевтическое отделение",
      "1",
      "основное",
      "01.09.2025",
    ],
  ],
);

/** The uploaded CSV as bytes, or the message to show. */
async function readCsvUpload(
  request: FastifyRequest,
): Promise<{ ok: true; name: string; bytes: Buffer } | { ok: false; message: string }> {
  const part = await request.file();
  if (!part || part.filename === "") return { ok: false, message: "Выберите файл CSV." };
  const bytes = await part.toBuffer();
  const name = checkFileName(part.filename);
  if (!name.ok) return { ok: false, message: rejectionMessage(name.rejection) };
  if (part.file.truncated)
    return { ok: false, message: "Файл больше 5 МБ. Разделите его на несколько файлов." };
  // A CSV is text: a zero byte means a spreadsheet or another binary file.
  if (!/\.(csv|txt)$/i.test(name.name) || bytes.includes(0)) {
    return {
      ok: false,
      message:
        "Загрузите файл в формате CSV. Из Excel: «Файл» → «Сохранить как» → «CSV (разделители — точка с запятой)».",
    };
  }
  return { ok: true, name: name.name, bytes };
}

export async function staffImportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet } = app.deps;
  const db = database.db;
  const edit = cabinetRoute("staff.edit");

  /** The upload form with the organization's recent imports; after a refused file, with what was wrong. */
  async function uploadPage(request: FastifyRequest, reply: FastifyReply, error?: string) {
    const actor = cabinetActorOf(request);
    const recent = await listImports(db, actor.organization.id);
    const page = (
      <ImportUploadPage ctx={pageContext(request, reply)} actor={actor} recent={recent} error={error} />
    );
    return sendHtml(reply, page, error === undefined ? 200 : 400);
  }

  app.get("/org/staff/import", { preHandler: edit }, (request, reply) => uploadPage(request, reply));

  app.get("/org/staff/import/template.csv", { preHandler: edit }, async (_request, reply) =>
    reply.headers(csvHeaders("sotrudniki-obrazec.csv")).send(templateCsv),
  );

  app.post("/org/staff/import", { preHandler: edit }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const upload = await readCsvUpload(request);
    const outcome = upload.ok ? await cabinet.staffImport.start(actor, upload.name, upload.bytes) : upload;
    if (outcome.ok) {
      return reply.redirect(`/org/staff/import/${outcome.importId}`, 303);
    }
    if ("forbidden" in outcome) return sendError(request, reply, "FORBIDDEN");
    return uploadPage(request, reply, outcome.message);
  });

  // An import's pages: a malformed id is not found, as is another organization's import.
  const oneImport = { preHandler: edit, schema: { params: idParams }, attachValidation: true };
  const importOf = (request: FastifyRequest<{ Params: { id: string } }>) =>
    request.validationError
      ? undefined
      : findOrganizationImport(db, cabinetActorOf(request).organization.id, request.params.id);

  app.get("/org/staff/import/:id", oneImport, async (request, reply) => {
    const record = await importOf(request);
    if (!record) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <ImportStatusPage ctx={pageContext(request, reply)} actor={cabinetActorOf(request)} record={record} />
    );
    return sendHtml(reply, page);
  });

  app.get("/org/staff/import/:id/report.csv", oneImport, async (request, reply) => {
    const record = await importOf(request);
    if (!record) return sendError(request, reply, "NOT_FOUND");
    const rows = record.errors.map((error) => [error.line, error.messages.join(" ")]);
    return reply
      .headers(csvHeaders("oshibki-zagruzki.csv"))
      .send(csvDocument(["Строка файла", "Что исправить"], rows));
  });

  app.post("/org/staff/import/:id/confirm", oneImport, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    const { id } = request.params;
    if (!(await cabinet.staffImport.confirm(cabinetActorOf(request), id)))
      return sendError(request, reply, "NOT_FOUND");
    return reply.redirect(`/org/staff/import/${id}`, 303);
  });

  app.post("/org/staff/import/:id/cancel", oneImport, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    if (!(await cabinet.staffImport.cancel(cabinetActorOf(request), request.params.id)))
      return sendError(request, reply, "NOT_FOUND");
    setFlash(request, "Загрузка отменена, в регистр ничего не записано.");
    return reply.redirect("/org/staff", 303);
  });
}
