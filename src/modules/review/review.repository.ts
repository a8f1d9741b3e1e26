// SQL of the commission's back office: operators and the queue of filed applications.
import { and, asc, eq, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import type { ApplicationKind } from "../applications/applications.kinds.ts";
import { applications } from "../applications/applications.schema.ts";
import { type ApplicationStatus, backOfficeStatuses } from "../applications/applications.status.ts";
import { users } from "../identity/identity.schema.ts";
import { operators } from "./review.schema.ts";

/** Statuses the commission sees: from submission on; drafts and the head's agreement are private. */
export const filedStatuses: readonly ApplicationStatus[] = [
  "submitted",
  "under_review",
  "documents_requested",
  "with_commission",
  "approved",
  "rejected",
  "withdrawn",
];

export async function addOperator(db: DbExecutor, snils: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(operators)
    .values({ snils, addedAt: now })
    .onConflictDoNothing()
    .returning({ snils: operators.snils });
  return rows.length > 0;
}

export async function isOperatorUser(db: DbExecutor, userId: string): Promise<boolean> {
  const rows = await db
    .select({ snils: operators.snils })
    .from(operators)
    .innerJoin(users, eq(users.snils, operators.snils))
    .where(eq(users.id, userId))
    .limit(1);
  return rows.length > 0;
}

/** Operators who have logged in at least once: the ones an application can be assigned to. */
export async function listOperatorUsers(db: DbExecutor) {
  return db
    .select({
      id: users.id,
      lastName: users.lastName,
      firstName: users.firstName,
      middleName: users.middleName,
    })
    .from(operators)
    .innerJoin(users, eq(users.snils, operators.snils))
    .orderBy(asc(users.lastName), asc(users.firstName));
}

/** What the queue shows by default: the applications the commission has to work on. */
export const inWorkStatuses: readonly ApplicationStatus[] = [...backOfficeStatuses, "documents_requested"];

export interface QueueFilter {
  /** One status, every filed application (`all`), or those in work (undefined). */
  status?: ApplicationStatus | "all" | undefined;
  kind?: ApplicationKind | undefined;
  specialtyCode?: string | undefined;
  /** Only applications whose stage deadline is before `today`. */
  overdue?: boolean | undefined;
  today: string;
  page: number;
  pageSize: number;
}

const assignee = alias(users, "assignee");

function queueConditions(filter: QueueFilter): SQL | undefined {
  return and(
    // A draft the worker withdrew was never filed: it is «Отозвано» but not the commission's.
    isNotNull(applications.submittedAt),
    filter.status === "all"
      ? inArray(applications.status, [...filedStatuses])
      : filter.status
        ? eq(applications.status, filter.status)
        : inArray(applications.status, [...inWorkStatuses]),
    filter.kind ? eq(applications.kind, filter.kind) : undefined,
    filter.specialtyCode ? eq(applications.specialtyCode, filter.specialtyCode) : undefined,
    filter.overdue
      ? and(inArray(applications.status, [...backOfficeStatuses]), lt(applications.stageDueOn, filter.today))
      : undefined,
  );
}

/**
 * One page of the queue, the most urgent deadline first. One row more than the page is read to know
 * whether a next page exists: counting every matching application would cost more than the page.
 */
export async function queuePage(db: DbExecutor, filter: QueueFilter) {
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      kind: applications.kind,
      specialtyName: applications.specialtyName,
      status: applications.status,
      submittedAt: applications.submittedAt,
      stageDueOn: applications.stageDueOn,
      applicant: { lastName: users.lastName, firstName: users.firstName, middleName: users.middleName },
      assignee: { lastName: assignee.lastName, firstName: assignee.firstName },
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .leftJoin(assignee, eq(assignee.id, applications.assigneeId))
    .where(queueConditions(filter))
    .orderBy(sql`${applications.stageDueOn} asc nulls last`, asc(applications.number))
    .limit(filter.pageSize + 1)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows: rows.slice(0, filter.pageSize), hasNext: rows.length > filter.pageSize };
}

export type QueueRow = Awaited<ReturnType<typeof queuePage>>["rows"][number];
