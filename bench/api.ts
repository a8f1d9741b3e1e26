// The integration API on PostgreSQL with 100 000 and then 1 000 000 persons and their employment
// cards (seeded with generate_series): person by СНИЛС (REST), FHIR Practitioner?identifier=…, and a
// 1 000-row page of the change feed, against a bare Fastify handler measured in the same run. The
// same figures at both sizes show that lookups and keyset pages do not grow with the tables.
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { demoClinicFrmoOid, seedDemoOrganizations } from "../src/modules/organizations/organizations.seed.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { buildPlatformApp } from "../test/support/platform.ts";
import { type Measurement, measure, measureBaseline, printTable } from "./measure.ts";

const SIZES = [100_000, 1_000_000];
const CHUNK = 100_000;
const snilsOf = (index: number) => String(20_000_000_000 + index);

/** Persons `from`..`to`-1 with one card each (every tenth in the demo clinic) and their first versions. */
async function seedPersons(db: Database, from: number, to: number): Promise<void> {
  // Bulk load: the version rows are written in the same statements' transaction, as the triggers would.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`alter table register_persons disable trigger register_persons_version`);
    await tx.execute(
      sql`alter table register_employment_cards disable trigger register_employment_cards_version`,
    );
    for (let start = from; start < to; start += CHUNK) {
      const end = Math.min(start + CHUNK, to) - 1;
      await tx.execute(sql`
        with people as (
          insert into register_persons (snils, last_name, first_name, patronymic, gender, birth_date)
          select (20000000000 + i)::text, 'Фамилия' || i, (array['Анна','Мария','Ольга','Иван','Пётр'])[1 + i % 5],
                 'Сергеевна', case when i % 2 = 0 then 'F' else 'M' end, date '1960-01-01' + (i % 15000)
          from generate_series(${start}::int, ${end}::int) as i
          returning *
        ), versions as (
          insert into resource_versions (resource_type, resource_id, version, operation, person_id, data)
          select 'person', p.id, 1, 'create', p.id, to_jsonb(p) from people p
        )
        insert into register_employment_cards
          (person_id, organization_oid, organization_name, post_id, post_name, position_type_id, position_type_name, rate, begin_date)
        select p.id,
               case when p.snils::bigint % 10 = 0 then ${demoClinicFrmoOid} else '1.2.643.5.1.13.13.12.2.77.' || (p.snils::bigint % 997) end,
               'Медицинская организация', '109', 'врач-терапевт', 'main', 'Основное место работы', 1, date '2015-01-01'
        from people p`);
      await tx.execute(sql`
        insert into resource_versions (resource_type, resource_id, version, operation, person_id, organization_oid, data)
        select 'card', c.id, 1, 'create', c.person_id, c.organization_oid, to_jsonb(c)
        from register_employment_cards c join register_persons p on p.id = c.person_id
        where p.snils between ${snilsOf(start)} and ${snilsOf(end)}`);
    }
    await tx.execute(sql`alter table register_persons enable trigger register_persons_version`);
    await tx.execute(
      sql`alter table register_employment_cards enable trigger register_employment_cards_version`,
    );
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`analyze`);
  });
}

export async function run(): Promise<void> {
  if (!testDatabaseUrl) {
    console.log("bench/api.ts needs PostgreSQL: set TEST_DATABASE_URL (a million rows is not for PGlite)");
    return;
  }
  const { app, deps } = await buildPlatformApp({
    env: { RATE_LIMIT_PER_MINUTE: "100000000", API_RATE_LIMIT_PER_MINUTE: "100000000" },
  });
  const db = deps.database.db;
  await seedDemoOrganizations(db);
  const client = await deps.api.clients.register({
    kind: "authority",
    name: "bench",
    scopes: ["persons.read", "staff.read", "accreditations.read", "organizations.read"],
  });
  if (!client.ok) throw new Error(client.message);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    let seeded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await seedPersons(db, seeded, size);
      seeded = size;
      console.log(`${size} persons and cards seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // A fresh token for each round: they live five minutes.
      const tokenResponse = await fetch(`${base}/api/oauth/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
        },
        body: "grant_type=client_credentials",
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const headers = { authorization: `Bearer ${token}` };
      const snils = snilsOf(Math.floor(size * 0.73));
      const [middle] = (
        await db.execute(
          sql`select txid::text || '.' || seq as seq from resource_versions order by txid, seq offset ${Math.floor(size / 2)} limit 1`,
        )
      ).rows as { seq: string }[];
      const rows: Measurement[] = [];
      rows.push(await measure("REST person by СНИЛС", `${base}/api/v1/persons?snils=${snils}`, headers));
      rows.push(
        await measure(
          "FHIR Practitioner?identifier=",
          `${base}/fhir/Practitioner?identifier=urn:oid:1.2.643.100.3|${snils}`,
          headers,
        ),
      );
      rows.push(
        await measure(
          "change feed, 1 000 rows",
          `${base}/api/v1/changes?after=${middle?.seq ?? 0}&limit=1000`,
          headers,
        ),
      );
      rows.push(
        await measure(
          "clinic staff, keyset page of 50",
          `${base}/api/v1/organizations/${demoClinicFrmoOid}/staff?limit=50`,
          headers,
        ),
      );
      printTable(`Integration API, ${size} persons on PostgreSQL`, await measureBaseline(), rows);
    }
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
