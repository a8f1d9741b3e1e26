// The worker's moves: send the report to the head, recall it, submit («Отправить заявку»),
// withdraw; and providing the documents the commission asked for (W11), after which the
// application returns to review by itself.
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { documentTypeLabel } from "../documents/document-types.ts";
import { findDocument, lockDocuments } from "../documents/documents.repository.ts";
import { type CabinetActor, isUuid, ownApplication } from "./applications.access.ts";
import { requestedTypes } from "./applications.kinds.ts";
import { sendToHeadProblems, submissionProblems } from "./applications.policy.ts";
import {
  type ApplicationRow,
  countOpenRequests,
  listRequestedDocuments,
  provideRequestedDocument,
  updateApplication,
} from "./applications.repository.ts";
import { type ApplicationsDeps, loadFilingState, type Outcome } from "./applications.service.ts";
import type { ApplicationAction } from "./applications.status.ts";
import { type Executor, moveApplication } from "./applications.transitions.ts";

export type FilingService = ReturnType<typeof createFilingService>;

export function createFilingService({ db, clock, filingWindow }: ApplicationsDeps) {
  /** A worker's move on their own application, after `check` found nothing missing. */
  async function move(
    actor: CabinetActor,
    id: string,
    action: ApplicationAction,
    check?: (tx: Executor, application: ApplicationRow) => Promise<Outcome | undefined>,
    comment?: string,
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const application = await ownApplication(tx, actor, id, action, true);
      if (!application) return { ok: false, reason: "not-found" } as const;
      const refused = await check?.(tx, application);
      if (refused) return refused;
      const moved = await moveApplication(tx, clock.now(), application, action, toActor(actor), {
        comment: comment ?? null,
      });
      if (moved.ok) return { ok: true, value: undefined } as const;
      return {
        ok: false,
        reason: moved.reason === "changed-meanwhile" ? "changed-meanwhile" : "not-editable",
      } as const;
    });
  }

  const today = () => moscowDay(clock.now());

  return {
    sendToHead: (actor: CabinetActor, id: string) =>
      move(actor, id, "send_to_head", async (tx, application) => {
        const { state } = await loadFilingState(tx, application, today(), filingWindow);
        const problems = sendToHeadProblems(state);
        return problems.length > 0 ? { ok: false, reason: "invalid", problems } : undefined;
      }),

    recallFromHead: (actor: CabinetActor, id: string) => move(actor, id, "recall_from_head"),

    returnToDraft: (actor: CabinetActor, id: string) => move(actor, id, "return_to_draft"),

    withdraw: (actor: CabinetActor, id: string, reason: string | undefined) =>
      move(actor, id, "withdraw", undefined, reason?.trim().slice(0, 1000) || undefined),

    /** «Отправить заявку»: every check passes, then the portfolio is kept as it was filed. */
    submit: (actor: CabinetActor, id: string) =>
      move(actor, id, "submit", async (tx, application) => {
        const { state } = await loadFilingState(tx, application, today(), filingWindow);
        const problems = submissionProblems(state);
        if (problems.length > 0) return { ok: false, reason: "invalid", problems };
        // After the head's refusal the report goes as not agreed, with the motivated refusal (§5).
        const agreementMode =
          application.status === "agreement_refused" ? "motivated_refusal" : application.agreementMode;
        await updateApplication(tx, application.id, {
          portfolio: state.portfolio ?? null,
          agreementMode,
          submittedAt: clock.now(),
        });
        return undefined;
      }),

    /** Fills one requested item with the worker's document; the last one sends the application back to review. */
    async provideRequested(
      actor: CabinetActor,
      id: string,
      requestId: string,
      documentId: string,
    ): Promise<Outcome> {
      return db.transaction(async (tx) => {
        const application = await ownApplication(tx, actor, id, "provide_document", true);
        if (!application || !isUuid(requestId)) return { ok: false, reason: "not-found" } as const;
        if (application.status !== "documents_requested")
          return { ok: false, reason: "not-editable" } as const;
        const request = (await listRequestedDocuments(tx, application.id)).find(
          (item) => item.id === requestId,
        );
        const document = isUuid(documentId) ? await findDocument(tx, documentId) : undefined;
        if (!request || request.documentId) return { ok: false, reason: "not-found" } as const;
        if (!document || document.userId !== actor.userId) {
          const problem = {
            field: `request-${requestId}`,
            message: "Выберите документ из списка «Мои документы»",
          };
          return { ok: false, reason: "invalid", problems: [problem] } as const;
        }
        const types = requestedTypes(application.kind, request);
        if (types && !types.includes(document.typeCode)) {
          const problem = {
            field: `request-${requestId}`,
            message: `Комиссия запросила документ другого типа: ${types.map((code) => `«${documentTypeLabel(code)}»`).join(" или ")}. Выберите документ этого типа или загрузите его.`,
          };
          return { ok: false, reason: "invalid", problems: [problem] } as const;
        }
        const now = clock.now();
        await provideRequestedDocument(tx, application.id, requestId, documentId, now);
        await lockDocuments(tx, actor.userId, [documentId], now);
        await writeAudit(tx, {
          event: "application.updated",
          outcome: "success",
          userId: actor.userId,
          ip: actor.ip,
          details: { applicationId: application.id, change: "requested_document_provided", documentId },
        });
        if ((await countOpenRequests(tx, application.id)) === 0) {
          const system = { userId: null, role: "system", ip: null } as const;
          const moved = await moveApplication(tx, now, application, "documents_provided", system);
          if (!moved.ok) throw new Error(`documents_provided refused: ${moved.reason}`);
        }
        return { ok: true, value: undefined } as const;
      });
    },
  };
}

const toActor = (actor: CabinetActor) => ({ userId: actor.userId, role: "worker" as const, ip: actor.ip });
