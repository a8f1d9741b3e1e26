// The organization's own requests to the register (O9 «подачу заявок… от имени организации»): to
// change the organization's data, to open or close a branch or a structural unit, to correct an
// employee's register data. Each has its attachments (organization files), a status and a history.
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.schema.ts";
import { createdAndUpdated, generatedId, historyTable } from "../org-submissions/submission-columns.ts";
import { organizationId } from "../organizations/organization-columns.ts";

export const orgRequestKinds = [
  "organization_data",
  "unit_open",
  "unit_close",
  "employee_correction",
] as const;
export type OrgRequestKind = (typeof orgRequestKinds)[number];

export const orgRequestStatuses = ["submitted", "approved", "refused"] as const;
export type OrgRequestStatus = (typeof orgRequestStatuses)[number];

export type OrgRequestAction = "submitted" | "approved" | "refused";

export const organizationRequests = pgTable(
  "organization_requests",
  {
    id: generatedId(),
    organizationId: organizationId(),
    kind: text("kind").$type<OrgRequestKind>().notNull(),
    /** The request's fields as checked (names depend on the kind), shown back as entered. */
    details: jsonb("details").$type<Record<string, string>>().notNull(),
    /** One line for lists: what is asked, in the words of the form. */
    summary: text("summary").notNull(),
    status: text("status").$type<OrgRequestStatus>().notNull().default("submitted"),
    decisionComment: text("decision_comment"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    ...createdAndUpdated(),
  },
  (table) => [
    index("organization_requests_org_idx").on(table.organizationId, table.createdAt),
    index("organization_requests_status_idx").on(table.status, table.createdAt),
  ],
);

/** Every step of a request: its history. */
export const organizationRequestEvents = historyTable<OrgRequestAction, "requestId">(
  "organization_request_events",
  "requestId",
  () => organizationRequests.id,
);
