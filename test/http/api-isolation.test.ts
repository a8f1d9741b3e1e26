// C4: one clinic's system never reads or writes another's staff, over every /api/v1 route (the
// table must list each route of the OpenAPI document); the OpenAPI document is valid and served
// with its documentation page and local assets.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import {
  demoClinicFrmoOid,
  demoRegionalHospitalFrmoOid,
} from "../../src/modules/organizations/organizations.seed.ts";
import { seedDemoRegister } from "../../src/modules/register/register.seed.ts";
import { call, clientWithToken, type TestClient } from "../support/api-client.ts";
import { type CabinetHarness, startCabinet } from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let own: TestClient;
let other: TestClient;
let ivanova: { id: string; cardId: string };
const snils = standinAccounts.ivanova.snils ?? "";
const all = [
  "persons.read",
  "staff.read",
  "staff.write",
  "accreditations.read",
  "organizations.read",
] as const;

before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  await seedDemoRegister(h.deps.database.db, h.clock.now());
  own = await clientWithToken(h, "organization", [...all], demoClinicFrmoOid);
  other = await clientWithToken(h, "organization", [...all], demoRegionalHospitalFrmoOid);
  const [person] = (await call(h, own, "GET", `/api/v1/persons?snils=${snils}`)).json().items;
  const card = (await call(h, own, "GET", `/api/v1/persons/${person.id}`)).json().employment[0];
  ivanova = { id: person.id, cardId: card.cardId };
});
after(() => h?.close());

const clinicStaff = `/api/v1/organizations/${demoClinicFrmoOid}/staff`;
const cardBody = { postId: "109", rate: 1, positionTypeId: "main", beginDate: "2026-11-01" };
const key = () => ({ "idempotency-key": `iso-${crypto.randomUUID()}` });

/** What another organization's client gets on each route when it reaches for the clinic's staff. */
const matrix: Record<string, (client: TestClient) => Promise<{ statusCode: number; json(): unknown }>> = {
  "GET /api/v1/persons": (client) => call(h, client, "GET", `/api/v1/persons?snils=${snils}`),
  "GET /api/v1/persons/{personId}": (client) => call(h, client, "GET", `/api/v1/persons/${ivanova.id}`),
  "GET /api/v1/organizations/{frmoOid}/staff": (client) => call(h, client, "GET", clinicStaff),
  "POST /api/v1/organizations/{frmoOid}/staff": (client) =>
    call(h, client, "POST", clinicStaff, {
      body: { ...cardBody, postId: "250", snils, lastName: "Иванова", firstName: "Мария" },
      headers: key(),
    }),
  "PUT /api/v1/organizations/{frmoOid}/staff/{personId}/cards/{cardId}": (client) =>
    call(h, client, "PUT", `${clinicStaff}/${ivanova.id}/cards/${ivanova.cardId}`, {
      body: cardBody,
      headers: key(),
    }),
  "POST /api/v1/organizations/{frmoOid}/staff/{personId}/cards/{cardId}/close": (client) =>
    call(h, client, "POST", `${clinicStaff}/${ivanova.id}/cards/${ivanova.cardId}/close`, {
      body: { endDate: "2026-11-20" },
      headers: key(),
    }),
  // Accreditation status is public (the extract's check at /verify shows it to anyone with the СНИЛС).
  "GET /api/v1/accreditations": (client) =>
    call(h, client, "GET", `/api/v1/accreditations?snils=${snils}&specialty=76`),
  "GET /api/v1/organizations": (client) =>
    call(h, client, "GET", `/api/v1/organizations?frmoOid=${demoClinicFrmoOid}`),
  "GET /api/v1/organizations/{frmoOid}": (client) =>
    call(h, client, "GET", `/api/v1/organizations/${demoClinicFrmoOid}`),
  "GET /api/v1/changes": (client) => call(h, client, "GET", "/api/v1/changes?limit=1000"),
};

/** The other clinic's answer: nothing of the clinic's staff in it. */
const refusedOrEmpty: Record<string, (status: number, body: Record<string, unknown>) => boolean> = {
  "GET /api/v1/persons": (status, body) => status === 200 && (body.items as unknown[]).length === 0,
  "GET /api/v1/persons/{personId}": (status) => status === 404,
  "GET /api/v1/accreditations": (status, body) => status === 200 && body.status === "valid",
  "GET /api/v1/organizations": (status) => status === 403,
  "GET /api/v1/organizations/{frmoOid}": (status) => status === 403,
  "GET /api/v1/changes": (status, body) =>
    status === 200 &&
    !(body.items as { personId: string | null; organizationOid: string | null }[]).some(
      (item) => item.personId === ivanova.id || item.organizationOid === demoClinicFrmoOid,
    ),
};

test("the OpenAPI document is valid OpenAPI 3.1 and lists every /api/v1 route", async () => {
  const response = await h.app.inject({ url: "/api/openapi.json" });
  assert.equal(response.statusCode, 200);
  const document = response.json();
  assert.equal(document.openapi, "3.1.0");
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors ?? null).slice(0, 2000));
  const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
  for (const entry of documented) {
    const [method, path] = entry.split(" ") as [string, string];
    const url = path.replace(/\{(\w+)\}/g, ":$1");
    assert.ok(h.app.hasRoute({ method: method as "GET", url }), `${entry} is a route of the app`);
  }
  assert.deepEqual(
    documented.filter((entry) => entry.includes("/api/v1")).sort(),
    Object.keys(matrix).sort(),
    "every documented route is in the isolation matrix",
  );
  assert.ok(documented.includes("POST /api/oauth/token"));
  assert.ok(
    !documented.some((entry) => entry.includes("/org/")),
    "cabinet pages are not in the API document",
  );
});

test("the documentation page and its assets are served locally, with a CSP of that route only", async () => {
  const page = await h.app.inject({ url: "/api/docs/" });
  assert.equal(page.statusCode, 200);
  assert.ok(
    !/https?:\/\/(?!localhost)/.test(page.body.replace(/https?:\/\/www\.w3\.org[^"']*/g, "")),
    "no CDN",
  );
  const script = await h.app.inject({ url: "/api/docs/static/swagger-ui-bundle.js" });
  assert.equal(script.statusCode, 200);
  const home = await h.app.inject({ url: "/" });
  assert.notEqual(home.headers["content-security-policy"], page.headers["content-security-policy"]);
});

for (const [route, request] of Object.entries(matrix)) {
  test(`another clinic's system: ${route}`, async () => {
    const response = await request(other);
    const body = (response.json() ?? {}) as Record<string, unknown>;
    const check = refusedOrEmpty[route] ?? ((status: number) => status === 403);
    assert.ok(
      check(response.statusCode, body),
      `${response.statusCode} ${JSON.stringify(body).slice(0, 300)}`,
    );
    // The clinic's own system is served on the same route.
    const mine = await request(own);
    assert.ok(
      mine.statusCode < 300,
      `own client: ${mine.statusCode} ${JSON.stringify(mine.json()).slice(0, 300)}`,
    );
  });
}
