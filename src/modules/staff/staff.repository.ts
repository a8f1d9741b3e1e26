// SQL of staff records. Staff are the register's persons with an employment card in the
// organization (by its ФРМО OID); every query is scoped by that OID, so another organization's
// persons and cards are never reached. Writes go to the register's own tables.
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { pickColumns } from "../../db/pick-columns.ts";
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
  /** Keyset cursor: the last row of the previous page. */
  after?: StaffCursor | undefined;
}

/** Position in the list's order: the lower-case full name, then the person's id. */
export interface StaffCursor {
  name: string;
  personId: string;
}

export interface StaffListRow {
  personId: string;
  /** The sort key (lower-case full name), for the next page's cursor. */
  sortName: string;
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

const likeEscape = (word: string) => word.replace(/[\\%_]/g, "\\$&");

const personIdsWhere = (where: SQL | undefined) => sql`(select ${persons.id} from ${persons} where ${where})`;

/** СНИЛС (by its leading digits) or ФИО (every word somewhere in the full name): the search on the cards' copy of the name (indexed by trigrams) or on the person's СНИЛС. */
function cardSearchCondition(search: string | undefined): SQL | undefined {
  const text = (search ?? "").trim();
  if (!text) return undefined;
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{3,11}$/.test(digits)) {
    // A range of the СНИЛС index rather than LIKE, which uses a btree only in the C collation.
    const upper = (BigInt(digits) + 1n).toString().padStart(digits.length, "0");
    const range = and(
      gte(persons.snils, digits),
      upper.length === digits.length ? lt(persons.snils, upper) : undefined,
      sql`${persons.snils} like ${`${digits}%`}`,
    );
    // Seven digits or more match at most 10 000 persons of any register (few in a real one): their
    // ids, as an array, are looked up in the (organization, person) index. Given the subquery
    // itself, the planner may instead read all the organization's cards against a hash of them,
    // which costs the size of the staff.
    if (digits.length >= 7) return sql`${cards.personId} = any(array${personIdsWhere(range)})`;
    return inArray(cards.personId, personIdsWhere(range));
  }
  const words = text.toLocaleLowerCase("ru").split(/\s+/).slice(0, 4);
  return and(...words.map((word) => sql`${cards.personName} like ${`%${likeEscape(word)}%`}`));
}

/**
 * A page of the organization's staff sorted by name, by keyset: the organization's cards are read in
 * (organization, name, person) index order from just after the cursor, grouped per person (their
 * posts and departments), and only the page's persons are joined. Nothing counts the whole list or
 * walks the register's other persons, so the last page costs what the first does.
 */
export async function listStaff(
  db: DbExecutor,
  query: StaffQuery,
): Promise<{ rows: StaffListRow[]; hasNext: boolean }> {
  const after = query.after;
  const page = db
    .select({
      personId: cards.personId,
      sortName: sql<string>`${cards.personName}`.as("sort_name"),
      posts: sql<string | null>`string_agg(distinct ${cards.postName}, ', ')`.as("posts"),
      departments: sql<string | null>`string_agg(distinct ${cards.nrPmuDepartName}, ', ')`.as("departments"),
    })
    .from(cards)
    .where(
      and(
        eq(cards.oid, query.organizationOid),
        query.includeDismissed ? undefined : currentCard(query.today),
        after
          ? sql`(${cards.personName}, ${cards.personId}) > (${after.name}, ${after.personId})`
          : undefined,
        cardSearchCondition(query.search),
      ),
    )
    .groupBy(cards.personName, cards.personId)
    .orderBy(asc(cards.personName), asc(cards.personId))
    .limit(query.limit + 1)
    .as("page");
  const rows = await db
    .select({
      personId: page.personId,
      sortName: page.sortName,
      ...pickColumns(persons, "snils", "lastName", "firstName", "patronymic"),
      posts: page.posts,
      departments: page.departments,
    })
    .from(page)
    .innerJoin(persons, eq(persons.id, page.personId))
    .orderBy(asc(page.sortName), asc(page.personId));
  return { rows: rows.slice(0, query.limit), hasNext: rows.length > query.limit };
}

/** How many people the list (with its filters) holds: only when the user asks, as it reads them all. */
export async function countStaff(
  db: DbExecutor,
  query: Omit<StaffQuery, "limit" | "after">,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${cards.personId})::int` })
    .from(cards)
    .where(
      and(
        eq(cards.oid, query.organizationOid),
        query.includeDismissed ? undefined : currentCard(query.today),
        cardSearchCondition(query.search),
      ),
    );
  return row?.count ?? 0;
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

/** Persons by СНИЛС, for the import's checks: a whole file's numbers as one JSON parameter. */
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
    .where(inArray(persons.snils, sql`(select jsonb_array_elements_text(${JSON.stringify(snils)}::jsonb))`));
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
