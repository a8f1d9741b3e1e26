// The import's writes, one statement per table: a person already in the register gets a card and is
// not created again; a new person on two lines (two posts) is created once, with both cards; every
// written row has its version in the change history; the audit record counts the created persons.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createTestDatabase } from "../../../test/support/db.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { snilsFrom } from "../../esia-standin/seed-ids.ts";
import { fakeClock } from "../../shared/clock.ts";
import { formatSnils } from "../../shared/identifiers.ts";
import { resourceVersions } from "../api/api.schema.ts";
import { auditEvents } from "../audit/audit.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { organizations } from "../organizations/organizations.schema.ts";
import { demoClinicFrmoOid, seedDemoOrganizations } from "../organizations/organizations.seed.ts";
import { insertRecord } from "../register/record.repository.ts";
import { registerPersons } from "../register/register.schema.ts";
import { registerEmploymentCards } from "../register/register-record.schema.ts";
import { findImport, insertImport } from "./staff-import.repository.ts";
import { createStaffImportService } from "./staff-import.service.ts";

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.close());

const header =
  "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Пол;Должность;Подразделение;Ставка;Тип занятия;Дата начала";
const line = (snils: string, lastName: string, post: string) =>
  `${formatSnils(snils)};${lastName};Анна;Олеговна;12.04.1990;Ж;${post};Поликлиника;1;основное;01.09.2025`;

test("a clean file: known persons get cards, new ones are created once, each row with its version", async () => {
  const db = database.db;
  const clock = fakeClock("2026-11-21T09:00:00Z");
  await seedDemoOrganizations(db);
  const [organization] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.frmoOid, demoClinicFrmoOid));
  const [user] = await db
    .insert(users)
    .values({ esiaOid: "import-1", lastName: "Т", firstName: "Т" })
    .returning();
  const known = snilsFrom("820000001");
  const fresh = snilsFrom("820000002");
  await insertRecord(db, {
    person: { snils: known, lastName: "Белова", firstName: "Анна", patronymic: "Олеговна" },
    cards: [],
  });
  const source = [
    header,
    line(known, "Белова", "врач-терапевт"),
    line(fresh, "Новикова", "врач-терапевт"),
    line(fresh, "Новикова", "медицинская сестра"),
  ].join("\r\n");
  assert.ok(organization && user);
  const record = await insertImport(db, {
    organizationId: organization.id,
    fileName: "staff.csv",
    source,
    totalRows: 3,
    createdBy: user.id,
    createdAt: clock.now(),
  });

  await createStaffImportService({ db, clock }).run(record.id);

  const done = await findImport(db, record.id);
  assert.deepEqual([done?.status, done?.importedRows, done?.source], ["done", 3, null]);
  const persons = await db
    .select()
    .from(registerPersons)
    .where(inArray(registerPersons.snils, [known, fresh]));
  assert.equal(persons.length, 2);
  const created = persons.find((person) => person.snils === fresh);
  assert.deepEqual(
    [created?.lastName, created?.patronymic, created?.birthDate, created?.gender],
    ["Новикова", "Олеговна", "1990-04-12", "F"],
  );
  const cards = await db
    .select()
    .from(registerEmploymentCards)
    .where(eq(registerEmploymentCards.oid, demoClinicFrmoOid))
    .orderBy(registerEmploymentCards.postName);
  const ofPerson = (snils: string) =>
    cards
      .filter((card) => card.personId === persons.find((person) => person.snils === snils)?.id)
      .map((card) => [card.postName, card.personName, card.rate, card.beginDate, card.endDate]);
  assert.deepEqual(ofPerson(known), [["врач-терапевт", "белова анна олеговна", 1, "2025-09-01", null]]);
  assert.deepEqual(ofPerson(fresh), [
    ["врач-терапевт", "новикова анна олеговна", 1, "2025-09-01", null],
    ["медицинская сестра", "новикова анна олеговна", 1, "2025-09-01", null],
  ]);
  const versions = await db
    .select({ type: resourceVersions.resourceType, count: sql<number>`count(*)::int` })
    .from(resourceVersions)
    .where(
      and(
        eq(resourceVersions.operation, "create"),
        inArray(resourceVersions.resourceId, [created?.id ?? "", ...cards.map((card) => card.id)]),
      ),
    )
    .groupBy(resourceVersions.resourceType)
    .orderBy(resourceVersions.resourceType);
  assert.deepEqual(versions, [
    { type: "card", count: 3 },
    { type: "person", count: 1 },
  ]);
  const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.event, "staff.imported"));
  assert.deepEqual(audit?.details, { importId: record.id, rows: 3, personsCreated: 1 });
});
