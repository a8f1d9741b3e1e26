// O5: «the data are wrong» — a request to correct a field of the organization's card, stored for the
// operators of the back office, who answer it; the answer reaches the organization as a notice.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatDate } from "../../shared/format.ts";
import { checkIdentifier, type IdentifierKind } from "../../shared/identifier-checks.ts";
import type { FieldError } from "../../ui/form.tsx";
import { auditSuccess } from "../audit/audit.repository.ts";
import {
  answerCorrectionRequest,
  findCorrectionRequest,
  insertCorrectionRequest,
} from "./activation.repository.ts";
import type { OperatorActor, OrganizationActor } from "./activation.service.ts";
import { decideForOrganization } from "./operator-decision.ts";
import type { OrganizationRow } from "./organizations.repository.ts";

export const correctableFields = {
  fullName: "Полное наименование",
  shortName: "Сокращённое наименование",
  inn: "ИНН",
  kpp: "КПП",
  ogrn: "ОГРН / ОГРНИП",
  registeredOn: "Дата регистрации",
  status: "Статус",
  legalAddress: "Юридический адрес",
  headName: "Руководитель",
  kind: "Вид организации",
  other: "Другое",
} as const;

/** The state in words that fit both a legal entity and an individual entrepreneur. */
export function organizationStatusLabel(organization: { status: string; ogrn: string }): string {
  if (organization.status === "active") return "действует";
  return organization.ogrn.length === 15 ? "деятельность прекращена" : "ликвидирована";
}

export type CorrectableField = keyof typeof correctableFields;

/** A proposed identifier is checked by the same rules as everywhere else (O5). */
const identifierFields = { inn: "inn", kpp: "kpp", ogrn: "ogrnAny" } as const satisfies Record<
  string,
  IdentifierKind
>;

function shownValue(organization: OrganizationRow, field: CorrectableField): string | null {
  if (field === "other") return null;
  if (field === "registeredOn")
    return organization.registeredOn ? formatDate(organization.registeredOn) : null;
  if (field === "status") return organizationStatusLabel(organization);
  return organization[field];
}

export function createCorrectionsService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    async request(
      actor: OrganizationActor,
      input: { field?: string; proposedValue?: string; comment?: string },
    ): Promise<{ ok: true } | { ok: false; errors: FieldError[] } | { ok: false; forbidden: true }> {
      if (!actor.powers.has("feedback.send")) return { ok: false, forbidden: true };
      const errors: FieldError[] = [];
      const field = input.field as CorrectableField;
      if (!Object.hasOwn(correctableFields, field))
        errors.push({ field: "field", message: "Выберите, какие сведения неверны." });
      const proposedValue = (input.proposedValue ?? "").trim();
      if (!proposedValue)
        errors.push({ field: "proposedValue", message: "Укажите, как должно быть правильно." });
      else if (proposedValue.length > 500)
        errors.push({ field: "proposedValue", message: "Не больше 500 символов." });
      else if (field in identifierFields) {
        const checked = checkIdentifier(
          identifierFields[field as keyof typeof identifierFields],
          proposedValue,
        );
        if (!checked.ok) errors.push({ field: "proposedValue", message: checked.message });
      }
      const comment = (input.comment ?? "").trim();
      if (comment.length > 2000)
        errors.push({ field: "comment", message: "Комментарий — не больше 2000 символов." });
      if (errors.length > 0) return { ok: false, errors };
      await db.transaction(async (tx) => {
        const row = await insertCorrectionRequest(tx, {
          organizationId: actor.organization.id,
          field,
          shownValue: shownValue(actor.organization, field),
          proposedValue,
          comment: comment || null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
          "organization.correction_requested",
          { requestId: row.id, field },
        );
      });
      return { ok: true };
    },

    answer(operator: OperatorActor, id: string, answer: string): Promise<boolean> {
      const text = answer.trim();
      return decideForOrganization({ db, clock }, operator, {
        action: "organization.correction_answer",
        // An empty answer answers nothing.
        find: async (db) => (text ? findCorrectionRequest(db, id) : undefined),
        async record(tx, { request, now }) {
          const answered = await answerCorrectionRequest(tx, id, {
            answer: text,
            answeredBy: operator.userId,
            answeredAt: now,
          });
          if (!answered) return undefined;
          const label = correctableFields[request.field as CorrectableField] ?? request.field;
          return {
            notice: {
              audience: "all",
              subject: "ответ на запрос об исправлении сведений",
              text: `Ответ на запрос об исправлении сведений «${label}»: ${text}`,
            },
            event: "organization.correction_answered",
            details: { requestId: id },
          };
        },
      });
    },
  };
}

export type CorrectionsService = ReturnType<typeof createCorrectionsService>;
