// O8: the head appoints an authorised representative on a power of attorney (PDF, or a
// machine-readable XML), with the charter (or founder's decision) and the representative's identity
// document. Format and validity dates are checked at once; an operator then verifies the documents
// and activates the representative or refuses with the list of what is missing or wrong.
import { formatDate } from "../../shared/format.ts";
import type { FieldError } from "../../ui/form.tsx";
import { auditSuccess } from "../audit/audit.repository.ts";
import type { OrganizationFilePurpose } from "../organizations/activation.schema.ts";
import type { OperatorActor } from "../organizations/activation.service.ts";
import { decideForOrganization } from "../organizations/operator-decision.ts";
import {
  checkOrganizationFile,
  type FileToStore,
  type FilingDeps,
  type UploadedPart,
  withFiling,
} from "../organizations/organization-files.ts";
import { findOrganizationById, type OrganizationRow } from "../organizations/organizations.repository.ts";
import { parseDate } from "../register/personal-data.validation.ts";
import type { VerifiedSignature } from "../signatures/signatures.service.ts";
import { recordFileSignature, storedBytes } from "../signatures/signed-files.ts";
import {
  decideRepresentative,
  findAttorney,
  findRepresentativeById,
  insertRepresentative,
  revokeRepresentative,
} from "./access.repository.ts";
import type { AccessActor } from "./access.service.ts";
import { checkFullName, checkSnils } from "./access.validation.ts";
import { parseAttorneyXml } from "./attorney-xml.ts";

export interface AppointmentInput {
  snils?: string;
  fullName?: string;
  attorneyNumber?: string;
  issuedOn?: string;
  validUntil?: string;
}

/** The documents of an appointment, by form field; `supporting` may hold several. */
export const appointmentFiles = {
  attorney: { purpose: "power_of_attorney", required: "Приложите доверенность." },
  charter: {
    purpose: "charter",
    required: "Приложите устав или решение учредителя с полномочиями представителя.",
  },
  identity: { purpose: "identity", required: "Приложите документ, удостоверяющий личность представителя." },
  supporting: { purpose: "supporting", required: null },
} as const satisfies Record<string, { purpose: OrganizationFilePurpose; required: string | null }>;

export const MAX_SUPPORTING = 3;

/** What operators most often find wrong; the refusal lists the ones ticked plus their own words. */
export const refusalReasons = [
  "Доверенность не подписана руководителем организации",
  "Срок действия доверенности указан неверно",
  "Нет устава или решения учредителя с полномочиями представителя",
  "Нет документа, удостоверяющего личность представителя",
  "Копии документов нечитаемы или неполные",
] as const;

type Appointment = {
  snils: string;
  fullName: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  format: "pdf" | "xml";
};

/** The head signs a power of attorney while the appointment stands: on the operator's check or in force. */
export const attorneySignable = (row: { status: string }): boolean =>
  row.status === "pending" || row.status === "active";

export type AppointOutcome =
  | { ok: true }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true };

export function createRepresentativesService({ db, clock, storage }: FilingDeps) {
  /** The automatic checks: formats, the XML's own facts against the form and the organization, dates. */
  async function check(
    organization: OrganizationRow,
    today: string,
    input: AppointmentInput,
    parts: readonly UploadedPart[],
  ) {
    const errors: FieldError[] = [];
    const files: FileToStore[] = [];
    const snils = checkSnils(input.snils, errors);
    const fullName = checkFullName(input.fullName, errors);
    let facts = {
      number: (input.attorneyNumber ?? "").trim(),
      issuedOn: parseDate(input.issuedOn),
      validUntil: parseDate(input.validUntil),
    };
    let format: "pdf" | "xml" = "pdf";
    for (const [field, rule] of Object.entries(appointmentFiles)) {
      const own = parts.filter((part) => part.field === field);
      if (own.length === 0 && rule.required) errors.push({ field, message: rule.required });
      if (field !== "supporting" && own.length > 1) errors.push({ field, message: "Приложите один файл." });
      if (field === "supporting" && own.length > MAX_SUPPORTING)
        errors.push({ field, message: `Не больше ${MAX_SUPPORTING} файлов.` });
      for (const part of own) {
        const verdict = await checkOrganizationFile(part.file, field === "attorney");
        if (!verdict.ok) {
          errors.push({ field, message: `«${part.file.rawName}»: ${verdict.message}` });
          continue;
        }
        files.push({ part, name: verdict.name, mediaType: verdict.mediaType, purpose: rule.purpose });
        if (field !== "attorney" || verdict.format !== "xml") continue;
        format = "xml";
        const parsed = parseAttorneyXml(part.content ?? Buffer.alloc(0));
        if (!parsed.ok) {
          errors.push({ field, message: parsed.problem });
          continue;
        }
        const { facts: xml } = parsed;
        facts = { number: xml.number, issuedOn: xml.issuedOn, validUntil: xml.validUntil };
        if (xml.principalInn && xml.principalInn !== organization.inn) {
          errors.push({
            field,
            message: `Доверенность выдана другой организацией: ИНН доверителя ${xml.principalInn}, а у вашей организации ${organization.inn}.`,
          });
        }
        if (!xml.representativeSnils)
          errors.push({ field, message: "В доверенности не указан СНИЛС представителя." });
        else if (snils && xml.representativeSnils !== snils) {
          errors.push({
            field,
            message:
              "Доверенность выдана другому лицу: СНИЛС представителя в ней не совпадает с указанным в форме.",
          });
        }
      }
    }
    if (!facts.number) errors.push({ field: "attorneyNumber", message: "Укажите номер доверенности." });
    if (!facts.issuedOn)
      errors.push({ field: "issuedOn", message: "Укажите дату выдачи доверенности в формате ДД.ММ.ГГГГ." });
    else if (facts.issuedOn > today)
      errors.push({ field: "issuedOn", message: "Дата выдачи доверенности не может быть в будущем." });
    if (!facts.validUntil)
      errors.push({ field: "validUntil", message: "Укажите, до какого числа действует доверенность." });
    else if (facts.validUntil < today) {
      errors.push({
        field: "validUntil",
        message: `Срок действия доверенности истёк ${formatDate(facts.validUntil)}.`,
      });
    } else if (facts.issuedOn && facts.validUntil < facts.issuedOn) {
      errors.push({ field: "validUntil", message: "Срок действия не может закончиться раньше даты выдачи." });
    }
    if (errors.length > 0 || !facts.issuedOn || !facts.validUntil) return { ok: false as const, errors };
    const appointment: Appointment = {
      snils,
      fullName,
      number: facts.number,
      issuedOn: facts.issuedOn,
      validUntil: facts.validUntil,
      format,
    };
    return { ok: true as const, appointment, files };
  }

  return {
    async appoint(
      actor: AccessActor,
      input: AppointmentInput,
      parts: readonly UploadedPart[],
    ): Promise<AppointOutcome> {
      if (!actor.powers.has("representatives.manage")) return { ok: false, forbidden: true };
      const organization = await findOrganizationById(db, actor.organization.id);
      if (!organization) return { ok: false, forbidden: true };
      const checked = await check(organization, actor.today, input, parts);
      if (!checked.ok) return checked;
      const { appointment, files } = checked;
      if (appointment.snils === actor.snils) {
        return {
          ok: false,
          errors: [
            {
              field: "snils",
              message: "Руководитель действует без доверенности: назначать себя представителем не нужно.",
            },
          ],
        };
      }
      const now = clock.now();
      await withFiling({ db, storage }, async (tx, store) => {
        const row = await insertRepresentative(tx, {
          organizationId: organization.id,
          snils: appointment.snils,
          fullName: appointment.fullName,
          attorneyNumber: appointment.number,
          attorneyFormat: appointment.format,
          issuedOn: appointment.issuedOn,
          validUntil: appointment.validUntil,
          submittedBy: actor.userId,
          submittedAt: now,
        });
        await store(files, {
          organizationId: organization.id,
          subjectId: row.id,
          uploadedBy: actor.userId,
          at: now,
        });
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: organization.id, ip: actor.ip },
          "representative.submitted",
          { representativeId: row.id, format: appointment.format, validUntil: appointment.validUntil },
        );
      });
      return { ok: true };
    },

    async revoke(actor: AccessActor, id: string): Promise<boolean> {
      if (!actor.powers.has("representatives.manage")) return false;
      return db.transaction(async (tx) => {
        const row = await revokeRepresentative(tx, actor.organization.id, id, actor.userId, clock.now());
        if (!row) return false;
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
          "representative.revoked",
          { representativeId: id },
        );
        return true;
      });
    },

    /** The power of attorney's exact bytes, as stored: what the head signs; undefined if not signable. */
    async attorney(
      actor: AccessActor,
      id: string,
    ): Promise<{ bytes: Uint8Array; fullName: string } | undefined> {
      const found = await findAttorney(db, actor.organization.id, id);
      if (!found || !attorneySignable(found.representative)) return undefined;
      return {
        bytes: await storedBytes(storage, found.file.storageKey),
        fullName: found.representative.fullName,
      };
    },

    /** Stores the head's verified signature over the power of attorney, with its audit row. */
    async recordAttorneySignature(
      actor: AccessActor,
      id: string,
      bytes: Uint8Array,
      signature: VerifiedSignature,
    ) {
      return db.transaction(async (tx) => {
        const found = await findAttorney(tx, actor.organization.id, id);
        // Revoked or refused between the page and the signature: nothing to sign any more.
        if (!found || !attorneySignable(found.representative)) return undefined;
        return recordFileSignature(tx, {
          actor,
          subjectType: "power_of_attorney",
          subjectId: id,
          bytes,
          signature,
          at: clock.now(),
          event: "signature.attorney_signed",
          details: { representativeId: id, fileId: found.file.id },
        });
      });
    },

    /** The operator's decision; false when the appointment is unknown or no longer pending. */
    decide: (
      operator: OperatorActor,
      id: string,
      decision: { activate: true } | { activate: false; reasons: string[] },
    ): Promise<boolean> =>
      decideForOrganization({ db, clock }, operator, {
        action: "representative.decision",
        find: (db) => findRepresentativeById(db, id),
        async record(tx, { request: representative, now }) {
          const reasons = decision.activate ? [] : decision.reasons;
          const decided = await decideRepresentative(tx, id, {
            status: decision.activate ? "active" : "refused",
            decidedBy: operator.userId,
            decidedAt: now,
            refusalReasons: reasons,
          });
          if (!decided) return undefined;
          const text = decision.activate
            ? `Уполномоченный представитель: ${representative.fullName}. Полномочия подтверждены до ${formatDate(representative.validUntil)}.`
            : `Уполномоченный представитель: ${representative.fullName}. В подтверждении полномочий отказано. Недостающие или неверные документы: ${reasons.join("; ")}.`;
          return {
            notice: {
              audience: "managers",
              subject: decision.activate
                ? "полномочия представителя подтверждены"
                : "полномочия представителя не подтверждены",
              text,
            },
            event: decision.activate ? "representative.activated" : "representative.refused",
            details: { representativeId: id, reasons: reasons.length },
          };
        },
      }),
  };
}

export type RepresentativesService = ReturnType<typeof createRepresentativesService>;
