// «Мои сеансы»: the person sees where they are signed in and ends the other sessions (audited); a
// sign-in from a network never seen before sends a notice through the job queue; a signed-in page
// opens the idle warning before the 30-minute timeout, and the warning itself does not extend it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import { NEW_NETWORK_NOTICE_JOB } from "../../src/modules/identity/sessions.service.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { giveConsent } from "../support/worker.ts";

let h: CabinetHarness;
before(async () => {
  h = await startCabinet();
  await h.signIn(worker);
  const [user] = await db().select().from(users).where(eq(users.esiaOid, worker.person.oid));
  if (user) await giveConsent(db(), user.id, h.clock.now());
});
after(() => h?.close());

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const worker: Persona = {
  person: {
    ...personas.petrova.person,
    contacts: [{ type: "email", value: "petrova@example.org", verified: true }],
  },
};
const db = () => h.deps.database.db;

test("sessions are listed with device, network and time; the others are ended, audited", async () => {
  const home = await h.signIn(worker, "203.0.113.10");
  const away = await h.signIn(worker, "198.51.100.7");
  // A minute later the next page refreshes the stored session with the browser's User-Agent.
  h.clock.advance(2 * 60_000);
  await h.send(away, "GET", "/lk/settings", { ip: "198.51.100.7" });
  const page = await h.send(home, "GET", "/lk/settings");
  assert.equal(page.statusCode, 200);
  const shown = text(page.body);
  assert.match(shown, /Мои сеансы/);
  assert.match(shown, /Chrome, Linux 198\.51\.100\.0\/24 21\.11\.2026 12:00 21\.11\.2026 12:02/);
  assert.match(shown, /этот сеанс 203\.0\.113\.0\/24/);
  // With the session signed in before these tests: two others.
  assert.match(shown, /открыто ещё 2 сеанса\./);

  const ended = await h.send(home, "POST", "/sessions/end-others", { form: { back: "/lk/settings" } });
  assert.equal(ended.statusCode, 303);
  assert.equal(ended.headers.location, "/lk/settings#sessions");
  assert.notEqual((await h.send(away, "GET", "/lk/settings", { ip: "198.51.100.7" })).statusCode, 200);
  const again = text((await h.send(home, "GET", "/lk/settings")).body);
  assert.match(again, /Другие сеансы завершены \(2 сеанса\)/);
  assert.match(again, /Других сеансов нет/);
  const [row] = await db().select().from(auditEvents).where(eq(auditEvents.event, "auth.sessions_ended"));
  assert.deepEqual(row?.details, { count: 2 });
  // An open redirect is not possible through the form.
  const evil = await h.send(home, "POST", "/sessions/end-others", { form: { back: "//evil.example" } });
  assert.equal(evil.headers.location, "/#sessions");
});

test("a sign-in from a new network sends a notice by e-mail through the job queue; a known one does not", async () => {
  const noticeJobs = async () =>
    (await db().select().from(jobs).where(eq(jobs.kind, NEW_NETWORK_NOTICE_JOB))).length;
  const before = await noticeJobs();
  await h.signIn(worker, "203.0.113.99");
  assert.equal(await noticeJobs(), before, "the same /24 is a known network");
  await h.signIn(worker, "192.0.2.44");
  assert.equal(await noticeJobs(), before + 1);
  await h.deps.jobWorker.drain();
  const mails = await db()
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, "petrova@example.org"));
  const mail = mails.find((message) => message.body.includes("192.0.2.0/24"));
  assert.ok(mail, "an e-mail is queued");
  assert.equal(mail.subject, "Вход в личный кабинет из новой сети");
  assert.match(mail.body, /из сети 192\.0\.2\.0\/24, из которой вы раньше не входили/);
  assert.match(mail.body, /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(мск\)/);
});

test("a signed-in page opens the idle warning after 25 minutes; the warning does not extend the session", async () => {
  const session = await h.signIn(worker);
  const page = await h.send(session, "GET", "/lk/settings");
  // A small script (CSP allows only our own files) opens the warning; a meta refresh would take the
  // timing out of the person's hands (WCAG 2.2.1). Without script the session simply expires.
  assert.match(
    page.body,
    /<script src="\/assets\/idle-warning\.js\?v=[\w-]+" data-after="1500" data-to="\/session\/idle\?back=%2Flk%2Fsettings" defer>/,
  );
  assert.doesNotMatch(page.body, /http-equiv="refresh"/);
  const anonymous = await h.send(undefined, "GET", "/");
  assert.doesNotMatch(anonymous.body, /idle-warning/);
  const script = await h.send(undefined, "GET", "/assets/idle-warning.js");
  assert.equal(script.statusCode, 200);
  assert.match(script.body, /window\.location\.assign\(target\)/);

  h.clock.advance(26 * 60_000);
  const warning = await h.send(session, "GET", "/session/idle?back=%2Flk%2Fsettings");
  assert.equal(warning.statusCode, 200);
  assert.match(text(warning.body), /Сеанс скоро завершится/);
  assert.match(warning.body, /href="\/lk\/settings">\s*Продолжить работу/);
  assert.match(warning.body, /data-after="330" data-to="\/lk\/settings"/);
  h.clock.advance(5 * 60_000);
  const expired = await h.send(session, "GET", "/lk/settings");
  assert.match(text(expired.body), /Сессия истекла|Сеанс истёк|истек/i);
  // Only local paths are followed.
  const evil = await h.send(undefined, "GET", "/session/idle?back=%2F%2Fevil.example");
  assert.match(evil.body, /href="\/">\s*Продолжить работу/);
});
