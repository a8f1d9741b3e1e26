// «Одобрение заявок» (/org/approvals): the head of the organization agrees or refuses the reports of
// the organization's workers. The cabinet's guard checks the organization; the service checks the role.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { downloadHeaders } from "../documents/download.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import type { Problem } from "./applications.policy.ts";
import { cabinetActor, field, formBody, idParams, respond } from "./routes-support.ts";
import { ApprovalPage, ApprovalsPage } from "./views/approval-pages.tsx";

export async function approvalsRoutes(app: FastifyInstance): Promise<void> {
  const { approvals } = app.deps.accreditation;
  const guard = cabinetRoute("applications.approve");

  async function showApproval(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
    reason = "",
  ) {
    const details = await approvals.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const page = (
      <ApprovalPage
        ctx={pageContext(request, reply)}
        actor={cabinetActorOf(request)}
        flash={takeFlash(request)}
        details={details}
        errors={problems}
        reason={reason}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get("/org/approvals", { preHandler: guard }, async (request, reply) => {
    const items = await approvals.queue(cabinetActor(request));
    const page = (
      <ApprovalsPage
        ctx={pageContext(request, reply)}
        actor={cabinetActorOf(request)}
        flash={takeFlash(request)}
        items={items}
      />
    );
    return sendHtml(reply, page);
  });

  app.get<{ Params: { id: string } }>(
    "/org/approvals/:id",
    { preHandler: guard, schema: { params: idParams } },
    (request, reply) => showApproval(request, reply, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    "/org/approvals/:id/report",
    { preHandler: guard, schema: { params: idParams } },
    async (request, reply) => {
      const document = await approvals.reportDocument(cabinetActor(request), request.params.id);
      if (!document) return sendError(request, reply, "NOT_FOUND");
      const content = await app.deps.fileStorage.open(document.storageKey);
      return reply.headers(downloadHeaders(document)).send(content);
    },
  );

  app.post<{ Params: { id: string } }>(
    "/org/approvals/:id/agree",
    { preHandler: guard, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const outcome = await approvals.agree(cabinetActor(request), id);
      return respond(
        request,
        reply,
        outcome,
        { flash: "Отчёт согласован. Сотрудник получит уведомление.", redirect: `/org/approvals/${id}` },
        (problems) => showApproval(request, reply, id, problems),
      );
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>(
    "/org/approvals/:id/refuse",
    { preHandler: guard, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const { id } = request.params;
      const reason = field(request.body, "reason");
      const outcome = await approvals.refuse(cabinetActor(request), id, reason);
      return respond(
        request,
        reply,
        outcome,
        {
          flash: "В согласовании отказано. Сотрудник получит уведомление.",
          redirect: `/org/approvals/${id}`,
        },
        (problems) => showApproval(request, reply, id, problems, reason ?? ""),
      );
    },
  );
}
