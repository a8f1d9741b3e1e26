// O7 menus by role, O13 allow-list and alerts, O10 journal, O15 kinds, O16 reports.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { insertGrant } from "../../src/modules/access/access.repository.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { cabinetSections } from "../../src/modules/organizations/cabinet.navigation.ts";
import { cabinetRouteTable } from "../../src/modules/organizations/cabinet.registry.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let head: Session;
before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  head = await h.signIn(personas.head);
});
after(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
/** The journal's rows only, without the filter's lists. */
const rowsOf = (html: string) => text(html.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0] ?? "");
const menuOf = (html: string) =>
  [
    ...(html.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ?? "").matchAll(
      /class="site-nav__link"[^>]*>([^<]+)</g,
    ),
  ].map((m) => m[1]);

describe("menus by role (O7)", () => {
  test("Руководитель: Сотрудники, Отчётность, Управление пользователями, Одобрение заявок, Документы, Электронные подписи, Журнал, Безопасность", async () => {
    const page = await h.send(head, "GET", "/org");
    assert.deepEqual(menuOf(page.body), [
      "Главная",
      "Сотрудники",
      "Отчётность",
      "Управление пользователями",
      "Одобрение заявок",
      "Документы",
      "Электронные подписи",
      "Журнал",
      "Безопасность",
    ]);
    assert.match(text(page.body), /в роли «Руководитель»/);
  });

  test("Сотрудник without rights: Просмотр статуса, Обратная связь; no «Ввод данных» that would refuse; the address says whom to ask", async () => {
    const session = await h.signIn(personas.petrova);
    const page = await h.send(session, "GET", "/org");
    assert.deepEqual(menuOf(page.body), ["Главная", "Просмотр статуса", "Обратная связь"]);
    assert.doesNotMatch(page.body, /Ввод данных/);
    assert.match(text(page.body), /Дополнительные права вам пока не выданы/);
    const entry = await h.send(session, "GET", "/org/staff");
    assert.equal(entry.statusCode, 403);
    assert.match(text(entry.body), /обратитесь к руководителю организации/);
  });

  test("each menu section demands the very power its page's route guard demands (one policy)", () => {
    const table = cabinetRouteTable(h.app);
    for (const section of Object.values(cabinetSections)) {
      const route = table.find((entry) => entry.method === "GET" && entry.url === section.href);
      assert.equal(route?.power, section.power, section.href);
    }
  });

  test("on a phone the menu folds into a disclosure that needs no script", async () => {
    const nav =
      (await h.send(head, "GET", "/org/reports")).body.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ??
      "";
    assert.match(
      nav,
      /<details class="site-nav__narrow"><summary class="site-nav__toggle">Меню<span class="site-nav__current">: Отчётность<\/span><\/summary>/,
    );
    assert.equal(nav.match(/site-nav__link--narrow/g)?.length, 9, "the same sections inside");
  });

  test("the page about kinds of organizations is public and the card links to it (O15)", async () => {
    const page = await h.send(undefined, "GET", "/organizations/kinds");
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Аптечная организация/);
    assert.match(text(page.body), /от 09\.02\.2022 № 140/);
    const home = text((await h.send(head, "GET", "/org")).body);
    assert.match(home, /Вид организации Медицинская организация государственной системы здравоохранения/);
  });
});

describe("security (O13)", () => {
  test("the allow-list takes IPv4 and IPv6 networks, refuses to lock the head out, and is enforced on every route", async () => {
    const lockout = await h.send(head, "POST", "/org/security/networks", {
      form: { cidr: "198.51.100.0/24" },
    });
    assert.equal(lockout.statusCode, 400);
    assert.match(
      text(lockout.body),
      /Первой добавьте сеть, из которой вы работаете сейчас \(ваш адрес 203\.0\.113\.10\)/,
    );
    assert.equal(
      (
        await h.send(head, "POST", "/org/security/networks", {
          form: { cidr: "203.0.113.77/24", note: "Главный корпус" },
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (await h.send(head, "POST", "/org/security/networks", { form: { cidr: "2001:DB8::/32" } })).statusCode,
      303,
    );
    const list = text((await h.send(head, "GET", "/org/security")).body);
    assert.match(list, /203\.0\.113\.0\/24 — Главный корпус/);
    assert.match(list, /2001:db8::\/32/);

    const outside = await h.signIn(personas.petrova, "198.51.100.7");
    for (const path of ["/org", "/org/status", "/org/feedback"]) {
      const answer = await h.send(outside, "GET", path, { ip: "198.51.100.7" });
      assert.equal(answer.statusCode, 403, path);
      assert.match(answer.body, /Вход из этой сети запрещён/);
    }
    const denied = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "access.denied"));
    assert.equal(denied.filter((row) => row.details.reason === "network-not-allowed").length, 3);
    const ipv6 = await h.signIn(personas.petrova, "2001:db8:5::9");
    assert.equal((await h.send(ipv6, "GET", "/org", { ip: "2001:db8:5::9" })).statusCode, 200);

    const security = (await h.send(head, "GET", "/org/security")).body;
    const deleteOf = (cidr: string) =>
      security.match(
        new RegExp(
          `<strong>${cidr.replace(/\./g, "\\.")}</strong>[\\s\\S]*?action="(/org/security/networks/[^"]+/delete)"`,
        ),
      )?.[1] ?? "";
    const ipv4Delete = deleteOf("203.0.113.0/24");
    const ipv6Delete = deleteOf("2001:db8::/32");
    assert.ok(ipv4Delete && ipv6Delete && ipv4Delete !== ipv6Delete);
    assert.equal(
      (await h.send(head, "POST", ipv4Delete ?? "")).statusCode,
      409,
      "the rest would shut the head out",
    );
    assert.equal((await h.send(head, "POST", ipv6Delete ?? "")).statusCode, 303);
    assert.equal(
      (await h.send(head, "POST", ipv4Delete ?? "")).statusCode,
      303,
      "an empty list switches the restriction off",
    );
    assert.equal((await h.send(outside, "GET", "/org", { ip: "198.51.100.7" })).statusCode, 200);
  });

  test("an entry from a new network or device is announced to the managers, in the cabinet and by e-mail", async () => {
    const first = await h.signIn(personas.volkov, "203.0.113.10");
    await h.send(first, "GET", "/org");
    const again = await h.signIn(personas.volkov, "192.0.2.55");
    await h.send(again, "GET", "/org", {
      ip: "192.0.2.55",
      userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0",
    });
    const home = text((await h.send(head, "GET", "/org")).body);
    assert.match(
      home,
      /Вход в кабинет организации из новой сети 192\.0\.2\.0\/24 и с нового устройства \(Firefox, Windows\): Волков Игорь Петрович\./,
    );
    const mail = await h.deps.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, "info@gp1.example.org"));
    assert.ok(mail.some((message) => /из новой сети/.test(message.body)));
    const employeeHome = text((await h.send(again, "GET", "/org", { ip: "192.0.2.55" })).body);
    assert.doesNotMatch(employeeHome, /из новой сети/, "for the managers only");
  });
});

describe("journal (O10) and reports (O16)", () => {
  test("every operation is in the journal, filtered by who, what and when, exported to CSV; only the own organization's", async () => {
    const other = await h.signIn(personas.otherHead);
    await h.send(other, "POST", "/org/feedback", {
      form: { field: "other", proposedValue: "Сведения другой организации" },
    });
    const all = await h.send(head, "GET", "/org/journal");
    assert.equal(all.statusCode, 200);
    const body = rowsOf(all.body);
    assert.match(body, /Добавлена разрешённая сеть/);
    assert.match(body, /Отказ в доступе/);
    assert.doesNotMatch(body, /Запрос на исправление сведений/, "another organization's operation");
    assert.doesNotMatch(
      body,
      /\/org\/|\d{4}-\d{2}-\d{2}|[a-z]+\.[a-z_]+/,
      "no raw paths, ISO dates or event names",
    );

    const denials = rowsOf((await h.send(head, "GET", "/org/journal?what=access.denied")).body);
    assert.match(denials, /Отказ в доступе/);
    assert.doesNotMatch(denials, /Добавлена разрешённая сеть/);
    const volkovId = (
      await h.deps.database.db.query.users.findFirst({
        where: (users, { eq }) => eq(users.lastName, "Волков"),
      })
    )?.id;
    const byVolkov = rowsOf((await h.send(head, "GET", `/org/journal?who=${volkovId}`)).body);
    assert.match(byVolkov, /Вход из новой сети или с нового устройства/);
    assert.doesNotMatch(byVolkov, /Смирнов Алексей Викторович/);
    assert.match(
      text((await h.send(head, "GET", "/org/journal?from=01.01.2026&to=31.01.2026")).body),
      /Записей: 0/,
    );
    assert.equal((await h.send(head, "GET", "/org/journal?from=32.01.2026")).statusCode, 400);

    const csv = await h.send(head, "GET", "/org/journal.csv?what=organization.network_added");
    assert.equal(csv.headers["content-type"], "text/csv; charset=utf-8");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert.equal(lines[0], "Когда;Кто;Действие;Результат;Подробности");
    assert.equal(lines.length, 3);
    assert.ok(
      lines
        .slice(1)
        .every((line) => line.includes("Смирнов Алексей Викторович;Добавлена разрешённая сеть;выполнено")),
    );
    const exported = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "journal.exported"));
    assert.equal(exported.length, 1);
  });

  test("staff by position and department, expiring accreditations as an accessible chart with its table, CSV downloads", async () => {
    const card = (postId: string, postName: string, department: string, rate: number) => ({
      oid: demoClinicFrmoOid,
      organization: "ГБУЗ «Городская поликлиника № 1»",
      nrPmuDepartName: department,
      postId,
      postName,
      positionTypeId: "main",
      positionTypeName: "Основное место работы",
      rate,
      beginDate: "2020-01-01",
    });
    const db = h.deps.database.db;
    await insertRecord(db, {
      person: { snils: "11223344595", lastName: "Соколова", firstName: "Елена" },
      cards: [card("109", "врач-терапевт", "Терапевтическое отделение", 1)],
      certificates: [
        {
          certNumber: "0177-1",
          passDate: "2022-01-15",
          endDate: "2027-01-15",
          specId: "76",
          specName: "Терапия",
        },
      ],
    });
    await insertRecord(db, {
      person: { snils: "14848125585", lastName: "Лебедев", firstName: "Антон" },
      cards: [
        card("109", "врач-терапевт", "Терапевтическое отделение", 0.5),
        card("122", "врач-хирург", "Хирургическое отделение", 0.25),
      ],
      accreditation: {
        record: {},
        procedures: [
          {
            accreditationKindId: "periodic",
            accreditationKind: "периодическая",
            specId: "76",
            spec: "Терапия",
            passed: true,
            passDate: "2022-04-10",
            endDate: "2027-04-10",
          },
        ],
      },
    });
    // Expired a week ago; the older certificate in the same specialty is superseded by it.
    await insertRecord(db, {
      person: { snils: "12345678964", lastName: "Андреева", firstName: "Ирина", patronymic: "Павловна" },
      cards: [card("110", "врач-кардиолог", "Терапевтическое отделение", 0.25)],
      certificates: [{ certNumber: "0177-2", endDate: "2021-05-01", specId: "12", specName: "Кардиология" }],
      accreditation: {
        record: {},
        procedures: [
          {
            accreditationKindId: "periodic",
            accreditationKind: "периодическая",
            specId: "12",
            spec: "Кардиология",
            passed: true,
            passDate: "2021-11-14",
            endDate: "2026-11-14",
          },
        ],
      },
    });
    const page = await h.send(head, "GET", "/org/reports");
    assert.equal(page.statusCode, 200);
    const body = text(page.body);
    assert.match(body, /врач-терапевт 2 1,5/);
    assert.match(body, /врач-хирург 1 0,25/);
    assert.match(body, /Терапевтическое отделение 3 1,75/);

    const deadlines = text(
      page.body.match(/aria-label="Сроки аккредитации сотрудников"[\s\S]*?<\/table>/)?.[0] ?? "",
    );
    const order = ["Андреева Ирина Павловна", "Соколова Елена", "Лебедев Антон"].map((name) =>
      deadlines.indexOf(name),
    );
    assert.ok(
      order.every((at, index) => at >= 0 && (index === 0 || at > (order[index - 1] ?? 0))),
      deadlines,
    );
    assert.match(
      deadlines,
      /Андреева Ирина Павловна Кардиология Аккредитация 14\.11\.2026 срок истёк 7 дней назад/,
    );
    assert.match(
      deadlines,
      /Соколова Елена Терапия Сертификат специалиста 15\.01\.2027 истекает через 55 дней/,
    );
    assert.match(deadlines, /Лебедев Антон Терапия Аккредитация 10\.04\.2027 истекает через 140 дней/);
    assert.doesNotMatch(deadlines, /01\.05\.2021/, "a superseded certificate");
    const andreeva = await h.deps.database.db.query.registerPersons.findFirst({
      where: (persons, { eq }) => eq(persons.snils, "12345678964"),
    });
    assert.match(page.body, new RegExp(`<a href="/org/staff/${andreeva?.id}">Андреева Ирина Павловна</a>`));

    assert.match(page.body, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    assert.match(
      page.body,
      /<title id="chart-title">Истекающие аккредитации и сертификаты по месяцам, ноябрь 2026 — октябрь 2027<\/title>/,
    );
    assert.match(
      page.body,
      /<desc id="chart-desc">Истекающих документов за 12 месяцев \(ноябрь 2026 — октябрь 2027\): 3;/,
    );
    assert.match(page.body, /class="chart__axis"[^>]*y1="48"/, "the value axis");
    assert.match(page.body, /class="chart__tick"[^>]*>1<\/text>/, "a gridline value");
    assert.match(body, /январь 2027 0 1 1/);
    assert.match(body, /апрель 2027 1 0 1/);
    assert.match(body, /ноябрь 2026 1 0 1/);
    assert.match(body, /Сотрудники ещё не направляли заявления/);
    assert.match(body, /На согласовании у руководителя 0/);
    assert.match(body, /Отозвано 0/);

    const position = await h.send(head, "GET", "/org/reports/staff-by-position.csv");
    assert.equal(
      position.body.replace(/^\uFEFF/, ""),
      "Должность;Работников;Ставок\r\nврач-терапевт;2;1,5\r\nврач-кардиолог;1;0,25\r\nврач-хирург;1;0,25\r\n",
    );
    const expiring = (await h.send(head, "GET", "/org/reports/expiring.csv")).body.split("\r\n");
    assert.equal(expiring.length, 14, "header, twelve months and the final line break");
    const people = (await h.send(head, "GET", "/org/reports/deadlines.csv")).body.replace(/^\uFEFF/, "");
    assert.equal(
      people.split("\r\n").slice(0, 2).join("\n"),
      "Сотрудник;Специальность;Документ;Действует по;Дней осталось\nАндреева Ирина Павловна;Кардиология;Аккредитация;14.11.2026;-7",
      "a negative number stays a number, not a guarded formula",
    );
    const downloads = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "report.downloaded"));
    assert.deepEqual(downloads.map((row) => row.details.report).sort(), [
      "deadlines",
      "expiring",
      "staff-by-position",
    ]);
  });

  test("an employee with the reports right sees the reports; without it, refused", async () => {
    const clinicId = await h.organizationId(egrulClinic.ogrn);
    const grantor =
      (
        await h.deps.database.db.query.users.findFirst({
          where: (users, { eq }) => eq(users.lastName, "Смирнов"),
        })
      )?.id ?? "";
    await insertGrant(h.deps.database.db, {
      organizationId: clinicId,
      snils: personas.petrova.person.snils ?? "",
      fullName: "Петрова Анна Сергеевна",
      rights: ["reports.view"],
      startsOn: "2026-11-21",
      endsOn: "2026-11-30",
      grantedBy: grantor,
      grantedAt: h.clock.now(),
    });
    const petrova = await h.signIn(personas.petrova);
    assert.equal((await h.send(petrova, "GET", "/org/reports")).statusCode, 200);
    assert.equal((await h.send(await h.signIn(personas.volkov), "GET", "/org/reports")).statusCode, 403);
  });
});
