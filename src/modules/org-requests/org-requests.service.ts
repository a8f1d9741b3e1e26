// «Заявления организации» (O9): the head, a representative or an employee granted «Подача заявлений
// от имени организации» files a request with its supporting documents; an operator of the back office
// decides it. Each step is written with its history row and its audit row in one transaction, and the
// decision reaches the organization as a notice.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { FieldError } from "../../ui/form.tsx";
import { writeAudit } from "../audit/audit.repository.ts";
import type { FileStorage } from "../documents/storage.ts";
import type { OperatorActor, OrganizationActor } from "../organizations/activation.service.ts";
import { notifyOrganization } from "../organizations/notices.ts";
import {
  checkOrganizationFile,
  type FileToStore,
  removeCommitted,
  storeOrganizationFiles,
  type UploadedPart,
} from "../organizations/organization-files.ts";
import { moscowDate } from "../register/expiry.ts";
import { authorizeOperator } from "../review/review.service.ts";
import { findPersonBySnils, findStaffMember } from "../staff/staff.repository.ts";
import {
  findRequestForOperator,
  insertRequest,
  insertRequestEvent,
  updateRequest,
} from "./org-requests.repository.ts";
import { checkDecision, checkRequest, kindLabels, MAX_ATTACHMENTS } from "./org-requests.validation.ts";

export type OrgRequestOutcome =
  | { ok: true; id: string }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true }
  | { ok: false; notFound: true };

/** The power that opens the section: granted to employees as a right, held by heads and representatives. */
export const REQUESTS_POWER = "applications.submit" as const;

export type OrgRequestsService = ReturnType<typeof createOrgRequestsService>;

export function createOrgRequestsService({
  db,
  clock,
  storage,
}: {
  db: Database;
  clock: Clock;
  storage: FileStorage;
}) {
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
      const attachments = parts.filter((part) => part.field === "attachments");
      const files: FileToStore[] = [];
      if (attachments.length === 0)
        errors.push({ field: "attachments", message: "Приложите подтверждающий документ (PDF)." });
      else if (attachments.length > MAX_ATTACHMENTS)
        errors.push({ field: "attachments", message: `Приложите не больше ${MAX_ATTACHMENTS} файлов.` });
      else
        for (const part of attachments) {
          const verdict = await checkOrganizationFile(part.file);
          if (verdict.ok)
            files.push({ part, name: verdict.name, mediaType: verdict.mediaType, purpose: "request" });
          else errors.push({ field: "attachments", message: `«${part.file.rawName}»: ${verdict.message}` });
        }
      if (!checked.ok || errors.length > 0) return { ok: false, errors };
      const committed: string[] = [];
      try {
        return await db.transaction(async (tx) => {
          const row = await insertRequest(tx, {
            ...checked.value,
            organizationId: actor.organization.id,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          });
          await insertRequestEvent(tx, {
            requestId: row.id,
            action: "submitted",
            actorId: actor.userId,
            occurredAt: now,
          });
          await storeOrganizationFiles(
            tx,
            files,
            { organizationId: actor.organization.id, subjectId: row.id, uploadedBy: actor.userId, at: now },
            committed,
          );
          await writeAudit(tx, {
            event: "org_request.submitted",
            outcome: "success",
            userId: actor.userId,
            organizationId: actor.organization.id,
            ip: actor.ip,
            details: { requestId: row.id, kind: row.kind },
          });
          return { ok: true, id: row.id } as const;
        });
      } catch (error) {
        await removeCommitted(storage, committed);
        throw error;
      }
    },

    async decide(actor: OperatorActor, id: string, form: Record<string, string>): Promise<OrgRequestOutcome> {
      if (!(await authorizeOperator(db, actor, "org_request.decide"))) return { ok: false, forbidden: true };
      const checked = checkDecision(form);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const found = await findRequestForOperator(tx, id, true);
        if (found?.request.status !== "submitted") return { ok: false, notFound: true } as const;
        if (!checked.ok) return { ok: false, errors: checked.errors } as const;
        const { request } = found;
        const { decision, comment } = checked.value;
        await updateRequest(tx, request.id, {
          status: decision,
          decisionComment: comment,
          decidedBy: actor.userId,
          decidedAt: now,
          updatedAt: now,
        });
        await insertRequestEvent(tx, {
          requestId: request.id,
          action: decision,
          actorId: actor.userId,
          occurredAt: now,
          note: comment,
        });
        await writeAudit(tx, {
          event: "org_request.decided",
          outcome: "success",
          userId: actor.userId,
          organizationId: request.organizationId,
          ip: actor.ip,
          details: { requestId: request.id, kind: request.kind, decision },
        });
        const what = `Заявление «${kindLabels[request.kind]}» (${request.summary})`;
        await notifyOrganization(
          tx,
          { id: request.organizationId, contactEmail: found.contactEmail },
          {
            audience: "managers",
            subject: "решение по заявлению организации",
            at: now,
            text:
              decision === "approved"
                ? `${what} исполнено${comment ? `: ${comment}` : "."}`
                : `${what} отклонено: ${comment}`,
          },
        );
        return { ok: true, id: request.id } as const;
      });
    },
  };
}
