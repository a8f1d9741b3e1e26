// W16, O14: a request from the worker's cabinet with a screenshot, its number and acknowledgement;
// refused attachments leave nothing behind; the operator takes and answers it; the sender sees the
// answer and a notice; the chat; the public form with its check and e-mail; who sees what.

import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { insertGrant } from "../../src/modules/access/access.repository.ts";
import { sampleElf, samplePng } from "../../src/modules/documents/test-support.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { notices, outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { supportAttachments, supportRequests } from "../../src/modules/support/support.schema.ts";
import {
  type CabinetHarness,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";
import { cookiesFrom } from "../support/platform.ts";

let h: CabinetHarness;
let worker: Session;
let operator: Session;
const ids = { workerRequest: "" };
const supportPersona = { person: personOf(41, "Лебедева", "Ирина", "Олеговна"), support: true as const };

before(async () => {
  // Monday 23 November 2026, 12:00 in Moscow: within support hours.
  h = await startCabinet({ start: "2026-11-23T09:00:00Z" });
  worker = await h.signIn(personas.worker);
  operator = await h.signIn(supportPersona);
});
after(() => h?.close());

const db = () => h.deps.database.db;
const requestCount = async () => (await db().select({ n: count() }).from(supportRequests))[0]?.n ?? 0;
const stagedFiles = async () =>
  readdir(join(h.deps.config.dataDir, "files", "staging")).catch(() => [] as string[]);

test("the form is prefilled from the failure page's link", async () => {
  const response = await h.send(
    worker,
    "GET",
    "/lk/support/new?code=SESSION_EXPIRED&at=2026-11-23T08:55:00Z",
  );
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /SESSION_EXPIRED/);
  assert.match(response.body, /value="23\.11\.2026 11:55"/);
  assert.match(response.body, /<option value="login" selected/);
  assert.match(response.body, /Сессия истекла/);
});

test("a bad attachment refuses the request and leaves nothing behind", async () => {
  const before = await requestCount();
  const response = await h.send(worker, "POST", "/lk/support/new", {
    multipart: {
      fields: { kind: "login", description: "Не могу войти" },
      files: [
        { field: "file1", name: "screen.png", content: samplePng() },
        { field: "file2", name: "setup.exe", content: sampleElf() },
      ],
    },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /«setup\.exe»: Файл является программой/);
  assert.equal(await requestCount(), before);
  assert.equal((await db().select().from(supportAttachments)).length, 0);
  assert.deepEqual(await stagedFiles(), []);
});

test("a request from the cabinet gets its number at once and an acknowledgement", async () => {
  const response = await h.send(worker, "POST", "/lk/support/new", {
    multipart: {
      fields: {
        kind: "login",
        errorText: "Сессия истекла",
        errorCode: "SESSION_EXPIRED",
        attemptAt: "23.11.2026 11:55",
        description: "После входа через Госуслуги сразу появляется «Сессия истекла».",
      },
      files: [{ field: "file1", name: "screen.png", content: samplePng() }],
    },
  });
  assert.equal(response.statusCode, 303);
  const location = String(response.headers.location);
  ids.workerRequest = location.split("/").at(-1) ?? "";
  const page = await h.send(worker, "GET", location);
  assert.match(page.body, /Обращение SUP-2026-\d{6} отправлено/);
  assert.match(page.body, /screen\.png/);
  const [row] = await db().select().from(supportRequests).where(eq(supportRequests.id, ids.workerRequest));
  assert.equal(row?.priority, "simple");
  assert.equal(row?.firstAnswerDueAt.toISOString(), "2026-11-23T11:00:00.000Z");
  await h.deps.jobWorker.drain();
  const [notice] = await db()
    .select()
    .from(notices)
    .where(eq(notices.key, `support:${ids.workerRequest}:created`));
  assert.match(notice?.title ?? "", /^Обращение SUP-2026-\d{6} принято$/);
  const list = await h.send(worker, "GET", "/lk/support");
  assert.match(list.body, /Не удаётся войти/);
  assert.match(list.body, /Принято/);
});

test("the operator's queue, taking, a note and an answer the sender sees", async () => {
  const queue = await h.send(operator, "GET", "/support-desk");
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /SUP-2026-/);
  const base = `/support-desk/requests/${ids.workerRequest}`;
  const details = await h.send(operator, "GET", base);
  assert.match(details.body, /SESSION_EXPIRED/);
  assert.doesNotMatch(details.body, /Мои документы/);
  assert.equal((await h.send(operator, "POST", `${base}/take`)).statusCode, 303);
  assert.equal(
    (await h.send(operator, "POST", `${base}/note`, { form: { note: "Проверить куки" } })).statusCode,
    303,
  );
  const empty = await h.send(operator, "POST", `${base}/answer`, { form: { message: " " } });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Напишите ответ отправителю/);
  const answered = await h.send(operator, "POST", `${base}/answer`, {
    form: { message: "Очистите файлы cookie и войдите снова." },
  });
  assert.equal(answered.statusCode, 303);
  await h.deps.jobWorker.drain();
  const page = await h.send(worker, "GET", `/lk/support/${ids.workerRequest}`);
  assert.match(page.body, /Очистите файлы cookie/);
  assert.match(page.body, /Ожидает вашего ответа/);
  assert.doesNotMatch(page.body, /Проверить куки/);
  const answerNotices = await db().select().from(notices);
  assert.ok(answerNotices.some((notice) => notice.title.startsWith("Ответ по обращению")));
});

test("the chat passes a message from the operator to the sender's feed", async () => {
  const base = `/support-desk/requests/${ids.workerRequest}`;
  const posted = await h.send(operator, "POST", `${base}/chat`, { form: { chat: "Вы на связи?" } });
  assert.equal(posted.statusCode, 303);
  const feed = await h.send(worker, "GET", `/lk/support/${ids.workerRequest}/chat.json?after=0`);
  assert.equal(feed.statusCode, 200);
  const body = feed.json() as { lines: { author: string; text: string }[]; open: boolean };
  assert.equal(body.open, true);
  assert.deepEqual(
    body.lines.map((line) => [line.author, line.text]),
    [["operator", "Вы на связи?"]],
  );
});

test("the sender escalates, resolves and reopens", async () => {
  const base = `/lk/support/${ids.workerRequest}`;
  assert.equal((await h.send(worker, "POST", `${base}/escalate`)).statusCode, 303);
  assert.equal((await h.send(worker, "POST", `${base}/escalate`)).statusCode, 409);
  assert.equal((await h.send(worker, "POST", `${base}/resolve`)).statusCode, 303);
  assert.match((await h.send(worker, "GET", base)).body, /Решено/);
  // Decided eight days ago: past the reopening window.
  const decided = (days: number) => new Date(h.clock.now().getTime() - days * 86_400_000);
  await db()
    .update(supportRequests)
    .set({ resolvedAt: decided(8) })
    .where(eq(supportRequests.id, ids.workerRequest));
  assert.equal((await h.send(worker, "POST", `${base}/reopen`)).statusCode, 409);
  await db()
    .update(supportRequests)
    .set({ resolvedAt: decided(6) })
    .where(eq(supportRequests.id, ids.workerRequest));
  assert.equal((await h.send(worker, "POST", `${base}/reopen`)).statusCode, 303);
  assert.match((await h.send(worker, "GET", base)).body, /В работе/);
});

test("nobody else sees the request", async () => {
  const other = await h.signIn({ person: personOf(42, "Фомина", "Анна", "Ивановна") });
  const head = await h.signIn(personas.head);
  assert.equal((await h.send(other, "GET", `/lk/support/${ids.workerRequest}`)).statusCode, 404);
  assert.equal((await h.send(other, "GET", `/lk/support/${ids.workerRequest}/chat.json`)).statusCode, 404);
  assert.equal((await h.send(head, "GET", `/org/support/${ids.workerRequest}`)).statusCode, 404);
  assert.equal((await h.send(worker, "GET", "/support-desk")).statusCode, 403);
  assert.equal((await h.send(undefined, "GET", "/support-desk")).statusCode, 401);
  assert.equal((await h.send(head, "GET", `/support-desk/requests/${ids.workerRequest}`)).statusCode, 403);
  assert.doesNotMatch((await h.send(other, "GET", "/lk/support")).body, /SUP-2026-/);
});

test("an organization's requests: the head sees all, an employee only their own, another organization none", async () => {
  const petrova = await h.signIn(personas.petrova);
  const volkov = await h.signIn(personas.volkov);
  const head = await h.signIn(personas.head);
  const otherHead = await h.signIn(personas.otherHead);
  const response = await h.send(petrova, "POST", "/org/support/new", {
    multipart: { fields: { kind: "organization_blocked", description: "Кабинет организации заблокирован" } },
  });
  assert.equal(response.statusCode, 303);
  const path = String(response.headers.location);
  const id = path.split("/").at(-1) ?? "";
  const [row] = await db().select().from(supportRequests).where(eq(supportRequests.id, id));
  assert.equal(row?.organizationInn, egrulClinic.inn);
  assert.equal(row?.senderRole, "employee");
  assert.equal(row?.priority, "blocked");
  assert.equal(row?.firstAnswerDueAt.toISOString(), "2026-11-23T09:30:00.000Z");
  assert.equal((await h.send(head, "GET", path)).statusCode, 200);
  assert.match((await h.send(head, "GET", "/org/support")).body, /Петрова/);
  assert.equal((await h.send(volkov, "GET", path)).statusCode, 404);
  assert.equal((await h.send(otherHead, "GET", path)).statusCode, 404);
  // The right «support.view» opens all of the organization's requests to an employee (O9, O14).
  await insertGrant(db(), {
    organizationId: row?.organizationId ?? "",
    snils: personas.volkov.person.snils ?? "",
    fullName: "Волков Игорь Петрович",
    rights: ["support.view"],
    startsOn: "2026-11-01",
    endsOn: "2026-12-31",
    grantedBy: (await db().select().from(supportRequests).where(eq(supportRequests.id, id)))[0]?.userId ?? "",
    grantedAt: new Date("2026-11-20T09:00:00Z"),
  });
  const granted = await h.signIn(personas.volkov);
  assert.equal((await h.send(granted, "GET", path)).statusCode, 200);
  assert.match((await h.send(granted, "GET", "/org/support")).body, /Петрова/);
  assert.equal((await h.send(worker, "GET", `/lk/support/${id}`)).statusCode, 404);
});

test("the public form: the check, the number at once and the e-mail", async () => {
  const form = await h.app.inject({ url: "/support/new?code=ESIA_FAILED&at=2026-11-23T08:00:00Z" });
  assert.equal(form.statusCode, 200);
  const cookie = [form.headers["set-cookie"]]
    .flat()
    .map((c) => String(c).split(";")[0])
    .join("; ");
  // The multipart form carries its token in the address of its action.
  const csrf = decodeURIComponent(/action="\/support\/new\?_csrf=([^"&]+)"/.exec(form.body)?.[1] ?? "");
  const token = /name="challenge" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
  const [a, b] = token.split(".").map(Number);
  const session = { cookie, csrf };
  const fields = {
    name: "Иванова Мария Петровна",
    identifier: "112-233-445 95",
    email: "ivanova@example.ru",
    kind: "login",
    description: "Не могу войти через Госуслуги.",
    challenge: token,
    answer: String((a ?? 0) + (b ?? 0)),
    website: "",
  };
  const tooFast = await h.send(session, "POST", "/support/new", { multipart: { fields } });
  assert.equal(tooFast.statusCode, 400, tooFast.body.slice(0, 2000));
  assert.match(tooFast.body, /слишком быстро/);
  h.clock.advance(10_000);
  const wrong = await h.send(session, "POST", "/support/new", {
    multipart: { fields: { ...fields, answer: "999" } },
  });
  assert.match(wrong.body, /Ответ на проверочный вопрос неверный/);
  const bot = await h.send(session, "POST", "/support/new", {
    multipart: { fields: { ...fields, website: "x" } },
  });
  assert.equal(bot.statusCode, 400);
  const sent = await h.send(session, "POST", "/support/new", { multipart: { fields } });
  assert.equal(sent.statusCode, 303);
  const shown = await h.send(
    { ...session, cookie: cookiesFrom(sent.headers["set-cookie"], session.cookie) },
    "GET",
    "/support/sent",
  );
  const number = /SUP-2026-\d{6}/.exec(shown.body)?.[0];
  assert.ok(number, "the number is shown at once");
  await h.deps.jobWorker.drain();
  const mail = await db()
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, "ivanova@example.ru"));
  assert.equal(mail.length, 1);
  assert.match(mail[0]?.subject ?? "", new RegExp(`${number} принято`));
  const [row] = await db()
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.email, "ivanova@example.ru"));
  assert.equal(row?.priority, "critical");
  assert.equal(row?.channel, "public");
});

test("a late first answer sends the request to the senior line", async () => {
  const response = await h.send(worker, "POST", "/lk/support/new", {
    multipart: { fields: { kind: "other", description: "Где найти справку" } },
  });
  const id = String(response.headers.location).split("/").at(-1) ?? "";
  // Three hours later (the session would have expired: the operator signs in again).
  h.clock.advance(3 * 3_600_000);
  await h.deps.jobWorker.drain();
  operator = await h.signIn(supportPersona);
  const [row] = await db().select().from(supportRequests).where(eq(supportRequests.id, id));
  assert.equal(row?.line, "senior");
  const details = await h.send(operator, "GET", `/support-desk/requests/${id}`);
  assert.match(details.body, /Срок первого ответа истёк/);
  assert.match((await h.send(operator, "GET", "/support-desk")).body, /Просрочено/);
  const report = await h.send(operator, "GET", "/support-desk/report");
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /<svg/);
  const csv = await h.send(operator, "GET", "/support-desk/report.csv");
  assert.match(csv.body, /Неделя с;Тема;Приоритет/);
  assert.match(csv.body, /2026-11-23;Не удаётся войти/);
});
