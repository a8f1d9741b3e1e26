// O7, O9: the access-control matrix of the organization's cabinet. Every route (the table must list
// all the routes the app registers under /org) × every kind of person, with the expected answer;
// each refusal of a person acting for an organization is audited.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { insertGrant, insertRepresentative } from "../../src/modules/access/access.repository.ts";
import type { Right } from "../../src/modules/access/access.rights.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { egrulClinic } from "../../src/modules/egrul/egrul.standin-data.ts";
import { cabinetRouteTable } from "../../src/modules/organizations/cabinet.registry.ts";
import { demoClinicFrmoOid } from "../../src/modules/organizations/organizations.seed.ts";
import { insertRecord } from "../../src/modules/register/record.repository.ts";
import { insertImport } from "../../src/modules/staff/staff-import.repository.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  personOf,
  type SendOptions,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const columns = [
  "head",
  "rep",
  "view",
  "edit",
  "submit",
  "reports",
  "none",
  "other",
  "worker",
  "anon",
] as const;
type Column = (typeof columns)[number];

const employee = (person: Persona["person"]): Persona => ({
  person,
  organization: { ogrn: egrulClinic.ogrn, role: "employee" },
});
const people: Record<Exclude<Column, "anon">, Persona> = {
  head: personas.head,
  rep: personas.kuznetsova,
  view: personas.petrova,
  edit: personas.volkov,
  submit: employee(personOf(22, "Зайцева", "Вера", "Павловна")),
  reports: employee(personOf(23, "Морозов", "Олег", "Ильич")),
  none: employee(personOf(24, "Никитина", "Дарья", "Олеговна")),
  other: personas.otherHead,
  worker: personas.worker,
};
const grantedRights: Partial<Record<Column, Right>> = {
  view: "staff.view",
  edit: "staff.edit",
  submit: "applications.submit",
  reports: "reports.view",
};

let h: CabinetHarness;
const sessions = new Map<Column, Session | undefined>();
const ids = { person: "", card: "", import: "" };
const unknown = randomUUID();

before(async () => {
  h = await startCabinet();
  const db = h.deps.database.db;
  const clinicId = await h.organizationId(egrulClinic.ogrn);
  const head = await h.signIn(people.head);
  const headUser =
    (
      await db.query.users.findFirst({
        where: (users, { eq }) => eq(users.snils, people.head.person.snils ?? ""),
      })
    )?.id ?? "";
  for (const [column, right] of Object.entries(grantedRights)) {
    const person = people[column as Column & keyof typeof people].person;
    await insertGrant(db, {
      organizationId: clinicId,
      snils: person.snils ?? "",
      fullName: `${person.lastName} ${person.firstName}`,
      rights: [right],
      startsOn: "2026-11-01",
      endsOn: "2026-12-31",
      grantedBy: headUser,
      grantedAt: h.clock.now(),
    });
  }
  await insertRepresentative(db, {
    organizationId: clinicId,
    snils: people.rep.person.snils ?? "",
    fullName: "Кузнецова Ольга Игоревна",
    attorneyNumber: "Д-1",
    attorneyFormat: "pdf",
    issuedOn: "2026-01-10",
    validUntil: "2027-01-10",
    status: "active",
    submittedBy: headUser,
    submittedAt: h.clock.now(),
  });
  ids.person =
    (await insertRecord(db, {
      person: { snils: "11223344595", lastName: "Соколова", firstName: "Елена", patronymic: "Андреевна" },
      cards: [
        {
          oid: demoClinicFrmoOid,
          organization: "ГБУЗ «Городская поликлиника № 1»",
          postId: "109",
          postName: "врач-терапевт",
          positionTypeId: "main",
          positionTypeName: "Основное место работы",
          rate: 1,
          beginDate: "2020-01-01",
        },
      ],
    })) ?? "";
  ids.card = (await db.query.registerEmploymentCards.findFirst())?.id ?? "";
  ids.import = (
    await insertImport(db, {
      organizationId: clinicId,
      fileName: "staff.csv",
      status: "needs_decision",
      createdBy: headUser,
      createdAt: h.clock.now(),
    })
  ).id;
  sessions.set("head", head);
  for (const column of columns) {
    if (column === "head") continue;
    sessions.set(column, column === "anon" ? undefined : await h.signIn(people[column]));
  }
});
after(() => h?.close());

interface Row {
  method: "GET" | "POST";
  /** The route as registered. */
  route: string;
  /** What is requested: the route with real or unknown ids. */
  path?: () => string;
  options?: SendOptions;
  expect: string;
}

const emptyMultipart: SendOptions = { multipart: {} };
const supportRequestRoutes: ["GET" | "POST", string][] = [
  ["GET", ""],
  ["POST", "/reply"],
  ["POST", "/resolve"],
  ["POST", "/reopen"],
  ["POST", "/escalate"],
  ["GET", "/attachments/:attachmentId"],
  ["GET", "/chat.json"],
  ["POST", "/chat"],
];
const person = () => `/org/staff/${ids.person}`;
const card = () => `/org/staff/${ids.person}/cards/${ids.card}`;

//                                                         head rep view edit subm repo none othr wrkr anon
const matrix: Row[] = [
  {
    method: "GET",
    route: "/org",
    expect: "                  200  200  200  200  200  200  200  200  403  401",
  },
  {
    method: "GET",
    route: "/org/status",
    expect: "           200  200  200  200  200  200  200  200  403  401",
  },
  {
    method: "GET",
    route: "/org/feedback",
    expect: "         200  200  200  200  200  200  200  200  403  401",
  },
  {
    method: "POST",
    route: "/org/feedback",
    expect: "        400  400  400  400  400  400  400  400  403  403",
  },
  {
    method: "GET",
    route: "/org/data",
    expect: "             200  200  403  403  403  403  403  200  403  401",
  },
  {
    method: "POST",
    route: "/org/data",
    options: emptyMultipart,
    expect: "409 409 403 403 403 403 403 409 403 403",
  },
  {
    method: "GET",
    route: "/org/access",
    expect: "           200  200  403  403  403  403  403  200  403  401",
  },
  {
    method: "POST",
    route: "/org/access/grants",
    expect: "   400  400  403  403  403  403  403  400  403  403",
  },
  {
    method: "GET",
    route: "/org/access/grants/:id/revoke",
    path: () => `/org/access/grants/${unknown}/revoke`,
    expect: "404 404 403 403 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/access/grants/:id/revoke",
    path: () => `/org/access/grants/${unknown}/revoke`,
    expect: "404 404 403 403 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/representatives",
    expect: "  200  403  403  403  403  403  403  200  403  401",
  },
  { method: "GET", route: "/org/representatives/new", expect: "200 403 403 403 403 403 403 200 403 401" },
  {
    method: "POST",
    route: "/org/representatives",
    options: emptyMultipart,
    expect: "400 403 403 403 403 403 403 400 403 403",
  },
  {
    method: "GET",
    route: "/org/representatives/:id/attorney",
    path: () => `/org/representatives/${unknown}/attorney`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/representatives/:id/signatures/:signatureId/:part",
    path: () => `/org/representatives/${unknown}/signatures/${unknown}/sig`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/representatives/:id/sign",
    path: () => `/org/representatives/${unknown}/sign`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/representatives/:id/signature",
    path: () => `/org/representatives/${unknown}/signature`,
    options: emptyMultipart,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/representatives/:id/revoke",
    path: () => `/org/representatives/${unknown}/revoke`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/representatives/:id/revoke",
    path: () => `/org/representatives/${unknown}/revoke`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/staff",
    expect: "            200  200  200  200  403  403  403  200  403  401",
  },
  {
    method: "GET",
    route: "/org/staff/add",
    expect: "        200  200  403  200  403  403  403  200  403  401",
  },
  {
    method: "POST",
    route: "/org/staff/add",
    expect: "       400  400  403  400  403  403  403  400  403  403",
  },
  {
    method: "GET",
    route: "/org/staff/:personId",
    path: person,
    expect: "200 200 200 200 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/cards",
    path: () => `${person()}/cards`,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/education",
    path: () => `${person()}/education`,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/certificates",
    path: () => `${person()}/certificates`,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/categories",
    path: () => `${person()}/categories`,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/staff/:personId/cards/:cardId",
    path: card,
    expect: "200 200 403 200 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/cards/:cardId",
    path: card,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/staff/:personId/cards/:cardId/dismiss",
    path: () => `${card()}/dismiss`,
    expect: "400 400 403 400 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/staff/import",
    expect: "     200  200  403  200  403  403  403  200  403  401",
  },
  {
    method: "GET",
    route: "/org/staff/import/template.csv",
    expect: "200 200 403 200 403 403 403 200 403 401",
  },
  {
    method: "POST",
    route: "/org/staff/import",
    options: emptyMultipart,
    expect: "400 400 403 400 403 403 403 400 403 403",
  },
  {
    method: "GET",
    route: "/org/staff/import/:id",
    path: () => `/org/staff/import/${ids.import}`,
    expect: "200 200 403 200 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/staff/import/:id/report.csv",
    path: () => `/org/staff/import/${ids.import}/report.csv`,
    expect: "200 200 403 200 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/staff/import/:id/confirm",
    path: () => `/org/staff/import/${unknown}/confirm`,
    expect: "404 404 403 404 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/staff/import/:id/cancel",
    path: () => `/org/staff/import/${unknown}/cancel`,
    expect: "404 404 403 404 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/security",
    expect: "         200  403  403  403  403  403  403  200  403  401",
  },
  {
    method: "POST",
    route: "/org/security/networks",
    expect: "400  403  403  403  403  403  403  400  403  403",
  },
  {
    method: "POST",
    route: "/org/security/entry-blocking",
    expect: "303 403 403 403 403 403 403 303 403 403",
  },
  ...(["release", "reject"] as const).map((suffix) => ({
    method: "POST" as const,
    route: `/org/security/holds/:id/${suffix}`,
    path: () => `/org/security/holds/${unknown}/${suffix}`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  })),
  {
    method: "POST",
    route: "/org/security/networks/:id/delete",
    path: () => `/org/security/networks/${unknown}/delete`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/journal",
    expect: "          200  200  403  403  403  403  403  200  403  401",
  },
  {
    method: "GET",
    route: "/org/journal.csv",
    expect: "      200  200  403  403  403  403  403  200  403  401",
  },
  {
    method: "GET",
    route: "/org/reports",
    expect: "          200  200  403  403  403  200  403  200  403  401",
  },
  {
    method: "GET",
    route: "/org/reports/staff-by-position.csv",
    expect: "200 200 403 403 403 200 403 200 403 401",
  },
  {
    method: "GET",
    route: "/org/reports/staff-by-department.csv",
    expect: "200 200 403 403 403 200 403 200 403 401",
  },
  { method: "GET", route: "/org/reports/expiring.csv", expect: "200 200 403 403 403 200 403 200 403 401" },
  { method: "GET", route: "/org/reports/deadlines.csv", expect: "200 200 403 403 403 200 403 200 403 401" },
  {
    method: "GET",
    route: "/org/reports/applications.csv",
    expect: "200 200 403 403 403 200 403 200 403 401",
  },
  { method: "GET", route: "/org/approvals", expect: "200 403 403 403 403 403 403 200 403 401" },
  {
    method: "GET",
    route: "/org/approvals/:id",
    path: () => `/org/approvals/${unknown}`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/approvals/:id/report",
    path: () => `/org/approvals/${unknown}/report`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/approvals/:id/agree",
    path: () => `/org/approvals/${unknown}/agree`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/approvals/:id/refuse",
    path: () => `/org/approvals/${unknown}/refuse`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/approvals/:id/decision-document",
    path: () => `/org/approvals/${unknown}/decision-document`,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "POST",
    route: "/org/approvals/:id/decision",
    path: () => `/org/approvals/${unknown}/decision`,
    options: emptyMultipart,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  {
    method: "GET",
    route: "/org/approvals/:id/signatures/:signatureId/:part",
    path: () => `/org/approvals/${unknown}/signatures/${unknown}/sig`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/licences",
    expect: "           200  200  200  200  200  200  200  200  403  401",
  },
  {
    method: "GET",
    route: "/org/licences/new",
    expect: "           200  200  403  403  403  403  403  200  403  401",
  },
  {
    method: "POST",
    route: "/org/licences",
    options: emptyMultipart,
    expect: "400 400 403 403 403 403 403 400 403 403",
  },
  {
    method: "GET",
    route: "/org/licences/:id",
    path: () => `/org/licences/${unknown}`,
    expect: "           404  404  404  404  404  404  404  404  403  401",
  },
  {
    method: "GET",
    route: "/org/licences/:id/scan",
    path: () => `/org/licences/${unknown}/scan`,
    expect: "           404  404  403  403  403  403  403  404  403  401",
  },
  {
    method: "POST",
    route: "/org/licences/:id/status",
    path: () => `/org/licences/${unknown}/status`,
    expect: "404 404 403 403 403 403 403 404 403 403",
  },
  // «Заявления организации»: the right «Подача заявлений от имени организации» (held by the head and representatives).
  { method: "GET", route: "/org/requests", expect: "200 200 403 403 200 403 403 200 403 401" },
  { method: "GET", route: "/org/requests/new", expect: "200 200 403 403 200 403 403 200 403 401" },
  {
    method: "POST",
    route: "/org/requests",
    options: emptyMultipart,
    expect: "400 400 403 403 400 403 403 400 403 403",
  },
  {
    method: "GET",
    route: "/org/requests/:id",
    path: () => `/org/requests/${unknown}`,
    expect: "404 404 403 403 404 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/requests/:id/files/:fileId",
    path: () => `/org/requests/${unknown}/files/${unknown}`,
    expect: "404 404 403 403 404 403 403 404 403 401",
  },
  // Support requests: everyone acting for an organization may write; unknown ids are not found.
  { method: "GET", route: "/org/support", expect: "200 200 200 200 200 200 200 200 403 401" },
  { method: "GET", route: "/org/support/new", expect: "200 200 200 200 200 200 200 200 403 401" },
  {
    method: "POST",
    route: "/org/support/new",
    options: emptyMultipart,
    expect: "400 400 400 400 400 400 400 400 403 403",
  },
  ...supportRequestRoutes.map(([method, suffix]) => ({
    method,
    route: `/org/support/:id${suffix}`,
    path: () => `/org/support/${unknown}${suffix.replace(":attachmentId", unknown)}`,
    expect: `404 404 404 404 404 404 404 404 403 ${method === "GET" ? 401 : 403}`,
  })),
  { method: "GET", route: "/org/signatures", expect: "200 403 403 403 403 403 403 200 403 401" },
  {
    method: "POST",
    route: "/org/signatures",
    options: emptyMultipart,
    expect: "400 403 403 403 403 403 403 400 403 403",
  },
  { method: "GET", route: "/org/documents", expect: "200 200 403 403 403 403 403 200 403 401" },
  {
    method: "POST",
    route: "/org/documents",
    options: emptyMultipart,
    expect: "400 400 403 403 403 403 403 400 403 403",
  },
  {
    method: "GET",
    route: "/org/documents/:id/file",
    path: () => `/org/documents/${unknown}/file`,
    expect: "404 404 403 403 403 403 403 404 403 401",
  },
  {
    method: "GET",
    route: "/org/documents/:id/signatures/:signatureId/:part",
    path: () => `/org/documents/${unknown}/signatures/${unknown}/sig`,
    expect: "404 404 403 403 403 403 403 404 403 401",
  },
  // Signing is the head's: a representative manages the documents but does not sign them.
  {
    method: "GET",
    route: "/org/documents/:id/sign",
    path: () => `/org/documents/${unknown}/sign`,
    expect: "404 403 403 403 403 403 403 404 403 401",
  },
  {
    method: "POST",
    route: "/org/documents/:id/signature",
    path: () => `/org/documents/${unknown}/signature`,
    options: emptyMultipart,
    expect: "404 403 403 403 403 403 403 404 403 403",
  },
  // Without a registered certificate there is nothing to count against.
  {
    method: "POST",
    route: "/org/signatures/password-failure",
    expect: "400 403 403 403 403 403 403 400 403 403",
  },
];

test("the matrix lists every route of the organization's cabinet, and nothing else", () => {
  const registered = cabinetRouteTable(h.app)
    .map((route) => `${route.method} ${route.url}`)
    .sort();
  const listed = matrix.map((row) => `${row.method} ${row.route}`).sort();
  assert.deepEqual(listed, registered);
});

for (const row of matrix) {
  test(`${row.method} ${row.route}`, async () => {
    const expected = row.expect.trim().split(/\s+/).map(Number);
    assert.equal(expected.length, columns.length, "one answer per column");
    const actual: number[] = [];
    for (const column of columns) {
      const deniedBefore = await countDenials();
      const response = await h.send(sessions.get(column), row.method, row.path?.() ?? row.route, row.options);
      actual.push(response.statusCode);
      const actsForOrganization = column !== "worker" && column !== "anon";
      if (actsForOrganization && response.statusCode === 403) {
        assert.equal(await countDenials(), deniedBefore + 1, `${column}: the refusal is audited`);
      }
    }
    assert.deepEqual(
      Object.fromEntries(columns.map((column, index) => [column, actual[index]])),
      Object.fromEntries(columns.map((column, index) => [column, expected[index]])),
    );
  });
}

async function countDenials(): Promise<number> {
  const rows = await h.deps.database.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.event, "access.denied"));
  return rows.length;
}

test("the back office's organization pages are for operators only", async () => {
  const operator = await h.signIn(personas.operator);
  for (const path of [
    "/review/organizations",
    `/review/organizations/data/${unknown}`,
    `/review/organizations/representatives/${unknown}`,
    `/review/organizations/representatives/${unknown}/signatures/${unknown}/sig`,
    `/review/organizations/corrections/${unknown}`,
    `/review/organizations/files/${unknown}`,
    "/review/licences",
    `/review/licences/${unknown}`,
    "/review/org-requests",
    `/review/org-requests/${unknown}`,
  ]) {
    const answers = {
      operator: (await h.send(operator, "GET", path)).statusCode,
      head: (await h.send(sessions.get("head"), "GET", path)).statusCode,
      worker: (await h.send(sessions.get("worker"), "GET", path)).statusCode,
      anon: (await h.send(undefined, "GET", path)).statusCode,
    };
    assert.deepEqual(
      answers,
      {
        operator: /^\/review\/(organizations|licences|org-requests)$/.test(path) ? 200 : 404,
        head: 403,
        worker: 403,
        anon: 401,
      },
      path,
    );
  }
});
