// The back office's messages about the service (/support-desk/incidents): an operator of the support
// desk posts planned works and outages and ends them. Every change goes through incidents.ts with
// its audit record; the operators table is checked on each use.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { optionalText } from "../../shared/route-schemas.ts";
import type { FieldError } from "../../ui/form.tsx";
import { viewerOf } from "../identity/viewer.ts";
import { idParams, requireSupportDesk } from "../support/support.http.ts";
import { type IncidentFormValues, incidentFormValues, parseIncidentForm } from "./incidents.input.ts";
import type { IncidentActor } from "./incidents.ts";
import { IncidentsPage, incidentsPath } from "./views/incidents-page.tsx";

const field = optionalText(2000);
const formBody = Type.Object({
  _csrf: optionalText(200),
  kind: optionalText(40),
  title: field,
  details: field,
  startsDate: optionalText(40),
  startsTime: optionalText(40),
  endsDate: optionalText(40),
  endsTime: optionalText(40),
});

export async function incidentsDeskRoutes(app: FastifyInstance): Promise<void> {
  const board = app.deps.incidents;
  const guard = { preHandler: requireSupportDesk };
  const actorOf = (request: FastifyRequest): IncidentActor => {
    const viewer = viewerOf(request);
    return { userId: viewer.id, ip: request.ip, supportContext: viewer.context?.kind === "support" };
  };

  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: IncidentFormValues = {},
    errors: FieldError[] = [],
  ) {
    const { open, ended } = await board.list();
    const page = (
      <IncidentsPage
        ctx={pageContext(request, reply)}
        open={open}
        ended={ended}
        now={app.deps.clock.now()}
        flash={takeFlash(request)}
        values={values}
        errors={errors}
      />
    );
    return sendHtml(reply, page, errors.length > 0 ? 400 : 200);
  }

  app.get(incidentsPath, guard, async (request, reply) => {
    const viewer = viewerOf(request);
    const allowed = await app.deps.support.desk.authorize({
      userId: viewer.id,
      ip: request.ip,
      context: viewer.context,
    });
    if (!allowed) return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
    return showPage(request, reply);
  });

  app.post(incidentsPath, { ...guard, schema: { body: formBody } }, async (request, reply) => {
    const values = incidentFormValues(request.body);
    const parsed = parseIncidentForm(values, app.deps.clock.now());
    if (!parsed.ok) {
      // The operator's right first: someone else learns nothing from the form's errors.
      if (
        !(await app.deps.support.desk.authorize({ ...actorOf(request), context: viewerOf(request).context }))
      )
        return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
      return showPage(request, reply, values, parsed.errors);
    }
    const outcome = await board.post(actorOf(request), parsed.input);
    if (!outcome.ok) return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
    setFlash(request, "Сообщение опубликовано.");
    return reply.redirect(incidentsPath, 303);
  });

  app.post<{ Params: { id: string } }>(
    `${incidentsPath}/:id/end`,
    { ...guard, schema: { params: idParams } },
    async (request, reply) => {
      const outcome = await board.end(actorOf(request), request.params.id);
      if (!outcome.ok && outcome.reason === "not-allowed")
        return sendError(request, reply, "NOT_SUPPORT_OPERATOR");
      // Ended already (a second click, another operator): the list says how things stand.
      setFlash(request, outcome.ok ? "Сообщение снято с публикации." : "Это сообщение уже завершено.");
      return reply.redirect(incidentsPath, 303);
    },
  );
}
