// E-mail through a real SMTP server on loopback (STARTTLS, AUTH): the letter as it arrives, and the
// job queue's handling of a refusal for good (5xx), a temporary one (4xx), a server that hangs and
// one that is not there.
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, beforeEach, describe, test } from "node:test";
import { createTestDatabase } from "../../../test/support/db.ts";
import { freePort } from "../../../test/support/keys.ts";
import { SMTP_USER, startTestSmtpServer, type TestSmtpServer } from "../../../test/support/smtp.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { fakeClock } from "../../shared/clock.ts";
import { jobs } from "../jobs/jobs.schema.ts";
import { createJobWorker, retryDelayMs } from "../jobs/jobs.worker.ts";
import { createOutboxDeliveryHandler, OUTBOX_DELIVERY_JOB } from "./delivery.ts";
import { sendMessage } from "./notifications.repository.ts";
import { outboxMessages } from "./notifications.schema.ts";
import { createSmtpTransport, type SmtpSettings } from "./smtp-transport.ts";
import { DeliveryRefused } from "./transport.ts";

let smtp: TestSmtpServer;
let database: DatabaseHandle;
const clock = fakeClock("2026-03-02T09:00:00Z");

before(async () => {
  [smtp, database] = await Promise.all([startTestSmtpServer(), createTestDatabase()]);
});
after(async () => {
  await Promise.all([smtp.close(), database.close()]);
});
beforeEach(async () => {
  smtp.behave({ kind: "accept" });
  smtp.received.length = 0;
  await database.db.delete(jobs);
  await database.db.delete(outboxMessages);
});

const settings = (overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  url: smtp.url,
  from: "ФРМР — личный кабинет <no-reply@frmr.example>",
  replyTo: "support@frmr.example",
  timeoutMs: 3000,
  caPem: smtp.caPem,
  publicUrl: "https://lk.frmr.example",
  ...overrides,
});

const letter = {
  channel: "email" as const,
  recipient: "ivanova@example.ru",
  subject: "Заявление принято к рассмотрению",
  body: "Ваше заявление № 42 принято.\n\nПодробности в личном кабинете ФРМР: https://lk.frmr.example/lk/applications/42",
};

describe("the letter", () => {
  test("arrives over STARTTLS after AUTH, in Russian, as text and HTML with an unsubscribe link", async () => {
    const transport = createSmtpTransport(settings());
    await transport.send(letter);
    transport.close();
    const [mail] = smtp.received;
    assert.ok(mail);
    assert.equal(mail.secure, true, "upgraded with STARTTLS");
    assert.equal(mail.user, SMTP_USER);
    assert.deepEqual(mail.envelopeTo, ["ivanova@example.ru"]);
    assert.equal(mail.parsed.subject, "Заявление принято к рассмотрению");
    assert.equal(mail.parsed.from?.value[0]?.name, "ФРМР — личный кабинет");
    assert.equal(mail.parsed.replyTo?.value[0]?.address, "support@frmr.example");
    assert.match(mail.parsed.text ?? "", /^Здравствуйте!\n\nВаше заявление № 42 принято\./);
    assert.match(
      mail.parsed.text ?? "",
      /отключить их можно в настройках: https:\/\/lk\.frmr\.example\/lk\/settings/,
    );
    assert.match(String(mail.parsed.html), /<a href="https:\/\/lk\.frmr\.example\/lk\/applications\/42">/);
    assert.match(String(mail.parsed.html), /<html lang="ru">/);
    assert.match(mail.raw, /^List-Unsubscribe: <https:\/\/lk\.frmr\.example\/lk\/settings>/m);
  });

  test("text from the notifying module is escaped in the HTML part", async () => {
    const transport = createSmtpTransport(settings());
    await transport.send({ ...letter, body: 'Организация «<b>Ромашка</b>» & "Ко"' });
    transport.close();
    const html = String(smtp.received[0]?.parsed.html);
    assert.match(html, /«&lt;b&gt;Ромашка&lt;\/b&gt;» &amp; &quot;Ко&quot;/);
  });

  test("wrong credentials are not taken for a refusal of the message", async () => {
    const transport = createSmtpTransport(settings({ url: smtp.url.replace(/:[^:@]+@/, ":wrong@") }));
    const error = await transport.send(letter).catch((caught: unknown) => caught);
    transport.close();
    assert.ok(error instanceof Error && !(error instanceof DeliveryRefused), String(error));
    assert.match(error.message, /EAUTH/);
  });
});

describe("delivery through the job queue", () => {
  const worker = (timeoutMs = 3000, url?: string) => {
    const transport = createSmtpTransport(settings({ timeoutMs, ...(url ? { url } : {}) }));
    return createJobWorker({
      db: database.db,
      clock,
      handlers: { [OUTBOX_DELIVERY_JOB]: createOutboxDeliveryHandler({ db: database.db, clock, transport }) },
    });
  };
  const queue = () =>
    sendMessage(
      database.db,
      { userId: null, channel: "email", to: letter.recipient, subject: letter.subject, body: letter.body },
      clock.now(),
    );
  const state = async () => {
    const [message] = await database.db.select().from(outboxMessages);
    const [job] = await database.db.select().from(jobs);
    return { message, job };
  };

  test("a letter is sent once and marked sent", async () => {
    await queue();
    const jobsWorker = worker();
    assert.equal(await jobsWorker.drain(), 1);
    assert.equal(await jobsWorker.drain(), 0);
    const { message, job } = await state();
    assert.ok(message?.sentAt);
    assert.equal(job?.status, "done");
    assert.equal(smtp.received.length, 1);
  });

  test("a 5xx refusal is final: the message is failed, the job given up, nothing retried", async () => {
    smtp.behave({ kind: "refuse", code: 550 });
    await queue();
    await worker().drain();
    const { message, job } = await state();
    assert.equal(job?.status, "dead");
    assert.equal(job?.attempts, 1);
    assert.ok(message?.failedAt);
    assert.match(message?.failure ?? "", /550/);
    assert.equal(message?.sentAt, null);
  });

  test("a 4xx refusal is retried after the backoff and then delivered", async () => {
    smtp.behave({ kind: "refuse", code: 451 });
    await queue();
    const jobsWorker = worker();
    await jobsWorker.drain();
    let { message, job } = await state();
    assert.equal(job?.status, "pending");
    assert.match(job?.lastError ?? "", /451/);
    assert.equal(message?.failedAt, null);
    smtp.behave({ kind: "accept" });
    clock.advance(retryDelayMs(1));
    await jobsWorker.drain();
    ({ message, job } = await state());
    assert.equal(job?.status, "done");
    assert.ok(message?.sentAt);
    assert.equal(smtp.received.length, 1);
  });

  test("a server that stalls in the middle of a letter times out and is retried", async () => {
    smtp.behave({ kind: "stall" });
    await queue();
    const started = Date.now();
    await worker(500).drain();
    assert.ok(Date.now() - started < 5000, "bounded by the timeout");
    const { message, job } = await state();
    assert.equal(job?.status, "pending");
    assert.equal(message?.sentAt, null);
    assert.equal(message?.failedAt, null);
  });

  test("a server that never greets, and one that is not there, are retried too", async () => {
    const silent = await silentServer();
    try {
      await queue();
      await worker(500, `smtp://127.0.0.1:${silent.port}`).drain();
      assert.equal((await state()).job?.status, "pending");
      clock.advance(retryDelayMs(1));
      await worker(500, `smtp://127.0.0.1:${await freePort()}`).drain();
      const { message, job } = await state();
      assert.equal(job?.status, "pending");
      assert.equal(job?.attempts, 2);
      assert.match(job?.lastError ?? "", /ECONNECTION|ECONNREFUSED/);
      assert.equal(message?.failedAt, null);
    } finally {
      await silent.close();
    }
  });

  test("out of tries, a temporary failure marks the message failed as well", async () => {
    smtp.behave({ kind: "refuse", code: 421 });
    await sendMessage(
      database.db,
      { userId: null, channel: "email", to: letter.recipient, body: "Тест" },
      clock.now(),
    );
    await database.db.update(jobs).set({ maxAttempts: 1 });
    await worker().drain();
    const { message, job } = await state();
    assert.equal(job?.status, "dead");
    assert.ok(message?.failedAt);
  });
});

/** Accepts connections and never says a word. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
