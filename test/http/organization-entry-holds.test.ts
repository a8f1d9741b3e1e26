// O13 «фиксирует подозрительные попытки входа и инициирует блокировку»: with «Блокировать
// подозрительные входы» on, a staff member's entry from a new network or device is held until the
// e-mailed code is typed or the head lets them in; the head may turn it away; an address with too
// many failed logins across accounts is blocked for a while. Every hold and release is in the journal.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { desc, eq } from "drizzle-orm";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { text } from "../support/platform.ts";

const OFFICE = "203.0.113.10";
const HOME = "198.51.100.20";
const CAFE = "192.0.2.30";
let h: CabinetHarness;
let head: Session;
const nurse: Persona = {
  person: {
    ...personOf(41, "Сёмина", "Алла", "Игоревна"),
    contacts: [{ type: "email", value: "semina@example.org", verified: true }],
  },
  organization: { ogrn: egrulClinic.ogrn, role: "employee" },
};
const clerk: Persona = {
  person: personOf(42, "Лапин", "Олег", "Юрьевич"),
  organization: { ogrn: egrulClinic.ogrn, role: "employee" },
};

before(async () => {
  h = await startCabinet({ env: { LOGIN_FAILURES_PER_ADDRESS: "3", ADDRESS_BLOCK_MINUTES: "30" } });
  head = await h.signIn(personas.head);
  // Both entered once from the office: their network and device are known.
  for (const persona of [nurse, clerk])
    assert.equal(
      (await h.send(await h.signIn(persona, OFFICE), "GET", "/org", { ip: OFFICE })).statusCode,
      200,
    );
});
after(() => h.close());

async function audits(event: string) {
  return h.deps.database.db.select().from(auditEvents).where(eq(auditEvents.event, event));
}

async function lastCode(): Promise<string> {
  const [message] = await h.deps.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, "semina@example.org"))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  return /(\d{6})/.exec(message?.body ?? "")?.[1] ?? "";
}

describe("with the switch off", () => {
  test("an entry from a new network is only reported", async () => {
    const session = await h.signIn(nurse, HOME);
    assert.equal((await h.send(session, "GET", "/org", { ip: HOME })).statusCode, 200);
    assert.equal((await audits("organization.entry_held")).length, 0);
  });
});

describe("with «Блокировать подозрительные входы» on", () => {
  test("only the head turns it on, and it is journalled", async () => {
    const employee = await h.signIn(clerk, OFFICE);
    const refused = await h.send(employee, "POST", "/org/security/entry-blocking", {
      form: { holdSuspicious: "on" },
      ip: OFFICE,
    });
    assert.equal(refused.statusCode, 403);
    const on = await h.send(head, "POST", "/org/security/entry-blocking", { form: { holdSuspicious: "on" } });
    assert.equal(on.statusCode, 303);
    assert.match(text((await h.send(head, "GET", "/org/security")).body), /Защита включена/);
    assert.equal((await audits("organization.entry_blocking_changed")).length, 1);
  });

  test("a known network and device pass; a new network is held until the e-mailed code", async () => {
    assert.equal(
      (await h.send(await h.signIn(nurse, OFFICE), "GET", "/org", { ip: OFFICE })).statusCode,
      200,
    );
    const session = await h.signIn(nurse, CAFE);
    const held = await h.send(session, "GET", "/org/staff", { ip: CAFE });
    assert.equal(held.statusCode, 403);
    assert.match(text(held.body), /Вход ожидает подтверждения/);
    assert.match(text(held.body), /Код из письма/);
    assert.equal((await audits("organization.entry_held")).length, 1);
    assert.match(
      text((await h.send(head, "GET", "/org")).body),
      /задержан до подтверждения: Сёмина Алла Игоревна/,
    );
    const code = await lastCode();
    assert.match(code, /^\d{6}$/);
    const wrong = await h.send(session, "POST", "/auth/entry-hold/confirm", {
      form: { code: code === "000000" ? "111111" : "000000" },
      ip: CAFE,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(text(wrong.body), /Код не подошёл/);
    assert.equal((await h.send(session, "GET", "/org", { ip: CAFE })).statusCode, 403, "still held");
    const right = await h.send(session, "POST", "/auth/entry-hold/confirm", { form: { code }, ip: CAFE });
    assert.equal(right.statusCode, 303);
    assert.equal((await h.send(session, "GET", "/org", { ip: CAFE })).statusCode, 200);
    const [released] = await audits("organization.entry_released");
    assert.equal((released?.details as { how?: string })?.how, "code");
    // The network is known now: the next entry from it passes.
    assert.equal((await h.send(await h.signIn(nurse, CAFE), "GET", "/org", { ip: CAFE })).statusCode, 200);
  });

  test("without an e-mail the head lets the person in, or turns the entry away", async () => {
    let session = await h.signIn(clerk, HOME);
    const held = await h.send(session, "GET", "/org", { ip: HOME });
    assert.equal(held.statusCode, 403);
    assert.match(text(held.body), /Попросите руководителя организации разрешить вход/);
    const page = (await h.send(head, "GET", "/org/security")).body;
    assert.match(text(page), /Лапин Олег Юрьевич/);
    const holdId = /\/org\/security\/holds\/([0-9a-f-]{36})\/release/.exec(page)?.[1] ?? "";
    const other = await h.signIn(personas.otherHead);
    assert.equal(
      (await h.send(other, "POST", `/org/security/holds/${holdId}/release`)).statusCode,
      404,
      "another organization's head cannot release it",
    );
    assert.equal((await h.send(head, "POST", `/org/security/holds/${holdId}/release`)).statusCode, 303);
    assert.equal((await h.send(session, "GET", "/org", { ip: HOME })).statusCode, 200);

    session = await h.signIn(clerk, CAFE);
    assert.equal((await h.send(session, "GET", "/org", { ip: CAFE })).statusCode, 403);
    const next = (await h.send(head, "GET", "/org/security")).body;
    const secondId = /\/org\/security\/holds\/([0-9a-f-]{36})\/reject/.exec(next)?.[1] ?? "";
    assert.equal((await h.send(head, "POST", `/org/security/holds/${secondId}/reject`)).statusCode, 303);
    const rejected = await h.send(session, "GET", "/org", { ip: CAFE });
    assert.equal(rejected.statusCode, 403);
    assert.match(text(rejected.body), /Вход отклонён руководителем организации/);
    assert.equal((await audits("organization.entry_rejected")).length, 1);
    const journal = text((await h.send(head, "GET", "/org/journal")).body);
    assert.match(journal, /Задержанный вход разрешён/);
  });

  test("the head is never held", async () => {
    const session = await h.signIn(personas.head, CAFE);
    assert.equal((await h.send(session, "GET", "/org", { ip: CAFE })).statusCode, 200);
  });
});

describe("repeated failures from one address", () => {
  test("block the address for a while, then let it try again", async () => {
    const attacker = "192.0.2.99";
    for (let attempt = 0; attempt < 3; attempt++) {
      const forged = await h.app.inject({
        url: "/auth/esia/callback?code=x&state=forged",
        remoteAddress: attacker,
      });
      assert.equal(forged.statusCode, 303);
    }
    const login = await h.app.inject({ url: "/auth/esia/login", remoteAddress: attacker });
    assert.equal(login.statusCode, 429);
    assert.match(text(login.body), /Вход с вашего адреса временно заблокирован/);
    assert.equal((await audits("security.address_blocked")).length, 1);
    assert.equal((await h.app.inject({ url: "/auth/esia/login", remoteAddress: OFFICE })).statusCode, 303);
    h.clock.advance(31 * 60_000);
    assert.equal((await h.app.inject({ url: "/auth/esia/login", remoteAddress: attacker })).statusCode, 303);
  });
});
