// C4: FHIR R4 — metadata, Practitioner by СНИЛС, PractitionerRole with _include, Organization by
// ОГРН; read, vread and _history from recorded versions; Bundle paging; OperationOutcome errors;
// the same tokens and scopes. Every resource is checked with the `fhir` package's R4 validator.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Fhir } from "fhir";
import { standinAccounts } from "../../src/esia-standin/seed.ts";
import {
  demoClinicFrmoOid,
  demoRegionalHospitalFrmoOid,
} from "../../src/modules/organizations/organizations.seed.ts";
import { seedDemoRegister } from "../../src/modules/register/register.seed.ts";
import { call, clientWithToken, type TestClient } from "../support/api-client.ts";
import { type CabinetHarness, startCabinet } from "../support/organization-cabinet.ts";

let h: CabinetHarness;
let authority: TestClient;
let clinic: TestClient;
let otherClinic: TestClient;
const snils = standinAccounts.ivanova.snils ?? "";
const validator = new Fhir();
const fhirJson = { accept: "application/fhir+json" };

function assertValid(resource: { resourceType: string }) {
  const result = validator.validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter((message) => message.severity === "error");
  assert.deepEqual(errors, [], `${resource.resourceType}: ${JSON.stringify(errors).slice(0, 1500)}`);
}

before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  await seedDemoRegister(h.deps.database.db, h.clock.now());
  const all = ["persons.read", "staff.read", "organizations.read"] as const;
  authority = await clientWithToken(h, "authority", [...all]);
  clinic = await clientWithToken(h, "organization", [...all, "staff.write"], demoClinicFrmoOid);
  otherClinic = await clientWithToken(h, "organization", [...all], demoRegionalHospitalFrmoOid);
});
after(() => h?.close());

const get = (client: TestClient | undefined, url: string) =>
  call(h, client, "GET", url, { headers: fhirJson });

test("metadata lists exactly the three resources, their interactions and search parameters", async () => {
  const response = await get(undefined, "/fhir/metadata");
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers["content-type"]), /^application\/fhir\+json/);
  const statement = response.json();
  assertValid(statement);
  const resources = statement.rest[0].resource;
  assert.deepEqual(
    resources.map((entry: { type: string }) => entry.type),
    ["Practitioner", "PractitionerRole", "Organization"],
  );
  assert.deepEqual(resources[1].searchInclude, ["PractitionerRole:practitioner"]);
});

test("Practitioner by СНИЛС identifier: name, gender, birth date, qualification with the specialty OID", async () => {
  const bundle = (
    await get(authority, `/fhir/Practitioner?identifier=urn:oid:1.2.643.100.3|${snils}`)
  ).json();
  assertValid(bundle);
  assert.equal(bundle.type, "searchset");
  assert.equal(bundle.entry.length, 1);
  const practitioner = bundle.entry[0].resource;
  assertValid(practitioner);
  assert.deepEqual(practitioner.identifier[0], {
    use: "official",
    system: "urn:oid:1.2.643.100.3",
    value: snils,
  });
  assert.equal(practitioner.name[0].family, "Иванова");
  assert.equal(practitioner.gender, "female");
  assert.ok(
    practitioner.qualification.some(
      (entry: { code: { coding: { system: string; code: string }[] } }) =>
        entry.code.coding[0]?.system === "urn:oid:1.2.643.5.1.13.13.11.1066" &&
        entry.code.coding[0]?.code === "76",
    ),
  );
  const read = await get(authority, `/fhir/Practitioner/${practitioner.id}`);
  assert.equal(read.json().meta.versionId, practitioner.meta.versionId);
  const byFamily = (await get(authority, "/fhir/Practitioner?family=иван")).json();
  assert.ok(
    byFamily.entry.some((entry: { resource: { id: string } }) => entry.resource.id === practitioner.id),
  );
});

test("PractitionerRole of the clinic with _include, Bundle paging by next, Organization by ОГРН", async () => {
  const first = (
    await get(
      authority,
      `/fhir/PractitionerRole?organization=Organization/${demoClinicFrmoOid}&_count=1&_include=PractitionerRole:practitioner`,
    )
  ).json();
  assertValid(first);
  const match = first.entry.filter((entry: { search: { mode: string } }) => entry.search.mode === "match");
  const included = first.entry.filter(
    (entry: { search: { mode: string } }) => entry.search.mode === "include",
  );
  assert.equal(match.length, 1);
  assert.equal(included[0].resource.resourceType, "Practitioner");
  const role = match[0].resource;
  assertValid(role);
  assert.equal(role.organization.reference, `Organization/${demoClinicFrmoOid}`);
  assert.equal(role.code[0].coding[0].system, "urn:oid:1.2.643.5.1.13.13.11.1002");
  const next = first.link.find((link: { relation: string }) => link.relation === "next");
  assert.ok(next, "a next link");
  const second = (await get(authority, new URL(next.url).pathname + new URL(next.url).search)).json();
  assert.notEqual(second.entry[0].resource.id, role.id);

  const bySpecialty = (
    await get(authority, "/fhir/PractitionerRole?specialty=urn:oid:1.2.643.5.1.13.13.11.1066|76")
  ).json();
  assert.ok(bySpecialty.entry.length >= 1);

  const organization = (await get(authority, `/fhir/Organization/${demoClinicFrmoOid}`)).json();
  assertValid(organization);
  const ogrn = organization.identifier.find(
    (entry: { system: string }) => entry.system === "urn:oid:1.2.643.100.1",
  ).value;
  const found = (await get(authority, `/fhir/Organization?identifier=urn:oid:1.2.643.100.1|${ogrn}`)).json();
  assert.equal(found.entry[0].resource.id, demoClinicFrmoOid);
});

test("a card changed through REST: PractitionerRole _history and vread of each version", async () => {
  const [role] = (
    await get(clinic, `/fhir/PractitionerRole?organization=${demoClinicFrmoOid}&_count=1`)
  ).json().entry;
  const card = role.resource;
  const personId = card.practitioner.reference.split("/")[1];
  const changed = await call(
    h,
    clinic,
    "PUT",
    `/api/v1/organizations/${demoClinicFrmoOid}/staff/${personId}/cards/${card.id}`,
    {
      body: { postId: "109", rate: 0.75, positionTypeId: "main", beginDate: card.period.start },
      headers: { "idempotency-key": "fhir-history-0001" },
    },
  );
  assert.equal(changed.statusCode, 200, changed.body);
  const history = (await get(clinic, `/fhir/PractitionerRole/${card.id}/_history`)).json();
  assertValid(history);
  assert.equal(history.type, "history");
  assert.deepEqual(
    history.entry.map((entry: { request: { method: string } }) => entry.request.method),
    ["PUT", "POST"],
  );
  const v1 = (await get(clinic, `/fhir/PractitionerRole/${card.id}/_history/1`)).json();
  assertValid(v1);
  assert.equal(v1.meta.versionId, "1");
  const current = (await get(clinic, `/fhir/PractitionerRole/${card.id}`)).json();
  assert.equal(current.meta.versionId, "2");
  const missing = await get(clinic, `/fhir/PractitionerRole/${card.id}/_history/9`);
  assert.equal(missing.statusCode, 404);
  assertValid(missing.json());
  assert.equal(missing.json().resourceType, "OperationOutcome");
});

test("OperationOutcome for no token, missing scope, bad search; another clinic sees nothing of this one", async () => {
  const anonymous = await get(undefined, "/fhir/Practitioner");
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().resourceType, "OperationOutcome");
  assert.match(String(anonymous.headers["www-authenticate"]), /^Bearer/);
  const narrow = await clientWithToken(h, "authority", ["organizations.read"]);
  const scoped = await get(narrow, "/fhir/Practitioner");
  assert.equal(scoped.statusCode, 403);
  assert.match(String(scoped.headers["www-authenticate"]), /insufficient_scope/);
  const bad = await get(authority, "/fhir/Practitioner?_count=abc");
  assert.equal(bad.statusCode, 400);
  assertValid(bad.json());

  const [person] = (await get(authority, `/fhir/Practitioner?identifier=${snils}`)).json().entry;
  assert.equal((await get(otherClinic, `/fhir/Practitioner/${person.resource.id}`)).statusCode, 404);
  assert.equal((await get(otherClinic, `/fhir/Practitioner/${person.resource.id}/_history`)).statusCode, 404);
  assert.equal((await get(otherClinic, `/fhir/Practitioner?identifier=${snils}`)).json().entry.length, 0);
  const roles = (await get(otherClinic, `/fhir/PractitionerRole?organization=${demoClinicFrmoOid}`)).json();
  assert.equal(roles.entry.length, 0);
  assert.equal((await get(otherClinic, `/fhir/Organization/${demoClinicFrmoOid}`)).statusCode, 404);
  assert.equal((await get(clinic, `/fhir/Practitioner/${person.resource.id}`)).statusCode, 200);
});
