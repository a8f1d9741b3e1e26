// W13 end to end with a real SMTP server: a status change in the cabinet sends nothing inside the
// request (the web instance only commits the change and its jobs); the worker then delivers the
// letter, and a mail server refusing it does not undo the change.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
} from "../support/accreditation.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp.ts";

let smtp: TestSmtpServer;
let harness: AccreditationHarness;

before(async () => {
  smtp = await startTestSmtpServer();
  harness = await startAccreditation({
    env: { SMTP_URL: smtp.url, SMTP_CA_PEM: smtp.caPem, SMTP_TIMEOUT_MS: "3000", JOBS_WORKER: "off" },
  });
});
after(async () => {
  await harness.close();
  harness.deps.transports.close();
  await smtp.close();
});

async function fileAndWithdraw(reason: string): Promise<string> {
  const ivanova = await harness.enter("ivanova", "worker");
  const id = applicationIdFrom(
    await ivanova.submit("/lk/applications/new", "/lk/applications", {
      kind: "primary",
      specialtyCode: "27",
    }),
  );
  const withdrawn = await ivanova.submit(
    `/lk/applications/${id}/withdraw`,
    `/lk/applications/${id}/withdraw`,
    {
      reason,
    },
  );
  assert.equal(withdrawn.statusCode, 303);
  return id;
}

test("the request only commits; the worker sends the letter to the SMTP server", async () => {
  await fileAndWithdraw("Подам позже");
  assert.equal(smtp.dataStarted, 0, "nothing was sent inside the request");
  assert.ok((await harness.deps.database.db.select().from(jobs)).length > 0, "the jobs wait for a worker");
  await harness.runJobs();
  assert.equal(smtp.received.length, 1);
  const [mail] = smtp.received;
  assert.deepEqual(mail?.envelopeTo, ["maria.ivanova@example.org"]);
  assert.match(mail?.parsed.subject ?? "", /отозвано/i);
  assert.match(
    mail?.parsed.text ?? "",
    /Подробности в личном кабинете ФРМР: http:\/\/localhost:\d+\/lk\/applications\//,
  );
  assert.match(mail?.raw ?? "", /^List-Unsubscribe: <http:\/\/localhost:\d+\/lk\/settings>/m);
  await harness.runJobs();
  assert.equal(smtp.received.length, 1, "delivered once");
});

test("a refusing mail server leaves the change in place and the message failed", async () => {
  smtp.reset();
  smtp.behave({ kind: "refuse", code: 550 });
  const id = await fileAndWithdraw("Передумала");
  await harness.runJobs();
  const messages = await harness.deps.database.db.select().from(outboxMessages);
  const failed = messages.filter((message) => message.failedAt);
  assert.equal(failed.length, 1);
  assert.equal(smtp.received.length, 0);
  const ivanova = await harness.enter("ivanova", "worker");
  const page = await ivanova.get(`/lk/applications/${id}`);
  assert.match(page.body, /Отозвано|отозвано/);
});
