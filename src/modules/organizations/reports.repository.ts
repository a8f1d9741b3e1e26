// SQL of the reports (O16): the organization's current staff by position and by department, the
// staff's accreditations and certificates running out per month, and applications by status.
import { and, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbExecutor } from "../../db/client.ts";
import { applications } from "../applications/applications.schema.ts";
import { procedureOfAccreditation } from "../register/record.repository.ts";
import { registerPersons } from "../register/register.schema.ts";
import {
  registerAccreditationProcedures,
  registerAccreditations,
  registerCertificates,
  registerEmploymentCards,
} from "../register/register-record.schema.ts";
import { currentCard } from "../staff/staff.repository.ts";

const cards = registerEmploymentCards;

export interface GroupCount {
  label: string;
  people: number;
  rates: number;
}

async function staffBy(
  db: DbExecutor,
  column: typeof cards.postName | typeof cards.nrPmuDepartName,
  oid: string,
  today: string,
) {
  const label = sql<string>`coalesce(${column}, '')`;
  const rows = await db
    .select({
      label,
      people: sql<number>`count(distinct ${cards.personId})::int`,
      rates: sql<number>`coalesce(sum(${cards.rate}), 0)::float8`,
    })
    .from(cards)
    .where(and(eq(cards.oid, oid), currentCard(today)))
    .groupBy(label)
    .orderBy(desc(sql`count(distinct ${cards.personId})`), label);
  return rows as GroupCount[];
}

export const staffByPosition = (db: DbExecutor, oid: string, today: string) =>
  staffBy(db, cards.postName, oid, today);
export const staffByDepartment = (db: DbExecutor, oid: string, today: string) =>
  staffBy(db, cards.nrPmuDepartName, oid, today);

/** Current staff of the organization, as a subquery. */
function currentStaff(db: DbExecutor, oid: string, today: string) {
  return db
    .select({ personId: cards.personId })
    .from(cards)
    .where(and(eq(cards.oid, oid), currentCard(today)));
}

/**
 * Accreditations (passed procedures) and specialist certificates of the current staff whose end
 * date falls in [from, until), counted per month `YYYY-MM`.
 */
export async function expiringPerMonth(
  db: DbExecutor,
  oid: string,
  today: string,
  from: string,
  until: string,
) {
  const staff = currentStaff(db, oid, today);
  const month = (column: AnyPgColumn) => sql<string>`to_char(${column}, 'YYYY-MM')`;
  const procedures = await db
    .select({ month: month(registerAccreditationProcedures.endDate), count: count() })
    .from(registerAccreditationProcedures)
    .innerJoin(registerAccreditations, procedureOfAccreditation)
    .where(
      and(
        inArray(registerAccreditations.personId, staff),
        eq(registerAccreditationProcedures.passed, true),
        gte(registerAccreditationProcedures.endDate, from),
        lt(registerAccreditationProcedures.endDate, until),
      ),
    )
    .groupBy(month(registerAccreditationProcedures.endDate));
  const certificates = await db
    .select({ month: month(registerCertificates.endDate), count: count() })
    .from(registerCertificates)
    .where(
      and(
        inArray(registerCertificates.personId, staff),
        gte(registerCertificates.endDate, from),
        lt(registerCertificates.endDate, until),
      ),
    )
    .groupBy(month(registerCertificates.endDate));
  const totals = new Map<string, { accreditations: number; certificates: number }>();
  for (const row of procedures) totals.set(row.month, { accreditations: row.count, certificates: 0 });
  for (const row of certificates)
    totals.set(row.month, {
      accreditations: totals.get(row.month)?.accreditations ?? 0,
      certificates: row.count,
    });
  return totals;
}

export interface DeadlineRow {
  personId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  kind: "accreditation" | "certificate";
  spec: string;
  endDate: string;
}

/**
 * Per person of the current staff and specialty, the latest end of a passed accreditation or a
 * specialist certificate, when it falls before `until` — already past ones included, since those
 * people may not work in the specialty until accredited again. Most urgent (earliest) first.
 */
export async function staffDeadlines(
  db: DbExecutor,
  oid: string,
  today: string,
  until: string,
): Promise<DeadlineRow[]> {
  const staff = currentStaff(db, oid, today);
  const procedures = registerAccreditationProcedures;
  const person = {
    personId: registerPersons.id,
    lastName: registerPersons.lastName,
    firstName: registerPersons.firstName,
    patronymic: registerPersons.patronymic,
  };
  const [accreditations, certificates] = await Promise.all([
    db
      .select({ ...person, spec: procedures.spec, endDate: procedures.endDate })
      .from(procedures)
      .innerJoin(registerAccreditations, eq(registerAccreditations.id, procedures.accreditationId))
      .innerJoin(registerPersons, eq(registerPersons.id, registerAccreditations.personId))
      .where(
        and(
          inArray(registerAccreditations.personId, staff),
          eq(procedures.passed, true),
          isNotNull(procedures.endDate),
        ),
      ),
    db
      .select({ ...person, spec: registerCertificates.specName, endDate: registerCertificates.endDate })
      .from(registerCertificates)
      .innerJoin(registerPersons, eq(registerPersons.id, registerCertificates.personId))
      .where(and(inArray(registerCertificates.personId, staff), isNotNull(registerCertificates.endDate))),
  ]);
  // A later accreditation in the same specialty supersedes an older one or a certificate.
  const latest = new Map<string, DeadlineRow>();
  const add = (
    row: Omit<DeadlineRow, "kind" | "spec" | "endDate"> & { spec: string | null; endDate: string | null },
    kind: DeadlineRow["kind"],
  ) => {
    if (!row.endDate) return;
    const spec = row.spec ?? "";
    const key = `${row.personId}|${spec.toLocaleLowerCase("ru")}`;
    const known = latest.get(key);
    if (!known || known.endDate < row.endDate) latest.set(key, { ...row, kind, spec, endDate: row.endDate });
  };
  for (const row of accreditations) add(row, "accreditation");
  for (const row of certificates) add(row, "certificate");
  return [...latest.values()]
    .filter((row) => row.endDate < until)
    .sort(
      (a, b) =>
        a.endDate.localeCompare(b.endDate) ||
        a.lastName.localeCompare(b.lastName, "ru") ||
        a.firstName.localeCompare(b.firstName, "ru"),
    );
}

/** Applications sent to the organization (drafts are the workers' own and are not counted). */
export async function applicationsByStatus(db: DbExecutor, organizationId: string) {
  return db
    .select({ status: applications.status, count: count() })
    .from(applications)
    .where(and(eq(applications.organizationId, organizationId), ne(applications.status, "draft")))
    .groupBy(applications.status);
}
