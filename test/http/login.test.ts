// Sign-in end to end over HTTP: the cabinet's ESIA client against the stand-in, real signatures.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { enterAsWorker, FormClient, loginThroughStandin } from "../support/http-client.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
before(async () => {
  system = await startTestSystem({ listen: true });
});
after(() => system.close());

test("Петрова logs in and lands in the worker's cabinet with her name in the header", async () => {
  const client = new FormClient();
  const home = await enterAsWorker(
    client,
    await loginThroughStandin(client, system.cabinetUrl, "+7 900 100-00-02"),
  );
  assert.equal(new URL(home.url).pathname, "/lk");
  assert.match(home.html, /Петрова Анна Сергеевна/);
  const events = await system.deps.database.db.query.auditEvents.findMany();
  assert.ok(events.some((event) => event.event === "auth.login" && event.outcome === "success"));
});

test("an unconfirmed account is refused with an explanation, and the refusal is audited", async () => {
  const page = await loginThroughStandin(new FormClient(), system.cabinetUrl, "8 900 100-00-03");
  assert.equal(page.status, 403);
  assert.match(page.html, /Учётная запись не подтверждена/);
  assert.equal(new URL(page.url).pathname, "/auth/esia/result", "shown at a clean address, without ?code=");
  assert.match(page.html, /Войти под другой учётной записью/);
  const events = await system.deps.database.db.query.auditEvents.findMany();
  assert.ok(
    events.some((event) => event.event === "auth.login_failed" && event.details.reason === "not-confirmed"),
  );
});

test("refusing consent at the stand-in gives a clear page with «Попробовать снова»", async () => {
  const page = await loginThroughStandin(new FormClient(), system.cabinetUrl, "+79001000006", "deny");
  assert.equal(page.status, 400);
  assert.match(page.html, /Вы отказались предоставить доступ/);
  assert.match(page.html, /ESIA-007004/);
  assert.match(page.html, /Попробовать снова/);
});

test("a replayed callback is refused", async () => {
  const client = new FormClient();
  client.stopBefore = /\/auth\/esia\/callback/;
  const stopped = await loginThroughStandin(client, system.cabinetUrl, "+79001000002");
  assert.match(stopped.url, /\/auth\/esia\/callback\?code=/);
  client.stopBefore = undefined;
  const first = await client.get(stopped.url);
  assert.equal(first.status, 200);
  assert.doesNotMatch(first.url, /code=/, "the code does not stay in the address bar");
  const reload = await client.get(first.url);
  assert.doesNotMatch(reload.html, /Не удалось войти/, "a reload does not replay the code");
  const replay = await client.get(stopped.url);
  assert.equal(replay.status, 400);
  assert.match(replay.html, /Не удалось войти через Госуслуги/);
});

test("Смирнов chooses the clinic and Руководитель; the header shows the organization", async () => {
  const client = new FormClient();
  const choose = await loginThroughStandin(client, system.cabinetUrl, "+79001000004");
  assert.equal(new URL(choose.url).pathname, "/auth/context");
  const clinicOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ГБУЗ/)?.[1];
  assert.ok(clinicOid, "the clinic is offered");
  const rolePage = await client.submit(choose, "/auth/context", { choice: clinicOid });
  assert.match(rolePage.html, /Руководитель/);
  const home = await client.submit(rolePage, "/auth/context/role", { role: "head" });
  assert.equal(new URL(home.url).pathname, "/org");
  assert.match(home.html, /class="account__org">ГБУЗ «Городская поликлиника № 1»/);
  assert.match(home.html, /в роли «Руководитель»/);
  const worker = await client.get(`${system.cabinetUrl}/lk`);
  assert.equal(worker.status, 403, "the choice is fixed for the session");
});

test("Смирнов's second organization is not in ФРМО: a page says why", async () => {
  const client = new FormClient();
  const choose = await loginThroughStandin(client, system.cabinetUrl, "+79001000004");
  const otherOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ООО/)?.[1];
  assert.ok(otherOid);
  const page = await client.submit(choose, "/auth/context", { choice: otherOid });
  assert.equal(page.status, 403);
  assert.match(page.html, /Организация не найдена в реестре ФРМО/);
  assert.match(page.html, /Что делать дальше/);
  assert.match(page.html, /href="\/organizations\/kinds"/);
  assert.match(page.html, /href="\/support\/new\?code=ORGANIZATION_NOT_REGISTERED&amp;at=/);
  assert.doesNotMatch(page.html, />[^<]*ORGANIZATION_NOT_REGISTERED/, "the code is not in the text");
});

test("the chooser marks the organization absent from ФРМО before it is picked", async () => {
  const choose = await loginThroughStandin(new FormClient(), system.cabinetUrl, "+79001000004");
  assert.match(
    choose.html,
    /От имени организации «ООО «Медицинский центр «Здоровье»»»\s*<span class="hint">нет в реестре ФРМО/,
  );
  assert.doesNotMatch(choose.html, /«ГБУЗ «Городская поликлиника № 1»»\s*<span class="hint">/);
});

test("Кузнецова's demo organizations: the liquidated one is marked and refused, the mismatching one blocked", async () => {
  const client = new FormClient();
  const choose = await loginThroughStandin(client, system.cabinetUrl, "+79001000005");
  assert.match(choose.html, /«ООО «Стоматология «Улыбка»»»\s*<span class="hint">организация ликвидирована/);
  const dentalOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ООО «Стоматология/)?.[1];
  assert.ok(dentalOid);
  const refused = await client.submit(choose, "/auth/context", { choice: dentalOid });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Организация ликвидирована/);
  const familyOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ООО «Клиника/)?.[1];
  assert.ok(familyOid);
  const other = new FormClient();
  const again = await loginThroughStandin(other, system.cabinetUrl, "+79001000005");
  const rolePage = await other.submit(again, "/auth/context", { choice: familyOid });
  await other.submit(rolePage, "/auth/context/role", { role: "employee" });
  const blocked = await other.get(`${system.cabinetUrl}/org/staff`);
  assert.equal(blocked.status, 403);
  assert.match(blocked.html, /Сведения об организации расходятся с ЕГРЮЛ/);
  assert.match(blocked.html, /не совпадает с ИНН по данным ЕГРЮЛ/);
});

test("Кузнецова cannot enter as Руководитель", async () => {
  const client = new FormClient();
  const choose = await loginThroughStandin(client, system.cabinetUrl, "+79001000005");
  const clinicOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ГБУЗ/)?.[1];
  assert.ok(clinicOid);
  const rolePage = await client.submit(choose, "/auth/context", { choice: clinicOid });
  assert.doesNotMatch(rolePage.html, /value="head"/);
  const forced = await client.submit(rolePage, "/auth/context/role", { role: "head" });
  assert.equal(forced.status, 403);
  const employee = await client.submit(rolePage, "/auth/context/role", { role: "employee" });
  assert.match(employee.html, /в роли «Сотрудник»/);
});
