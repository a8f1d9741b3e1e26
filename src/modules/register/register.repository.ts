// SQL for the register's person: linking to the cabinet user, the ESIA snapshot, personal data.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { findRow } from "../../db/rows.ts";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import type { PersonalDataChange } from "./personal-data.validation.ts";
import { codeAndName, RF_PASSPORT_CODE } from "./register.dictionaries.ts";
import { esiaSnapshots, registerIdentityDocuments, registerPersons } from "./register.schema.ts";

export type PersonRow = typeof registerPersons.$inferSelect;
export type NewPerson = typeof registerPersons.$inferInsert;
export type IdentityDocumentRow = typeof registerIdentityDocuments.$inferSelect;

export async function findPersonByUserId(db: DbExecutor, userId: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(registerPersons).where(eq(registerPersons.userId, userId)).limit(1);
  return row;
}

/**
 * Links the not yet linked register person with this СНИЛС to the user; returns the person's id,
 * or undefined when the register has no such person.
 */
export async function linkPersonBySnils(
  tx: DbExecutor,
  link: { userId: string; esiaOid: string; snils: string },
): Promise<string | undefined> {
  const [row] = await tx
    .update(registerPersons)
    .set({ userId: link.userId, esiaOid: link.esiaOid })
    .where(and(eq(registerPersons.snils, link.snils), isNull(registerPersons.userId)))
    .returning({ id: registerPersons.id });
  return row?.id;
}

export async function saveEsiaSnapshot(
  tx: DbExecutor,
  userId: string,
  person: EsiaPerson,
  now: Date,
): Promise<void> {
  await tx
    .insert(esiaSnapshots)
    .values({ userId, person, receivedAt: now })
    .onConflictDoUpdate({ target: esiaSnapshots.userId, set: { person, receivedAt: now } });
}

const esiaSnapshot = prepared((db) =>
  db
    .select()
    .from(esiaSnapshots)
    .where(eq(esiaSnapshots.userId, sql.placeholder("userId")))
    .limit(1)
    .prepare("esia_snapshot"),
);

export async function findEsiaSnapshot(db: DbExecutor, userId: string): Promise<EsiaPerson | undefined> {
  const [row] = await esiaSnapshot(db).execute({ userId });
  return row?.person;
}

/** The person's Russian passport among their identity documents. */
const passportOf = (personId: string | typeof registerPersons.id) =>
  and(
    eq(registerIdentityDocuments.personId, personId),
    eq(registerIdentityDocuments.documentId, RF_PASSPORT_CODE),
  );

export const findPassport = (db: DbExecutor, personId: string): Promise<IdentityDocumentRow | undefined> =>
  findRow(db, registerIdentityDocuments, passportOf(personId));

// The worker's pages read the person with the passport (issue 9): one prepared statement instead of
// two in a row. A person has at most one document of a kind (register_identity_documents_kind_idx).
const personWithPassport = prepared((db) =>
  db
    .select({ person: registerPersons, passport: registerIdentityDocuments })
    .from(registerPersons)
    .leftJoin(registerIdentityDocuments, passportOf(registerPersons.id))
    .where(eq(registerPersons.userId, sql.placeholder("userId")))
    .limit(1)
    .prepare("person_with_passport"),
);

/** The user's register person and their passport, as `findPersonByUserId` and `findPassport` read them. */
export async function findPersonWithPassport(
  db: DbExecutor,
  userId: string,
): Promise<{ person: PersonRow | undefined; passport: IdentityDocumentRow | undefined }> {
  const [row] = await personWithPassport(db).execute({ userId });
  return { person: row?.person, passport: row?.passport ?? undefined };
}

/** True when another register person already has this СНИЛС. */
export async function isSnilsTaken(db: DbExecutor, snils: string, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: registerPersons.id })
    .from(registerPersons)
    .where(and(eq(registerPersons.snils, snils), ne(registerPersons.id, personId)))
    .limit(1);
  return rows.length > 0;
}

export async function updatePersonalData(
  tx: DbExecutor,
  personId: string,
  change: PersonalDataChange,
  now: Date,
): Promise<void> {
  const passport = { ...change.passport };
  const kind = codeAndName("identityDocuments", RF_PASSPORT_CODE);
  await tx
    .insert(registerIdentityDocuments)
    .values({ personId, documentId: kind.code, documentName: kind.name, ...passport })
    .onConflictDoUpdate({
      target: [registerIdentityDocuments.personId, registerIdentityDocuments.documentId],
      set: passport,
    });
  await tx
    .update(registerPersons)
    .set({ inn: change.inn, ...(change.snils ? { snils: change.snils } : {}), updatedAt: now })
    .where(eq(registerPersons.id, personId));
}
