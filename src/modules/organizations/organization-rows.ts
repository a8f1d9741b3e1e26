// An organization's own rows: every read and change is bounded by the organization, so that another
// organization's id finds nothing.
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { listRows } from "../../db/rows.ts";

type OrganizationTable = PgTable & { id: PgColumn; organizationId: PgColumn };

/** The organization's rows, and whatever else must hold of them. */
export const ofOrganization = (table: OrganizationTable, organizationId: string, ...more: SQL[]) =>
  and(eq(table.organizationId, organizationId), ...more);

/** The organization's row `id`, and whatever else must hold of it. */
export const ownRow = (table: OrganizationTable, organizationId: string, id: string, ...more: SQL[]) =>
  ofOrganization(table, organizationId, eq(table.id, id), ...more);

/** Every row of the organization, in the given order. */
export const listOwnRows = <Table extends OrganizationTable>(
  db: DbExecutor,
  table: Table,
  organizationId: string,
  ...order: (SQL | PgColumn)[]
): Promise<Table["$inferSelect"][]> => listRows(db, table, ofOrganization(table, organizationId), ...order);
