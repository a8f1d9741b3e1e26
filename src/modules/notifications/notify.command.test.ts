// `npm run cli -- notify test`: an operator's check of the configured SMTP server and SMS gateway.
import assert from "node:assert/strict";
import { test } from "node:test";
import { testConfig } from "../../../test/support/config.ts";
import { startTestSmtpServer } from "../../../test/support/smtp.ts";
import { runNotifyCommand } from "./notify.command.ts";
import { startSmsStandin } from "./sms-standin.ts";

test("sends a test letter and SMS through the configured transports and says what happened", async () => {
  const [smtp, gateway] = await Promise.all([startTestSmtpServer(), startSmsStandin()]);
  try {
    const config = testConfig({ SMTP_URL: smtp.url, SMTP_CA_PEM: smtp.caPem, SMS_GATEWAY_URL: gateway.url });
    const args = ["test", "--email", "operator@example.ru", "--sms", "8 900 100 00 01"];
    const sent = await runNotifyCommand(config, args);
    assert.deepEqual(sent, { ok: true, lines: ["e-mail: accepted", "SMS: accepted"] });
    assert.equal(smtp.received[0]?.parsed.subject, "Проверка уведомлений ФРМР");
    assert.equal(gateway.received[0]?.fields.phone, "+79001000001");

    smtp.behave({ kind: "refuse", code: 550 });
    const refused = await runNotifyCommand(config, ["test", "--email", "nobody@example.ru"]);
    assert.equal(refused.ok, false);
    assert.match(refused.lines[0] ?? "", /^e-mail: refused for good: SMTP EENVELOPE 550/);
  } finally {
    await Promise.all([smtp.close(), gateway.close()]);
  }
});

test("without transports it says so, and it explains its usage", async () => {
  const result = await runNotifyCommand(testConfig(), ["test", "--email", "operator@example.ru"]);
  assert.equal(result.ok, false);
  assert.match(result.lines[0] ?? "", /not configured/);
  assert.match((await runNotifyCommand(testConfig(), ["send"])).lines[0] ?? "", /^Usage: notify test/);
});
