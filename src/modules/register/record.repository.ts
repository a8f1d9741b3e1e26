// SQL for the blocks of the personal file: reading the whole record, and writing one (demo seed,
// tests, later the organizations' data entry).
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import type { IdentityDocumentRow, NewPerson, PersonRow } from "./register.repository.ts";
import { registerAddresses, registerIdentityDocuments, registerPersons } from "./register.schema.ts";
import {
  registerAccreditationProcedures,
  registerAccreditations,
  registerAwards,
  registerCertificates,
  registerEmploymentCards,
  registerExtEducation,
  registerPostgraduate,
  registerProfEducation,
  registerQualificationCategories,
} from "./register-record.schema.ts";

export type ProfEducationRow = typeof registerProfEducation.$inferSelect;
export type PostgraduateRow = typeof registerPostgraduate.$inferSelect;
export type ExtEducationRow = typeof registerExtEducation.$inferSelect;
export type CertificateRow = typeof registerCertificates.$inferSelect;
export type AccreditationRow = typeof registerAccreditations.$inferSelect;
export type ProcedureRow = typeof registerAccreditationProcedures.$inferSelect;
export type CategoryRow = typeof registerQualificationCategories.$inferSelect;
export type EmploymentCardRow = typeof registerEmploymentCards.$inferSelect;
export type AwardRow = typeof registerAwards.$inferSelect;
export type AddressRow = typeof registerAddresses.$inferSelect;

export interface RegisterRecord {
  person: PersonRow;
  documents: IdentityDocumentRow[];
  addresses: AddressRow[];
  profEducation: ProfEducationRow[];
  postgraduate: PostgraduateRow[];
  extEducation: ExtEducationRow[];
  certificates: CertificateRow[];
  accreditation: { record: AccreditationRow; procedures: ProcedureRow[] } | undefined;
  categories: CategoryRow[];
  cards: EmploymentCardRow[];
  awards: AwardRow[];
}

type Children<T extends { $inferInsert: unknown }> = Omit<T["$inferInsert"], "personId" | "id">[];

export interface NewRecord {
  person: NewPerson;
  documents?: Children<typeof registerIdentityDocuments>;
  addresses?: Children<typeof registerAddresses>;
  profEducation?: Children<typeof registerProfEducation>;
  postgraduate?: Children<typeof registerPostgraduate>;
  extEducation?: Children<typeof registerExtEducation>;
  certificates?: Children<typeof registerCertificates>;
  accreditation?: {
    record: Omit<typeof registerAccreditations.$inferInsert, "personId" | "id">;
    procedures: Omit<typeof registerAccreditationProcedures.$inferInsert, "accreditationId" | "id">[];
  };
  categories?: Children<typeof registerQualificationCategories>;
  cards?: Children<typeof registerEmploymentCards>;
  awards?: Children<typeof registerAwards>;
}

/** A block of the personal file: a table whose rows belong to one person. */
type PersonBlock = PgTable & { personId: PgColumn };

export async function loadRecord(db: DbExecutor, person: PersonRow): Promise<RegisterRecord> {
  const personId = person.id;
  // One shape for every block; the row type comes back with the table the caller names.
  const rowsOf = <Table extends PersonBlock>(table: Table, order?: SQL) =>
    db
      .select()
      .from(table as PgTable)
      .where(eq(table.personId, personId))
      .orderBy(...(order ? [order] : [])) as unknown as Promise<Table["$inferSelect"][]>;
  const [documents, addresses, profEducation, postgraduate, extEducation, certificates] = await Promise.all([
    rowsOf(registerIdentityDocuments),
    rowsOf(registerAddresses),
    rowsOf(registerProfEducation, asc(registerProfEducation.docDate)),
    rowsOf(registerPostgraduate, asc(registerPostgraduate.docDate)),
    rowsOf(registerExtEducation, desc(registerExtEducation.docDate)),
    rowsOf(registerCertificates, desc(registerCertificates.passDate)),
  ]);
  const [categories, cards, awards, accreditation] = await Promise.all([
    rowsOf(registerQualificationCategories, desc(registerQualificationCategories.beginDate)),
    rowsOf(registerEmploymentCards, desc(registerEmploymentCards.beginDate)),
    rowsOf(registerAwards, desc(registerAwards.nomDate)),
    loadAccreditation(db, personId),
  ]);
  return {
    person,
    documents,
    addresses,
    profEducation,
    postgraduate,
    extEducation,
    certificates,
    accreditation,
    categories,
    cards,
    awards,
  };
}

async function loadAccreditation(db: DbExecutor, personId: string): Promise<RegisterRecord["accreditation"]> {
  const [record] = await db
    .select()
    .from(registerAccreditations)
    .where(eq(registerAccreditations.personId, personId))
    .limit(1);
  if (!record) return undefined;
  const procedures = await db
    .select()
    .from(registerAccreditationProcedures)
    .where(eq(registerAccreditationProcedures.accreditationId, record.id))
    .orderBy(
      desc(
        sql`coalesce(${registerAccreditationProcedures.passDate}, ${registerAccreditationProcedures.protocolDate})`,
      ),
    );
  return { record, procedures };
}

/**
 * Writes a whole record; returns the new person's id, or undefined when a person with the same
 * СНИЛС is already in the register (nothing is written then, so seeding twice changes nothing).
 */
export async function insertRecord(tx: DbExecutor, record: NewRecord): Promise<string | undefined> {
  const [person] = await tx
    .insert(registerPersons)
    .values(record.person)
    .onConflictDoNothing({ target: registerPersons.snils })
    .returning({ id: registerPersons.id });
  if (!person) return undefined;
  const personId = person.id;
  const withPerson = <T>(rows: T[] | undefined) => (rows ?? []).map((row) => ({ ...row, personId }));
  await insertAll(tx, registerIdentityDocuments, withPerson(record.documents));
  await insertAll(tx, registerAddresses, withPerson(record.addresses));
  await insertAll(tx, registerProfEducation, withPerson(record.profEducation));
  await insertAll(tx, registerPostgraduate, withPerson(record.postgraduate));
  await insertAll(tx, registerExtEducation, withPerson(record.extEducation));
  await insertAll(tx, registerCertificates, withPerson(record.certificates));
  await insertAll(tx, registerQualificationCategories, withPerson(record.categories));
  await insertAll(tx, registerEmploymentCards, withPerson(record.cards));
  await insertAll(tx, registerAwards, withPerson(record.awards));
  if (record.accreditation) {
    const [accreditation] = await tx
      .insert(registerAccreditations)
      .values({ ...record.accreditation.record, personId })
      .returning({ id: registerAccreditations.id });
    if (!accreditation) throw new Error("accreditation insert returned no row");
    const procedures = record.accreditation.procedures.map((row) => ({
      ...row,
      accreditationId: accreditation.id,
    }));
    await insertAll(tx, registerAccreditationProcedures, procedures);
  }
  return personId;
}

async function insertAll<T extends PgTable>(
  tx: DbExecutor,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(table).values(rows);
}

/** End dates of the person's rights to practise: passed accreditations and specialist certificates. */
// The worker's home page reads these on every visit (issue 9): prepared once.
const passedProcedures = prepared((db) =>
  selectProcedures(db, {
    specId: registerAccreditationProcedures.specId,
    specName: registerAccreditationProcedures.spec,
    endDate: registerAccreditationProcedures.endDate,
  })
    .where(
      and(
        eq(registerAccreditations.personId, sql.placeholder("personId")),
        eq(registerAccreditationProcedures.passed, true),
      ),
    )
    .prepare("passed_procedures"),
);

const certificateRights = prepared((db) =>
  db
    .select({
      specId: registerCertificates.specId,
      specName: registerCertificates.specName,
      endDate: registerCertificates.endDate,
    })
    .from(registerCertificates)
    .where(eq(registerCertificates.personId, sql.placeholder("personId")))
    .prepare("certificate_rights"),
);

export async function listPracticeRights(
  db: DbExecutor,
  personId: string,
): Promise<{ specId: string | null; specName: string | null; endDate: string | null }[]> {
  const [procedures, certificates] = await Promise.all([
    passedProcedures(db).execute({ personId }),
    certificateRights(db).execute({ personId }),
  ]);
  return [...procedures, ...certificates];
}

/**
 * Records an accreditation result in the person's file (C1): the accreditation record is created
 * when the person has none yet, then the procedure is added with the commission's decision.
 */
export async function addAccreditationProcedure(
  tx: DbExecutor,
  personId: string,
  procedure: Omit<typeof registerAccreditationProcedures.$inferInsert, "accreditationId" | "id">,
): Promise<ProcedureRow> {
  await tx
    .insert(registerAccreditations)
    .values({ personId, protocolDate: procedure.protocolDate, protocolNumber: procedure.protocolNumber })
    .onConflictDoNothing({ target: registerAccreditations.personId });
  const [record] = await tx
    .select({ id: registerAccreditations.id })
    .from(registerAccreditations)
    .where(eq(registerAccreditations.personId, personId))
    .limit(1);
  if (!record) throw new Error("accreditation record missing after insert");
  const [row] = await tx
    .insert(registerAccreditationProcedures)
    .values({ ...procedure, accreditationId: record.id })
    .returning();
  if (!row) throw new Error("procedure insert returned no row");
  return row;
}

/** A procedure joined with the accreditation record (the person's) it belongs to. */
export const procedureOfAccreditation = eq(
  registerAccreditations.id,
  registerAccreditationProcedures.accreditationId,
);

/** Accreditation procedures with their accreditation record (and so its person's id). */
function selectProcedures<Columns extends SelectedFields>(db: DbExecutor, columns: Columns) {
  return db
    .select(columns)
    .from(registerAccreditationProcedures)
    .innerJoin(registerAccreditations, procedureOfAccreditation);
}

/** Procedures joined with their person: the public checks (C2, C3) read this shape. */
export function selectProcedureWithPerson(db: DbExecutor) {
  return selectProcedures(db, {
    procedure: registerAccreditationProcedures,
    person: registerPersons,
  }).innerJoin(registerPersons, eq(registerPersons.id, registerAccreditations.personId));
}

/** One procedure with its person, for the extract and public verification (C2, C3). */
export async function findProcedureWithPerson(db: DbExecutor, procedureId: string) {
  const [row] = await selectProcedureWithPerson(db)
    .where(eq(registerAccreditationProcedures.id, procedureId))
    .limit(1);
  return row;
}

// The public check by СНИЛС is a hot query (issue 9): prepared once.
const proceduresBySnils = prepared((db) =>
  selectProcedureWithPerson(db)
    .where(
      and(
        eq(registerPersons.snils, sql.placeholder("snils")),
        eq(registerAccreditationProcedures.specId, sql.placeholder("specId")),
        eq(registerAccreditationProcedures.passed, true),
      ),
    )
    .orderBy(desc(registerAccreditationProcedures.endDate))
    .prepare("procedures_by_snils"),
);

/**
 * The passed procedures of the person with this СНИЛС in a specialty, the latest first (C3). A
 * refusal is not public, and a failed periodic attempt leaves the current допуск as it was.
 */
export function findProceduresBySnils(db: DbExecutor, snils: string, specId: string) {
  return proceduresBySnils(db).execute({ snils, specId });
}
