// Item: no input gives 500. A property-based walk over the app's own route table: random and
// hostile values in every path parameter, query and form field, sent as each kind of person.
// Nothing may answer 5xx, and input with control characters must be refused (400) with no change
// (no new audit record: every change of state writes one). FUZZ_RUNS sets the number of random
// cases per person (default 40, seconds on 2 cores); FUZZ_SEED replays a failure.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { count, notInArray } from "drizzle-orm";
import fc from "fast-check";
import { hasControlCharacters } from "../../src/http/control-characters.ts";
import { type RouteEntry, routeTable } from "../../src/http/route-table.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import {
  type CabinetHarness,
  type Persona,
  personas,
  type Session,
  startCabinet,
} from "../support/organization-cabinet.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? 20261201);

const hostile = [
  "\u0000",
  "Иванов\u0000",
  "a\u0001b",
  "\u001b[31m",
  "\u000b",
  "'; drop table audit_events; --",
  "' or '1'='1",
  '"><script>alert(1)</script>',
  "../../../../etc/passwd",
  "%00",
  "%",
  "{{7*7}}",
  "$" + "{jndi:ldap://x}",
  "-1",
  "0",
  "99999999999999999999999",
  "1e309",
  "NaN",
  "2026-02-30",
  "31.12.9999",
  "00000000-0000-0000-0000-000000000000",
  "١٢٣",
  "𝕏𝕐",
  "\u202e",
  "\ufeff",
  " ",
  "",
  "x".repeat(5000),
  "Ё".repeat(300),
];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostile) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Every field name the cabinet's forms use, read from its pages' source. */
async function formFieldNames(): Promise<string[]> {
  const names = new Set<string>(["q", "query", "status", "from", "to", "page", "after", "kind"]);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".tsx"))
        for (const match of (await readFile(path, "utf8")).matchAll(/\bname=\{?"([A-Za-z_][\w]*)"/g))
          if (match[1]) names.add(match[1]);
    }
  };
  await walk(new URL("../../src", import.meta.url).pathname);
  names.delete("_csrf");
  return [...names];
}

/** The fields a route declares (TypeBox object schemas), else every field of the cabinet's forms. */
function fieldsOf(route: RouteEntry, part: "body" | "querystring", all: string[]): string[] {
  const schema = route.schema?.[part] as { properties?: Record<string, unknown> } | undefined;
  const declared = Object.keys(schema?.properties ?? {});
  return declared.length > 0 ? declared : all;
}

type Actor = "anonymous" | "worker" | "head" | "employee" | "operator";
const actors: Record<Exclude<Actor, "anonymous">, Persona> = {
  worker: personas.worker,
  head: personas.head,
  employee: personas.kuznetsova,
  operator: personas.operator,
};

let harness: CabinetHarness;
let routes: RouteEntry[];
let fieldNames: string[];
const sessions = new Map<Actor, Session | undefined>();
/** Identifiers seen on the pages, so that path parameters sometimes name real records. */
const knownIds = new Set<string>();

before(async () => {
  harness = await startCabinet();
  // Signing out or changing the context would end the walk's sessions; those routes have tests of their own.
  routes = routeTable(harness.app).filter(
    (route) => !route.url.startsWith("/test/") && !/^\/auth\/(logout|context|esia)/.test(route.url),
  );
  fieldNames = await formFieldNames();
  sessions.set("anonymous", undefined);
  for (const [actor, persona] of Object.entries(actors)) {
    const session = await harness.signIn(persona);
    sessions.set(actor as Actor, session);
    for (const page of ["/org/staff", "/lk/applications", "/lk/documents", "/review", "/org/access"]) {
      const response = await harness.send(session, "GET", page);
      for (const id of response.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ??
        [])
        knownIds.add(id);
    }
  }
});
after(() => harness.close());

/** Audit records of changes; a refusal of access is audited by design and is not a change. */
const auditCount = async () =>
  (
    await harness.deps.database.db
      .select({ n: count() })
      .from(auditEvents)
      // Refusals are journalled on purpose; what must not appear is a change made from refused input.
      .where(notInArray(auditEvents.event, ["access.denied", "api.denied", "api.token_refused"]))
  )[0]?.n ?? 0;

interface Case {
  route: RouteEntry;
  params: string[];
  query: [string, string][];
  form: [string, string][];
  multipart: boolean;
}

function caseFor(route: RouteEntry): fc.Arbitrary<Case> {
  const paramCount = route.url.split("/").filter((segment) => segment.startsWith(":")).length;
  const param = knownIds.size > 0 ? fc.oneof(value, fc.constantFrom(...knownIds)) : value;
  const pairs = (names: string[]) => fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 });
  return fc.record({
    route: fc.constant(route),
    params: fc.array(param, { minLength: paramCount, maxLength: paramCount }),
    query: pairs(fieldsOf(route, "querystring", fieldNames)),
    form: route.method === "POST" ? pairs(fieldsOf(route, "body", fieldNames)) : fc.constant([]),
    multipart: route.method === "POST" ? fc.boolean() : fc.constant(false),
  });
}

async function send(actor: Actor, item: Case) {
  let index = 0;
  const path = item.route.url.replace(/:\w+/g, () => encodeURIComponent(item.params[index++] ?? ""));
  const query = new URLSearchParams(item.query).toString();
  const url = query ? `${path}?${query}` : path;
  const session = sessions.get(actor);
  const method = item.route.method as "GET" | "POST";
  if (method === "GET") return harness.send(session, "GET", url);
  if (item.multipart)
    return harness.send(session, "POST", url, {
      multipart: { fields: Object.fromEntries(item.form) },
    });
  const form: Record<string, string[]> = {};
  for (const [name, field] of item.form) form[name] = [...(form[name] ?? []), field];
  return harness.send(session, "POST", url, { form });
}

/** Checks one request: never 5xx; control characters refused without a trace in the journal. */
async function check(actor: Actor, item: Case): Promise<void> {
  const refused = hasControlCharacters([item.params, item.query, item.form]);
  const before = refused ? await auditCount() : 0;
  const response = await send(actor, item);
  const where = `${actor} ${item.route.method} ${item.route.url}`;
  assert.ok(
    response.statusCode < 500,
    `${where} answered ${response.statusCode}: ${response.body.slice(0, 300)}`,
  );
  if (!refused) return;
  // Forms are refused by the shared hook (400); a multipart form may be refused earlier, by the
  // session or the access guard, before its fields are read.
  // The integration API authenticates the client first: without a token it answers 401 before
  // anything of the input is read.
  const apiWithoutToken = /^\/(api|fhir)\//.test(item.route.url) && [401, 403].includes(response.statusCode);
  if (item.multipart || apiWithoutToken)
    assert.ok(response.statusCode >= 300, `${where} accepted control characters`);
  else if (response.statusCode !== 429)
    // (a rate limit answers before the body is parsed)
    assert.equal(response.statusCode, 400, `${where} accepted control characters`);
  assert.equal(await auditCount(), before, `${where} changed something on refused input`);
}

test("a NUL byte in any path parameter, query or form field of any route is refused with 400", async () => {
  // Each route once, as the people in turn (the random walk below covers every person on every route).
  const people = [...sessions.keys()];
  for (const [position, route] of routes.entries()) {
    const actor = people[position % people.length] ?? "anonymous";
    const params = route.url
      .split("/")
      .filter((s) => s.startsWith(":"))
      .map(() => "1\u0000");
    const fields = fieldsOf(route, "body", fieldNames).slice(0, 8);
    const item: Case = {
      route,
      params: params.length > 0 ? params : [],
      query: [["q", "a\u0000"]],
      form: route.method === "POST" ? fields.map((name): [string, string] => [name, "x\u0000"]) : [],
      multipart: false,
    };
    await check(actor, item);
    if (route.method === "POST") await check(actor, { ...item, query: [], multipart: true });
  }
});

for (const actor of ["anonymous", "worker", "head", "employee", "operator"] as const) {
  test(`random and hostile input as ${actor}: no 5xx, refused input changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((route) => caseFor(route)),
        (item) => check(actor, item),
      ),
      { numRuns: runs, seed, endOnFailure: true },
    );
  });
}
