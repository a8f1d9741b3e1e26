// SQL of the commission's back office: operators and the queue of filed applications.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { pickColumns } from "../../db/pick-columns.ts";
import type { ApplicationKind } from "../applications/applications.kinds.ts";
import { applications } from "../applications/applications.schema.ts";
import { type ApplicationStatus, backOfficeStatuses } from "../applications/applications.status.ts";
import { users } from "../identity/identity.schema.ts";
import { addToRoster, rosterHasUser } from "../identity/snils-roster.ts";
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

export const addOperator = (db: DbExecutor, snils: string, now: Date) =>
  addToRoster(db, operators, snils, now);

export const isOperatorUser = (db: DbExecutor, userId: string) => rosterHasUser(db, operators, userId);

/** Operators who have logged in at least once: the ones an application can be assigned to. */
export async function listOperatorUsers(db: DbExecutor) {
  return db
    .select(pickColumns(users, "id", "lastName", "firstName", "middleName"))
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
  /** The last row of the previous page (keyset paging: the page starts right after it). */
  after?: QueueCursor | undefined;
  pageSize: number;
}

/** Position in the queue's order (stage deadline, nulls last, then number). */
export interface QueueCursor {
  stageDueOn: string | null;
  number: number;
}

/** `2026-12-05.123` or `-.123` (no deadline); undefined for anything else. */
export function parseQueueCursor(text: string | undefined): QueueCursor | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}|-)\.(\d{1,15})$/.exec(text ?? "");
  if (!match) return undefined;
  const number = Number(match[2]);
  if (!Number.isSafeInteger(number)) return undefined;
  return { stageDueOn: match[1] === "-" ? null : (match[1] as string), number };
}

export function formatQueueCursor(cursor: QueueCursor): string {
  return `${cursor.stageDueOn ?? "-"}.${cursor.number}`;
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
 * One page of the queue, the most urgent deadline first, by keyset: the page starts after the cursor
 * and walks the (stage_due_on, number) index, so a page far down the queue costs what the first one
 * does (OFFSET would read and drop every row before it). The rows with a deadline and those without
 * (nulls last) are read separately, each as an index range; the second only when the first runs out.
 * One row more than the page is read to know whether a next page exists.
 */
export async function queuePage(db: DbExecutor, filter: QueueFilter) {
  const want = filter.pageSize + 1;
  const after = filter.after;
  const select = () =>
    db
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
      .leftJoin(assignee, eq(assignee.id, applications.assigneeId));
  const rows =
    after?.stageDueOn === null
      ? []
      : await select()
          .where(
            and(
              queueConditions(filter),
              after
                ? sql`(${applications.stageDueOn}, ${applications.number}) > (${after.stageDueOn}, ${after.number})`
                : isNotNull(applications.stageDueOn),
            ),
          )
          .orderBy(asc(applications.stageDueOn), asc(applications.number))
          .limit(want);
  if (rows.length < want) {
    const undated = await select()
      .where(
        and(
          queueConditions(filter),
          isNull(applications.stageDueOn),
          after?.stageDueOn === null ? gt(applications.number, after.number) : undefined,
        ),
      )
      .orderBy(asc(applications.number))
      .limit(want - rows.length);
    rows.push(...undated);
  }
  const page = rows.slice(0, filter.pageSize);
  const last = page.at(-1);
  const next =
    rows.length > filter.pageSize && last ? { stageDueOn: last.stageDueOn, number: last.number } : undefined;
  return { rows: page, hasNext: next !== undefined, next };
}

export type QueueRow = Awaited<ReturnType<typeof queuePage>>["rows"][number];
