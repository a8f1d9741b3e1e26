// The access matrix of the whole app: every route the app registers (read from its route table, so a
// route added anywhere is seen) must have an entry below naming who may use it, and each entry is
// checked by requests as every kind of person. A new route without an entry fails the test. The
// organization's cabinet (/org) is checked here coarsely (nobody outside an organization gets in) and
// power by power in test/http/organization-access.test.ts; ownership of records (another worker's
// document, another organization's card) in the isolation tests.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RouteEntry, routeTable } from "../../src/http/route-table.ts";
import { apiScopes } from "../../src/modules/api/api.scopes.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { cabinetRouteTable } from "../../src/modules/organizations/cabinet.registry.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { clientWithToken } from "../support/api-client.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  personOf,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const actors = [
  "anonymous",
  "worker",
  "otherWorker",
  "employeeWithoutRights",
  "head",
  "otherHead",
  "operator",
  "supportAgent",
  "apiClient",
] as const;
type Actor = (typeof actors)[number];

/**
 * Who may use a route: `public` everyone (a form still needs its CSRF cookie); `signedIn` anyone
 * signed in; `worker` the medical worker's cabinet; `member` anyone acting for an organization, an
 * employee without rights too; `manager` the head (and those given the route's power, see
 * organization-access.test.ts); `commission` the accreditation commission; `support` the support
 * desk; `api` an integration API client with a bearer token.
 */
type Access = "public" | "signedIn" | "worker" | "member" | "manager" | "commission" | "support" | "api";

const cookieHolders: readonly Actor[] = actors.filter(
  (actor) => actor !== "anonymous" && actor !== "apiClient",
);
const allowed: Record<Access, readonly Actor[]> = {
  public: actors,
  signedIn: cookieHolders,
  worker: ["worker", "otherWorker"],
  member: ["employeeWithoutRights", "head", "otherHead"],
  manager: ["head", "otherHead"],
  commission: ["operator"],
  support: ["supportAgent"],
  api: ["apiClient"],
};

const expected: Record<string, Access> = {
  "GET /lk/applications/:id/check": "worker",
  "GET /lk/applications/:id/documents": "worker",
  "GET /lk/applications/:id/portfolio": "worker",
  "GET /lk/applications/:id/report": "worker",
  "GET /lk/applications/:id/slots/:itemId": "worker",
  "GET /lk/documents/:id/view": "worker",
  "GET /org/access/grants/:id/revoke": "manager",
  "GET /org/approvals/:id/signatures/:signatureId/:part": "manager",
  "GET /org/documents": "manager",
  "GET /org/documents/:id/file": "manager",
  "GET /org/documents/:id/sign": "manager",
  "GET /org/documents/:id/signatures/:signatureId/:part": "manager",
  "GET /org/reports/deadlines.csv": "manager",
  "GET /org/representatives/:id/revoke": "manager",
  "GET /org/requests": "manager",
  "GET /org/requests/:id": "manager",
  "GET /org/requests/:id/files/:fileId": "manager",
  "GET /org/requests/new": "manager",
  "GET /review/applications/:id/signatures/:signatureId/:part": "commission",
  "GET /review/org-requests": "commission",
  "GET /review/org-requests/:id": "commission",
  "POST /review/org-requests/:id/decide": "commission",
  "GET /support-desk/incidents": "support",
  "POST /support-desk/incidents": "support",
  "POST /support-desk/incidents/:id/end": "support",
  "POST /auth/entry-hold/confirm": "member",
  "POST /org/approvals/:id/decision": "manager",
  "POST /org/approvals/:id/decision-document": "manager",
  "POST /org/documents": "manager",
  "POST /org/documents/:id/signature": "manager",
  "POST /org/requests": "manager",
  "POST /org/security/entry-blocking": "manager",
  "POST /org/security/holds/:id/reject": "manager",
  "POST /org/security/holds/:id/release": "manager",
  "POST /org/signatures/password-failure": "manager",
  "GET /": "public",
  "GET /status": "public",
  "GET /help": "public",
  "GET /auth/esia/login": "public",
  "GET /auth/esia/callback": "public",
  "GET /auth/esia/result": "public",
  "POST /auth/logout": "signedIn",
  "GET /auth/logged-out": "public",
  "GET /session-expired": "public",
  "GET /auth/context": "signedIn",
  "POST /auth/context": "signedIn",
  "GET /auth/context/role": "signedIn",
  "POST /auth/context/role": "signedIn",
  "GET /org/access": "manager",
  "POST /org/access/grants": "manager",
  "POST /org/access/grants/:id/revoke": "manager",
  "GET /org/representatives": "manager",
  "GET /org/representatives/new": "manager",
  "POST /org/representatives": "manager",
  "GET /org/representatives/:id/attorney": "manager",
  "GET /org/representatives/:id/signatures/:signatureId/:part": "manager",
  "GET /org/representatives/:id/sign": "manager",
  "POST /org/representatives/:id/signature": "manager",
  "POST /org/representatives/:id/revoke": "manager",
  "GET /org/staff": "manager",
  "GET /org/staff/add": "manager",
  "POST /org/staff/add": "manager",
  "GET /org/staff/:personId": "manager",
  "POST /org/staff/:personId/cards": "manager",
  "POST /org/staff/:personId/education": "manager",
  "POST /org/staff/:personId/certificates": "manager",
  "POST /org/staff/:personId/categories": "manager",
  "GET /org/staff/:personId/cards/:cardId": "manager",
  "POST /org/staff/:personId/cards/:cardId": "manager",
  "POST /org/staff/:personId/cards/:cardId/dismiss": "manager",
  "GET /org/staff/import": "manager",
  "GET /org/staff/import/template.csv": "manager",
  "POST /org/staff/import": "manager",
  "GET /org/staff/import/:id": "manager",
  "GET /org/staff/import/:id/report.csv": "manager",
  "POST /org/staff/import/:id/confirm": "manager",
  "POST /org/staff/import/:id/cancel": "manager",
  "GET /org/security": "manager",
  "POST /org/security/networks": "manager",
  "POST /org/security/networks/:id/delete": "manager",
  "GET /org/journal": "manager",
  "GET /org/journal.csv": "manager",
  "GET /org/reports": "manager",
  "GET /org/reports/staff-by-position.csv": "manager",
  "GET /org/reports/staff-by-department.csv": "manager",
  "GET /org/reports/expiring.csv": "manager",
  "GET /org/reports/applications.csv": "manager",
  "GET /review/organizations": "commission",
  "GET /review/organizations/data/:id": "commission",
  "POST /review/organizations/data/:id/decision": "commission",
  "GET /review/organizations/representatives/:id": "commission",
  "GET /review/organizations/representatives/:id/signatures/:signatureId/:part": "commission",
  "POST /review/organizations/representatives/:id/decision": "commission",
  "GET /review/organizations/corrections/:id": "commission",
  "POST /review/organizations/corrections/:id/answer": "commission",
  "GET /review/organizations/files/:id": "commission",
  "GET /org/licences": "member",
  "GET /org/licences/new": "manager",
  "POST /org/licences": "manager",
  "GET /org/licences/:id": "member",
  "GET /org/licences/:id/scan": "manager",
  "POST /org/licences/:id/status": "manager",
  "GET /review/licences": "commission",
  "GET /review/licences/:id": "commission",
  "POST /review/licences/:id/verify": "commission",
  "GET /organizations/kinds": "public",
  "GET /org": "member",
  "GET /org/status": "member",
  "GET /org/feedback": "member",
  "POST /org/feedback": "member",
  "GET /org/data": "manager",
  "POST /org/data": "manager",
  "GET /lk": "worker",
  "GET /lk/documents": "worker",
  "GET /lk/documents/upload": "worker",
  "POST /lk/documents/upload": "worker",
  "GET /lk/documents/:id/download": "worker",
  "GET /lk/documents/:id/delete": "worker",
  "POST /lk/documents/:id/delete": "worker",
  "GET /lk/connect": "worker",
  "POST /lk/connect/code": "worker",
  "POST /lk/connect/confirm": "worker",
  "GET /lk/consent/revoke": "worker",
  "POST /lk/consent/revoke": "worker",
  "GET /lk/personal": "worker",
  "POST /lk/personal": "worker",
  "GET /lk/record": "worker",
  "GET /lk/settings": "worker",
  "POST /lk/settings/notifications": "worker",
  "POST /sessions/end-others": "signedIn",
  "GET /session/idle": "public",
  "GET /lk/history": "worker",
  "GET /lk/applications": "worker",
  "GET /lk/applications/new": "worker",
  "POST /lk/applications": "worker",
  "GET /lk/applications/:id": "worker",
  "POST /lk/applications/:id/report": "worker",
  "POST /lk/applications/:id/agreement": "worker",
  "POST /lk/applications/:id/desired-date": "worker",
  "POST /lk/applications/:id/attachments": "worker",
  "POST /lk/applications/:id/portfolio": "worker",
  "POST /lk/applications/:id/send-to-head": "worker",
  "POST /lk/applications/:id/recall": "worker",
  "POST /lk/applications/:id/return-to-draft": "worker",
  "POST /lk/applications/:id/withdraw": "worker",
  "GET /lk/applications/:id/submit": "worker",
  "POST /lk/applications/:id/submit": "worker",
  "GET /lk/applications/:id/withdraw": "worker",
  "POST /lk/applications/:id/requests/:itemId/provide": "worker",
  "POST /lk/applications/:id/slots/:itemId/upload": "worker",
  "POST /lk/applications/:id/requests/:itemId/upload": "worker",
  "POST /lk/applications/:id/attachments/:itemId/remove": "worker",
  "POST /lk/applications/:id/portfolio/:itemId/remove": "worker",
  "GET /org/approvals": "manager",
  "GET /org/approvals/:id": "manager",
  "GET /org/approvals/:id/report": "manager",
  "POST /org/approvals/:id/agree": "manager",
  "POST /org/approvals/:id/refuse": "manager",
  "GET /org/signatures": "manager",
  "POST /org/signatures": "manager",
  "GET /review": "commission",
  "GET /review/applications/:id": "commission",
  "GET /review/applications/:id/documents/:documentId": "commission",
  "POST /review/applications/:id/start-review": "commission",
  "POST /review/applications/:id/transfer": "commission",
  "POST /review/applications/:id/assign": "commission",
  "POST /review/applications/:id/request-documents": "commission",
  "POST /review/applications/:id/decide": "commission",
  "GET /lk/applications/:id/extract.pdf": "worker",
  "GET /verify/:number": "public",
  "GET /verify": "public",
  "POST /verify": "public",
  "GET /lk/notices": "worker",
  "POST /api/oauth/token": "public",
  "GET /api/v1/persons": "api",
  "GET /api/v1/persons/:personId": "api",
  "GET /api/v1/organizations/:frmoOid/staff": "api",
  "POST /api/v1/organizations/:frmoOid/staff": "api",
  "PUT /api/v1/organizations/:frmoOid/staff/:personId/cards/:cardId": "api",
  "POST /api/v1/organizations/:frmoOid/staff/:personId/cards/:cardId/close": "api",
  "GET /api/v1/accreditations": "api",
  "GET /api/v1/organizations": "api",
  "GET /api/v1/organizations/:frmoOid": "api",
  "GET /api/v1/changes": "api",
  "GET /api/openapi.json": "public",
  "GET /api/docs": "public",
  "GET /api/docs/static/index.html": "public",
  "GET /api/docs/static/swagger-initializer.js": "public",
  "GET /api/docs/json": "public",
  "GET /api/docs/yaml": "public",
  "GET /api/docs/static/*": "public",
  "GET /fhir/metadata": "public",
  "GET /fhir/Practitioner/:id": "api",
  "GET /fhir/Practitioner/:id/_history/:vid": "api",
  "GET /fhir/Practitioner/:id/_history": "api",
  "GET /fhir/Practitioner": "api",
  "GET /fhir/PractitionerRole/:id": "api",
  "GET /fhir/PractitionerRole/:id/_history/:vid": "api",
  "GET /fhir/PractitionerRole/:id/_history": "api",
  "GET /fhir/PractitionerRole": "api",
  "GET /fhir/Organization/:id": "api",
  "GET /fhir/Organization/:id/_history/:vid": "api",
  "GET /fhir/Organization/:id/_history": "api",
  "GET /fhir/Organization": "api",
  "GET /lk/support": "worker",
  "GET /lk/support/new": "worker",
  "POST /lk/support/new": "worker",
  "GET /lk/support/:id": "worker",
  "POST /lk/support/:id/reply": "worker",
  "POST /lk/support/:id/resolve": "worker",
  "POST /lk/support/:id/reopen": "worker",
  "POST /lk/support/:id/escalate": "worker",
  "GET /lk/support/:id/attachments/:attachmentId": "worker",
  "GET /lk/support/:id/chat.json": "worker",
  "POST /lk/support/:id/chat": "worker",
  "GET /org/support": "member",
  "GET /org/support/new": "member",
  "POST /org/support/new": "member",
  "GET /org/support/:id": "member",
  "POST /org/support/:id/reply": "member",
  "POST /org/support/:id/resolve": "member",
  "POST /org/support/:id/reopen": "member",
  "POST /org/support/:id/escalate": "member",
  "GET /org/support/:id/attachments/:attachmentId": "member",
  "GET /org/support/:id/chat.json": "member",
  "POST /org/support/:id/chat": "member",
  "GET /support/new": "public",
  "POST /support/new": "public",
  "GET /support/sent": "public",
  "GET /support-desk": "support",
  "GET /support-desk/requests/:id": "support",
  "POST /support-desk/requests/:id/take": "support",
  "POST /support-desk/requests/:id/answer": "support",
  "POST /support-desk/requests/:id/note": "support",
  "POST /support-desk/requests/:id/priority": "support",
  "POST /support-desk/requests/:id/escalate": "support",
  "POST /support-desk/requests/:id/close": "support",
  "GET /support-desk/requests/:id/attachments/:attachmentId": "support",
  "GET /support-desk/requests/:id/chat.json": "support",
  "POST /support-desk/requests/:id/chat": "support",
  "GET /support-desk/report": "support",
  "GET /support-desk/report.csv": "support",
  "GET /support-desk/api-clients": "support",
  "GET /support-desk/api-clients/new": "support",
  "POST /support-desk/api-clients/new": "support",
  "GET /support-desk/api-clients/:id": "support",
  "GET /support-desk/api-clients/:id/suspend": "support",
  "POST /support-desk/api-clients/:id/suspend": "support",
  "GET /support-desk/api-clients/:id/resume": "support",
  "POST /support-desk/api-clients/:id/resume": "support",
  "GET /support-desk/api-clients/:id/secret": "support",
  "POST /support-desk/api-clients/:id/secret": "support",
  "GET /dev/outbox": "public",
};

let h: CabinetHarness;
let routes: RouteEntry[];
const sessions = new Map<Actor, Session | undefined>();
let bearer = "";
let signInAll: () => Promise<void>;

before(async () => {
  h = await startCabinet();
  const people: Partial<Record<Actor, Persona>> = {
    worker: personas.worker,
    otherWorker: { person: personOf(41, "Другова", "Елена", "Павловна") },
    employeeWithoutRights: {
      person: personOf(24, "Никитина", "Дарья", "Олеговна"),
      organization: { ogrn: egrulClinic.ogrn, role: "employee" },
    },
    head: personas.head,
    otherHead: personas.otherHead,
    operator: personas.operator,
    supportAgent: {
      person: personOf(42, "Помощникова", "Ирина", "Юрьевна"),
      support: true,
      apiClients: true,
    },
  };
  signInAll = async () => {
    for (const actor of actors)
      sessions.set(actor, people[actor] ? await h.signIn(people[actor]) : undefined);
  };
  await signInAll();
  bearer = (await clientWithToken(h, "organization", [...apiScopes], demoClinicFrmoOid)).token;
  // The harness's own sign-in helper is not part of the product.
  routes = routeTable(h.app).filter((route) => !route.url.startsWith("/test/"));
});
after(() => h?.close());

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

/** A request to the route as the actor: placeholder ids, an empty form, the session or the token. */
async function request(actor: Actor, route: RouteEntry) {
  const url = route.url
    .replace(/\*$/, "index.css")
    .replace(/:(\w+)/g, (_match, name: string) =>
      /oid/i.test(name)
        ? demoClinicFrmoOid
        : name === "number"
          ? "1"
          : name === "part"
            ? "sig"
            : "00000000-0000-4000-8000-000000000000",
    );
  if (actor === "apiClient")
    return h.app.inject({
      method: route.method as "GET",
      url,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      ...(route.method === "GET" ? {} : { payload: "{}" }),
    });
  if (route.method === "PUT")
    return h.app.inject({
      method: "PUT",
      url,
      headers: { "content-type": "application/json" },
      payload: "{}",
    });
  return h.send(sessions.get(actor), route.method as "GET" | "POST", url);
}

/** Refused: not signed in, not allowed, or (cookie routes) sent to choose whom to act for. */
const refused = (status: number) => status === 401 || status === 403;

test("every registered route has an entry in the access matrix, and every entry a route", () => {
  const registered = routes.map(keyOf).sort();
  const missing = registered.filter((key) => !(key in expected));
  const stale = Object.keys(expected).filter((key) => !registered.includes(key));
  assert.deepEqual(missing, [], "routes without an entry: say who may use them");
  assert.deepEqual(stale, [], "entries without a route");
  // The cabinet's own registry agrees: whatever is under /org needs an organization.
  for (const route of cabinetRouteTable(h.app))
    assert.ok(["member", "manager"].includes(expected[keyOf(route)] ?? ""), keyOf(route));
});

// Every route for every actor, one request at a time: several hundred requests, which on PGlite on a
// busy machine take longer than the suite's default two minutes.
test("each entry holds: the people it names get in, nobody else does", { timeout: 600_000 }, async () => {
  const print = process.env.ACCESS_MATRIX_PRINT === "1";
  const problems: string[] = [];
  for (const route of routes) {
    const statuses = new Map<Actor, number>();
    for (const actor of actors) statuses.set(actor, (await request(actor, route)).statusCode);
    // Logging out, the ESIA callback and the choice of context end or change the sessions used.
    if (route.url.startsWith("/auth/")) await signInAll();
    for (const [actor, status] of statuses)
      assert.ok(status < 500, `${keyOf(route)} as ${actor} answered ${status}`);
    if (print) {
      console.log(`${keyOf(route)}\t${actors.map((actor) => `${actor}=${statuses.get(actor)}`).join(" ")}`);
      continue;
    }
    const access = expected[keyOf(route)];
    if (!access) continue;
    const who = allowed[access];
    const anonymous = statuses.get("anonymous");
    for (const actor of actors) {
      const status = statuses.get(actor) ?? 0;
      // A public route may answer 401/404 to everyone alike (/session-expired, the token endpoint
      // without client credentials); a public form refuses
      // whoever has no CSRF cookie.
      const alike = access === "public" && status === anonymous;
      const noCookie = access === "public" && route.method !== "GET" && !cookieHolders.includes(actor);
      if (alike || noCookie) continue;
      const may = who.includes(actor);
      if (may === refused(status))
        problems.push(`${keyOf(route)}: ${actor} ${may ? "refused" : "let in"} with ${status}`);
    }
  }
  assert.deepEqual(problems, []);
});
