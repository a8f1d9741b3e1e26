// The organization's cabinet with 5 000 staff: the staff list (first page, a search, a deep page) and
// the reports page, and a CSV import of 5 000 rows through the job, against a bare Fastify handler
// measured in the same run; on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { snilsFrom } from "../src/esia-standin/seed-ids.ts";
import { egrulClinic } from "../src/modules/egrul/egrul.standin-data.ts";
import { findOrganizationByOgrn } from "../src/modules/organizations/organizations.repository.ts";
import { demoClinicFrmoOid, seedDemoOrganizations } from "../src/modules/organizations/organizations.seed.ts";
import { registerCertificates } from "../src/modules/register/register-record.schema.ts";
import { insertCards, insertPersons } from "../src/modules/staff/staff.repository.ts";
import { staffImports } from "../src/modules/staff/staff.schema.ts";
import { fakeClock } from "../src/shared/clock.ts";
import { formatSnils } from "../src/shared/identifiers.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { multipartBody, personOf } from "../test/support/organization-cabinet.ts";
import { buildPlatformApp, cookiesFrom, csrfTokenIn } from "../test/support/platform.ts";
import { measure, measureBaseline, printTable } from "./measure.ts";

const STAFF = 5_000;
const CHUNK = 500;
const positions = [
  ["109", "врач-терапевт"],
  ["110", "врач-терапевт участковый"],
  ["122", "врач-хирург"],
  ["250", "медицинская сестра"],
  ["59", "врач-педиатр участковый"],
] as const;
const departments = [
  "Терапевтическое отделение",
  "Хирургическое отделение",
  "Педиатрическое отделение",
  "Дневной стационар",
];

/** 5 000 workers of the clinic with a card each and a certificate for every fifth, ending over the next years. */
async function seedStaff(db: Database): Promise<void> {
  for (let start = 0; start < STAFF; start += CHUNK) {
    const people = await insertPersons(
      db,
      Array.from({ length: CHUNK }, (_, offset) => ({
        snils: snilsFrom(String(400_000_000 + start + offset)),
        lastName: `Сотрудникова${start + offset}`,
        firstName: "Мария",
        patronymic: "Ивановна",
      })),
    );
    await insertCards(
      db,
      people.map((person, offset) => {
        const [postId, postName] = positions[(start + offset) % positions.length] ?? positions[0];
        return {
          personId: person.id,
          oid: demoClinicFrmoOid,
          organization: egrulClinic.fullName,
          nrPmuDepartName: departments[(start + offset) % departments.length] ?? null,
          postId,
          postName,
          positionTypeId: "main",
          positionTypeName: "Основное место работы",
          rate: 1,
          beginDate: "2020-01-01",
        };
      }),
    );
    await db.insert(registerCertificates).values(
      people
        .filter((_, offset) => offset % 5 === 0)
        .map((person, offset) => ({
          personId: person.id,
          certNumber: `B-${start + offset}`,
          passDate: "2021-01-01",
          endDate: `202${7 + (offset % 2)}-${String((offset % 12) + 1).padStart(2, "0")}-15`,
          specId: "76",
          specName: "Терапия",
        })),
    );
  }
}

/** Sequential requests one at a time: the server's own time per page, without queueing. */
async function serverTime(url: string, cookie: string, runs = 40): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** A surname that the checks accept: the index written in Cyrillic letters, not digits. */
function surname(index: number): string {
  const letters = "абвгдежзиклмнопрстуф";
  let word = "";
  for (let rest = index; word === "" || rest > 0; rest = Math.floor(rest / letters.length))
    word = letters[rest % letters.length] + word;
  return `Загружен${word}ова`;
}

function importFile(rows: number): string {
  const header =
    "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Пол;Должность;Подразделение;Ставка;Тип занятия;Дата начала";
  const lines = Array.from(
    { length: rows },
    (_, index) =>
      `${formatSnils(snilsFrom(String(450_000_000 + index)))};${surname(index)};Анна;Петровна;12.04.1990;Ж;врач-терапевт;Поликлиника;1;основное;01.09.2025`,
  );
  return [header, ...lines].join("\r\n");
}

async function measureOrganization(label: string): Promise<void> {
  const clock = fakeClock(new Date());
  const head = { ...personOf(4, "Смирнов", "Алексей", "Викторович") };
  const { app, deps } = await buildPlatformApp({
    clock,
    // One client sending thousands of requests: the per-IP limit would cut the benchmark short.
    env: { RATE_LIMIT_PER_MINUTE: "100000000" },
    extraRoutes: (instance) => {
      instance.get("/bench/enter", async (request, reply) => {
        const outcome = await instance.deps.identityService.signIn(head, request.ip);
        const clinic = await findOrganizationByOgrn(instance.deps.database.db, egrulClinic.ogrn);
        if (!outcome.ok || !clinic) throw new Error("sign-in refused");
        const context = {
          kind: "organization",
          organizationId: clinic.id,
          esiaOrgOid: head.oid,
          role: "head",
        } as const;
        request.session.regenerate({ userId: outcome.user.id, context }, clock.now());
        return reply.code(204).send();
      });
    },
  });
  const db = deps.database.db;
  const started = Date.now();
  await seedDemoOrganizations(db);
  await seedStaff(db);
  await db.execute(sql`analyze`);
  console.log(`${label}: ${STAFF} staff seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const entered = await fetch(`${base}/bench/enter`);
    let cookie = cookiesFrom(entered.headers.getSetCookie());
    const pages = {
      list: `${base}/org/staff`,
      search: `${base}/org/staff?q=${encodeURIComponent("сотрудникова4321")}`,
      deep: `${base}/org/staff?page=150`,
      reports: `${base}/org/reports`,
    };
    const times: Record<string, number> = {};
    for (const [name, url] of Object.entries(pages)) times[name] = await serverTime(url, cookie);
    console.log(
      `${label}: server time p50, one request at a time — list ${times.list?.toFixed(1)} ms, search ${times.search?.toFixed(1)} ms, page 150 ${times.deep?.toFixed(1)} ms, reports ${times.reports?.toFixed(1)} ms`,
    );
    const baseline = await measureBaseline();
    const rows = [
      await measure("staff list, first page /org/staff", pages.list, { cookie }),
      await measure("staff list, search by ФИО", pages.search, { cookie }),
      await measure("staff list, page 150", pages.deep, { cookie }),
      await measure("reports /org/reports", pages.reports, { cookie }),
    ];
    printTable(`Organization's cabinet with ${STAFF} staff on ${label}`, baseline, rows);

    // The import: upload, then the job checks the file and writes it in one transaction.
    const form = await fetch(`${base}/org/staff/import`, { headers: { cookie } });
    cookie = cookiesFrom(form.headers.getSetCookie(), cookie);
    const token = csrfTokenIn(await form.text());
    const { body, contentType } = multipartBody({
      files: [{ field: "file", name: "staff.csv", content: importFile(STAFF) }],
    });
    const importStarted = performance.now();
    const upload = await fetch(`${base}/org/staff/import?_csrf=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { cookie, "content-type": contentType },
      body: new Uint8Array(body),
      redirect: "manual",
    });
    if (upload.status !== 303) throw new Error(`import upload: ${upload.status}`);
    await deps.jobWorker.drain();
    const seconds = (performance.now() - importStarted) / 1000;
    const [record] = await db.select().from(staffImports);
    if (record?.status !== "done" || record.importedRows !== STAFF)
      throw new Error(`import ended ${record?.status}`);
    const rowsPerSecond = STAFF / seconds;
    console.log(
      `${label}: CSV import of ${STAFF} rows in ${seconds.toFixed(2)} s — ${rowsPerSecond.toFixed(0)} rows/s, ${(rowsPerSecond / baseline.requestsPerSecond).toFixed(3)} of the baseline's requests/s`,
    );
  } finally {
    await app.close();
  }
}

export async function run(): Promise<void> {
  await measureOrganization("PGlite");
  if (testDatabaseUrl) await measureOrganization("PostgreSQL");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
