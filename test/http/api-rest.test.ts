// C4: the integration API — OAuth 2.0 client credentials (secret and private_key_jwt), refusals of
// wrong, expired and under-scoped tokens, persons by СНИЛС with ETag, idempotent writes of
// employment cards, keyset paging under inserts, the change feed, and what the head sees in «Сотрудники».
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import { seedDemoRegister } from "../../src/modules/register/register.seed.ts";
import {
  basic,
  call,
  clientWithToken,
  registerClient,
  requestToken,
  type TestClient,
} from "../support/api-client.ts";
import { type CabinetHarness, personas, startCabinet } from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let authority: TestClient;
let clinic: TestClient;
let insurer: TestClient;
const ivanovaSnils = standinAccounts.ivanova.snils ?? "";

before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  await seedDemoRegister(h.deps.database.db, h.clock.now());
  authority = await clientWithToken(h, "authority", [
    "persons.read",
    "staff.read",
    "accreditations.read",
    "organizations.read",
  ]);
  clinic = await clientWithToken(
    h,
    "organization",
    ["persons.read", "staff.read", "staff.write", "organizations.read"],
    demoClinicFrmoOid,
  );
  insurer = await clientWithToken(h, "insurer", ["persons.read", "accreditations.read"]);
});
after(() => h?.close());

describe("tokens", () => {
  test("client_secret_basic: a token with the asked scopes; a wrong secret, grant or scope is refused", async () => {
    const client = await registerClient(h, "authority", ["persons.read", "staff.read"]);
    const ok = await requestToken(
      h,
      { grant_type: "client_credentials", scope: "persons.read" },
      basic(client.clientId, client.clientSecret),
    );
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers["cache-control"], "no-store");
    assert.deepEqual(
      { ...(ok.json() as object), access_token: "" },
      { access_token: "", token_type: "Bearer", expires_in: 300, scope: "persons.read" },
    );

    const wrong = await requestToken(
      h,
      { grant_type: "client_credentials" },
      basic(client.clientId, "not-the-secret"),
    );
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error, "invalid_client");
    assert.match(String(wrong.headers["www-authenticate"]), /^Basic/);
    const grant = await requestToken(
      h,
      { grant_type: "password" },
      basic(client.clientId, client.clientSecret),
    );
    assert.equal(grant.json().error, "unsupported_grant_type");
    const scope = await requestToken(
      h,
      { grant_type: "client_credentials", scope: "staff.write" },
      basic(client.clientId, client.clientSecret),
    );
    assert.equal(scope.json().error, "invalid_scope");
    const none = await requestToken(h, { grant_type: "client_credentials" });
    assert.equal(none.statusCode, 401);
  });

  test("private_key_jwt (RFC 7523): the client's signed assertion; a wrong audience or key is refused", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const client = await registerClient(
      h,
      "authority",
      ["persons.read"],
      undefined,
      await exportJWK(publicKey),
    );
    const assertion = (audience: string, key = privateKey) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "ES256" })
        .setIssuer(client.clientId)
        .setSubject(client.clientId)
        .setAudience(audience)
        .setIssuedAt(Math.floor(h.clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(h.clock.now().getTime() / 1000) + 60)
        .setJti(crypto.randomUUID())
        .sign(key);
    const form = async (audience: string, key = privateKey) => ({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await assertion(audience, key),
    });
    const endpoint = h.deps.api.tokenEndpoint;
    const ok = await requestToken(h, await form(endpoint));
    assert.equal(ok.statusCode, 200, ok.body);
    const token = ok.json().access_token;
    const persons = await call(h, { token }, "GET", `/api/v1/persons?snils=${ivanovaSnils}`);
    assert.equal(persons.statusCode, 200);
    assert.equal((await requestToken(h, await form("https://elsewhere.example/token"))).statusCode, 401);
    const other = await generateKeyPair("ES256");
    assert.equal((await requestToken(h, await form(endpoint, other.privateKey))).statusCode, 401);
  });

  test("no, forged, expired or under-scoped tokens and suspended clients: 401/403 with WWW-Authenticate", async () => {
    const url = `/api/v1/persons?snils=${ivanovaSnils}`;
    const missing = await call(h, undefined, "GET", url);
    assert.equal(missing.statusCode, 401);
    assert.equal(missing.headers["www-authenticate"], 'Bearer realm="frmr"');
    assert.match(String(missing.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(missing.json().code, "API_TOKEN_INVALID");

    const forged = await call(h, { token: `${authority.token.slice(0, -4)}AAAA` }, "GET", url);
    assert.equal(forged.statusCode, 401);
    assert.match(String(forged.headers["www-authenticate"]), /error="invalid_token"/);

    const scoped = await call(h, insurer, "GET", `/api/v1/organizations/${demoClinicFrmoOid}/staff`);
    assert.equal(scoped.statusCode, 403);
    assert.match(
      String(scoped.headers["www-authenticate"]),
      /error="insufficient_scope", .*scope="staff.read"/,
    );
    assert.equal(scoped.json().code, "API_SCOPE_MISSING");

    const shortLived = await clientWithToken(h, "authority", ["persons.read"]);
    assert.equal((await call(h, shortLived, "GET", url)).statusCode, 200);
    h.clock.advance(301_000);
    const expired = await call(h, shortLived, "GET", url);
    assert.equal(expired.statusCode, 401);
    assert.match(String(expired.headers["www-authenticate"]), /invalid_token/);

    const suspended = await clientWithToken(h, "authority", ["persons.read"]);
    assert.ok(await h.deps.api.clients.setSuspended(suspended.clientId, true, h.clock.now()));
    assert.equal((await call(h, suspended, "GET", url)).statusCode, 401);
    const again = await requestToken(
      h,
      { grant_type: "client_credentials" },
      basic(suspended.clientId, suspended.clientSecret),
    );
    assert.equal(again.statusCode, 401);
    // Tokens issued before the clock moved are stale for the rest of the file: renew them.
    authority = await clientWithToken(h, "authority", [
      "persons.read",
      "staff.read",
      "accreditations.read",
      "organizations.read",
    ]);
    clinic = await clientWithToken(
      h,
      "organization",
      ["persons.read", "staff.read", "staff.write", "organizations.read"],
      demoClinicFrmoOid,
    );
    insurer = await clientWithToken(h, "insurer", ["persons.read", "accreditations.read"]);
  });
});

describe("persons and accreditations", () => {
  test("Иванова by СНИЛС and by name with birth date; her card with accreditation, ETag; every read audited", async () => {
    const found = await call(h, authority, "GET", `/api/v1/persons?snils=${ivanovaSnils}`);
    assert.equal(found.statusCode, 200);
    const [person] = found.json().items;
    assert.equal(person.lastName, "Иванова");
    assert.equal(person.birthDate, standinAccounts.ivanova.birthDate?.split(".").reverse().join("-"));
    const byName = await call(
      h,
      authority,
      "GET",
      `/api/v1/persons?lastName=иванова&firstName=Мария&birthDate=${person.birthDate}`,
    );
    assert.deepEqual(
      byName.json().items.map((row: { id: string }) => row.id),
      [person.id],
    );
    const vague = await call(h, authority, "GET", "/api/v1/persons?lastName=Иванова");
    assert.equal(vague.statusCode, 400);
    assert.equal(vague.json().code, "VALIDATION_FAILED");

    const card = await call(h, authority, "GET", `/api/v1/persons/${person.id}`);
    assert.equal(card.statusCode, 200);
    const body = card.json();
    assert.equal(body.accreditations[0].specialty.code, "76");
    assert.equal(body.accreditations[0].status, "valid");
    assert.ok(body.specialties.some((entry: { code: string }) => entry.code === "76"));
    assert.ok(
      body.employment.some(
        (entry: { organizationOid: string }) => entry.organizationOid === demoClinicFrmoOid,
      ),
    );
    const etag = String(card.headers.etag);
    const cached = await call(h, authority, "GET", `/api/v1/persons/${person.id}`, {
      headers: { "if-none-match": etag },
    });
    assert.equal(cached.statusCode, 304);

    const audit = await h.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "api.called"));
    assert.ok(
      audit.some(
        (row) => (row.details.persons as string[]).includes(person.id) && row.details.status === 200,
      ),
    );
    assert.ok(!JSON.stringify(audit).includes(ivanovaSnils), "no СНИЛС in the audit");
  });

  test("an insurer sees accreditation and employment, not the personal file", async () => {
    const [person] = (await call(h, insurer, "GET", `/api/v1/persons?snils=${ivanovaSnils}`)).json().items;
    assert.equal(person.birthDate, undefined);
    const card = (await call(h, insurer, "GET", `/api/v1/persons/${person.id}`)).json();
    assert.equal(card.certificates, undefined);
    assert.equal(card.gender, undefined);
    assert.equal(card.accreditations.length, 1);
    const status = await call(h, insurer, "GET", `/api/v1/accreditations?snils=${ivanovaSnils}&specialty=76`);
    assert.equal(status.json().status, "valid");
    const none = await call(h, insurer, "GET", `/api/v1/accreditations?snils=${ivanovaSnils}&specialty=206`);
    assert.equal(none.json().status, "none");
  });

  test("organizations by ФРМО OID, ОГРН and ИНН", async () => {
    const byOid = await call(h, authority, "GET", `/api/v1/organizations/${demoClinicFrmoOid}`);
    assert.equal(byOid.statusCode, 200);
    const { ogrn, inn } = byOid.json();
    for (const query of [`ogrn=${ogrn}`, `inn=${inn}`, `frmoOid=${demoClinicFrmoOid}`]) {
      const list = await call(h, authority, "GET", `/api/v1/organizations?${query}`);
      assert.equal(list.json().items[0].frmoOid, demoClinicFrmoOid, query);
    }
    assert.equal((await call(h, authority, "GET", "/api/v1/organizations/1.2.3.4")).statusCode, 404);
  });
});

const staffUrl = `/api/v1/organizations/${demoClinicFrmoOid}/staff`;
const newCard = (snils: string, lastName: string) => ({
  snils,
  lastName,
  firstName: "Анна",
  patronymic: "Олеговна",
  birthDate: "1990-03-14",
  postId: "109",
  departmentName: "Терапевтическое отделение",
  rate: 0.5,
  positionTypeId: "part-time",
  beginDate: "2026-11-01",
});

describe("employment cards through the API", () => {
  test("an HR system adds a card with Idempotency-Key; the head sees the worker in «Сотрудники»", async () => {
    const body = newCard(snilsFrom("700000001"), "Апишная");
    const headers = { "idempotency-key": "hr-2026-11-21-0001" };
    const first = await call(h, clinic, "POST", staffUrl, { body, headers });
    assert.equal(first.statusCode, 201, first.body);
    const again = await call(h, clinic, "POST", staffUrl, { body, headers });
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.deepEqual(again.json(), first.json());
    const { personId, card } = first.json();
    const staff = (await call(h, clinic, "GET", `${staffUrl}?limit=100`)).json();
    const member = staff.items.find((item: { id: string }) => item.id === personId);
    assert.equal(member.cards.length, 1, "one card, not two");
    assert.equal(card.rate, 0.5);

    const reused = await call(h, clinic, "POST", staffUrl, { body: { ...body, rate: 1 }, headers });
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json().code, "IDEMPOTENCY_KEY_REUSED");
    const keyless = await call(h, clinic, "POST", staffUrl, { body });
    assert.equal(keyless.statusCode, 400);

    const head = await h.signIn(personas.head);
    const page = await h.send(head, "GET", "/org/staff?q=Апишная");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Апишная/);
    const journal = await h.send(head, "GET", "/org/journal");
    assert.match(journal.body, /через интеграционный API/);
  });

  test("the cabinet's validation: a bad rate, an unknown position, a new person without a name", async () => {
    const bad = await call(h, clinic, "POST", staffUrl, {
      body: { ...newCard(snilsFrom("700000002"), "Ставкина"), rate: 3, postId: "nope" },
      headers: { "idempotency-key": "hr-bad-0000001" },
    });
    assert.equal(bad.statusCode, 400);
    const fields = bad
      .json()
      .errors.map((error: { field: string }) => error.field)
      .sort();
    assert.deepEqual(fields, ["postId", "rate"]);
    assert.match(bad.json().errors[0].message, /[А-Яа-я]/);
    const { lastName: _dropped, ...nameless } = newCard(snilsFrom("700000003"), "x");
    const noName = await call(h, clinic, "POST", staffUrl, {
      body: nameless,
      headers: { "idempotency-key": "hr-bad-0000002" },
    });
    assert.equal(noName.statusCode, 400);
    assert.ok(noName.json().errors.some((error: { field: string }) => error.field === "lastName"));
  });

  test("update and close a card; versions in the change feed and updatedSince", async () => {
    const created = await call(h, clinic, "POST", staffUrl, {
      body: newCard(snilsFrom("700000004"), "Версионная"),
      headers: { "idempotency-key": "hr-version-0001" },
    });
    const { personId, card } = created.json();
    const start = (await call(h, clinic, "GET", "/api/v1/changes?limit=1000")).json().next;
    const since = new Date().toISOString();
    const cardUrl = `${staffUrl}/${personId}/cards/${card.cardId}`;
    const changed = await call(h, clinic, "PUT", cardUrl, {
      body: { postId: "109", rate: 1, positionTypeId: "main", beginDate: "2026-11-01" },
      headers: { "idempotency-key": "hr-version-0002" },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().card.rate, 1);
    const closed = await call(h, clinic, "POST", `${cardUrl}/close`, {
      body: { endDate: "2026-11-20" },
      headers: { "idempotency-key": "hr-version-0003" },
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().card.current, false);
    const early = await call(h, clinic, "POST", `${cardUrl}/close`, {
      body: { endDate: "2020-01-01" },
      headers: { "idempotency-key": "hr-version-0004" },
    });
    assert.equal(early.statusCode, 400);

    // The feed holds back changes while an older transaction is still running anywhere on the
    // server (another test's database included), so it is read until both versions have come out.
    type Change = { id: string; version: number; operation: string };
    let feed = { items: [] as Change[], next: start };
    for (let tries = 0; tries < 150; tries++) {
      feed = (await call(h, clinic, "GET", `/api/v1/changes?after=${start}`)).json();
      if (feed.items.filter((item) => item.id === card.cardId && item.version >= 3).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ofCard = feed.items.filter((item) => item.id === card.cardId && item.version >= 2);
    assert.deepEqual(
      ofCard.map((item) => [item.version, item.operation]),
      [
        [2, "update"],
        [3, "update"],
      ],
    );
    const rest = (await call(h, clinic, "GET", `/api/v1/changes?after=${feed.next}`)).json();
    assert.deepEqual(rest.items, []);
    const recent = (
      await call(h, clinic, "GET", `${staffUrl}?updatedSince=${encodeURIComponent(since)}`)
    ).json();
    assert.ok(recent.items.some((item: { id: string }) => item.id === personId));
    assert.ok(!recent.items.some((item: { lastName: string }) => item.lastName === "Иванова"));
  });

  test("keyset pages stay whole while rows are inserted between them", async () => {
    const db = h.deps.database.db;
    const card = {
      oid: demoClinicFrmoOid,
      organization: "ГБУЗ «Городская поликлиника № 1»",
      postId: "109",
      postName: "врач-терапевт",
      positionTypeId: "main",
      positionTypeName: "Основное место работы",
      rate: 1,
      beginDate: "2021-01-01",
    };
    const add = async (nine: string, lastName: string) =>
      insertRecord(db, { person: { snils: snilsFrom(nine), lastName, firstName: "Ольга" }, cards: [card] });
    for (let index = 0; index < 25; index++)
      await add(String(710_000_000 + index), `Страничная${String(index).padStart(2, "0")}`);
    const existing: string[] = (await call(h, clinic, "GET", `${staffUrl}?limit=100`))
      .json()
      .items.map((item: { id: string }) => item.id);
    assert.ok(existing.length > 25 && existing.length < 100);
    let cursor: string | null = null;
    const seen: string[] = [];
    for (let page = 0; page < 1 || cursor; page++) {
      const response = await call(
        h,
        clinic,
        "GET",
        `${staffUrl}?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const body = response.json();
      seen.push(...body.items.map((item: { id: string }) => item.id));
      cursor = body.next;
      // Rows before and after the cursor appear meanwhile.
      await add(String(720_000_000 + page), `Аааа${page}`);
      await add(String(730_000_000 + page), `Яяяя${page}`);
      if (page > 50) assert.fail("paging does not end");
    }
    assert.equal(new Set(seen).size, seen.length, "no row twice");
    for (const id of existing) assert.ok(seen.includes(id), "no row that was there before is lost");
  });
});
