// SQL of staff records. Staff are the register's persons with an employment card in the
// organization (by its ФРМО OID); every query is scoped by that OID, so another organization's
// persons and cards are never reached. Writes go to the register's own tables.
import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { findRow, listRows } from "../../db/rows.ts";
import type { EmploymentCardRow } from "../register/record.repository.ts";
import type { PersonRow } from "../register/register.repository.ts";
import { registerPersons } from "../register/register.schema.ts";
import {
  registerCertificates,
  registerEmploymentCards,
  registerExtEducation,
  registerPostgraduate,
  registerProfEducation,
  registerQualificationCategories,
} from "../register/register-record.schema.ts";
import type { CategoryValue, CertificateValue, EducationValue } from "./staff-records.validation.ts";

const cards = registerEmploymentCards;
const persons = registerPersons;

export interface StaffQuery {
  organizationOid: string;
  today: string;
  search?: string | undefined;
  includeDismissed: boolean;
  limit: number;
  offset: number;
}

export interface StaffListRow {
  personId: string;
  snils: string | null;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  posts: string | null;
  departments: string | null;
}

/** A card counts as current until its end date has passed. */
export const currentCard = (today: string): SQL =>
  or(isNull(cards.endDate), gte(cards.endDate, today)) as SQL;

/** СНИЛС (by its leading digits) or ФИО (every word somewhere in the full name). */
export function searchCondition(search: string | undefined): SQL | undefined {
  const text = (search ?? "").trim();
  if (!text) return undefined;
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{3,11}$/.test(digits)) return sql`${persons.snils} like ${`${digits}%`}`;
  const fullName = sql`lower(${persons.lastName} || ' ' || ${persons.firstName} || ' ' || coalesce(${persons.patronymic}, ''))`;
  const words = text.toLocaleLowerCase("ru").split(/\s+/).slice(0, 4);
  return and(...words.map((word) => sql`${fullName} like ${`%${word.replace(/[\\%_]/g, "\\$&")}%`}`));
}

/**
 * A page of the organization's staff sorted by name. The persons are taken page first (the name
 * index walks in order and stops after the page), then the positions of just those persons.
 */
export async function listStaff(
  db: DbExecutor,
  query: StaffQuery,
): Promise<{ rows: StaffListRow[]; total: number }> {
  const inOrganization = and(
    eq(cards.oid, query.organizationOid),
    query.includeDismissed ? undefined : currentCard(query.today),
  );
  const staff = inArray(
    persons.id,
    db.select({ personId: cards.personId }).from(cards).where(inOrganization),
  );
  const where = and(staff, searchCondition(query.search));
  const [page, [count]] = await Promise.all([
    db
      .select({
        personId: persons.id,
        snils: persons.snils,
        lastName: persons.lastName,
        firstName: persons.firstName,
        patronymic: persons.patronymic,
      })
      .from(persons)
      .where(where)
      .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(persons).where(where),
  ]);
  const positions =
    page.length === 0
      ? []
      : await db
          .select({
            personId: cards.personId,
            posts: sql<string | null>`string_agg(distinct ${cards.postName}, ', ')`,
            departments: sql<string | null>`string_agg(distinct ${cards.nrPmuDepartName}, ', ')`,
          })
          .from(cards)
          .where(
            and(
              inOrganization,
              inArray(
                cards.personId,
                page.map((row) => row.personId),
              ),
            ),
          )
          .groupBy(cards.personId);
  const byPerson = new Map(positions.map((row) => [row.personId, row]));
  const rows = page.map((row) => ({
    ...row,
    posts: byPerson.get(row.personId)?.posts ?? null,
    departments: byPerson.get(row.personId)?.departments ?? null,
  }));
  return { rows, total: count?.count ?? 0 };
}

/** The person, if they have (or had) a card in the organization; otherwise undefined. */
export async function findStaffMember(
  db: DbExecutor,
  organizationOid: string,
  personId: string,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .select({ person: persons })
    .from(persons)
    .innerJoin(cards, and(eq(cards.personId, persons.id), eq(cards.oid, organizationOid)))
    .where(eq(persons.id, personId))
    .limit(1);
  return row?.person;
}

export async function findPersonBySnils(db: DbExecutor, snils: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.snils, snils)).limit(1);
  return row;
}

export async function listCardsIn(
  db: DbExecutor,
  organizationOid: string,
  personId: string,
): Promise<EmploymentCardRow[]> {
  return listRows(
    db,
    cards,
    and(eq(cards.oid, organizationOid), eq(cards.personId, personId)),
    desc(cards.beginDate),
  );
}

export async function findCard(db: DbExecutor, organizationOid: string, personId: string, cardId: string) {
  return findRow(
    db,
    cards,
    and(eq(cards.id, cardId), eq(cards.oid, organizationOid), eq(cards.personId, personId)),
  );
}

export type NewCard = typeof cards.$inferInsert;

export async function insertCards(tx: DbExecutor, values: NewCard[]): Promise<void> {
  if (values.length > 0) await tx.insert(cards).values(values);
}

export async function updateCard(
  tx: DbExecutor,
  organizationOid: string,
  cardId: string,
  values: Partial<Omit<NewCard, "id" | "personId" | "oid">>,
): Promise<EmploymentCardRow | undefined> {
  const [row] = await tx
    .update(cards)
    .set(values)
    .where(and(eq(cards.id, cardId), eq(cards.oid, organizationOid)))
    .returning();
  return row;
}

/** Persons by СНИЛС, for the import's checks and inserts. */
export async function personsBySnils(db: DbExecutor, snils: readonly string[]) {
  if (snils.length === 0) return [];
  return db
    .select({
      id: persons.id,
      snils: persons.snils,
      lastName: persons.lastName,
      firstName: persons.firstName,
      patronymic: persons.patronymic,
    })
    .from(persons)
    .where(inArray(persons.snils, [...snils]));
}

/** Current cards in the organization of these persons: a second identical card would be a duplicate. */
export async function currentCardsOf(
  db: DbExecutor,
  organizationOid: string,
  personIds: readonly string[],
  today: string,
) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: cards.personId, postId: cards.postId })
    .from(cards)
    .where(and(eq(cards.oid, organizationOid), inArray(cards.personId, [...personIds]), currentCard(today)));
}

export async function insertPersons(tx: DbExecutor, values: (typeof persons.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx
    .insert(persons)
    .values(values)
    .onConflictDoNothing({ target: persons.snils })
    .returning({ id: persons.id, snils: persons.snils });
}

export async function insertEducation(
  tx: DbExecutor,
  personId: string,
  value: EducationValue,
): Promise<void> {
  const document = {
    institutionName: value.institutionName,
    docSerial: value.docSerial,
    docNumber: value.docNumber,
    docDate: value.docDate,
  };
  const specialty = { specId: value.specialty?.code ?? null, specName: value.specialty?.name ?? null };
  if (value.table === "prof") {
    await tx.insert(registerProfEducation).values({
      personId,
      levelEducationId: value.kind.code,
      levelEducation: value.kind.name,
      ...document,
      ...specialty,
    });
  } else if (value.table === "postgraduate") {
    await tx.insert(registerPostgraduate).values({
      personId,
      educationStageId: value.kind.code,
      educationStageName: value.kind.name,
      ...document,
      ...specialty,
    });
  } else {
    await tx.insert(registerExtEducation).values({
      personId,
      profEducationKindId: value.kind.code,
      profEducationKindName: value.kind.name,
      hoursCount: value.hoursCount ?? 0,
      theme: value.theme,
      ...document,
      ...specialty,
    });
  }
}

export async function insertCertificate(
  tx: DbExecutor,
  personId: string,
  value: CertificateValue,
): Promise<void> {
  await tx.insert(registerCertificates).values({
    personId,
    certSerial: value.certSerial,
    certNumber: value.certNumber,
    passDate: value.passDate,
    endDate: value.endDate,
    institutionName: value.institutionName,
    specId: value.specialty.code,
    specName: value.specialty.name,
  });
}

export async function insertCategory(tx: DbExecutor, personId: string, value: CategoryValue): Promise<void> {
  await tx.insert(registerQualificationCategories).values({
    personId,
    qualifyCategoryId: value.category.code,
    qualifyCategoryName: value.category.name,
    beginDate: value.beginDate,
    endDate: value.endDate,
    specId: value.specialty?.code ?? null,
    specName: value.specialty?.name ?? null,
    postId: value.position?.code ?? null,
    postName: value.position?.name ?? null,
  });
}
