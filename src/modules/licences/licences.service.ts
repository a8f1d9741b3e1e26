// Licences (O17): the head or a representative enters a licence with the scan of its extract from
// the register of licences and records its suspension, resumption or termination; an operator checks
// the entry against the scan. Each change is written with its history row and its audit row.
import { formatDate } from "../../shared/format.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
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
import { findLicence, licenceRows } from "./licences.repository.ts";
import type { LicenceAction, LicenceStatus } from "./licences.schema.ts";
import { checkLicence, checkStatusChange, type StatusAction } from "./licences.validation.ts";

export type LicenceOutcome = SubmissionOutcome;

/** Which status each change leads to, and from which statuses it may be made. */
const transitions: Record<
  StatusAction,
  { from: readonly LicenceStatus[]; to: LicenceStatus; event: LicenceAction }
> = {
  suspend: { from: ["active"], to: "suspended", event: "suspended" },
  resume: { from: ["suspended"], to: "active", event: "resumed" },
  terminate: { from: ["active", "suspended"], to: "terminated", event: "terminated" },
};

export type LicencesService = ReturnType<typeof createLicencesService>;

export function createLicencesService({ db, clock, storage }: FilingDeps) {
  return {
    async add(
      actor: OrganizationActor,
      form: Record<string, string>,
      parts: UploadedPart[],
    ): Promise<LicenceOutcome> {
      if (!actor.powers.has("licences.manage")) return { ok: false, forbidden: true };
      const now = clock.now();
      const checked = checkLicence(form, moscowDate(now));
      const scan = await checkAttached(parts, "scan", {
        missing: "Приложите выписку из реестра лицензий или скан лицензии (PDF).",
      });
      if (!checked.ok || scan.errors.length > 0)
        return { ok: false, errors: [...(checked.ok ? [] : checked.errors), ...scan.errors] };
      return fileSubmission({ db, storage }, actor, now, {
        rows: licenceRows,
        values: checked.value,
        firstStep: "added",
        files: scan.files,
        purpose: "licence",
        audit: (row) => ["licence.added", { licenceId: row.id, kind: row.kind }],
      });
    },

    async changeStatus(
      actor: OrganizationActor,
      id: string,
      form: Record<string, string>,
    ): Promise<LicenceOutcome> {
      if (!actor.powers.has("licences.manage")) return { ok: false, forbidden: true };
      const now = clock.now();
      const checked = checkStatusChange(form, moscowDate(now));
      return db.transaction(async (tx) => {
        const licence = await findLicence(tx, actor.organization.id, id, true);
        if (!licence) return { ok: false, notFound: true } as const;
        if (!checked.ok) return { ok: false, errors: checked.errors } as const;
        const move = transitions[checked.value.action];
        if (!move.from.includes(licence.status))
          return {
            ok: false,
            errors: [{ field: "action", message: "Это изменение невозможно при нынешнем статусе лицензии." }],
          } as const;
        const { ground, from, until } = checked.value;
        await licenceRows.update(tx, licence.id, {
          status: move.to,
          statusGround: move.to === "active" ? null : ground,
          statusFrom: from,
          statusUntil: move.to === "suspended" ? until : null,
          updatedAt: now,
        });
        await licenceRows.recordStep(tx, licence.id, {
          action: move.event,
          actorId: actor.userId,
          occurredAt: now,
          note: [ground, `с ${formatDate(from)}`, until ? `по ${formatDate(until)}` : undefined]
            .filter(Boolean)
            .join("; "),
        });
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
          "licence.status_changed",
          { licenceId: licence.id, from: licence.status, to: move.to },
        );
        return { ok: true, id: licence.id } as const;
      });
    },

    /** The operator confirms the entry matches the scan, or returns it with what is wrong. */
    async verify(
      actor: OperatorActor,
      id: string,
      decision: string,
      comment: string,
    ): Promise<LicenceOutcome> {
      if (!(await authorizeOperator(db, actor, "licence.verify"))) return { ok: false, forbidden: true };
      const note = comment.trim();
      const verdict = (["verified", "rejected"] as const).find((value) => value === decision);
      if (!verdict) return { ok: false, errors: [{ field: "decision", message: "Выберите решение." }] };
      if (verdict === "rejected" && (note.length < 5 || note.length > 1000))
        return {
          ok: false,
          errors: [
            { field: "comment", message: "Напишите, что не совпадает со сканом: организация увидит это." },
          ],
        };
      const now = clock.now();
      return decideSubmission(db, actor, now, {
        rows: licenceRows,
        id,
        pending: (licence) => licence.verification === "pending",
        decide: (licence) => ({
          update: {
            verification: verdict,
            verificationComment: note || null,
            verifiedBy: actor.userId,
            verifiedAt: now,
          },
          step: { action: verdict, note: note || null },
          audit: ["licence.verified", { licenceId: licence.id, decision: verdict }],
          notice: {
            subject: "проверка сведений о лицензии",
            text:
              verdict === "verified"
                ? `Сведения о лицензии № ${licence.number} проверены оператором.`
                : `Сведения о лицензии № ${licence.number} не совпадают со сканом: ${note}`,
          },
        }),
      });
    },
  };
}
