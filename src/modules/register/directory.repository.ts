// SQL of the register's read-only directory for client systems (integration API, FHIR): persons by
// СНИЛС, by name and birth date, and an organization's staff in keyset order. The staff page walks
// the name index from the cursor, so its cost does not depend on how deep the page is.
import { type AnyColumn, and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbExecutor } from "../../db/client.ts";
import { listRows } from "../../db/rows.ts";
import { type EmploymentCardRow, procedureOfAccreditation } from "./record.repository.ts";
import type { PersonRow } from "./register.repository.ts";
import { registerPersons } from "./register.schema.ts";
import {
  registerAccreditationProcedures,
  registerAccreditations,
  registerEmploymentCards,
} from "./register-record.schema.ts";

const persons = registerPersons;
const cards = registerEmploymentCards;

export interface PersonFilter {
  ids?: string[] | undefined;
  snils?: string | undefined;
  lastName?: string | undefined;
  firstName?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
  /** FHIR `family`: the last name starts with this (any case). */
  familyPrefix?: string | undefined;
  /** FHIR `name`: some part of the name starts with this (any case). */
  namePrefix?: string | undefined;
  /** Only persons with a card (current or past) in this organization. */
  organizationOid?: string | undefined;
  /** Only persons with a version (of the person, a card or an accreditation) at or after this moment. */
  changedSince?: Date | undefined;
  /** Keyset cursor: (last name, first name, id) strictly after it. */
  after?: StaffCursor | undefined;
  limit: number;
}

export type StaffCursor = [lastName: string, firstName: string, id: string];

const lowerEq = (column: SQL | AnyColumn, value: string) =>
  sql`lower(${column}) = ${value.toLocaleLowerCase("ru")}`;

const prefix = (text: string) => `${text.toLocaleLowerCase("ru").replace(/[\\%_]/g, "\\$&")}%`;

export async function findPersons(db: DbExecutor, filter: PersonFilter): Promise<PersonRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.ids ? inArray(persons.id, filter.ids) : undefined,
    filter.snils ? eq(persons.snils, filter.snils) : undefined,
    filter.lastName ? lowerEq(persons.lastName, filter.lastName) : undefined,
    filter.firstName ? lowerEq(persons.firstName, filter.firstName) : undefined,
    filter.patronymic ? lowerEq(persons.patronymic, filter.patronymic) : undefined,
    filter.birthDate ? eq(persons.birthDate, filter.birthDate) : undefined,
    filter.familyPrefix ? sql`lower(${persons.lastName}) like ${prefix(filter.familyPrefix)}` : undefined,
    filter.namePrefix
      ? sql`(lower(${persons.lastName}) like ${prefix(filter.namePrefix)} or lower(${persons.firstName}) like ${prefix(filter.namePrefix)} or lower(coalesce(${persons.patronymic}, '')) like ${prefix(filter.namePrefix)})`
      : undefined,
    filter.organizationOid
      ? sql`exists (select 1 from ${cards} where ${cards.personId} = ${persons.id} and ${cards.oid} = ${filter.organizationOid})`
      : undefined,
    filter.changedSince
      ? sql`exists (select 1 from resource_versions v where v.person_id = ${persons.id} and v.changed_at >= ${filter.changedSince.toISOString()})`
      : undefined,
    filter.after
      ? sql`(${persons.lastName}, ${persons.firstName}, ${persons.id}) > (${filter.after[0]}, ${filter.after[1]}, ${filter.after[2]}::uuid)`
      : undefined,
  ];
  return db
    .select()
    .from(persons)
    .where(and(...conditions))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(filter.limit);
}

/** The cards of these persons, in one organization or everywhere. */
export async function cardsOfPersons(
  db: DbExecutor,
  personIds: readonly string[],
  organizationOid?: string,
): Promise<EmploymentCardRow[]> {
  if (personIds.length === 0) return [];
  return listRows(
    db,
    cards,
    and(
      inArray(cards.personId, [...personIds]),
      organizationOid ? eq(cards.oid, organizationOid) : undefined,
    ),
    asc(cards.beginDate),
    asc(cards.id),
  );
}

export async function findCardById(db: DbExecutor, cardId: string): Promise<EmploymentCardRow | undefined> {
  const [row] = await db.select().from(cards).where(eq(cards.id, cardId)).limit(1);
  return row;
}

export interface CardFilter {
  personId?: string | undefined;
  organizationOid?: string | undefined;
  /** Only cards of persons with a passed accreditation in this specialty (НСИ 1.2.643.5.1.13.13.11.1066). */
  specialty?: string | undefined;
  /** true: current on `today`; false: ended before it. */
  active?: boolean | undefined;
  today: string;
  changedSince?: Date | undefined;
  afterId?: string | undefined;
  limit: number;
}

/** Cards in id order (a stable keyset for FHIR paging). */
export async function findCards(db: DbExecutor, filter: CardFilter): Promise<EmploymentCardRow[]> {
  const current = sql`(${cards.endDate} is null or ${cards.endDate} >= ${filter.today})`;
  const conditions: (SQL | undefined)[] = [
    filter.personId ? eq(cards.personId, filter.personId) : undefined,
    filter.organizationOid ? eq(cards.oid, filter.organizationOid) : undefined,
    filter.active === undefined ? undefined : filter.active ? current : sql`not ${current}`,
    filter.specialty
      ? sql`exists (select 1 from ${registerAccreditations} a join ${registerAccreditationProcedures} p on p.accreditation_id = a.id where a.person_id = ${cards.personId} and p.passed and p.spec_id = ${filter.specialty})`
      : undefined,
    filter.changedSince
      ? sql`exists (select 1 from resource_versions v where v.resource_type = 'card' and v.resource_id = ${cards.id} and v.changed_at >= ${filter.changedSince.toISOString()})`
      : undefined,
    filter.afterId ? sql`${cards.id} > ${filter.afterId}::uuid` : undefined,
  ];
  return db
    .select()
    .from(cards)
    .where(and(...conditions))
    .orderBy(asc(cards.id))
    .limit(filter.limit);
}

/** Specialties of each person's passed accreditations (the specialty of their roles). */
export async function accreditedSpecialties(db: DbExecutor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: registerAccreditations.personId,
      code: registerAccreditationProcedures.specId,
      name: registerAccreditationProcedures.spec,
    })
    .from(registerAccreditationProcedures)
    .innerJoin(registerAccreditations, procedureOfAccreditation)
    .where(
      and(
        inArray(registerAccreditations.personId, [...personIds]),
        eq(registerAccreditationProcedures.passed, true),
      ),
    )
    .groupBy(
      registerAccreditations.personId,
      registerAccreditationProcedures.specId,
      registerAccreditationProcedures.spec,
    );
}
