// The worker's use cases of «Мои заявки» (W9): options for a new application, creating it, the
// list, the application with everything its page shows. Edits of a draft are in applications.drafts.ts,
// the moves in applications.filing.ts.

import type { FilingWindow } from "../../config/config.ts";
import type { Database } from "../../db/client.ts";
import { keysetPage, type TimeCursor } from "../../db/keyset.ts";
import type { Clock } from "../../shared/clock.ts";
import { moscowDay } from "../../shared/working-days.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { type DocumentRow, listDocuments } from "../documents/documents.repository.ts";
import {
  findOrganizationsByFrmoOids,
  type OrganizationRow,
} from "../organizations/organizations.repository.ts";
import { loadRecord, type RegisterRecord } from "../register/record.repository.ts";
import { dictionaries } from "../register/register.dictionaries.ts";
import { findPersonByUserId } from "../register/register.repository.ts";
import { type SignatureRow, signaturesOf } from "../signatures/signatures.repository.ts";
import { type CabinetActor, ownApplication } from "./applications.access.ts";
import { type ApplicationKind, isApplicationKind, kindDefinitions } from "./applications.kinds.ts";
import { type FilingState, type Problem, submissionProblems } from "./applications.policy.ts";
import {
  type ApplicationRow,
  type AttachmentItem,
  findOpenApplication,
  insertApplication,
  insertEvent,
  listAttachments,
  listEvents,
  listPortfolioEntries,
  listRequestedDocuments,
  listUserApplications,
  listUserApplicationsPage,
  type PortfolioEntryRow,
  type RequestedDocumentRow,
} from "./applications.repository.ts";
import {
  buildPortfolio,
  checkFilingWindow,
  type PeriodicBasis,
  periodicBases,
  reportingPeriodFrom,
  windowMessage,
} from "./applications.rules.ts";
import type { PortfolioSnapshot } from "./applications.schema.ts";
import { type ApplicationAction, availableActions } from "./applications.status.ts";
import type { Executor } from "./applications.transitions.ts";
import { agreementSignatures } from "./approval-decision.ts";

/** «Мои заявки» a page; a worker seldom has more. */
export const APPLICATIONS_PAGE_SIZE = 20;

export interface ApplicationsDeps {
  db: Database;
  clock: Clock;
  filingWindow: FilingWindow;
}

export type Outcome<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; reason: "not-found" | "not-editable" | "changed-meanwhile" }
  | { ok: false; reason: "invalid"; problems: Problem[] };

export interface NewApplicationOptions {
  bases: (PeriodicBasis & { windowProblem: string | undefined })[];
  specialties: readonly { code: string; name: string }[];
  openSpecialtyCodes: string[];
}

export interface ApplicationDetails {
  application: ApplicationRow;
  attachments: AttachmentItem[];
  requested: RequestedDocumentRow[];
  entries: PortfolioEntryRow[];
  portfolio: PortfolioSnapshot | undefined;
  history: Awaited<ReturnType<typeof listEvents>>;
  documents: DocumentRow[];
  organizations: OrganizationRow[];
  problems: Problem[];
  actions: ApplicationAction[];
  /** The head's signed decisions on the report, oldest first. */
  agreementSignatures: SignatureRow[];
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;

/** The person's file in the register, when the register knows them. */
export async function registerRecordOf(db: Executor, userId: string): Promise<RegisterRecord | undefined> {
  const person = await findPersonByUserId(db, userId);
  return person ? loadRecord(db, person) : undefined;
}

/** What decides whether the application can be filed: its parts, the portfolio, the window. */
export async function loadFilingState(
  db: Executor,
  application: ApplicationRow,
  today: string,
  filingWindow: FilingWindow,
): Promise<{
  state: FilingState;
  attachments: AttachmentItem[];
  entries: PortfolioEntryRow[];
  record: RegisterRecord | undefined;
}> {
  const [attachments, entries, record] = await Promise.all([
    listAttachments(db, application.id),
    listPortfolioEntries(db, application.id),
    registerRecordOf(db, application.userId),
  ]);
  const periodic = kindDefinitions[application.kind].portfolio;
  const portfolio = periodic
    ? (application.portfolio ??
      buildPortfolio(
        reportingPeriodFrom(application.basisEndDate, today),
        record?.extEducation ?? [],
        entries,
      ))
    : undefined;
  const window =
    periodic && application.basisEndDate
      ? checkFilingWindow(application.basisEndDate, today, filingWindow)
      : undefined;
  const state: FilingState = {
    kind: application.kind,
    status: application.status,
    report: application.report,
    agreementMode: application.agreementMode,
    organizationId: application.organizationId,
    desiredDate: application.desiredDate,
    attached: attachments,
    portfolio,
    windowProblem: window && !window.ok ? windowMessage(window) : undefined,
  };
  return { state, attachments, entries, record };
}

/** Organizations of the worker's current employment cards that are in our ФРМО register. */
export async function employerOrganizations(db: Executor, record: RegisterRecord | undefined, today: string) {
  const current = (record?.cards ?? []).filter((card) => !card.endDate || card.endDate >= today);
  return findOrganizationsByFrmoOids(db, [...new Set(current.map((card) => card.oid))]);
}

export function createApplicationsService({ db, clock, filingWindow }: ApplicationsDeps) {
  const today = () => moscowDay(clock.now());

  async function options(actor: CabinetActor): Promise<NewApplicationOptions> {
    const [record, mine] = await Promise.all([
      registerRecordOf(db, actor.userId),
      listUserApplications(db, actor.userId),
    ]);
    const bases = periodicBases({
      certificates: record?.certificates ?? [],
      procedures: record?.accreditation?.procedures ?? [],
    }).map((basis) => {
      const check = checkFilingWindow(basis.endDate, today(), filingWindow);
      return { ...basis, windowProblem: check.ok ? undefined : windowMessage(check) };
    });
    const openSpecialtyCodes = mine
      .filter((application) => !["approved", "rejected", "withdrawn"].includes(application.status))
      .map((application) => application.specialtyCode);
    return { bases, specialties: dictionaries.specialties.entries, openSpecialtyCodes };
  }

  return {
    options,

    async create(
      actor: CabinetActor,
      input: { kind: unknown; specialtyCode: unknown },
    ): Promise<Outcome<ApplicationRow>> {
      if (actor.context?.kind !== "worker") return { ok: false, reason: "not-found" };
      const invalid = (field: string, message: string) => ({
        ok: false as const,
        reason: "invalid" as const,
        problems: [{ field, message }],
      });
      if (!isApplicationKind(input.kind)) return invalid("kind", "Выберите вид аккредитации");
      const kind: ApplicationKind = input.kind;
      const code = typeof input.specialtyCode === "string" ? input.specialtyCode : "";
      const available = await options(actor);
      let basis: PeriodicBasis | undefined;
      let specialtyName: string | undefined;
      if (kind === "periodic") {
        const found = available.bases.find((candidate) => candidate.specialtyCode === code);
        if (!found) {
          return invalid(
            "specialtyCode",
            "Периодическая аккредитация возможна только по специальности, по которой в реестре есть ваш сертификат специалиста или аккредитация",
          );
        }
        if (found.windowProblem) return invalid("specialtyCode", found.windowProblem);
        basis = found;
        specialtyName = found.specialtyName;
      } else {
        specialtyName = available.specialties.find((entry) => entry.code === code)?.name;
        if (!specialtyName) return invalid("specialtyCode", "Выберите специальность");
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const open = await findOpenApplication(tx, actor.userId, code);
        if (open) {
          return invalid(
            "specialtyCode",
            `По этой специальности у вас уже есть заявка № ${open.number} в работе. Новую можно создать после решения по ней или если её отозвать.`,
          );
        }
        const application = await insertApplication(tx, {
          userId: actor.userId,
          kind,
          specialtyCode: code,
          specialtyName: specialtyName ?? code,
          status: "draft",
          basisLabel: basis?.label ?? null,
          basisEndDate: basis?.endDate ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await insertEvent(tx, {
          applicationId: application.id,
          occurredAt: now,
          actorId: actor.userId,
          actorRole: "worker",
          action: "create",
          fromStatus: "draft",
          toStatus: "draft",
        });
        await writeAudit(tx, {
          event: "application.created",
          outcome: "success",
          userId: actor.userId,
          ip: actor.ip,
          details: { applicationId: application.id, kind },
        });
        return { ok: true as const, value: application };
      });
    },

    async list(actor: CabinetActor): Promise<ApplicationRow[]> {
      if (actor.context?.kind !== "worker") return [];
      return listUserApplications(db, actor.userId);
    },

    /** One page of «Мои заявки» after the cursor (keyset), and the next page's cursor if any. */
    async listPage(
      actor: CabinetActor,
      after: TimeCursor | undefined,
    ): Promise<{ applications: ApplicationRow[]; next: string | undefined }> {
      if (actor.context?.kind !== "worker") return { applications: [], next: undefined };
      const rows = await listUserApplicationsPage(db, actor.userId, {
        limit: APPLICATIONS_PAGE_SIZE + 1,
        after,
      });
      const { rows: applications, next } = keysetPage(rows, APPLICATIONS_PAGE_SIZE, (row) => row.number);
      return { applications, next };
    },

    async details(actor: CabinetActor, id: string): Promise<ApplicationDetails | undefined> {
      const application = await ownApplication(db, actor, id, "view");
      if (!application) return undefined;
      const { state, attachments, entries, record } = await loadFilingState(
        db,
        application,
        today(),
        filingWindow,
      );
      const [requested, history, documents, organizations, signed] = await Promise.all([
        listRequestedDocuments(db, application.id),
        listEvents(db, application.id),
        // All of the worker's documents, for the slot pickers (the quota keeps the list short).
        listDocuments(db, actor.userId, { limit: 1000 }),
        employerOrganizations(db, record, today()),
        signaturesOf(db, "approval", [application.id]),
      ]);
      return {
        agreementSignatures: agreementSignatures(signed, application.organizationId),
        application,
        attachments,
        requested,
        entries,
        portfolio: state.portfolio,
        history,
        documents,
        organizations,
        problems: submissionProblems(state),
        actions: availableActions(application.status, "worker"),
      };
    },
  };
}
