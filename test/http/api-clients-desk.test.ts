// C4, issue item 1: the back office registers API clients. Who may open the screens (the access
// matrix over every route), registration with its Russian refusals and the secret shown once that
// then gets a token, suspension and resumption with confirmation, a new secret, the audit records.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, desc, eq, like } from "drizzle-orm";
import { apiClients } from "../../src/modules/api/api.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { basic, requestToken } from "../support/api-client.ts";
import {
  type CabinetHarness,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let keeper: Session;
const keeperPersona = {
  person: personOf(51, "Соколова", "Елена", "Викторовна"),
  support: true as const,
  apiClients: true as const,
};
const plainOperator = { person: personOf(52, "Зайцев", "Павел", "Ильич"), support: true as const };
let existingId = "";

before(async () => {
  h = await startCabinet();
  keeper = await h.signIn(keeperPersona);
  const made = await h.deps.api.clients.register({
    kind: "authority",
    name: "Минздрав области",
    scopes: ["persons.read"],
  });
  assert.ok(made.ok);
  existingId = made.id;
});
after(() => h?.close());

const db = () => h.deps.database.db;
const secretIn = (html: string) =>
  /\(client_secret\)<\/dt><dd[^>]*><code>([A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
const clientIdIn = (html: string) =>
  /\(client_id\)<\/dt><dd[^>]*><code>(frmr-[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
const lastAudit = async (event: string) =>
  (
    await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, event))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe("who may open the screens", () => {
  const routes = (id: string): ["GET" | "POST", string][] => [
    ["GET", "/support-desk/api-clients"],
    ["GET", "/support-desk/api-clients/new"],
    ["POST", "/support-desk/api-clients/new"],
    ["GET", `/support-desk/api-clients/${id}`],
    ["GET", `/support-desk/api-clients/${id}/suspend`],
    ["POST", `/support-desk/api-clients/${id}/suspend`],
    ["GET", `/support-desk/api-clients/${id}/resume`],
    ["POST", `/support-desk/api-clients/${id}/resume`],
    ["GET", `/support-desk/api-clients/${id}/secret`],
    ["POST", `/support-desk/api-clients/${id}/secret`],
  ];

  test("everyone but an operator with the right is refused on every route, and nothing changes", async () => {
    const before = await db().select().from(apiClients).where(eq(apiClients.id, existingId));
    const sessions: [string, Session | undefined, number, RegExp][] = [
      ["anonymous", undefined, 401, /Войдите/],
      ["worker", await h.signIn(personas.worker), 403, /только для службы поддержки/],
      ["head", await h.signIn(personas.head), 403, /только для службы поддержки/],
      ["commission", await h.signIn(personas.operator), 403, /только для службы поддержки/],
      ["support without the right", await h.signIn(plainOperator), 403, /Нет права регистрировать системы/],
    ];
    for (const [who, session, status, message] of sessions)
      for (const [method, url] of routes(existingId)) {
        const response = await h.send(session, method, url, {
          form: { name: "Чужая", kind: "authority", scopes: "persons.read" },
        });
        // An anonymous POST carries no CSRF token: refused before the route is reached.
        const anonymousPost = session === undefined && method === "POST";
        assert.equal(response.statusCode, anonymousPost ? 403 : status, `${who} ${method} ${url}`);
        if (!anonymousPost) assert.match(response.body, message, `${who} ${method} ${url}`);
      }
    assert.deepEqual(await db().select().from(apiClients).where(eq(apiClients.id, existingId)), before);
    assert.equal((await db().select().from(apiClients).where(eq(apiClients.name, "Чужая"))).length, 0);
  });

  test("the operator with the right sees the list with the clients' facts in Russian", async () => {
    const response = await h.send(keeper, "GET", "/support-desk/api-clients");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Минздрав области/);
    assert.match(response.body, /Орган управления здравоохранением/);
    assert.match(response.body, /Сведения о работниках/);
    assert.match(response.body, /Действует/);
    assert.match(response.body, /ещё не обращалась/);
    assert.doesNotMatch(response.body, /persons\.read|authority/);
  });

  test("an unknown client is «not found», a malformed id a clear refusal", async () => {
    const missing = await h.send(
      keeper,
      "GET",
      "/support-desk/api-clients/00000000-0000-4000-8000-000000000000",
    );
    assert.equal(missing.statusCode, 404);
    const malformed = await h.send(keeper, "GET", "/support-desk/api-clients/not-an-id");
    assert.equal(malformed.statusCode, 400);
  });
});

describe("registration", () => {
  test("the form refuses what is missing or not allowed, in Russian, and keeps the values", async () => {
    const empty = await h.send(keeper, "POST", "/support-desk/api-clients/new", { form: {} });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Укажите название системы/);
    assert.match(empty.body, /Выберите, чья это система/);
    assert.match(empty.body, /Отметьте хотя бы одно разрешение/);

    const noOrg = await h.send(keeper, "POST", "/support-desk/api-clients/new", {
      form: { name: "Кадры", kind: "organization", scopes: ["staff.read"] },
    });
    assert.equal(noOrg.statusCode, 400);
    assert.match(noOrg.body, /Укажите OID медицинской организации в ФРМО/);
    assert.match(noOrg.body, /value="Кадры"/);

    const unknownOrg = await h.send(keeper, "POST", "/support-desk/api-clients/new", {
      form: { name: "Кадры", kind: "organization", org: "1.2.643.0.0", scopes: ["staff.read"] },
    });
    assert.equal(unknownOrg.statusCode, 400);
    assert.match(unknownOrg.body, /не зарегистрирована в кабинете/);

    const insurerWrites = await h.send(keeper, "POST", "/support-desk/api-clients/new", {
      form: { name: "СМО", kind: "insurer", scopes: ["accreditations.read", "staff.write"] },
    });
    assert.equal(insurerWrites.statusCode, 400);
    assert.match(insurerWrites.body, /нельзя дать: «Изменение сведений о работе/);
    assert.match(insurerWrites.body, /value="staff.write" checked/);
    assert.equal((await db().select().from(apiClients).where(like(apiClients.name, "Кадры%"))).length, 0);
  });

  test("a clinic's system is registered, the secret shown once gets a token, the journal names the operator", async () => {
    const response = await h.send(keeper, "POST", "/support-desk/api-clients/new", {
      form: {
        name: "Кадры поликлиники",
        kind: "organization",
        org: demoClinicFrmoOid,
        scopes: ["staff.read", "staff.write"],
      },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.match(response.body, /Система зарегистрирована/);
    assert.match(response.body, /Секрет показан один раз/);
    const clientId = clientIdIn(response.body);
    const secret = secretIn(response.body);
    assert.ok(clientId && secret, "client_id and secret on the page");
    const [row] = await db().select().from(apiClients).where(eq(apiClients.clientId, clientId));
    assert.ok(row);
    assert.equal(row.organizationOid, demoClinicFrmoOid);
    assert.deepEqual(row.scopes, ["staff.read", "staff.write"]);
    assert.notEqual(row.secretHash, secret);

    const audit = await lastAudit("api.client_added");
    assert.equal(audit?.details.apiClientId, row.id);
    assert.equal(audit?.details.via, "desk");
    assert.ok(audit?.userId, "the operator is recorded");

    const token = await requestToken(h, { grant_type: "client_credentials" }, basic(clientId, secret));
    assert.equal(token.statusCode, 200, token.body);

    // The card shows the last use; the secret is nowhere to be read again.
    const card = await h.send(keeper, "GET", `/support-desk/api-clients/${row.id}`);
    assert.equal(card.statusCode, 200);
    assert.match(card.body, /Кадры поликлиники/);
    assert.match(card.body, /ГБУЗ|Поликлиника|поликлиника/);
    assert.doesNotMatch(card.body, /ещё не обращалась/);
    assert.ok(!card.body.includes(secret));
    const list = await h.send(keeper, "GET", "/support-desk/api-clients");
    assert.ok(!list.body.includes(secret));
  });

  test("an OID typed for a health authority's system is dropped, not stored", async () => {
    const response = await h.send(keeper, "POST", "/support-desk/api-clients/new", {
      form: { name: "ТФОМС", kind: "authority", org: demoClinicFrmoOid, scopes: "organizations.read" },
    });
    assert.equal(response.statusCode, 200);
    const [row] = await db().select().from(apiClients).where(eq(apiClients.name, "ТФОМС"));
    assert.equal(row?.organizationOid, null);
  });
});

describe("suspension and a new secret", () => {
  let id = "";
  let clientId = "";
  let secret = "";
  before(async () => {
    const made = await h.deps.api.clients.register({
      kind: "insurer",
      name: "СМО «Здоровье»",
      scopes: ["accreditations.read"],
    });
    assert.ok(made.ok);
    ({ id, clientId, clientSecret: secret } = made);
  });
  const tokenStatus = async (withSecret: string) =>
    (await requestToken(h, { grant_type: "client_credentials" }, basic(clientId, withSecret))).statusCode;

  test("suspending asks first, then stops tokens; resuming gives them back", async () => {
    const ask = await h.send(keeper, "GET", `/support-desk/api-clients/${id}/suspend`);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Приостановить доступ системы «СМО «Здоровье»»\?/);
    assert.equal(await tokenStatus(secret), 200, "asking changes nothing");

    const done = await h.send(keeper, "POST", `/support-desk/api-clients/${id}/suspend`);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/support-desk/api-clients/${id}`);
    assert.equal(await tokenStatus(secret), 401);
    const card = await h.send(keeper, "GET", `/support-desk/api-clients/${id}`);
    assert.match(card.body, /Доступ системы приостановлен/);
    assert.match(card.body, /Приостановлен с \d{2}\.\d{2}\.\d{4}/);
    assert.match(card.body, /Возобновить/);
    const audit = await lastAudit("api.client_suspended");
    assert.equal(audit?.details.apiClientId, id);
    assert.ok(audit?.userId);

    // A stale page's second click changes nothing.
    const again = await h.send(keeper, "POST", `/support-desk/api-clients/${id}/suspend`);
    assert.equal(again.statusCode, 303);
    assert.equal(
      (
        await db()
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.event, "api.client_suspended")))
      ).length,
      1,
    );

    const resume = await h.send(keeper, "POST", `/support-desk/api-clients/${id}/resume`);
    assert.equal(resume.statusCode, 303);
    assert.equal(await tokenStatus(secret), 200);
    assert.equal((await lastAudit("api.client_resumed"))?.details.apiClientId, id);
  });

  test("a new secret replaces the old one at once and is shown once", async () => {
    const ask = await h.send(keeper, "GET", `/support-desk/api-clients/${id}/secret`);
    assert.match(ask.body, /Прежний секрет перестанет действовать сразу/);
    const response = await h.send(keeper, "POST", `/support-desk/api-clients/${id}/secret`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.match(response.body, /Новый секрет выпущен/);
    const fresh = secretIn(response.body);
    assert.ok(fresh && fresh !== secret);
    assert.equal(await tokenStatus(secret), 401);
    assert.equal(await tokenStatus(fresh), 200);
    assert.equal((await lastAudit("api.client_secret_rotated"))?.details.apiClientId, id);
  });
});

test("hostile input on every screen gets a clear refusal, never a server error", async () => {
  const hostile = [
    "",
    " ",
    "\u202e",
    "'; drop table api_clients; --",
    "x".repeat(5000),
    "Ё".repeat(300),
    "%",
    "-1",
  ];
  const before = await db().select().from(apiClients);
  for (const value of hostile) {
    const paths = [`/support-desk/api-clients/${encodeURIComponent(value)}`, "/support-desk/api-clients/new"];
    for (const action of ["", "/suspend", "/resume", "/secret"])
      paths.push(`/support-desk/api-clients/${existingId}${action}?x=${encodeURIComponent(value)}`);
    for (const path of paths)
      for (const method of ["GET", "POST"] as const) {
        const response = await h.send(keeper, method, path, {
          form: { name: value, kind: value, org: value, scopes: [value, "persons.read"] },
        });
        assert.ok(response.statusCode < 500, `${method} ${path} answered ${response.statusCode}`);
      }
  }
  // The bodiless actions (suspend, resume, a new secret) may have run; junk registered no client.
  assert.equal((await db().select().from(apiClients)).length, before.length);
});
