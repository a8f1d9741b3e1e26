// «Одобрение заявок» (§5, O7): the head of an organization agrees or refuses the report on
// professional activity of the organization's workers. Only in the organization context, role head,
// and only for applications sent to that organization.
import { fullName } from "../../shared/format.ts";
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type DocumentRow, findDocument } from "../documents/documents.repository.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { auditDenied, type CabinetActor, isUuid } from "./applications.access.ts";
import { REPORT_SLOT_ID } from "./applications.kinds.ts";
import { isForOrganization } from "./applications.policy.ts";
import {
  type ApplicationRow,
  findApplication,
  listEvents,
  lockApplication,
} from "./applications.repository.ts";
import type { ApplicationsDeps, Outcome } from "./applications.service.ts";
import { loadFilingState } from "./applications.service.ts";
import { availableActions } from "./applications.status.ts";
import { type Executor, moveApplication } from "./applications.transitions.ts";
import { type ApprovalItem, listForOrganization } from "./approvals.repository.ts";

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

/** The organization the actor acts for as its head, or undefined. */
function headOrganization(actor: CabinetActor): string | undefined {
  const context = actor.context;
  return context?.kind === "organization" && context.role === "head" ? context.organizationId : undefined;
}

export function createApprovalsService({ db, clock, filingWindow }: ApplicationsDeps) {
  /** The application if this head may see it; a foreign one is audited and reads as missing. */
  async function visible(
    executor: Executor,
    actor: CabinetActor,
    id: string,
    action: string,
    lock = false,
  ): Promise<{ application: ApplicationRow; organizationId: string } | undefined> {
    const organizationId = headOrganization(actor);
    if (!organizationId) {
      await auditDenied(executor, actor, { applicationId: id, action, reason: "not-head" });
      return undefined;
    }
    if (!isUuid(id)) return undefined;
    const application = lock ? await lockApplication(executor, id) : await findApplication(executor, id);
    if (!application) return undefined;
    if (!isForOrganization(organizationId, application)) {
      await auditDenied(
        executor,
        actor,
        { applicationId: id, action, reason: "other-organization" },
        organizationId,
      );
      return undefined;
    }
    return { application, organizationId };
  }

  async function decide(
    actor: CabinetActor,
    id: string,
    action: "agree" | "refuse_agreement",
    comment: string | null,
  ) {
    return db.transaction(async (tx): Promise<Outcome> => {
      const found = await visible(tx, actor, id, action, true);
      if (!found) return { ok: false, reason: "not-found" };
      const headActor = {
        userId: actor.userId,
        role: "head",
        ip: actor.ip,
        organizationId: found.organizationId,
      } as const;
      const patch =
        action === "refuse_agreement" ? { agreementComment: comment } : { agreementComment: null };
      const moved = await moveApplication(tx, clock.now(), found.application, action, headActor, {
        comment,
        patch,
      });
      if (moved.ok) return { ok: true, value: undefined };
      return {
        ok: false,
        reason: moved.reason === "changed-meanwhile" ? "changed-meanwhile" : "not-editable",
      };
    });
  }

  return {
    async queue(actor: CabinetActor): Promise<ApprovalItem[]> {
      const organizationId = headOrganization(actor);
      if (!organizationId) {
        await auditDenied(db, actor, { action: "approvals.list", reason: "not-head" });
        return [];
      }
      return listForOrganization(db, organizationId);
    },

    async details(actor: CabinetActor, id: string) {
      const found = await visible(db, actor, id, "approvals.view");
      if (!found) return undefined;
      const { application } = found;
      const [{ state, attachments, entries }, history, applicant] = await Promise.all([
        loadFilingState(db, application, moscowDay(clock.now()), filingWindow),
        listEvents(db, application.id),
        findUserById(db, application.userId),
      ]);
      return {
        application,
        applicantName: applicant ? fullName(applicant) : "",
        report: attachments.find((item) => item.slotId === REPORT_SLOT_ID),
        entries,
        portfolio: state.portfolio,
        history,
        actions: availableActions(application.status, "head"),
      };
    },

    /** The report's PDF for the head to read; only the report, not the worker's other documents. */
    async reportDocument(actor: CabinetActor, id: string): Promise<DocumentRow | undefined> {
      const found = await visible(db, actor, id, "approvals.report");
      if (!found) return undefined;
      const { attachments } = await loadFilingState(
        db,
        found.application,
        moscowDay(clock.now()),
        filingWindow,
      );
      const report = attachments.find((item) => item.slotId === REPORT_SLOT_ID);
      if (!report) return undefined;
      await writeAudit(db, {
        event: "application.document_downloaded",
        outcome: "success",
        userId: actor.userId,
        organizationId: found.organizationId,
        ip: actor.ip,
        details: { applicationId: found.application.id, documentId: report.documentId },
      });
      return findDocument(db, report.documentId);
    },

    agree: (actor: CabinetActor, id: string) => decide(actor, id, "agree", null),

    async refuse(actor: CabinetActor, id: string, reason: string | undefined): Promise<Outcome> {
      const text = reason?.trim() ?? "";
      if (text.length < 5 || text.length > 2000) {
        const message = "Укажите причину отказа в согласовании (от 5 до 2000 символов): заявитель увидит её";
        return { ok: false, reason: "invalid", problems: [{ field: "reason", message }] };
      }
      return decide(actor, id, "refuse_agreement", text);
    },
  };
}
