// O6: the organization sends what is missing (checked against ЕГРЮЛ/ЕГРИП, with PDF attachments); an
// operator verifies it and activates the cabinet or returns the list of corrections. Either way the
// organization is notified in the same transaction.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { Power } from "../access/access.policy.ts";
import type { CabinetActor as ReviewActor } from "../applications/applications.access.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import type { FileStorage } from "../documents/storage.ts";
import { compareWithRegister, notFoundMismatch } from "../egrul/egrul.compare.ts";
import type { EgrulRegistry } from "../egrul/egrul.port.ts";
import { decideDataRequest, findDataRequest, insertDataRequest } from "./activation.repository.ts";
import { type DataFormInput, validateDataForm } from "./activation.validation.ts";
import { decideForOrganization } from "./operator-decision.ts";
import {
  checkOrganizationFile,
  type FileToStore,
  type UploadedPart,
  withFiling,
} from "./organization-files.ts";
import { type OrganizationRow, updateOrganization } from "./organizations.repository.ts";

export const MAX_ATTACHMENTS = 5;

export interface OrganizationActor {
  userId: string;
  organization: OrganizationRow;
  powers: ReadonlySet<Power>;
  ip: string;
}

/** An operator of the back office, as the review module's check wants them. */
export type OperatorActor = ReviewActor;

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true }
  | { ok: false; closed: true };

export type Decision = { approve: true } | { approve: false; corrections: string[] };

export function createActivationService(deps: {
  db: Database;
  clock: Clock;
  egrul: EgrulRegistry;
  storage: FileStorage;
}) {
  const { db, clock, egrul, storage } = deps;

  /** ЕГРЮЛ/ЕГРИП decides: every difference from what was entered is an error on its field. */
  async function compareWithEgrul(
    organization: OrganizationRow,
    entered: { inn: string; kpp: string | null; headName: string },
  ) {
    const lookup = await egrul.findByOgrn(organization.ogrn);
    if ("unavailable" in lookup) {
      return [
        {
          field: "inn",
          message: "ЕГРЮЛ временно не отвечает, поэтому сведения нельзя проверить. Отправьте форму позже.",
        },
      ];
    }
    const mismatches = lookup.found
      ? compareWithRegister(entered, lookup.record)
      : [notFoundMismatch(organization.ogrn)];
    return mismatches.map((mismatch) => ({
      field: mismatch.field === "status" || mismatch.field === "ogrn" ? "inn" : mismatch.field,
      message: mismatch.message,
    }));
  }

  return {
    async submit(
      actor: OrganizationActor,
      input: DataFormInput,
      parts: readonly UploadedPart[],
    ): Promise<SubmitOutcome> {
      const { organization } = actor;
      if (!actor.powers.has("organization.edit")) return { ok: false, forbidden: true };
      // Sent once: while an operator checks it, or after activation, the form is closed.
      if (organization.activation === "submitted" || organization.activation === "active") {
        return { ok: false, closed: true };
      }
      const form = validateDataForm(input, { entrepreneur: organization.ogrn.length === 15 });
      const errors: FieldError[] = form.ok ? [] : [...form.errors];
      const files: FileToStore[] = [];
      if (parts.length > MAX_ATTACHMENTS)
        errors.push({ field: "attachments", message: `Приложите не больше ${MAX_ATTACHMENTS} файлов.` });
      for (const part of parts) {
        const verdict = await checkOrganizationFile(part.file);
        if (verdict.ok)
          files.push({ part, name: verdict.name, mediaType: verdict.mediaType, purpose: "supporting" });
        else errors.push({ field: "attachments", message: `«${part.file.rawName}»: ${verdict.message}` });
      }
      if (!form.ok || errors.length > 0) return { ok: false, errors };
      const mismatches = await compareWithEgrul(organization, form.value);
      if (mismatches.length > 0) return { ok: false, errors: mismatches };
      const now = clock.now();
      await withFiling({ db, storage }, async (tx, store) => {
        const request = await insertDataRequest(tx, {
          organizationId: organization.id,
          fields: form.value,
          submittedBy: actor.userId,
          submittedAt: now,
        });
        await store(files, {
          organizationId: organization.id,
          subjectId: request.id,
          uploadedBy: actor.userId,
          at: now,
        });
        await updateOrganization(tx, organization.id, { activation: "submitted" });
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: organization.id, ip: actor.ip },
          "organization.data_submitted",
          { requestId: request.id, files: files.length },
        );
      });
      return { ok: true };
    },

    /** The operator's decision; false when the request is unknown or was decided meanwhile. */
    decide: (operator: OperatorActor, requestId: string, decision: Decision): Promise<boolean> =>
      decideForOrganization(deps, operator, {
        action: "organization.data_decision",
        find: (db) => findDataRequest(db, requestId),
        async record(tx, { request, organization, now }) {
          const decided = await decideDataRequest(tx, requestId, {
            status: decision.approve ? "approved" : "corrections",
            decidedBy: operator.userId,
            decidedAt: now,
            corrections: decision.approve ? [] : decision.corrections,
          });
          if (!decided) return undefined;
          const { fields } = request;
          if (decision.approve) {
            await updateOrganization(tx, organization.id, {
              activation: "active",
              kind: fields.kind,
              headPosition: fields.headPosition ?? organization.headPosition,
              contactPhone: fields.contactPhone,
              contactEmail: fields.contactEmail,
            });
          } else {
            await updateOrganization(tx, organization.id, { activation: "corrections" });
          }
          const text = decision.approve
            ? "Оператор проверил сведения об организации. Кабинет организации активирован: все разделы доступны."
            : `Оператор вернул сведения об организации на исправление: ${decision.corrections.join("; ")}. Исправьте их и отправьте форму снова.`;
          return {
            contact: { id: organization.id, contactEmail: fields.contactEmail },
            notice: {
              audience: "all",
              subject: decision.approve
                ? "кабинет организации активирован"
                : "сведения об организации нужно исправить",
              text,
            },
            event: decision.approve ? "organization.activated" : "organization.corrections_requested",
            details: { requestId, corrections: decision.approve ? 0 : decision.corrections.length },
          };
        },
      }),
  };
}

export type ActivationService = ReturnType<typeof createActivationService>;
