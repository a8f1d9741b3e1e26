// SQL that every organization's submission shares (a licence entered for checking, a request to the
// register): writing the row and the steps of its history, the history with the names of who acted,
// and the back office's reads across organizations. Each module builds its own from its two tables.
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { insertRow } from "../../db/rows.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";

type SubmissionTable = PgTable & { id: PgColumn; organizationId: PgColumn; createdAt: PgColumn };
type HistoryTable = PgTable & { actorId: PgColumn; occurredAt: PgColumn };

/** One step of the history with the name of who made it. */
export interface HistoryEntry<Event> {
  event: Event;
  actorLastName: string;
  actorFirstName: string;
  actorMiddleName: string | null;
}

/** A step as the service writes it; the submission's id goes into the history table's own column. */
export interface Step<Action extends string> {
  action: Action;
  actorId: string;
  occurredAt: Date;
  note?: string | null;
}

/** The organization a back-office read names and notifies. */
export interface OfOrganization {
  organizationName: string;
  organizationOid: string;
  contactEmail: string | null;
}

export function submissionRepository<
  Table extends SubmissionTable,
  Events extends HistoryTable & Record<`${Key}Id`, PgColumn>,
  Key extends string,
>(spec: {
  table: Table;
  events: Events;
  /**
   * The property of the row in the back office's reads (`licence` → `entry.licence`); the history
   * rows hold its id as `<key>Id`.
   */
  key: Key;
}) {
  type Row = Table["$inferSelect"];
  type Event = Events["$inferSelect"];
  type Action = Event extends { action: infer A extends string } ? A : never;
  const { table, events } = spec;
  const parentKey = `${spec.key}Id`;
  const parent = events[parentKey as `${Key}Id`] as PgColumn;

  /** The row with its organization; the operator's lock when `lock` takes only the row itself. */
  async function findForOperator(db: DbExecutor, id: string, lock = false) {
    const query = db
      .select({
        [spec.key]: table,
        organizationName: organizations.shortName,
        organizationOid: organizations.frmoOid,
        contactEmail: organizations.contactEmail,
      })
      .from(table as PgTable)
      .innerJoin(organizations, eq(organizations.id, table.organizationId))
      .where(eq(table.id, id))
      .limit(1);
    const [row] = lock ? await query.for("update", { of: table as PgTable }) : await query;
    return row as ({ [K in Key]: Row } & OfOrganization) | undefined;
  }

  return {
    /** The organization's own rows in `order`, at most `limit`. */
    listOwn: (db: DbExecutor, organizationId: string, order: readonly SQL[], limit = 200): Promise<Row[]> =>
      db
        .select()
        .from(table as PgTable)
        .where(eq(table.organizationId, organizationId))
        .orderBy(...order)
        .limit(limit) as Promise<Row[]>,

    /** A row of this organization (undefined for another's), locked for a change when `lock`. */
    async findOwn(
      db: DbExecutor,
      organizationId: string,
      id: string,
      lock = false,
    ): Promise<Row | undefined> {
      const query = db
        .select()
        .from(table as PgTable)
        .where(and(eq(table.id, id), eq(table.organizationId, organizationId)))
        .limit(1);
      const [row] = lock ? await query.for("update") : await query;
      return row as Row | undefined;
    },

    insert: (db: DbExecutor, values: Table["$inferInsert"]): Promise<Row> =>
      insertRow(db, table, values as never),

    async update(db: DbExecutor, id: string, values: Partial<Table["$inferInsert"]>): Promise<void> {
      await db
        .update(table as PgTable)
        .set(values as never)
        .where(eq(table.id, id));
    },

    async recordStep(db: DbExecutor, id: string, step: Step<Action>): Promise<void> {
      await db.insert(events as PgTable).values({ ...step, [parentKey]: id } as never);
    },

    /** The submission's history, the oldest step first. */
    history(db: DbExecutor, id: string): Promise<HistoryEntry<Event>[]> {
      return db
        .select({
          event: events,
          actorLastName: users.lastName,
          actorFirstName: users.firstName,
          actorMiddleName: users.middleName,
        })
        .from(events as PgTable)
        .innerJoin(users, eq(users.id, events.actorId))
        .where(eq(parent, id))
        .orderBy(asc(events.occurredAt)) as unknown as Promise<HistoryEntry<Event>[]>;
    },

    findForOperator,

    /** The row locked for the operator's decision, with where to tell its organization. */
    async lockForDecision(db: DbExecutor, id: string) {
      const found = await findForOperator(db, id, true);
      return found && { row: found[spec.key], contactEmail: found.contactEmail };
    },

    /** The back office's queue: the rows `where` picks with their organization, the oldest first. */
    queue(db: DbExecutor, where: SQL, limit: number) {
      return db
        .select({ [spec.key]: table, organizationName: organizations.shortName })
        .from(table as PgTable)
        .innerJoin(organizations, eq(organizations.id, table.organizationId))
        .where(where)
        .orderBy(asc(table.createdAt))
        .limit(limit) as unknown as Promise<(Record<Key, Row> & { organizationName: string })[]>;
    },
  };
}
