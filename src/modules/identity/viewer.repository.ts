// The signed-in person for every request in one statement: the user, their active consent (W2) and,
// when acting for an organization, its name. The consent gate and the pages reuse this row instead
// of reading the user and the consent again (the budget of DESIGN.md: ≤ 3 statements before a handler).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import type { ConsentRow } from "../consent/consent.repository.ts";
import { consents } from "../consent/consent.schema.ts";
import { notices } from "../notifications/notifications.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import type { UserRow } from "./identity.repository.ts";
import { sessions, users } from "./identity.schema.ts";

export interface ViewerRow {
  user: UserRow;
  /** The active consent to the ФРМР service, if given and not revoked. */
  consent: ConsentRow | undefined;
  organizationName: string | undefined;
  /** Unread notices (for the menu), counted up to UNREAD_SHOWN_MAX: the menu says «99+» beyond. */
  unreadNotices: number;
}

export const UNREAD_SHOWN_MAX = 99;

/** The viewer's columns: the user, the active consent, the organization's name, the unread count. */
const viewerColumns = {
  user: users,
  consent: consents,
  organizationName: organizations.shortName,
  // In the same statement, bounded by a limit so that a person with thousands of notices costs the same.
  unreadNotices: sql<number>`(select count(*)::int from (select 1 from ${notices} where ${notices.userId} = ${users.id} and ${notices.readAt} is null limit ${UNREAD_SHOWN_MAX + 1}) as unread)`,
};

// At most one active consent per person (consents_one_active_idx), so the join adds no rows.
const activeConsent = and(eq(consents.userId, users.id), isNull(consents.revokedAt));

// Prepared once (issue 9). Without an organization the placeholder is null: `id = null` joins nothing.
const viewerRow = prepared((db) =>
  db
    .select(viewerColumns)
    .from(users)
    .leftJoin(consents, activeConsent)
    .leftJoin(organizations, eq(organizations.id, sql.placeholder("organizationId")))
    .where(eq(users.id, sql.placeholder("userId")))
    .limit(1)
    .prepare("viewer_row"),
);

// The organization the session acts for, read from its stored context as the viewer plugin reads it.
const sessionOrganizationId = sql`case when ${sessions.data}->'context'->>'kind' = 'organization' then (${sessions.data}->'context'->>'organizationId')::uuid end`;

// Every signed-in request starts here: the session and its person in one prepared statement (issue 9).
const sessionWithViewer = prepared((db) =>
  db
    .select({ session: sessions, ...viewerColumns })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(consents, activeConsent)
    .leftJoin(organizations, eq(organizations.id, sessionOrganizationId))
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .limit(1)
    .prepare("session_with_viewer"),
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * The stored session with this id hash and, when it belongs to a person, their viewer row as
 * `findViewerRow` reads it for the session's user and context; undefined when there is no such session.
 */
export async function findSessionWithViewer(
  db: DbExecutor,
  idHash: string,
): Promise<{ session: SessionRow; viewer: ViewerRow | undefined } | undefined> {
  const [row] = await sessionWithViewer(db).execute({ idHash });
  if (!row) return undefined;
  return { session: row.session, viewer: row.user ? viewerRowOf({ ...row, user: row.user }) : undefined };
}

function viewerRowOf(row: {
  user: UserRow;
  consent: ConsentRow | null;
  organizationName: string | null;
  unreadNotices: number | null;
}): ViewerRow {
  return {
    user: row.user,
    consent: row.consent ?? undefined,
    organizationName: row.organizationName ?? undefined,
    unreadNotices: Number(row.unreadNotices ?? 0),
  };
}

export async function findViewerRow(
  db: DbExecutor,
  userId: string,
  organizationId: string | undefined,
): Promise<ViewerRow | undefined> {
  const [row] = await viewerRow(db).execute({ userId, organizationId: organizationId ?? null });
  return row ? viewerRowOf(row) : undefined;
}
