// C4, the integration API's safety around time: a private_key_jwt assertion is accepted once
// (its jti is kept until it expires), Idempotency-Key answers are purged by the hourly job after
// their retention and not before, and the change feed never skips a change that commits after a
// later one (two concurrent transactions, PostgreSQL only: PGlite has a single connection).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, count, eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import { API_PURGE_JOB, scheduleApiPurge } from "../../src/modules/api/api.jobs.ts";
import { apiIdempotencyKeys, apiUsedAssertions } from "../../src/modules/api/api.schema.ts";
import { auditEvents } from "../../src/modules/audit/audit.schema.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { organizations } from "../../src/modules/organizations/organizations.schema.ts";
import {
  demoClinicFrmoOid,
  demoPracticeFrmoOid,
} from "../../src/modules/organizations/organizations.seed.ts";
import { seedDemoRegister } from "../../src/modules/register/register.seed.ts";
import {
  call,
  clientWithToken,
  registerClient,
  requestToken,
  type TestClient,
} from "../support/api-client.ts";
import { testDatabaseUrl } from "../support/db.ts";
import { type CabinetHarness, startCabinet } from "../support/organization-cabinet.ts";

let h: CabinetHarness;
const HOUR = 60 * 60_000;
const db = () => h.deps.database.db;

before(async () => {
  h = await startCabinet({ start: "2026-11-21T09:00:00Z" });
  await seedDemoRegister(db(), h.clock.now());
});
after(() => h?.close());

const keys = await generateKeyPair("ES256");
let keyClientId = "";
/** An assertion of the key client, issued now and valid for two minutes. */
const sign = (jti?: string) => {
  const now = Math.floor(h.clock.now().getTime() / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "ES256" })
    .setIssuer(keyClientId)
    .setSubject(keyClientId)
    .setAudience(h.deps.api.tokenEndpoint)
    .setIssuedAt(now)
    .setExpirationTime(now + 120);
  return (jti ? jwt.setJti(jti) : jwt).sign(keys.privateKey);
};
const form = (assertion: string) => ({
  grant_type: "client_credentials",
  client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
  client_assertion: assertion,
});

test("a private_key_jwt assertion is accepted once; one without jti is refused", async () => {
  const client = await registerClient(
    h,
    "authority",
    ["persons.read"],
    undefined,
    await exportJWK(keys.publicKey),
  );
  keyClientId = client.clientId;
  const assertion = await sign(crypto.randomUUID());
  const first = await requestToken(h, form(assertion));
  assert.equal(first.statusCode, 200, first.body);

  const replay = await requestToken(h, form(assertion));
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().error, "invalid_client");
  assert.match(replay.json().error_description, /used already/);
  const [refused] = await db()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.event, "api.token_refused"))
    .orderBy(auditEvents.id);
  assert.equal(refused?.details.reason, "invalid_client");

  // Another jti from the same key is a new assertion.
  assert.equal((await requestToken(h, form(await sign(crypto.randomUUID())))).statusCode, 200);
  assert.equal((await requestToken(h, form(await sign()))).statusCode, 401, "no jti, no token");
});

/** The hourly job, run now: the waiting one is brought forward (the first is scheduled as at start). */
const purge = async () => {
  await scheduleApiPurge(db(), h.clock.now());
  await db()
    .update(jobs)
    .set({ runAt: h.clock.now() })
    .where(and(eq(jobs.kind, API_PURGE_JOB), eq(jobs.status, "pending")));
  await h.deps.jobWorker.drain();
};
const keyCount = async () => (await db().select({ n: count() }).from(apiIdempotencyKeys))[0]?.n ?? 0;

test("Idempotency-Key answers live out their retention, then the hourly job removes them", async () => {
  const clinic = await clientWithToken(h, "organization", ["staff.write", "staff.read"], demoClinicFrmoOid);
  const body = {
    snils: snilsFrom("710000001"),
    lastName: "Хранимова",
    firstName: "Анна",
    patronymic: "Олеговна",
    birthDate: "1990-03-14",
    postId: "109",
    departmentName: "Терапевтическое отделение",
    rate: 0.5,
    positionTypeId: "part-time",
    beginDate: "2026-11-01",
  };
  const headers = { "idempotency-key": "keep-me-24-hours" };
  const url = `/api/v1/organizations/${demoClinicFrmoOid}/staff`;
  assert.equal((await call(h, clinic, "POST", url, { body, headers })).statusCode, 201);
  assert.equal(await keyCount(), 1);

  h.clock.advance(23 * HOUR);
  await purge();
  assert.equal(await keyCount(), 1, "kept within the 24 hours");

  h.clock.advance(2 * HOUR);
  await purge();
  assert.equal(await keyCount(), 0, "gone after the retention");
  // The job put its next run in the queue, one only.
  const waiting = await db().select().from(jobs).where(eq(jobs.kind, API_PURGE_JOB));
  assert.equal(waiting.filter((job) => job.status === "pending").length, 1);
  assert.ok(
    (waiting.find((job) => job.status === "pending")?.runAt.getTime() ?? 0) > h.clock.now().getTime(),
  );
});

test("the spent jti are forgotten only once their assertions have expired", async () => {
  const spent = async () => (await db().select().from(apiUsedAssertions)).length;
  // The first test's assertions expired long ago and went with the purges above.
  assert.equal(await spent(), 0);
  assert.equal((await requestToken(h, form(await sign(crypto.randomUUID())))).statusCode, 200);
  h.clock.advance(60_000);
  await purge();
  assert.equal(await spent(), 1, "still within its two minutes");
  h.clock.advance(2 * 60_000);
  await purge();
  assert.equal(await spent(), 0);
});

test("the change feed: an open transaction holds the feed back, nothing is skipped", {
  skip: testDatabaseUrl ? false : "needs two connections: run with TEST_DATABASE_URL",
}, async () => {
  const authority: TestClient = await clientWithToken(h, "authority", ["staff.read"]);
  const readAll = async (from: string) => {
    const seen: { id: string; cursor: string }[] = [];
    let cursor = from;
    for (;;) {
      const page = await call(h, authority, "GET", `/api/v1/changes?after=${cursor}&limit=1000`);
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json() as { items: { id: string; cursor: string }[]; next: string };
      seen.push(...body.items);
      if (body.items.length === 0) return { seen, next: body.next };
      cursor = body.next;
    }
  };
  const start = (await readAll("0")).next;
  const [clinicRow] = await db()
    .select()
    .from(organizations)
    .where(eq(organizations.frmoOid, demoClinicFrmoOid));
  const [practiceRow] = await db()
    .select()
    .from(organizations)
    .where(eq(organizations.frmoOid, demoPracticeFrmoOid));
  assert.ok(clinicRow && practiceRow);

  // A writes first (the smaller seq) and commits last; B writes and commits in between.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let wrote: () => void = () => {};
  const aWrote = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const a = db().transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ shortName: `${clinicRow.shortName} (А)` })
      .where(eq(organizations.id, clinicRow.id));
    wrote();
    await held;
  });
  await aWrote;
  await db()
    .update(organizations)
    .set({ shortName: `${practiceRow.shortName} (Б)` })
    .where(eq(organizations.id, practiceRow.id));

  let during: Awaited<ReturnType<typeof readAll>>;
  try {
    during = await readAll(start);
    assert.ok(
      !during.seen.some((item) => item.id === practiceRow.id),
      "B committed, but A (older) is still open: B waits behind the horizon",
    );
  } finally {
    // A failed check must not leave the transaction open.
    release();
    await a;
  }

  const afterwards = await readAll(during.next);
  const ids = afterwards.seen.map((item) => item.id);
  assert.ok(ids.includes(clinicRow.id), "A's change is read");
  assert.ok(ids.includes(practiceRow.id), "B's change is read");
  assert.ok(ids.indexOf(clinicRow.id) < ids.indexOf(practiceRow.id), "in transaction order");
});
