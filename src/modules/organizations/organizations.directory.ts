// Read-only lookups of registered organizations for other modules (the integration API, FHIR):
// by ФРМО OID, ОГРН, ИНН or id, and a page ordered by id for listings.
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import type { OrganizationRow } from "./organizations.repository.ts";
import { organizations } from "./organizations.schema.ts";

export interface OrganizationFilter {
  id?: string | undefined;
  frmoOid?: string | undefined;
  ogrn?: string | undefined;
  inn?: string | undefined;
  /** Keyset: rows with a greater id. */
  afterId?: string | undefined;
  limit: number;
}

export function createOrganizationsDirectory({ db }: { db: DbExecutor }) {
  return {
    async find(filter: OrganizationFilter): Promise<OrganizationRow[]> {
      const conditions: (SQL | undefined)[] = [
        filter.id ? eq(organizations.id, filter.id) : undefined,
        filter.frmoOid ? eq(organizations.frmoOid, filter.frmoOid) : undefined,
        filter.ogrn ? eq(organizations.ogrn, filter.ogrn) : undefined,
        filter.inn ? eq(organizations.inn, filter.inn) : undefined,
        filter.afterId ? gt(organizations.id, filter.afterId) : undefined,
      ];
      return db
        .select()
        .from(organizations)
        .where(and(...conditions))
        .orderBy(asc(organizations.id))
        .limit(filter.limit);
    },

    async byFrmoOid(frmoOid: string): Promise<OrganizationRow | undefined> {
      const [row] = await this.find({ frmoOid, limit: 1 });
      return row;
    },
  };
}

export type OrganizationsDirectory = ReturnType<typeof createOrganizationsDirectory>;
