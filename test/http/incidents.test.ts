// C6, issue item 7: an operator of the support desk posts messages about the service (planned works,
// outages); the active ones show under the header of every page and on /status, planned ones appear
// when they start and go when they end. Who may post, the Russian refusals of a bad form, the audit
// records, and the copy in memory that other instances renew within a few seconds.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { desc, eq } from "drizzle-orm";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import { incidents } from "../../src/modules/status/incidents.schema.ts";
import { createIncidentBoard, INCIDENTS_TTL_MS } from "../../src/modules/status/incidents.ts";
import {
  type CabinetHarness,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { giveConsent } from "../support/worker.ts";

let h: CabinetHarness;
let operator: Session;
let worker: Session;
const supportPersona = { person: personOf(61, "Фёдоров", "Антон", "Юрьевич"), support: true as const };

before(async () => {
  // 23:00 in Moscow on 02.12: the night's planned works are still ahead.
  h = await startCabinet({ start: "2026-12-02T20:00:00Z" });
  operator = await h.signIn(supportPersona);
  worker = await h.signIn(personas.worker);
  for (const row of await h.deps.database.db.select().from(users))
    await giveConsent(h.deps.database.db, row.id, h.clock.now());
});
after(() => h?.close());

const db = () => h.deps.database.db;
const lastAudit = async (event: string) =>
  (
    await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, event))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];
const banner = (html: string) => {
  const start = html.indexOf('<section class="incidents"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
};
/** Hours on the fake clock end the sessions' idle time: sign in again. */
async function advance(ms: number) {
  h.clock.advance(ms);
  operator = await h.signIn(supportPersona);
  worker = await h.signIn(personas.worker);
}
const post = (form: Record<string, string>) => h.send(operator, "POST", "/support-desk/incidents", { form });

describe("who may post", () => {
  test("everyone but a support desk operator is refused, and nothing is stored", async () => {
    const sessions: [string, Session | undefined, number][] = [
      ["anonymous", undefined, 401],
      ["worker", worker, 403],
      ["commission", await h.signIn(personas.operator), 403],
    ];
    const form = { kind: "outage", title: "Чужое сообщение" };
    for (const [who, session, status] of sessions) {
      const page = await h.send(session, "GET", "/support-desk/incidents");
      assert.equal(page.statusCode, status, `${who} GET`);
      const posted = await h.send(session, "POST", "/support-desk/incidents", { form });
      // An anonymous POST carries no CSRF token: refused before the route is reached.
      assert.equal(posted.statusCode, session ? status : 403, `${who} POST`);
      assert.match(page.body, session ? /только для службы поддержки/ : /Войдите/);
    }
    assert.equal((await db().select().from(incidents)).length, 0);
  });
});

describe("an operator's messages", () => {
  test("an outage posted now shows under the header of every page and on /status", async () => {
    const posted = await post({
      kind: "outage",
      title: "Сбой отправки SMS",
      details: "Коды подтверждения приходят с задержкой, мы уже устраняем сбой.",
    });
    assert.equal(posted.statusCode, 303);
    const desk = await h.send(operator, "GET", "/support-desk/incidents");
    assert.match(desk.body, /Сообщение опубликовано\./);
    assert.match(desk.body, /Сейчас на всех страницах/);

    for (const [session, url] of [
      [worker, "/lk"],
      [undefined, "/"],
      [undefined, "/help"],
      [operator, "/support-desk"],
    ] as const) {
      const page = await h.send(session, "GET", url);
      assert.equal(page.statusCode, 200, url);
      assert.match(banner(page.body), /Сбой отправки SMS/, url);
      assert.match(banner(page.body), /приходят с задержкой/, url);
    }
    const status = await h.send(undefined, "GET", "/status");
    assert.match(status.body, /Сообщения службы поддержки/);
    assert.match(status.body, /Сбой: с 02\.12\.2026 23:00/);
    assert.match(status.body, /Сервис работает с перебоями/, "a reported outage is not «штатно»");

    const audit = await lastAudit("status.incident_posted");
    assert.equal(audit?.details.title, "Сбой отправки SMS");
    assert.equal(audit?.details.kind, "outage");
  });

  test("planned works appear when they start and go when they end", async () => {
    const posted = await post({
      kind: "maintenance",
      title: "Плановые работы 03.12 с 02:00 до 04:00",
      startsDate: "2026-12-03",
      startsTime: "02:00",
      endsDate: "03.12.2026",
      endsTime: "04:00",
    });
    assert.equal(posted.statusCode, 303);
    const [row] = await db().select().from(incidents).where(eq(incidents.kind, "maintenance"));
    assert.equal(row?.startsAt.toISOString(), "2026-12-02T23:00:00.000Z", "Moscow time");
    assert.equal(row?.endsAt?.toISOString(), "2026-12-03T01:00:00.000Z");

    const before = await h.send(worker, "GET", "/lk");
    assert.doesNotMatch(banner(before.body), /Плановые работы/, "not yet");
    const status = await h.send(undefined, "GET", "/status");
    assert.match(status.body, /Запланировано: 03\.12\.2026 02:00 — 03\.12\.2026 04:00/);

    await advance(3 * 60 * 60_000 + 60_000); // 02:01
    const during = await h.send(worker, "GET", "/lk");
    assert.match(banner(during.body), /Плановые работы 03\.12 с 02:00 до 04:00/);
    assert.match(banner(during.body), /Окончание — 03\.12\.2026 04:00/);

    await advance(2 * 60 * 60_000); // 04:01
    const afterwards = await h.send(worker, "GET", "/lk");
    assert.doesNotMatch(banner(afterwards.body), /Плановые работы/);
    const desk = await h.send(operator, "GET", "/support-desk/incidents");
    const ended = desk.body.slice(desk.body.indexOf("<h2>Завершённые</h2>"));
    assert.match(ended, /Плановые работы 03\.12 с 02:00 до 04:00/);
  });

  test("the operator ends an outage: the banner goes at once, a second click changes nothing", async () => {
    const [row] = await db().select().from(incidents).where(eq(incidents.kind, "outage"));
    assert.ok(row);
    const ended = await h.send(operator, "POST", `/support-desk/incidents/${row.id}/end`);
    assert.equal(ended.statusCode, 303);
    const desk = await h.send(operator, "GET", "/support-desk/incidents");
    assert.match(desk.body, /Сообщение снято с публикации\./);
    assert.equal(banner((await h.send(worker, "GET", "/lk")).body), "");
    const audit = await lastAudit("status.incident_ended");
    assert.equal(audit?.details.title, "Сбой отправки SMS");
    const [stored] = await db().select().from(incidents).where(eq(incidents.id, row.id));
    assert.ok(stored?.endedBy, "who ended it");

    const again = await h.send(operator, "POST", `/support-desk/incidents/${row.id}/end`);
    assert.equal(again.statusCode, 303);
    assert.match((await h.send(operator, "GET", "/support-desk/incidents")).body, /уже завершено/);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const missing = await h.send(operator, "POST", `/support-desk/incidents/${id}/end`);
      assert.equal(missing.statusCode, 303, id);
    }
    const count = await db().select().from(auditEvents).where(eq(auditEvents.event, "status.incident_ended"));
    assert.equal(count.length, 1, "nothing ended twice");
  });

  test("a bad form is returned with Russian messages and stores nothing", async () => {
    const stored = (await db().select().from(incidents)).length;
    const cases: [Record<string, string>, RegExp[]][] = [
      [{}, [/Выберите, о чём сообщение/, /Напишите заголовок/]],
      [{ kind: "outage", title: "Сбой", startsDate: "31.02.2026", startsTime: "10:00" }, [/ДД\.ММ\.ГГГГ/]],
      [{ kind: "outage", title: "Сбой", startsDate: "2026-12-03", startsTime: "25:00" }, [/ЧЧ:ММ/]],
      [
        {
          kind: "maintenance",
          title: "Работы",
          startsDate: "2026-12-04",
          startsTime: "04:00",
          endsDate: "2026-12-04",
          endsTime: "02:00",
        },
        [/Окончание должно быть позже начала/],
      ],
      [{ kind: "outage", title: "Сбой", endsDate: "2026-12-01", endsTime: "10:00" }, [/уже прошло/]],
      [{ kind: "alien", title: "x".repeat(201) }, [/Выберите/, /до 200 знаков/]],
    ];
    for (const [form, messages] of cases) {
      const response = await post(form);
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      for (const message of messages) assert.match(response.body, message, JSON.stringify(form));
    }
    assert.equal((await db().select().from(incidents)).length, stored);
  });
});

test("another instance's copy is renewed within the TTL; a page costs no query while it is fresh", async () => {
  const other = createIncidentBoard({ db: db(), clock: h.clock });
  const titles = () => other.active().map((incident) => incident.title);
  await other.refresh();
  assert.ok(!titles().includes("Не загружаются файлы"));
  assert.equal((await post({ kind: "outage", title: "Не загружаются файлы" })).statusCode, 303);
  await other.refresh();
  assert.ok(!titles().includes("Не загружаются файлы"), "still the copy of a moment ago");
  h.clock.advance(INCIDENTS_TTL_MS);
  await other.refresh();
  assert.ok(titles().includes("Не загружаются файлы"));
});
