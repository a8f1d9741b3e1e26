// The back office's organization work (O5, O6, O8): operators verify missing data and activate
// cabinets, verify representatives' powers, answer correction requests. The review module's guard
// admits the commission context; each use case re-checks the operators table.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import type { Static } from "typebox";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { openFormBody, signaturePartParams, uuidIdParams } from "../../shared/route-schemas.ts";
import type { PageContext } from "../../ui/layout.tsx";
import { findRepresentativeById } from "../access/access.repository.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { downloadHeaders } from "../documents/download.ts";
import { requireCommission } from "../review/review.routes.tsx";
import { authorizeOperator } from "../review/review.service.ts";
import { sendSignaturePart } from "../signatures/signatures.http.ts";
import { signaturesOf } from "../signatures/signatures.repository.ts";
import { findCorrectionRequest, findDataRequest, findFile, listFiles } from "./activation.repository.ts";
import { pendingOrganizationWork } from "./back-office.repository.ts";
import { findOrganizationById, type OrganizationRow } from "./organizations.repository.ts";
import {
  CorrectionReviewPage,
  DataRequestPage,
  PendingWorkPage,
  RepresentativeReviewPage,
} from "./views/back-office-pages.tsx";

const decisionBody = openFormBody(["decision", "corrections", "other", "answer"], ["reasons"]);
interface DecisionText {
  /** Why a refusal without its reasons is sent back. */
  missing: string;
  accepted: string;
  refused: string;
}

const decisionTexts = {
  data: {
    missing: "Чтобы вернуть сведения на исправление, перечислите, что исправить.",
    accepted: "Кабинет организации активирован, организация уведомлена.",
    refused: "Сведения возвращены на исправление.",
  },
  representatives: {
    missing: "Чтобы отказать, отметьте недостающие или неверные документы.",
    accepted: "Полномочия представителя подтверждены.",
    refused: "В подтверждении полномочий отказано, организация уведомлена.",
  },
} satisfies Record<string, DecisionText>;

const linesOf = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 20);

export async function backOfficeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { database, cabinet, fileStorage } = app.deps;
  const db = database.db;
  const guard = { preHandler: requireCommission, schema: { params: uuidIdParams }, attachValidation: true };

  /** Pages read across organizations, so the operators table is checked before anything is shown. */
  const isOperator = (request: Parameters<typeof cabinetActor>[0], action: string) =>
    authorizeOperator(db, cabinetActor(request), action);

  app.get("/review/organizations", { preHandler: requireCommission }, async (request, reply) => {
    if (!(await isOperator(request, "organization.queue"))) return sendError(request, reply, "NOT_OPERATOR");
    return sendHtml(
      reply,
      <PendingWorkPage
        ctx={pageContext(request, reply)}
        work={await pendingOrganizationWork(db)}
        flash={takeFlash(request)}
      />,
    );
  });

  /** One item an organization sent, with its organization, for an operator; unknown ids are not found. */
  function itemPage<Item extends { id: string; organizationId: string }>(route: {
    path: string;
    action: string;
    find: (id: string) => Promise<Item | undefined>;
    page: (ctx: PageContext, organization: OrganizationRow, item: Item) => Promise<JSX.Element>;
  }) {
    app.get(`${route.path}/:id`, guard, async (request, reply) => {
      if (!(await isOperator(request, route.action))) return sendError(request, reply, "NOT_OPERATOR");
      const item = request.validationError ? undefined : await route.find(request.params.id);
      const organization = item && (await findOrganizationById(db, item.organizationId));
      if (!item || !organization) return sendError(request, reply, "NOT_FOUND");
      return sendHtml(reply, await route.page(pageContext(request, reply), organization, item));
    });
  }

  itemPage({
    path: "/review/organizations/data",
    action: "organization.data_view",
    find: (id) => findDataRequest(db, id),
    page: async (ctx, organization, dataRequest) => (
      <DataRequestPage
        ctx={ctx}
        organization={organization}
        request={dataRequest}
        files={await listFiles(db, dataRequest.id)}
      />
    ),
  });

  itemPage({
    path: "/review/organizations/representatives",
    action: "representative.view",
    find: (id) => findRepresentativeById(db, id),
    page: async (ctx, organization, representative) => {
      const files = await listFiles(db, representative.id);
      const signed = (await signaturesOf(db, "power_of_attorney", [representative.id])).filter(
        (row) => row.organizationId === representative.organizationId,
      );
      return (
        <RepresentativeReviewPage
          ctx={ctx}
          organization={organization}
          representative={representative}
          files={files}
          signatures={signed}
        />
      );
    },
  });

  itemPage({
    path: "/review/organizations/corrections",
    action: "organization.correction_view",
    find: (id) => findCorrectionRequest(db, id),
    page: async (ctx, organization, correction) => (
      <CorrectionReviewPage ctx={ctx} organization={organization} request={correction} />
    ),
  });

  type DecisionRequest = FastifyRequest<{ Params: { id: string }; Body: Static<typeof decisionBody> }>;
  type Decided = { missing: string } | { done: boolean; flash: string };

  /**
   * The operator's decision on one item: a refusal without its reasons goes back to the item's page
   * with what is missing; a decision made returns to the work list with what happened.
   */
  function decision(path: string, decide: (request: DecisionRequest) => Promise<Decided>) {
    app.post(
      `${path}/:id/${path.endsWith("corrections") ? "answer" : "decision"}`,
      { ...guard, schema: { params: uuidIdParams, body: decisionBody } },
      async (request, reply) => {
        if (request.validationError) return sendError(request, reply, "NOT_FOUND");
        const outcome = await decide(request);
        if ("missing" in outcome) {
          setFlash(request, outcome.missing);
          return reply.redirect(`${path}/${request.params.id}`, 303);
        }
        if (!outcome.done) return sendError(request, reply, "NOT_FOUND");
        setFlash(request, outcome.flash);
        return reply.redirect("/review/organizations", 303);
      },
    );
  }

  /** An acceptance, or a refusal that must list its reasons, and what the operator is told. */
  async function acceptOrRefuse(
    request: DecisionRequest,
    accepted: boolean,
    reasons: string[],
    text: DecisionText,
    decide: (actor: ReturnType<typeof cabinetActor>, id: string) => Promise<boolean>,
  ): Promise<Decided> {
    if (!accepted && reasons.length === 0) return { missing: text.missing };
    const done = await decide(cabinetActor(request), request.params.id);
    return { done, flash: accepted ? text.accepted : text.refused };
  }

  decision("/review/organizations/data", (request) => {
    const corrections = linesOf(request.body.corrections);
    const approve = request.body.decision === "approve";
    return acceptOrRefuse(request, approve, corrections, decisionTexts.data, (actor, id) =>
      cabinet.activation.decide(actor, id, approve ? { approve: true } : { approve: false, corrections }),
    );
  });

  decision("/review/organizations/representatives", (request) => {
    const activate = request.body.decision === "activate";
    const reasons = [...[request.body.reasons ?? []].flat(), ...linesOf(request.body.other)];
    return acceptOrRefuse(request, activate, reasons, decisionTexts.representatives, (actor, id) =>
      cabinet.representatives.decide(actor, id, activate ? { activate: true } : { activate: false, reasons }),
    );
  });

  decision("/review/organizations/corrections", async (request) => ({
    done: await cabinet.corrections.answer(
      cabinetActor(request),
      request.params.id,
      request.body.answer ?? "",
    ),
    flash: "Ответ отправлен организации.",
  }));

  app.get(
    "/review/organizations/representatives/:id/signatures/:signatureId/:part",
    { preHandler: requireCommission, schema: { params: signaturePartParams }, attachValidation: true },
    async (request, reply) => {
      if (!(await isOperator(request, "representative.view")))
        return sendError(request, reply, "NOT_OPERATOR");
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const rows = await signaturesOf(db, "power_of_attorney", [request.params.id]);
      const row = rows.find((candidate) => candidate.id === request.params.signatureId);
      if (!row) return sendError(request, reply, "NOT_FOUND");
      return sendSignaturePart(reply, row, "sig", `doverennost-${request.params.id.slice(0, 8)}`);
    },
  );

  app.get("/review/organizations/files/:id", guard, async (request, reply) => {
    if (!(await isOperator(request, "organization.file_download")))
      return sendError(request, reply, "NOT_OPERATOR");
    const file = request.validationError ? undefined : await findFile(db, request.params.id);
    if (!file) return sendError(request, reply, "NOT_FOUND");
    const content = await fileStorage.open(file.storageKey);
    await auditSuccess(
      db,
      { userId: request.viewer?.id, organizationId: file.organizationId, ip: request.ip },
      "organization.file_downloaded",
      { fileId: file.id, purpose: file.purpose },
    );
    return reply.headers(downloadHeaders(file)).send(content);
  });
}
