// «Одобрение заявок» (§5, O7): the head of an organization agrees or refuses the report on
// professional activity of the organization's workers. Only in the organization context, role head,
// and only for applications sent to that organization.
import { fullName } from "../../shared/format.ts";
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type DocumentRow, findDocument } from "../documents/documents.repository.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { findOrganizationById } from "../organizations/organizations.repository.ts";
import { insertSignature, type SignatureRow, signaturesOf } from "../signatures/signatures.repository.ts";
import type { VerifiedSignature } from "../signatures/signatures.service.ts";
import { signatureColumns } from "../signatures/signed-files.ts";
import { auditDenied, type CabinetActor, isUuid } from "./applications.access.ts";
import { REPORT_SLOT_ID } from "./applications.kinds.ts";
import { isForOrganization } from "./applications.policy.ts";
import { type ApplicationRow, findApplication, listEvents } from "./applications.repository.ts";
import type { ApplicationsDeps, Outcome } from "./applications.service.ts";
import { loadFilingState } from "./applications.service.ts";
import { availableActions } from "./applications.status.ts";
import { type Executor, moveApplication } from "./applications.transitions.ts";
import { type ApprovalDecision, decisionDocument, decisionFileName } from "./approval-decision.ts";
import { type ApprovalItem, listForOrganization } from "./approvals.repository.ts";

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

export interface DecisionInput {
  decision: ApprovalDecision;
  reason: string | null;
  at: Date;
}

export interface DecisionDraft {
  application: ApplicationRow;
  organizationId: string;
  bytes: Uint8Array;
  fileName: string;
  reason: string | null;
}

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
    const application = await findApplication(executor, id, lock);
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

  /**
   * The decision document for this head, application and decision, or why there is none: the
   * application must await this head's decision, a refusal needs its reason, the report its file.
   */
  async function draft(
    executor: Executor,
    actor: CabinetActor,
    id: string,
    input: DecisionInput,
    lock = false,
  ): Promise<Outcome<DecisionDraft>> {
    const action = input.decision === "agree" ? "agree" : "refuse_agreement";
    const found = await visible(executor, actor, id, action, lock);
    if (!found) return { ok: false, reason: "not-found" };
    const { application, organizationId } = found;
    if (!availableActions(application.status, "head").includes(action))
      return { ok: false, reason: "not-editable" };
    const reason = input.decision === "refuse" ? (input.reason?.trim() ?? "") : null;
    if (reason !== null && (reason.length < 5 || reason.length > 2000)) {
      const message = "Укажите причину отказа в согласовании (от 5 до 2000 символов): заявитель увидит её";
      return { ok: false, reason: "invalid", problems: [{ field: "reason", message }] };
    }
    const { attachments } = await loadFilingState(
      executor,
      application,
      moscowDay(clock.now()),
      filingWindow,
    );
    const attached = attachments.find((item) => item.slotId === REPORT_SLOT_ID);
    const [report, applicant, head, organization] = await Promise.all([
      attached ? findDocument(executor, attached.documentId) : undefined,
      findUserById(executor, application.userId),
      findUserById(executor, actor.userId),
      findOrganizationById(executor, organizationId),
    ]);
    if (!report || !applicant || !head || !organization) return { ok: false, reason: "not-editable" };
    const bytes = decisionDocument({
      application,
      applicantName: fullName(applicant),
      organization: { name: organization.fullName, ogrn: organization.ogrn },
      headName: fullName(head),
      decision: input.decision,
      reason,
      at: input.at,
      report,
    });
    return {
      ok: true,
      value: { application, organizationId, bytes, fileName: decisionFileName(application.number), reason },
    };
  }

  /**
   * Records the decision whose document `signed` is and whose signature the signatures module
   * verified, in one transaction with the status change, its audit row and the stored signature.
   * The document is rebuilt under the lock: if anything it names changed, the signature no longer fits.
   */
  async function decideSigned(
    actor: CabinetActor,
    id: string,
    input: DecisionInput,
    signed: Uint8Array,
    signature: VerifiedSignature,
  ): Promise<Outcome<"changed"> | Outcome> {
    return db.transaction(async (tx): Promise<Outcome<"changed"> | Outcome> => {
      const built = await draft(tx, actor, id, input, true);
      if (!built.ok) return built;
      const { application, organizationId, bytes, reason } = built.value;
      if (!Buffer.from(bytes).equals(Buffer.from(signed))) return { ok: true, value: "changed" };
      const action = input.decision === "agree" ? "agree" : "refuse_agreement";
      const headActor = { userId: actor.userId, role: "head", ip: actor.ip, organizationId } as const;
      const now = clock.now();
      const moved = await moveApplication(tx, now, application, action, headActor, {
        comment: reason,
        patch: { agreementComment: reason },
      });
      if (!moved.ok)
        return {
          ok: false,
          reason: moved.reason === "changed-meanwhile" ? "changed-meanwhile" : "not-editable",
        };
      const row = await insertSignature(tx, {
        organizationId,
        userId: actor.userId,
        subjectType: "approval",
        subjectId: application.id,
        signedContent: Buffer.from(bytes).toString("base64"),
        ...signatureColumns(signature, bytes),
        createdAt: now,
      });
      await writeAudit(tx, {
        event: "signature.decision_signed",
        outcome: "success",
        userId: actor.userId,
        organizationId,
        ip: actor.ip,
        details: {
          applicationId: application.id,
          decision: input.decision,
          signatureId: row.id,
          serial: row.serialHex,
          issuer: row.issuerName,
          revocation: row.revocation,
        },
      });
      return { ok: true, value: undefined };
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

    /** The document to sign for a decision (nothing changes yet). */
    decisionDraft: (actor: CabinetActor, id: string, input: DecisionInput) => draft(db, actor, id, input),

    decideSigned,

    /** The signatures of this head's organization on the application's decisions, oldest first. */
    async signatures(actor: CabinetActor, id: string): Promise<SignatureRow[]> {
      const organizationId = headOrganization(actor);
      if (!organizationId || !isUuid(id)) return [];
      const rows = await signaturesOf(db, "approval", [id]);
      return rows.filter((row) => row.organizationId === organizationId);
    },
  };
}
