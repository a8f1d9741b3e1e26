// «Одобрение заявок» (/org/approvals): the head of the organization agrees or refuses the reports of
// the organization's workers. The cabinet's guard checks the organization; the service checks the role.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { DocumentRow } from "../documents/documents.repository.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import type { SignatureProblem } from "../signatures/signature.problems.ts";
import { readSignatureForm, signatureMultipartLimits } from "../signatures/signature-form.ts";
import { signatureActorOf } from "../signatures/signatures.http.ts";
import { listCertificates } from "../signatures/signatures.repository.ts";
import type { Problem } from "./applications.policy.ts";
import { decisionTime, parseDecisionTime } from "./approval-decision.ts";
import type { DecisionInput } from "./approvals.service.ts";
import {
  cabinetActor,
  field,
  formBody,
  getFound,
  idParams,
  pageFrame,
  respond,
  sendStoredFile,
  signaturePartRoute,
} from "./routes-support.ts";
import { ApprovalPage, ApprovalsPage } from "./views/approval-pages.tsx";
import { SignDecisionPage } from "./views/sign-decision-page.tsx";

export async function approvalsRoutes(app: FastifyInstance): Promise<void> {
  const { approvals } = app.deps.accreditation;
  const { database, signatures, clock } = app.deps;
  const guard = cabinetRoute("applications.approve");
  await app.register(multipart, signatureMultipartLimits);

  async function showApproval(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
    reason = "",
  ) {
    const details = await approvals.details(cabinetActor(request), id);
    if (!details) return sendError(request, reply, "NOT_FOUND");
    const signed = await approvals.signatures(cabinetActor(request), id);
    const page = (
      <ApprovalPage
        {...headFrame(request, reply)}
        details={details}
        errors={problems}
        reason={reason}
        signatures={signed}
      />
    );
    return sendHtml(reply, page, problems.length > 0 ? 400 : 200);
  }

  app.get("/org/approvals", { preHandler: guard }, async (request, reply) => {
    const items = await approvals.queue(cabinetActor(request));
    const page = <ApprovalsPage {...headFrame(request, reply)} items={items} />;
    return sendHtml(reply, page);
  });

  app.get<{ Params: { id: string } }>(
    "/org/approvals/:id",
    { preHandler: guard, schema: { params: idParams } },
    (request, reply) => showApproval(request, reply, request.params.id),
  );

  getFound<{ id: string }, DocumentRow>(
    app,
    "/org/approvals/:id/report",
    { preHandler: guard, schema: { params: idParams } },
    (request) => approvals.reportDocument(cabinetActor(request), request.params.id),
    sendStoredFile(app.deps.fileStorage),
  );

  /** The signing page of a decision whose document could be drawn up, or the refusal page. */
  async function showSigning(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    input: DecisionInput,
    o: { problem?: SignatureProblem; stale?: boolean; reason?: string } = {},
  ) {
    const actor = cabinetActorOf(request);
    const drafted = await approvals.decisionDraft(cabinetActor(request), id, input);
    if (!drafted.ok) {
      if (drafted.reason === "invalid")
        return showApproval(request, reply, id, drafted.problems, o.reason ?? input.reason ?? "");
      return sendError(
        request,
        reply,
        drafted.reason === "not-found" ? "NOT_FOUND" : "APPLICATION_NOT_EDITABLE",
      );
    }
    const certificates = await listCertificates(database.db, actor.organization.id, actor.userId);
    const active = certificates.find((row) => row.active);
    const locked = active ? await signatures.lockedUntil(actor.userId, active.id) : undefined;
    const page = (
      <SignDecisionPage
        ctx={pageContext(request, reply)}
        actor={actor}
        application={drafted.value.application}
        decision={input.decision}
        reason={drafted.value.reason}
        at={decisionTime(input.at)}
        document={drafted.value.bytes}
        hasCertificate={active !== undefined}
        problem={o.problem ?? (locked ? "LOCKED" : undefined)}
        locked={locked !== undefined}
        stale={o.stale ?? false}
      />
    );
    return sendHtml(reply, page, o.problem || o.stale ? 400 : 200);
  }

  // «Согласовать» and «Отказать» draw up the decision document to sign; nothing is decided yet.
  app.post<{ Params: { id: string } }>(
    "/org/approvals/:id/agree",
    { preHandler: guard, schema: { params: idParams } },
    (request, reply) =>
      showSigning(request, reply, request.params.id, { decision: "agree", reason: null, at: clock.now() }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>(
    "/org/approvals/:id/refuse",
    { preHandler: guard, schema: { params: idParams, body: formBody } },
    (request, reply) =>
      showSigning(request, reply, request.params.id, {
        decision: "refuse",
        reason: field(request.body, "reason") ?? "",
        at: clock.now(),
      }),
  );

  /** The decision document as a file, to sign outside; rebuilt from the form's decision and time. */
  app.post<{ Params: { id: string }; Body: Record<string, string> }>(
    "/org/approvals/:id/decision-document",
    { preHandler: guard, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const { id } = request.params;
      const input = decisionInput(request.body, clock.now());
      if (!input)
        return showSigning(request, reply, id, freshInput(request.body, clock.now()), { stale: true });
      const drafted = await approvals.decisionDraft(cabinetActor(request), id, input);
      if (!drafted.ok) return showSigning(request, reply, id, input);
      return reply
        .type("text/plain; charset=utf-8")
        .header("content-disposition", `attachment; filename="${drafted.value.fileName}"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(drafted.value.bytes));
    },
  );

  // The signature arrives (a .sig file or the browser's CMS): verified, then the decision is taken.
  app.post<{ Params: { id: string } }>(
    "/org/approvals/:id/decision",
    { preHandler: guard, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const form = await readSignatureForm(request);
      const input = decisionInput(form.fields, clock.now());
      if (!input)
        return showSigning(request, reply, id, freshInput(form.fields, clock.now()), { stale: true });
      const drafted = await approvals.decisionDraft(cabinetActor(request), id, input);
      if (!drafted.ok) return showSigning(request, reply, id, input);
      const signer = signatureActorOf(request);
      const verified = form.signature
        ? await signatures.verifySignature(signer, drafted.value.bytes, form.signature, {
            browser: form.browser,
          })
        : ({ ok: false, problem: "DAMAGED" } as const);
      if (!verified.ok) {
        if (verified.problem === "FORBIDDEN") return sendError(request, reply, "FORBIDDEN");
        return showSigning(request, reply, id, input, { problem: verified.problem });
      }
      const outcome = await approvals.decideSigned(
        cabinetActor(request),
        id,
        input,
        drafted.value.bytes,
        verified,
      );
      if (outcome.ok && outcome.value === "changed")
        return showSigning(request, reply, id, { ...input, at: clock.now() }, { problem: "MISMATCH" });
      return respond(
        request,
        reply,
        outcome.ok ? { ok: true, value: undefined } : outcome,
        {
          flash:
            input.decision === "agree"
              ? "Отчёт согласован, решение подписано электронной подписью. Сотрудник получит уведомление."
              : "В согласовании отказано, решение подписано электронной подписью. Сотрудник получит уведомление.",
          redirect: `/org/approvals/${id}`,
        },
        (problems) => showApproval(request, reply, id, problems),
      );
    },
  );

  // The stored signature of a decision and the document it signs, for the head.
  signaturePartRoute(app, "/org/approvals/:id/signatures/:signatureId/:part", guard, async (request) => ({
    rows: await approvals.signatures(cabinetActor(request), request.params.id),
    baseName: `zayavka-${request.params.id.slice(0, 8)}`,
  }));
}

/** What every page of the head's approvals shows around its content. */
function headFrame(request: FastifyRequest, reply: FastifyReply) {
  return { ...pageFrame(request, reply), actor: cabinetActorOf(request) };
}

function decisionInput(body: Record<string, string> | undefined, now: Date): DecisionInput | undefined {
  const decision = field(body, "decision");
  if (decision !== "agree" && decision !== "refuse") return undefined;
  const at = parseDecisionTime(field(body, "at"), now);
  if (!at) return undefined;
  return { decision, reason: decision === "refuse" ? (field(body, "reason") ?? "") : null, at };
}

/** A decision whose time no longer fits is drawn up again for now. */
function freshInput(body: Record<string, string> | undefined, now: Date): DecisionInput {
  const decision = field(body, "decision") === "refuse" ? "refuse" : "agree";
  return { decision, reason: decision === "refuse" ? (field(body, "reason") ?? "") : null, at: now };
}
