// O8, O9: a representative appointed on a power of attorney (automatic checks, then an operator),
// rights granted to employees for a period that end by themselves, and what a representative may not do.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { organizationRepresentatives } from "../../src/modules/access/access.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { formatSnils } from "../../src/shared/identifiers.ts";
import { attorneyXml, minimalPdf } from "../support/files.ts";
import {
  type CabinetHarness,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const DAY = 24 * 60 * 60 * 1000;
let h: CabinetHarness;
let head: Session;
before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  head = await h.signIn(personas.head);
});
after(() => h?.close());

const kuznetsovaSnils = personas.kuznetsova.person.snils ?? "";
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
const documents = (attorney: { name: string; content: Buffer | string }) => [
  { field: "attorney", ...attorney },
  { field: "charter", name: "ustav.pdf", content: minimalPdf("Устав") },
  { field: "identity", name: "passport.pdf", content: minimalPdf("Паспорт") },
];
const appointment = { snils: formatSnils(kuznetsovaSnils), fullName: "Кузнецова Ольга Игоревна" };

async function denials(reason: string): Promise<number> {
  const rows = await h.deps.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.event, "access.denied"));
  return rows.filter((row) => row.details.reason === reason).length;
}

test("the automatic checks refuse a foreign, expired or incomplete power of attorney with the reasons", async () => {
  const foreign = attorneyXml({
    issued: "2026-10-01",
    until: "2027-09-30",
    inn: "7707083893",
    snils: kuznetsovaSnils,
  });
  const refused = await h.send(head, "POST", "/org/representatives", {
    multipart: { fields: appointment, files: documents({ name: "mchd.xml", content: foreign }) },
  });
  assert.equal(refused.statusCode, 400);
  assert.match(
    text(refused.body),
    new RegExp(
      `Доверенность выдана другой организацией: ИНН доверителя 7707083893, а у вашей организации ${egrulClinic.inn}\\.`,
    ),
  );

  const expired = attorneyXml({
    issued: "2025-01-01",
    until: "2026-01-01",
    inn: egrulClinic.inn,
    snils: kuznetsovaSnils,
  });
  const late = await h.send(head, "POST", "/org/representatives", {
    multipart: { fields: appointment, files: documents({ name: "mchd.xml", content: expired }) },
  });
  assert.match(text(late.body), /Срок действия доверенности истёк 01\.01\.2026\./);

  const incomplete = await h.send(head, "POST", "/org/representatives", {
    multipart: {
      fields: appointment,
      files: [{ field: "attorney", name: "dov.pdf", content: minimalPdf() }],
    },
  });
  const body = text(incomplete.body);
  for (const message of [
    "Приложите устав или решение учредителя",
    "Приложите документ, удостоверяющий личность",
    "Укажите номер доверенности",
    "Укажите дату выдачи доверенности",
  ]) {
    assert.ok(body.includes(message), message);
  }
  assert.equal((await h.deps.database.db.select().from(organizationRepresentatives)).length, 0);
});

test("refused by the operator with the list of documents, then appointed on a machine-readable power of attorney", async () => {
  const operator = await h.signIn(personas.operator);
  const pdfForm = {
    ...appointment,
    attorneyNumber: "15/2026",
    issuedOn: "10.11.2026",
    validUntil: "31.12.2026",
  };
  assert.equal(
    (
      await h.send(head, "POST", "/org/representatives", {
        multipart: { fields: pdfForm, files: documents({ name: "dov.pdf", content: minimalPdf() }) },
      })
    ).statusCode,
    303,
  );
  const kuznetsova = await h.signIn(personas.kuznetsova);
  assert.equal(
    (await h.send(kuznetsova, "GET", "/org/access")).statusCode,
    403,
    "not before the operator's check",
  );

  const first = (await h.send(operator, "GET", "/review/organizations")).body.match(
    /href="(\/review\/organizations\/representatives\/[^"]+)"/,
  )?.[1];
  assert.ok(first);
  await h.send(operator, "POST", `${first}/decision`, {
    form: {
      decision: "refuse",
      reasons: "Доверенность не подписана руководителем организации",
      other: "Нет страницы паспорта с регистрацией",
    },
  });
  const list = text((await h.send(head, "GET", "/org/representatives")).body);
  assert.match(list, /отказано/);
  assert.match(list, /Доверенность не подписана руководителем организации/);
  assert.match(list, /Нет страницы паспорта с регистрацией/);

  const xml = attorneyXml({
    number: "МЧД-77",
    issued: "2026-11-20",
    until: "2027-05-31",
    inn: egrulClinic.inn,
    snils: kuznetsovaSnils,
  });
  assert.equal(
    (
      await h.send(head, "POST", "/org/representatives", {
        multipart: { fields: appointment, files: documents({ name: "mchd.xml", content: xml }) },
      })
    ).statusCode,
    303,
  );
  const [row] = await h.deps.database.db
    .select()
    .from(organizationRepresentatives)
    .where(
      and(
        eq(organizationRepresentatives.status, "pending"),
        eq(organizationRepresentatives.attorneyFormat, "xml"),
      ),
    );
  assert.deepEqual(
    [row?.attorneyNumber, row?.issuedOn, row?.validUntil],
    ["МЧД-77", "2026-11-20", "2027-05-31"],
    "read from the XML",
  );
  assert.equal(
    (
      await h.send(operator, "POST", `/review/organizations/representatives/${row?.id}/decision`, {
        form: { decision: "activate" },
      })
    ).statusCode,
    303,
  );
  assert.match(
    text((await h.send(head, "GET", "/org")).body),
    /Уполномоченный представитель: Кузнецова Ольга Игоревна\. Полномочия подтверждены до 31\.05\.2027/,
  );

  const access = await h.send(kuznetsova, "GET", "/org/access");
  assert.equal(access.statusCode, 200);
  assert.match(text(access.body), /Вы уполномоченный представитель/);
});

test("a representative manages access but cannot pass powers on; beyond them everything is refused and audited", async () => {
  const kuznetsova = await h.signIn(personas.kuznetsova);
  const before = await denials("no-power");
  assert.equal((await h.send(kuznetsova, "GET", "/org/representatives")).statusCode, 403);
  assert.equal((await h.send(kuznetsova, "GET", "/org/security")).statusCode, 403);
  assert.equal(await denials("no-power"), before + 2);

  const toSelf = await h.send(kuznetsova, "POST", "/org/access/grants", {
    form: {
      snils: kuznetsovaSnils,
      fullName: "Кузнецова Ольга Игоревна",
      rights: "staff.edit",
      startsOn: "2026-11-21",
      endsOn: "2026-12-31",
    },
  });
  assert.match(text(toSelf.body), /Выдать права самому себе нельзя/);
  assert.equal(await denials("grant-to-self"), 1);

  const petrova = { snils: personas.petrova.person.snils ?? "", fullName: "Петрова Анна Сергеевна" };
  const tooLong = await h.send(kuznetsova, "POST", "/org/access/grants", {
    form: { ...petrova, rights: "staff.view", startsOn: "2026-11-21", endsOn: "2027-06-30" },
  });
  assert.match(text(tooLong.body), /не позднее 31\.05\.2027/);
  assert.equal(await denials("beyond-own-powers"), 1);
});

test("granted rights work from their first to their last day and end by themselves, checked at each request", async () => {
  // 23:30 in Moscow: the last half hour of the first day of a one-day grant.
  const evening = await startCabinet({ start: "2026-11-21T20:30:00Z" });
  try {
    const boss = await evening.signIn(personas.head);
    const petrova = personas.petrova.person;
    const grant = (rights: string[], startsOn: string, endsOn: string) =>
      evening.send(boss, "POST", "/org/access/grants", {
        form: { snils: petrova.snils ?? "", fullName: "Петрова Анна Сергеевна", rights, startsOn, endsOn },
      });
    assert.equal((await grant(["staff.view"], "2026-11-21", "2026-11-21")).statusCode, 303);
    assert.equal((await grant(["reports.view"], "2026-11-22", "2026-11-30")).statusCode, 303);
    const session = await evening.signIn(personas.petrova);
    assert.equal((await evening.send(session, "GET", "/org/staff")).statusCode, 200);
    assert.equal(
      (await evening.send(session, "GET", "/org/staff/add")).statusCode,
      403,
      "viewing is not editing",
    );
    assert.equal((await evening.send(session, "GET", "/org/reports")).statusCode, 403, "not yet");
    // Past midnight, in the same session: one right has ended, the other begun.
    for (const step of [20, 20]) {
      evening.clock.advance(step * 60 * 1000);
      await evening.send(session, "GET", "/org/status");
    }
    assert.equal((await evening.send(session, "GET", "/org/staff")).statusCode, 403);
    assert.equal((await evening.send(session, "GET", "/org/reports")).statusCode, 200);
    const menu =
      (await evening.send(session, "GET", "/org")).body.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)?.[0] ??
      "";
    assert.match(menu, /Отчётность/);
    assert.match(text((await evening.send(session, "GET", "/org/status")).body), /срок истёк/);
  } finally {
    await evening.close();
  }
});

test("a revoked grant stops at once; the representative's powers end with the power of attorney", async () => {
  const kuznetsova = await h.signIn(personas.kuznetsova);
  const volkov = personas.volkov.person;
  await h.send(head, "POST", "/org/access/grants", {
    form: {
      snils: volkov.snils ?? "",
      fullName: "Волков Игорь Петрович",
      rights: "staff.edit",
      startsOn: "2026-11-21",
      endsOn: "2026-12-31",
    },
  });
  const session = await h.signIn(personas.volkov);
  assert.equal((await h.send(session, "GET", "/org/staff/add")).statusCode, 200);
  const page = (await h.send(kuznetsova, "GET", "/org/access")).body;
  assert.doesNotMatch(page, /action="\/org\/access\/grants\/[^"]+\/revoke"/, "no revocation in one click");
  const revoke = [...page.matchAll(/href="(\/org\/access\/grants\/[^"]+\/revoke)"[\s\S]*?<\/a>/g)].find(
    (match) => match[0].includes("Волков"),
  )?.[1];
  assert.ok(revoke);
  // The link asks first; the rights hold until the confirmation is posted.
  const confirm = await h.send(kuznetsova, "GET", revoke);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /<h1>Отозвать права сотрудника\?<\/h1>/);
  assert.match(confirm.body, /Волков Игорь Петрович/);
  assert.match(confirm.body, new RegExp(`<form method="post" action="${revoke}"`));
  assert.equal((await h.send(session, "GET", "/org/staff/add")).statusCode, 200, "not yet revoked");
  assert.equal((await h.send(kuznetsova, "POST", revoke)).statusCode, 303);
  assert.equal((await h.send(kuznetsova, "GET", revoke)).statusCode, 303, "nothing left to confirm");
  assert.equal((await h.send(session, "GET", "/org/staff/add")).statusCode, 403);

  h.clock.advance(200 * DAY);
  const later = await h.signIn(personas.kuznetsova);
  assert.equal((await h.send(later, "GET", "/org/access")).statusCode, 403, "after 31.05.2027");
});

test("«Прекратить полномочия» asks first on its own page; the powers end only when confirmed", async () => {
  const head2 = await h.signIn(personas.head);
  const list = (await h.send(head2, "GET", "/org/representatives")).body;
  assert.doesNotMatch(list, /action="\/org\/representatives\/[^"]+\/revoke"/, "no ending in one click");
  const link = /href="(\/org\/representatives\/[^"]+\/revoke)"/.exec(list)?.[1];
  assert.ok(link);
  const confirm = await h.send(head2, "GET", link);
  assert.equal(confirm.statusCode, 200);
  assert.match(
    confirm.body,
    /<h1>(Прекратить полномочия представителя|Отозвать заявку на назначение представителя)\?<\/h1>/,
  );
  assert.match(confirm.body, /Кузнецова Ольга Игоревна/);
  assert.match(confirm.body, /href="\/org\/representatives"[^>]*>Отмена|>Отмена<\/a>/);
  assert.equal((await h.send(head2, "POST", link)).statusCode, 303);
  assert.equal((await h.send(head2, "GET", link)).statusCode, 303, "nothing left to confirm");
});
