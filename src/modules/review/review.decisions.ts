// The commission's moves (C1): accept for review, assign, request documents, hand over to the
// commission, decide with protocol number and date. A positive decision writes the result into the
// register (§2.2 AccreditationProcedure: passed, passDate, endDate = +5 years, protocol) and issues
// the extract, in the same transaction as the move.
import { formatDate } from "../../shared/format.ts";
import { moscowDay } from "../../shared/working-days.ts";
import type { CabinetActor } from "../applications/applications.access.ts";
import { isUuid } from "../applications/applications.access.ts";
import { kindDefinitions } from "../applications/applications.kinds.ts";
import type { Problem } from "../applications/applications.policy.ts";
import {
  type ApplicationRow,
  insertEvent,
  insertRequestedDocuments,
  updateApplication,
} from "../applications/applications.repository.ts";
import type { Outcome } from "../applications/applications.service.ts";
import type { ApplicationAction } from "../applications/applications.status.ts";
import { type Executor, moveApplication } from "../applications/applications.transitions.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { issueExtract } from "../extracts/extracts.repository.ts";
import { findUserById } from "../identity/identity.repository.ts";
import { addYears } from "../register/expiry.ts";
import { addAccreditationProcedure, insertRecord } from "../register/record.repository.ts";
import { codeAndName } from "../register/register.dictionaries.ts";
import { findPersonByUserId, linkPersonBySnils } from "../register/register.repository.ts";
import { listOperatorUsers } from "./review.repository.ts";
import { filedApplication, type ReviewDeps } from "./review.service.ts";

type Form = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
const many = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : value ? [value] : [];
const invalid = (problems: Problem[]): Outcome => ({ ok: false, reason: "invalid", problems });

export type ReviewDecisions = ReturnType<typeof createReviewDecisions>;

/** `commissionName`: who decided, in the words of the register (AccreditationProcedure.institution). */
export function createReviewDecisions({
  db,
  clock,
  commissionName,
}: ReviewDeps & { commissionName: string }) {
  async function act(
    actor: CabinetActor,
    id: string,
    action: ApplicationAction,
    prepare?: (
      tx: Executor,
      application: ApplicationRow,
    ) => Promise<Outcome | { comment?: string | null } | undefined>,
    /** Runs in the same transaction once the move has succeeded. */
    afterMove?: (tx: Executor, application: ApplicationRow) => Promise<void>,
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const application = await filedApplication(tx, actor, id, action, true);
      if (!application) return { ok: false, reason: "not-found" } as const;
      const prepared = await prepare?.(tx, application);
      if (prepared && "ok" in prepared) return prepared;
      const operator = { userId: actor.userId, role: "operator", ip: actor.ip } as const;
      const moved = await moveApplication(tx, clock.now(), application, action, operator, {
        comment: prepared?.comment ?? null,
      });
      if (moved.ok) {
        await afterMove?.(tx, application);
        return { ok: true, value: undefined } as const;
      }
      return {
        ok: false,
        reason: moved.reason === "changed-meanwhile" ? "changed-meanwhile" : "not-editable",
      } as const;
    });
  }

  return {
    /** Whoever takes the application becomes its «Ответственный» unless someone already is. */
    startReview: (actor: CabinetActor, id: string) =>
      act(actor, id, "start_review", undefined, async (tx, application) => {
        if (application.assigneeId) return;
        await updateApplication(tx, application.id, { assigneeId: actor.userId });
        await auditSuccess(tx, actor, "application.assigned", {
          applicationId: application.id,
          assigneeId: actor.userId,
        });
      }),

    transferToCommission: (actor: CabinetActor, id: string) => act(actor, id, "transfer_to_commission"),

    /** Picks the missing items among the kind's slots and/or a free-text one, with a comment (W11). */
    requestDocuments: (actor: CabinetActor, id: string, form: Form) =>
      act(actor, id, "request_documents", async (tx, application) => {
        const slots = kindDefinitions[application.kind].slots;
        const picked = slots.filter((slot) => many(form.slots).includes(slot.id));
        const other = one(form.otherLabel);
        const comment = one(form.comment);
        if (picked.length === 0 && !other) {
          return invalid([{ field: "slots", message: "Отметьте документы, которые нужно представить" }]);
        }
        if (comment.length > 2000 || other.length > 300) {
          return invalid([{ field: "comment", message: "Слишком длинный текст" }]);
        }
        const now = clock.now();
        const items = [
          ...picked.map((slot) => ({
            label: slot.label,
            typeCode: slot.anyOf[0] ?? "other",
            slotId: slot.id,
          })),
          ...(other ? [{ label: other, typeCode: "other", slotId: null }] : []),
        ];
        await insertRequestedDocuments(
          tx,
          items.map((item) => ({
            ...item,
            comment: comment || null,
            applicationId: application.id,
            requestedAt: now,
          })),
        );
        const list = items.map((item) => `«${item.label}»`).join(", ");
        return { comment: comment ? `${list}. ${comment}` : list };
      }),

    async assign(actor: CabinetActor, id: string, assigneeId: string | undefined): Promise<Outcome> {
      return db.transaction(async (tx) => {
        const application = await filedApplication(tx, actor, id, "assign", true);
        if (!application) return { ok: false, reason: "not-found" } as const;
        const operators = await listOperatorUsers(tx);
        const assignee = operators.find((operator) => operator.id === assigneeId);
        if (!assigneeId || !isUuid(assigneeId) || !assignee) {
          return invalid([{ field: "assigneeId", message: "Выберите сотрудника комиссии" }]);
        }
        const now = clock.now();
        await updateApplication(tx, application.id, { assigneeId, updatedAt: now });
        await insertEvent(tx, {
          applicationId: application.id,
          occurredAt: now,
          actorId: actor.userId,
          actorRole: "operator",
          action: "assign",
          fromStatus: application.status,
          toStatus: application.status,
          comment: `${assignee.lastName} ${assignee.firstName}`,
        });
        await auditSuccess(tx, actor, "application.assigned", { applicationId: application.id, assigneeId });
        return { ok: true, value: undefined } as const;
      });
    },

    /** «Одобрено» or «Отклонено» with the protocol of the commission's sitting. */
    decide: (actor: CabinetActor, id: string, form: Form) => {
      const decision = one(form.decision);
      const action: ApplicationAction = decision === "approve" ? "approve" : "reject";
      return act(actor, id, action, async (tx, application) => {
        const protocolNumber = one(form.protocolNumber);
        const protocolDate = one(form.protocolDate);
        const comment = one(form.comment);
        const problems = decisionProblems(
          decision,
          protocolNumber,
          protocolDate,
          comment,
          application,
          moscowDay(clock.now()),
        );
        if (problems.length > 0) return invalid(problems);
        const now = clock.now();
        await updateApplication(tx, application.id, {
          protocolNumber,
          protocolDate,
          decisionComment: comment || null,
          decidedAt: now,
        });
        if (action === "approve")
          await recordResult(tx, application, protocolNumber, protocolDate, now, commissionName);
        else
          await recordRefusal(
            tx,
            application,
            { protocolNumber, protocolDate, reason: comment },
            commissionName,
          );
        return {
          comment: `Протокол № ${protocolNumber} от ${formatDate(protocolDate)}${comment ? `. ${comment}` : ""}`,
        };
      });
    },
  };
}

export function decisionProblems(
  decision: string,
  protocolNumber: string,
  protocolDate: string,
  comment: string,
  application: Pick<ApplicationRow, "submittedAt">,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (decision !== "approve" && decision !== "reject")
    problems.push({ field: "decision", message: "Выберите решение" });
  if (!protocolNumber || protocolNumber.length > 50) {
    problems.push({ field: "protocolNumber", message: "Укажите номер протокола заседания комиссии" });
  }
  const submitted = application.submittedAt ? moscowDay(application.submittedAt) : today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(protocolDate) || protocolDate > today || protocolDate < submitted) {
    problems.push({
      field: "protocolDate",
      message: "Укажите дату протокола: не раньше подачи заявки и не позже сегодняшнего дня",
    });
  }
  if (decision === "reject" && comment.length < 5) {
    problems.push({ field: "comment", message: "Укажите причину отказа: заявитель увидит её" });
  }
  if (comment.length > 2000)
    problems.push({ field: "comment", message: "Слишком длинный текст: не более 2000 символов" });
  return problems;
}

/** The register's procedure for the passed accreditation, valid five years, and the extract for it. */
async function recordResult(
  tx: Executor,
  application: ApplicationRow,
  protocolNumber: string,
  protocolDate: string,
  now: Date,
  commissionName: string,
): Promise<void> {
  const personId = await registerPersonFor(tx, application.userId);
  const kind = codeAndName("accreditationKinds", kindDefinitions[application.kind].registerKindCode);
  const procedure = await addAccreditationProcedure(tx, personId, {
    accreditationKindId: kind.code,
    accreditationKind: kind.name,
    specId: application.specialtyCode,
    spec: application.specialtyName,
    institution: commissionName,
    passed: true,
    passDate: protocolDate,
    endDate: addYears(protocolDate, 5),
    protocolDate,
    protocolNumber,
  });
  const extract = await issueExtract(tx, {
    applicationId: application.id,
    procedureId: procedure.id,
    issuedAt: now,
  });
  await auditSuccess(tx, { userId: application.userId }, "extract.issued", {
    applicationId: application.id,
    procedureId: procedure.id,
    extract: extract.number,
  });
}

/**
 * A refusal is a result of the procedure too: the register keeps it with its reason, so that the
 * person's record shows it and not only the application (W10).
 */
async function recordRefusal(
  tx: Executor,
  application: ApplicationRow,
  decision: { protocolNumber: string; protocolDate: string; reason: string },
  commissionName: string,
): Promise<void> {
  const personId = await registerPersonFor(tx, application.userId);
  const kind = codeAndName("accreditationKinds", kindDefinitions[application.kind].registerKindCode);
  await addAccreditationProcedure(tx, personId, {
    accreditationKindId: kind.code,
    accreditationKind: kind.name,
    specId: application.specialtyCode,
    spec: application.specialtyName,
    institution: commissionName,
    passed: false,
    protocolDate: decision.protocolDate,
    protocolNumber: decision.protocolNumber,
    failReason: decision.reason,
  });
}

/** The applicant's person in the register; one is created from the cabinet's user if the register lacks it. */
async function registerPersonFor(tx: Executor, userId: string): Promise<string> {
  const person = await findPersonByUserId(tx, userId);
  if (person) return person.id;
  const user = await findUserById(tx, userId);
  if (!user) throw new Error("applicant without a user row");
  const created = await insertRecord(tx, {
    person: {
      userId,
      snils: user.snils,
      lastName: user.lastName,
      firstName: user.firstName,
      patronymic: user.middleName,
    },
  });
  const linked =
    created ??
    (user.snils
      ? await linkPersonBySnils(tx, { userId, esiaOid: user.esiaOid, snils: user.snils })
      : undefined);
  if (!linked) throw new Error("the applicant's СНИЛС belongs to another person of the register");
  return linked;
}
