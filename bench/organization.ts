// The organization's cabinet with 5 000 staff (300 with --quick; times --scale) in a register of
// 20 times as many persons (the others work elsewhere): the staff list (first page, a search, the
// last page by its «Следующая страница» cursor) and the reports page against the baseline, and a
// CSV import of as many rows through the job.
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { snilsFrom } from "../src/esia-standin/seed-ids.ts";
import { egrulClinic } from "../src/modules/egrul/egrul.standin-data.ts";
import { demoClinicFrmoOid } from "../src/modules/organizations/organizations.seed.ts";
import { registerCertificates } from "../src/modules/register/register-record.schema.ts";
import { insertCards, insertPersons } from "../src/modules/staff/staff.repository.ts";
import { staffImports } from "../src/modules/staff/staff.schema.ts";
import { MAX_IMPORT_ROWS } from "../src/modules/staff/staff-import.csv.ts";
import { STAFF_PAGE_SIZE } from "../src/modules/staff/views/staff-list.view.ts";
import { formatSnils } from "../src/shared/identifiers.ts";
import { multipartBody } from "../test/support/organization-cabinet.ts";
import { cookiesFrom, csrfTokenIn } from "../test/support/platform.ts";
import type { TestSystem } from "../test/support/system.ts";
import { signInHead } from "./login.ts";
import { measure, printTable, serverTime } from "./measure.ts";
import type { BenchContext } from "./scenarios.ts";

const STAFF = 5_000;
const QUICK_STAFF = 300;
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
async function seedStaff(db: Database, count: number): Promise<void> {
  for (let start = 0; start < count; start += CHUNK) {
    const people = await insertPersons(
      db,
      Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => ({
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

/**
 * Persons of other organizations, by set-based statements with the row triggers off (the change
 * history's trigger would otherwise make seeding a million persons take most of the run); the
 * cards' copy of the name, which a trigger keeps, is written directly.
 */
async function seedOthers(db: Database, count: number): Promise<void> {
  const chunk = 20_000;
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk) - 1;
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into register_persons (snils, last_name, first_name, patronymic)
        select '9' || lpad(g::text, 10, '0'), 'Другая' || g, 'Анна', 'Петровна'
        from generate_series(${start}::int, ${end}::int) g`);
      await tx.execute(sql`
        insert into register_employment_cards
          (person_id, organization_oid, organization_name, post_id, post_name, position_type_id,
           position_type_name, rate, begin_date, person_name)
        select p.id, '1.2.643.5.1.13.13.12.2.77.' || (1000 + (g % 500)), 'Другая организация', '109',
          'врач-терапевт', 'main', 'Основное место работы', 1, '2020-01-01', lower(p.last_name || ' анна петровна')
        from generate_series(${start}::int, ${end}::int) g
        join register_persons p on p.snils = '9' || lpad(g::text, 10, '0')`);
    });
  }
}

const staffOf = (quick: boolean, scale: number) => Math.round((quick ? QUICK_STAFF : STAFF) * scale);

export async function organizationServer(system: TestSystem, options: { quick: boolean; scale: number }) {
  const db = system.deps.database.db;
  const staff = staffOf(options.quick, options.scale);
  await seedStaff(db, staff);
  await seedOthers(db, staff * 19);
  await db.execute(sql`analyze`);
  return {
    /** The cursor that page `n` (1-based) of the staff list starts after, as its link carries it. */
    cursorBefore: async (page: unknown) => {
      const result = await db.execute<{ person_id: string; person_name: string }>(sql`
        select person_id, person_name from register_employment_cards where organization_oid = ${demoClinicFrmoOid}
        group by person_name, person_id order by person_name, person_id
        offset ${(Number(page) - 1) * STAFF_PAGE_SIZE - 1} limit 1`);
      const row = ("rows" in result ? result.rows : result)[0] as { person_id: string; person_name: string };
      return `${row.person_id}:${row.person_name}`;
    },
    /** Runs the queued import job to its end and tells how it ended. */
    drainImport: async () => {
      await system.deps.jobWorker.drain();
      const [record] = await db.select().from(staffImports);
      return { status: record?.status, importedRows: record?.importedRows };
    },
  };
}

export async function organizationBench({ label, server, baseline }: BenchContext): Promise<void> {
  const base = server.url;
  const staff = staffOf(Boolean(server.details.quick), Number(server.details.scale ?? 1));
  let cookie = await signInHead(base);
  const lastPage = Math.max(2, Math.ceil(staff / STAFF_PAGE_SIZE));
  const after = await server.call<string>("cursorBefore", lastPage);
  const pages = {
    list: `${base}/org/staff`,
    search: `${base}/org/staff?q=${encodeURIComponent("сотрудникова432")}`,
    deep: `${base}/org/staff?after=${encodeURIComponent(after)}&page=${lastPage}`,
    reports: `${base}/org/reports`,
  };
  const times: string[] = [];
  for (const [name, url] of Object.entries(pages))
    times.push(`${name} ${(await serverTime(url, cookie)).toFixed(1)} ms`);
  console.log(
    `${label}: staff of ${staff} in a register of ${staff * 20}, server time p50, one request at a time — ${times.join(", ")}`,
  );
  const rows = [
    await measure("staff list, first page /org/staff", pages.list, { cookie }),
    await measure("staff list, search by ФИО", pages.search, { cookie }),
    await measure(`staff list, last page ${lastPage}`, pages.deep, { cookie }),
    await measure("reports /org/reports", pages.reports, { cookie }),
  ];
  const reference = await baseline();
  printTable(
    `Organization's cabinet with ${staff} staff (register ${staff * 20}) on ${label}`,
    reference,
    rows,
  );

  // The import: upload, then the job checks the file and writes it in one transaction.
  // As many rows as staff, up to what one file may hold (larger scales would be refused with a 400).
  const imported = Math.min(staff, MAX_IMPORT_ROWS);
  const form = await fetch(`${base}/org/staff/import`, { headers: { cookie } });
  cookie = cookiesFrom(form.headers.getSetCookie(), cookie);
  const token = csrfTokenIn(await form.text());
  const { body, contentType } = multipartBody({
    files: [{ field: "file", name: "staff.csv", content: importFile(imported) }],
  });
  const importStarted = performance.now();
  const upload = await fetch(`${base}/org/staff/import?_csrf=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { cookie, "content-type": contentType },
    body: new Uint8Array(body),
    redirect: "manual",
  });
  if (upload.status !== 303) throw new Error(`import upload: ${upload.status}`);
  const record = await server.call<{ status?: string; importedRows?: number }>("drainImport");
  const seconds = (performance.now() - importStarted) / 1000;
  if (record.status !== "done" || record.importedRows !== imported)
    throw new Error(`import ended ${record.status}`);
  console.log(
    `${label}: CSV import of ${imported} rows in ${seconds.toFixed(2)} s — ${(imported / seconds).toFixed(0)} rows/s`,
  );
}
