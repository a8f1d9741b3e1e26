import { eq, sql } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import { findRow } from "../../db/rows.ts";
import { users } from "./identity.schema.ts";

export interface PersonIdentity {
  esiaOid: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  snils: string | null;
  trusted: boolean;
}

export type UserRow = typeof users.$inferSelect;

/** Creates or refreshes the user from ESIA data and moves the last login to «previous». */
export async function upsertUserOnLogin(db: Pick<Database, "insert">, person: PersonIdentity, now: Date) {
  const [row] = await db
    .insert(users)
    .values({ ...person, lastLoginAt: now })
    .onConflictDoUpdate({
      target: users.esiaOid,
      set: {
        lastName: person.lastName,
        firstName: person.firstName,
        middleName: person.middleName,
        snils: person.snils,
        trusted: person.trusted,
        previousLoginAt: sql`${users.lastLoginAt}`,
        lastLoginAt: now,
      },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export const findUserById = (db: DbExecutor, id: string): Promise<UserRow | undefined> =>
  findRow(db, users, eq(users.id, id));
