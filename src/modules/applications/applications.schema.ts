import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { documents } from "../documents/documents.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import type { ApplicationKind } from "./applications.kinds.ts";
import type { ApplicationRole, ApplicationStatus, HistoryAction } from "./applications.status.ts";

/** Why the report goes without the head's agreement, or `head` when it is sent for agreement (§5). */
export type AgreementMode =
  | "head"
  | "not_working"
  | "motivated_refusal"
  | "applicant_is_head"
  | "individual_entrepreneur";

/** The form part of the report on professional activity; the signed report itself is a PDF slot. */
export interface ActivityReport {
  workplace: string;
  position: string;
  periodFrom: string;
  periodTo: string;
  summary: string;
}

/** Education of the reporting period as it stood at submission, so reviewers see what was filed. */
export interface PortfolioSnapshot {
  periodFrom: string;
  totalHours: number;
  entries: {
    source: "register" | "worker";
    /** The worker's own entry (application_portfolio_entries.id). */
    entryId?: string;
    title: string;
    institution: string;
    hours: number;
    date: string | null;
  }[];
}

const day = (name: string) => date(name, { mode: "string" });
const moment = (name: string) => timestamp(name, { withTimezone: true });
const uuidKey = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/**
 * The gap-free counter of application numbers, one row per year: taken with an UPDATE in the
 * transaction that creates the application, so a rolled-back creation gives its number back (a
 * sequence would not, and its cache skips numbers after a crash).
 */
export const applicationNumberCounters = pgTable("application_number_counters", {
  year: integer("year").primaryKey(),
  lastValue: bigint("last_value", { mode: "number" }).notNull(),
});

/** An accreditation application (W9); its status moves only through applications.status.ts. */
export const applications = pgTable(
  "applications",
  {
    id: uuidKey(),
    /** The number the worker and the commission quote: the year and the year's count, 2026000015. */
    number: bigserial("number", { mode: "number" }).notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<ApplicationKind>().notNull(),
    specialtyCode: text("specialty_code").notNull(),
    specialtyName: text("specialty_name").notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    /** Periodic: the допуск renewed (certificate or accreditation) and its end date. */
    basisLabel: text("basis_label"),
    basisEndDate: day("basis_end_date"),
    /** Primary kinds: the date the applicant would like to take the accreditation. */
    desiredDate: day("desired_date"),
    report: jsonb("report").$type<ActivityReport>(),
    agreementMode: text("agreement_mode").$type<AgreementMode>(),
    /** The organization whose head is asked to agree the report. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    agreementComment: text("agreement_comment"),
    portfolio: jsonb("portfolio").$type<PortfolioSnapshot>(),
    /** The commission's reviewer the application is assigned to. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** Deadline of the current back-office stage, in working days by the production calendar. */
    stageDueOn: day("stage_due_on"),
    submittedAt: moment("submitted_at"),
    protocolNumber: text("protocol_number"),
    protocolDate: day("protocol_date"),
    decisionComment: text("decision_comment"),
    decidedAt: moment("decided_at"),
    createdAt: moment("created_at").notNull(),
    updatedAt: moment("updated_at").notNull(),
  },
  (table) => [
    index("applications_user_idx").on(table.userId, table.createdAt),
    index("applications_queue_idx").on(table.status, table.stageDueOn),
    // The commission's queue in its order (the most urgent deadline first): the first page is read
    // from the index instead of sorting every filed application.
    index("applications_deadline_idx").on(table.stageDueOn.asc().nullsLast(), table.number),
    index("applications_organization_idx").on(table.organizationId, table.status),
    // One open application per specialty and person.
    uniqueIndex("applications_one_open_idx")
      .on(table.userId, table.specialtyCode)
      .where(sql`${table.status} not in ('approved', 'rejected', 'withdrawn')`),
  ],
);

/** The application a row belongs to; the row goes with it. */
const applicationRef = () =>
  uuid("application_id")
    .notNull()
    .references(() => applications.id, { onDelete: "cascade" });

/** A list that belongs to one application: its own id, the application, and the index to read it by. */
const listOfApplicationTable = <Name extends string, Columns extends Record<string, PgColumnBuilderBase>>(
  name: Name,
  columns: Columns,
) =>
  pgTable(name, { id: uuidKey(), applicationId: applicationRef(), ...columns }, (table) => [
    index(`${name}_idx`).on(table.applicationId),
  ]);

/** A document of «Мои документы» put into a slot of the application. */
export const applicationAttachments = pgTable(
  "application_attachments",
  {
    id: uuidKey(),
    applicationId: applicationRef(),
    slotId: text("slot_id").notNull(),
    // A draft's document deleted from «Мои документы» simply leaves the slot; a submitted
    // application's documents are locked against deletion (documents.repository lockDocuments).
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    attachedAt: moment("attached_at").notNull(),
  },
  (table) => [
    uniqueIndex("application_attachments_unique_idx").on(table.applicationId, table.slotId, table.documentId),
  ],
);

/** Education the worker adds to the portfolio beyond what the register holds. */
export const portfolioEntries = listOfApplicationTable("application_portfolio_entries", {
  title: text("title").notNull(),
  institution: text("institution").notNull(),
  hours: integer("hours").notNull(),
  completedOn: day("completed_on").notNull(),
  createdAt: moment("created_at").notNull(),
});

/** A document the commission asked for; `documentId` is set when the worker provides it (W11). */
export const requestedDocuments = listOfApplicationTable("application_requested_documents", {
  label: text("label").notNull(),
  typeCode: text("type_code").notNull(),
  /** The kind's slot asked for (null for a free-text item): its document types are the ones offered. */
  slotId: text("slot_id"),
  /** The commission's comment to the request, shown next to each item it asked for. */
  comment: text("comment"),
  requestedAt: moment("requested_at").notNull(),
  documentId: uuid("document_id").references(() => documents.id, { onDelete: "set null" }),
  providedAt: moment("provided_at"),
});

/** «История изменений» (W12): every move with date, time and who. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: applicationRef(),
    occurredAt: moment("occurred_at").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role").$type<ApplicationRole>().notNull(),
    action: text("action").$type<HistoryAction>().notNull(),
    fromStatus: text("from_status").$type<ApplicationStatus>().notNull(),
    toStatus: text("to_status").$type<ApplicationStatus>().notNull(),
    comment: text("comment"),
  },
  (table) => [index("application_events_idx").on(table.applicationId, table.occurredAt)],
);
