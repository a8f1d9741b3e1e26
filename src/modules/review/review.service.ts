// The commission's back office (C1): the queue with filters and deadlines in working days, an
// application with everything filed, and the documents of it. Decisions are in review.decisions.ts.

import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { fullName } from "../../shared/format.ts";
import { moscowDay } from "../../shared/working-days.ts";
import {
  type ApplicationLookup,
  auditDenied,
  type CabinetActor,
  isUuid,
} from "../applications/applications.access.ts";
import { type ApplicationKind, isApplicationKind } from "../applications/applications.kinds.ts";
import {
  findApplication,
  listAttachments,
  listEvents,
  listPortfolioEntries,
  listRequestedDocuments,
} from "../applications/applications.repository.ts";
import {
  type ApplicationStatus,
  availableActions,
  isApplicationStatus,
} from "../applications/applications.status.ts";
import type { Executor } from "../applications/applications.transitions.ts";
import { agreementSignatures } from "../applications/approval-decision.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { type DocumentRow, findDocument } from "../documents/documents.repository.ts";
import { findExtractByApplication } from "../extracts/extracts.repository.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { signaturesOf } from "../signatures/signatures.repository.ts";
import {
  filedStatuses,
  formatQueueCursor,
  isOperatorUser,
  listOperatorUsers,
  parseQueueCursor,
  queuePage,
} from "./review.repository.ts";

export const QUEUE_PAGE_SIZE = 25;

export interface ReviewDeps {
  db: Database;
  clock: Clock;
}

export interface QueueQuery {
  status?: string | undefined;
  kind?: string | undefined;
  specialty?: string | undefined;
  overdue?: string | undefined;
  /** Keyset cursor: the last row of the previous page (see parseQueueCursor). */
  after?: string | undefined;
  /** Only the page's ordinal for display; the rows come from `after`. */
  page?: string | undefined;
}

export type ReviewService = ReturnType<typeof createReviewService>;

/** The first line of every back-office use case: the commission context and a current operator. */
export async function authorizeOperator(db: Executor, actor: CabinetActor, action: string): Promise<boolean> {
  if (actor.context?.kind === "commission" && (await isOperatorUser(db, actor.userId))) return true;
  await auditDenied(db, actor, { action, reason: "not-operator" });
  return false;
}

/** A filed application for an authorised operator; drafts and the head's stage stay private. */
export const filedApplication: ApplicationLookup = async (db, actor, id, action, lock = false) => {
  if (!(await authorizeOperator(db, actor, action)) || !isUuid(id)) return undefined;
  const application = await findApplication(db, id, lock);
  // Filed means sent to the commission: a draft withdrawn before filing stays the worker's own.
  const filed = application && filedStatuses.includes(application.status) && application.submittedAt;
  return filed ? application : undefined;
};

export function createReviewService({ db, clock }: ReviewDeps) {
  const today = () => moscowDay(clock.now());

  return {
    async queue(actor: CabinetActor, query: QueueQuery) {
      if (!(await authorizeOperator(db, actor, "review.queue"))) return undefined;
      const status: ApplicationStatus | "all" | undefined =
        query.status === "all"
          ? "all"
          : isApplicationStatus(query.status) && filedStatuses.includes(query.status)
            ? query.status
            : undefined;
      const kind: ApplicationKind | undefined = isApplicationKind(query.kind) ? query.kind : undefined;
      const after = parseQueueCursor(query.after);
      const page = Math.max(1, Math.min(1_000_000, Number.parseInt(query.page ?? "1", 10) || 1));
      const filter = {
        status,
        kind,
        specialtyCode: query.specialty || undefined,
        overdue: query.overdue === "1",
        today: today(),
        after,
        page: after ? page : 1,
        pageSize: QUEUE_PAGE_SIZE,
      };
      const { rows, hasNext, next } = await queuePage(db, filter);
      return { rows, hasNext, next: next ? formatQueueCursor(next) : undefined, filter };
    },

    async details(actor: CabinetActor, id: string) {
      const application = await filedApplication(db, actor, id, "review.view");
      if (!application) return undefined;
      const [applicant, attachments, requested, entries, history, operators, extract, signed] =
        await Promise.all([
          findUserById(db, application.userId),
          listAttachments(db, application.id),
          listRequestedDocuments(db, application.id),
          listPortfolioEntries(db, application.id),
          listEvents(db, application.id),
          listOperatorUsers(db),
          findExtractByApplication(db, application.id),
          signaturesOf(db, "approval", [application.id]),
        ]);
      return {
        application,
        applicantName: applicant ? fullName(applicant) : "",
        applicantSnils: applicant?.snils ?? null,
        attachments,
        requested,
        entries,
        history,
        operators: operators.map((operator) => ({ id: operator.id, name: fullName(operator) })),
        actions: availableActions(application.status, "operator"),
        extractNumber: extract?.number,
        agreementSignatures: agreementSignatures(signed, application.organizationId),
        today: today(),
      };
    },

    /** A document filed with the application (a slot or a requested item), for the reviewer to open. */
    async document(actor: CabinetActor, id: string, documentId: string): Promise<DocumentRow | undefined> {
      const application = await filedApplication(db, actor, id, "review.document");
      if (!application || !isUuid(documentId)) return undefined;
      const [attachments, requested] = await Promise.all([
        listAttachments(db, application.id),
        listRequestedDocuments(db, application.id),
      ]);
      const filed =
        attachments.some((item) => item.documentId === documentId) ||
        requested.some((item) => item.documentId === documentId);
      if (!filed) return undefined;
      await auditSuccess(db, actor, "application.document_downloaded", {
        applicationId: application.id,
        documentId,
      });
      return findDocument(db, documentId);
    },
  };
}
