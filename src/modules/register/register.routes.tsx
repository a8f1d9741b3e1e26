// «Личные данные» (W5) and «Личное дело» (W6) of the worker's cabinet.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { requireViewer } from "../identity/viewer.ts";
import { actorOf } from "./actor.ts";
import { type PersonalDataInput, personalDataFields } from "./personal-data.validation.ts";
import { buildPersonalDataView } from "./views/personal-data.view.ts";
import { PersonalDataPage } from "./views/personal-data-page.tsx";
import { buildRecordView } from "./views/record.view.ts";
import { RecordPage } from "./views/record-page.tsx";

const personalDataBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  ...Object.fromEntries(
    personalDataFields.map((field) => [field, Type.Optional(Type.String({ maxLength: 300 }))]),
  ),
});

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const { registerService } = app.deps;

  async function showPersonalData(
    request: FastifyRequest,
    reply: FastifyReply,
    submitted?: { input: PersonalDataInput; errors: FieldError[] },
  ) {
    const actor = actorOf(request);
    const [data, record] = await Promise.all([
      registerService.personalData(actor),
      registerService.record(actor),
    ]);
    const view = buildPersonalDataView(data, record, submitted);
    const page = (
      <PersonalDataPage ctx={pageContext(request, reply)} view={view} flash={takeFlash(request)} />
    );
    return sendHtml(reply, page, submitted ? 400 : 200);
  }

  app.get("/lk/personal", { preHandler: requireViewer }, (request, reply) =>
    showPersonalData(request, reply),
  );

  app.post<{ Body: PersonalDataInput }>(
    "/lk/personal",
    { preHandler: requireViewer, schema: { body: personalDataBody } },
    async (request, reply) => {
      const outcome = await registerService.updatePersonalData(actorOf(request), request.body);
      if (!outcome.ok && outcome.reason === "invalid") {
        return showPersonalData(request, reply, { input: request.body, errors: outcome.errors });
      }
      if (outcome.ok)
        setFlash(
          request,
          outcome.changed.length > 0 ? "Изменения сохранены." : "Изменений нет: данные остались прежними.",
        );
      return reply.redirect("/lk/personal", 303);
    },
  );

  app.get("/lk/record", { preHandler: requireViewer }, async (request, reply) => {
    const record = await registerService.record(actorOf(request));
    const sections = record ? buildRecordView(record, registerService.today()) : undefined;
    return sendHtml(reply, <RecordPage ctx={pageContext(request, reply)} sections={sections} />);
  });
}
