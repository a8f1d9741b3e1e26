// Edits of a draft application: the report, the agreement switch, the desired date, documents in
// slots and the worker's own portfolio entries. Each edit checks ownership and the draft status
// under a row lock and is audited in its transaction.
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { findDocument } from "../documents/documents.repository.ts";
import { type CabinetActor, isUuid, ownApplication } from "./applications.access.ts";
import { slotOf } from "./applications.kinds.ts";
import { desiredDateProblem, isAgreementMode, isEditable, type Problem } from "./applications.policy.ts";
import {
  type ApplicationPatch,
  type ApplicationRow,
  deleteAttachment,
  deletePortfolioEntry,
  insertAttachment,
  insertPortfolioEntry,
  updateApplication,
} from "./applications.repository.ts";
import type { ActivityReport } from "./applications.schema.ts";
import type { ApplicationsDeps, Outcome } from "./applications.service.ts";
import { employerOrganizations, registerRecordOf } from "./applications.service.ts";
import type { Executor } from "./applications.transitions.ts";

type Form = Record<string, string | undefined>;
const text = (value: string | undefined): string => (value ?? "").trim();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type DraftsService = ReturnType<typeof createDraftsService>;

export function createDraftsService({ db, clock }: ApplicationsDeps) {
  /** Runs `change` on the actor's own draft, then audits it as `what`. */
  async function editDraft(
    actor: CabinetActor,
    id: string,
    what: string,
    change: (tx: Executor, application: ApplicationRow) => Promise<Problem[] | false>,
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const application = await ownApplication(tx, actor, id, what, true);
      if (!application) return { ok: false, reason: "not-found" } as const;
      if (!isEditable(application)) return { ok: false, reason: "not-editable" } as const;
      const result = await change(tx, application);
      if (result === false) return { ok: false, reason: "not-found" } as const;
      if (result.length > 0) return { ok: false, reason: "invalid", problems: result } as const;
      await updateApplication(tx, application.id, { updatedAt: clock.now() });
      await writeAudit(tx, {
        event: "application.updated",
        outcome: "success",
        userId: actor.userId,
        ip: actor.ip,
        details: { applicationId: application.id, change: what },
      });
      return { ok: true, value: undefined } as const;
    });
  }

  const patch = (tx: Executor, application: ApplicationRow, values: ApplicationPatch) =>
    updateApplication(tx, application.id, values).then(() => []);

  return {
    saveReport: (actor: CabinetActor, id: string, form: Form) =>
      editDraft(actor, id, "report", async (tx, application) => {
        const report: ActivityReport = {
          workplace: text(form.workplace),
          position: text(form.position),
          periodFrom: text(form.periodFrom),
          periodTo: text(form.periodTo),
          summary: text(form.summary),
        };
        const problems = reportFormProblems(report);
        return problems.length > 0 ? problems : patch(tx, application, { report });
      }),

    saveAgreement: (actor: CabinetActor, id: string, form: Form) =>
      editDraft(actor, id, "agreement", async (tx, application) => {
        const mode = form.agreementMode;
        if (!isAgreementMode(mode)) {
          return [{ field: "agreementMode", message: "Укажите, согласуется ли отчёт с руководителем" }];
        }
        if (mode !== "head") return patch(tx, application, { agreementMode: mode, organizationId: null });
        // Only an organization of the worker's own current employment cards may be asked.
        const record = await registerRecordOf(tx, actor.userId);
        const employers = await employerOrganizations(tx, record, moscowDay(clock.now()));
        const organization = employers.find((candidate) => candidate.id === form.organizationId);
        if (!organization) {
          return [{ field: "organizationId", message: "Выберите организацию, в которой вы работаете" }];
        }
        return patch(tx, application, { agreementMode: mode, organizationId: organization.id });
      }),

    saveDesiredDate: (actor: CabinetActor, id: string, form: Form) =>
      editDraft(actor, id, "desired_date", async (tx, application) => {
        const value = text(form.desiredDate);
        const problem = desiredDateProblem(value, moscowDay(clock.now()));
        return problem
          ? [{ field: "desiredDate", message: problem }]
          : patch(tx, application, { desiredDate: value });
      }),

    /** Puts one of the worker's own documents into a slot; its type must fit the slot. */
    attach: (actor: CabinetActor, id: string, slotId: string, documentId: string) =>
      editDraft(actor, id, "attach", async (tx, application) => {
        const slot = slotOf(application.kind, slotId);
        const document = isUuid(documentId) ? await findDocument(tx, documentId) : undefined;
        if (!slot) return false;
        if (!document || document.userId !== actor.userId) {
          return [{ field: `slot-${slotId}`, message: "Выберите документ из списка «Мои документы»" }];
        }
        if (!(slot.anyOf as readonly string[]).includes(document.typeCode)) {
          return [
            { field: `slot-${slotId}`, message: `Этот документ не подходит для раздела «${slot.label}»` },
          ];
        }
        await insertAttachment(tx, {
          applicationId: application.id,
          slotId,
          documentId,
          attachedAt: clock.now(),
        });
        return [];
      }),

    detach: (actor: CabinetActor, id: string, attachmentId: string) =>
      editDraft(actor, id, "detach", async (tx, application) =>
        isUuid(attachmentId) && (await deleteAttachment(tx, application.id, attachmentId)) ? [] : false,
      ),

    addPortfolioEntry: (actor: CabinetActor, id: string, form: Form) =>
      editDraft(actor, id, "portfolio_entry_added", async (tx, application) => {
        const entry = {
          title: text(form.title),
          institution: text(form.institution),
          hours: Number(text(form.hours)),
          completedOn: text(form.completedOn),
        };
        const problems = portfolioEntryProblems(entry, moscowDay(clock.now()));
        if (problems.length > 0) return problems;
        await insertPortfolioEntry(tx, { ...entry, applicationId: application.id, createdAt: clock.now() });
        return [];
      }),

    removePortfolioEntry: (actor: CabinetActor, id: string, entryId: string) =>
      editDraft(actor, id, "portfolio_entry_removed", async (tx, application) =>
        isUuid(entryId) && (await deletePortfolioEntry(tx, application.id, entryId)) ? [] : false,
      ),
  };
}

export function reportFormProblems(report: ActivityReport): Problem[] {
  const problems: Problem[] = [];
  if (!report.workplace) problems.push({ field: "workplace", message: "Укажите место работы" });
  if (!report.position) problems.push({ field: "position", message: "Укажите должность" });
  if (!ISO_DATE.test(report.periodFrom))
    problems.push({ field: "periodFrom", message: "Укажите начало отчётного периода" });
  if (!ISO_DATE.test(report.periodTo))
    problems.push({ field: "periodTo", message: "Укажите конец отчётного периода" });
  else if (ISO_DATE.test(report.periodFrom) && report.periodTo < report.periodFrom) {
    problems.push({ field: "periodTo", message: "Конец периода не может быть раньше его начала" });
  }
  if (report.summary.length < 20) {
    problems.push({
      field: "summary",
      message: "Опишите профессиональную деятельность (не менее 20 символов)",
    });
  }
  const tooLong = Object.entries(report).find(([, value]) => value.length > 5000);
  if (tooLong) problems.push({ field: tooLong[0], message: "Слишком длинный текст: не более 5000 символов" });
  return problems;
}

export function portfolioEntryProblems(
  entry: { title: string; institution: string; hours: number; completedOn: string },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (!entry.title || entry.title.length > 500)
    problems.push({ field: "title", message: "Укажите тему программы" });
  if (!entry.institution || entry.institution.length > 500) {
    problems.push({ field: "institution", message: "Укажите организацию, которая провела обучение" });
  }
  // Elements of continuing education on the НМО portal may be as short as one hour (§6.4).
  if (!Number.isInteger(entry.hours) || entry.hours < 1 || entry.hours > 1000) {
    problems.push({ field: "hours", message: "Укажите число академических часов: целое число от 1 до 1000" });
  }
  if (!ISO_DATE.test(entry.completedOn) || entry.completedOn > today) {
    problems.push({ field: "completedOn", message: "Укажите дату окончания обучения, не позже сегодняшней" });
  }
  return problems;
}
