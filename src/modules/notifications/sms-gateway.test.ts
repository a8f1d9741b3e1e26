// SMS through the generic HTTP gateway adapter against the stand-in gateway on loopback: JSON and
// form templates, credentials, E.164 numbers, two-segment texts, and which failures are retried.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { freePort } from "../../../test/support/keys.ts";
import { createSmsGatewayTransport, type SmsGatewaySettings } from "./sms-gateway.ts";
import { type SmsStandin, startSmsStandin } from "./sms-standin.ts";
import { smsLength } from "./sms-text.ts";
import { DeliveryRefused } from "./transport.ts";

let gateway: SmsStandin;
before(async () => {
  gateway = await startSmsStandin();
});
after(() => gateway.close());
beforeEach(() => {
  gateway.behave("ok");
  gateway.received.length = 0;
});

const settings = (overrides: Partial<SmsGatewaySettings> = {}): SmsGatewaySettings => ({
  url: gateway.url,
  format: "json",
  template: '{"phone":"{phone}","text":"{text}","sender":"{sender}"}',
  login: "",
  password: "",
  token: "token-123",
  sender: "FRMR",
  timeoutMs: 2000,
  ...overrides,
});

const sms = (recipient: string, body: string) =>
  ({ channel: "sms", recipient, subject: null, body }) as const;

test("JSON: the number in E.164, the text, the sender and a bearer token", async () => {
  await createSmsGatewayTransport(settings()).send(sms("8 (900) 100-00-01", "ФРМР: заявление принято"));
  const [received] = gateway.received;
  assert.equal(received?.authorization, "Bearer token-123");
  assert.match(received?.contentType ?? "", /^application\/json/);
  assert.deepEqual(received?.fields, {
    phone: "+79001000001",
    text: "ФРМР: заявление принято",
    sender: "FRMR",
  });
});

test("form: a gateway in the style of sms.ru with the key in the body and nested values", async () => {
  const transport = createSmsGatewayTransport(
    settings({
      format: "form",
      token: "",
      login: "frmr",
      password: "секрет",
      template: '{"api_id":"{password}","to":"{phoneDigits}","msg":"{text}","from":"{sender}","json":"1"}',
    }),
  );
  await transport.send(sms("+7 900 100-00-01", "Код: 1234"));
  const [received] = gateway.received;
  assert.equal(received?.contentType, "application/x-www-form-urlencoded");
  assert.equal(received?.authorization, `Basic ${Buffer.from("frmr:секрет").toString("base64")}`);
  assert.deepEqual(received?.fields, {
    api_id: "секрет",
    to: "79001000001",
    msg: "Код: 1234",
    from: "FRMR",
    json: "1",
  });
});

test("a long Cyrillic text is cut to two segments (134 characters)", async () => {
  const long = `ФРМР: ${"по заявлению о периодической аккредитации принято решение ".repeat(4)}`;
  await createSmsGatewayTransport(settings()).send(sms("+79001000001", long));
  const text = String(gateway.received[0]?.fields.text);
  assert.equal(smsLength(text).segments, 2);
  assert.ok(text.length <= 134 && text.endsWith("…"));
});

test("a number that is not Russian is refused for good, without asking the gateway", async () => {
  await assert.rejects(createSmsGatewayTransport(settings()).send(sms("12345", "Тест")), DeliveryRefused);
  assert.equal(gateway.received.length, 0);
});

test("4xx is final; 5xx, 429, a hanging gateway and a closed port are retried", async () => {
  const transport = createSmsGatewayTransport(settings({ timeoutMs: 300 }));
  const attempt = (mode: "hang" | number) => {
    gateway.behave(mode);
    return transport.send(sms("+79001000001", "Тест")).catch((error: unknown) => error);
  };
  assert.ok((await attempt(400)) instanceof DeliveryRefused);
  for (const mode of [500, 503, 429, "hang"] as const) {
    const error = await attempt(mode);
    assert.ok(error instanceof Error && !(error instanceof DeliveryRefused), `${mode}: ${String(error)}`);
  }
  const closed = createSmsGatewayTransport(settings({ url: `http://127.0.0.1:${await freePort()}/send` }));
  const error = await closed.send(sms("+79001000001", "Тест")).catch((caught: unknown) => caught);
  assert.ok(error instanceof Error && !(error instanceof DeliveryRefused));
  assert.match(error.message, /unreachable/);
});
