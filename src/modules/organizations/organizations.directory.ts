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

/** The filter's keys that pick organizations by the column of the same name. */
const exactKeys = ["id", "frmoOid", "ogrn", "inn"] as const;

export function createOrganizationsDirectory({ db }: { db: DbExecutor }) {
  return {
    async find(filter: OrganizationFilter): Promise<OrganizationRow[]> {
      const conditions: (SQL | undefined)[] = [
        ...exactKeys.map((key) => {
          const value = filter[key];
          return value ? eq(organizations[key], value) : undefined;
        }),
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
