// «Заявления организации» (O9): the head, a representative or an employee granted «Подача заявлений
// от имени организации» files a request with its supporting documents; an operator of the back office
// decides it. Each step is written with its history row and its audit row in one transaction, and the
// decision reaches the organization as a notice.

import {
  checkAttached,
  decideSubmission,
  fileSubmission,
  type SubmissionOutcome,
} from "../org-submissions/submission.service.ts";
import type { OperatorActor, OrganizationActor } from "../organizations/activation.service.ts";
import type { FilingDeps, UploadedPart } from "../organizations/organization-files.ts";
import { moscowDate } from "../register/expiry.ts";
import { authorizeOperator } from "../review/review.service.ts";
import { findPersonBySnils, findStaffMember } from "../staff/staff.repository.ts";
import { type OrgRequestRow, requestRows } from "./org-requests.repository.ts";
import { checkDecision, checkRequest, kindLabels, MAX_ATTACHMENTS } from "./org-requests.validation.ts";

export type OrgRequestOutcome = SubmissionOutcome;

/** The power that opens the section: granted to employees as a right, held by heads and representatives. */
export const REQUESTS_POWER = "applications.submit" as const;

export type OrgRequestsService = ReturnType<typeof createOrgRequestsService>;

export function createOrgRequestsService({ db, clock, storage }: FilingDeps) {
  return {
    async submit(
      actor: OrganizationActor,
      form: Record<string, string>,
      parts: UploadedPart[],
    ): Promise<OrgRequestOutcome> {
      if (!actor.powers.has(REQUESTS_POWER)) return { ok: false, forbidden: true };
      const now = clock.now();
      const checked = checkRequest(form, moscowDate(now));
      const errors = checked.ok ? [] : [...checked.errors];
      if (checked.ok && checked.value.kind === "employee_correction") {
        // Only the organization's own staff: a request about someone else's record is not its business.
        const person = await findPersonBySnils(db, checked.value.details.snils ?? "");
        const member = person && (await findStaffMember(db, actor.organization.frmoOid, person.id));
        if (!member)
          errors.push({
            field: "snils",
            message: "Сотрудник с таким СНИЛС не найден среди сотрудников организации.",
          });
      }
      const attached = await checkAttached(parts, "attachments", {
        missing: "Приложите подтверждающий документ (PDF).",
        max: MAX_ATTACHMENTS,
      });
      errors.push(...attached.errors);
      if (!checked.ok || errors.length > 0) return { ok: false, errors };
      return fileSubmission({ db, storage }, actor, now, {
        rows: requestRows,
        values: checked.value,
        firstStep: "submitted",
        files: attached.files,
        purpose: "request",
        audit: (row) => ["org_request.submitted", { requestId: row.id, kind: row.kind }],
      });
    },

    async decide(actor: OperatorActor, id: string, form: Record<string, string>): Promise<OrgRequestOutcome> {
      if (!(await authorizeOperator(db, actor, "org_request.decide"))) return { ok: false, forbidden: true };
      const checked = checkDecision(form);
      const now = clock.now();
      return decideSubmission(db, actor, now, {
        rows: requestRows,
        id,
        pending: (request) => request.status === "submitted",
        decide: checked.ok ? (request) => decided(request, checked.value, actor, now) : checked.errors,
      });
    },
  };
}

/** The approval or the refusal: the request's new status with the comment, and the notice saying so. */
function decided(
  request: OrgRequestRow,
  { decision, comment }: { decision: "approved" | "refused"; comment: string | null },
  actor: OperatorActor,
  now: Date,
) {
  const what = `Заявление «${kindLabels[request.kind]}» (${request.summary})`;
  return {
    update: { status: decision, decisionComment: comment, decidedBy: actor.userId, decidedAt: now },
    step: { action: decision, note: comment },
    audit: ["org_request.decided", { requestId: request.id, kind: request.kind, decision }] as const,
    notice: {
      subject: "решение по заявлению организации",
      text:
        decision === "approved"
          ? `${what} исполнено${comment ? `: ${comment}` : "."}`
          : `${what} отклонено: ${comment}`,
    },
  };
}
