// The commission's queue (/review) with 10 000 filed applications: the first page and a filtered
// page (status + kind + specialty + overdue), against a bare Fastify handler measured in the same
// run; on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.

import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { standinAccounts } from "../src/esia-standin/seed.ts";
import type { ApplicationKind } from "../src/modules/applications/applications.kinds.ts";
import { applications } from "../src/modules/applications/applications.schema.ts";
import type { ApplicationStatus } from "../src/modules/applications/applications.status.ts";
import { users } from "../src/modules/identity/identity.schema.ts";
import { addOperator } from "../src/modules/review/review.repository.ts";
import { fakeClock } from "../src/shared/clock.ts";
import { addWorkingDays, moscowDay } from "../src/shared/working-days.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { buildPlatformApp, cookiesFrom } from "../test/support/platform.ts";
import { esiaPersonOf } from "../test/support/worker.ts";
import { measure, measureBaseline, printTable } from "./measure.ts";

const APPLICATIONS = 10_000;
const CHUNK = 1_000;
const statuses: ApplicationStatus[] = [
  "submitted",
  "under_review",
  "documents_requested",
  "with_commission",
  "approved",
  "rejected",
];
const kinds: ApplicationKind[] = ["periodic", "primary_specialized", "primary"];
const specialties = [
  ["27", "Лечебное дело"],
  ["45", "Педиатрия"],
  ["49", "Кардиология"],
  ["76", "Терапия"],
  ["206", "Сестринское дело"],
] as const;

/** 10 000 applicants with one filed application each; deadlines spread from 30 working days ago to 20 ahead. */
export async function seedQueue(db: Database, now: Date): Promise<void> {
  const today = moscowDay(now);
  for (let start = 0; start < APPLICATIONS; start += CHUNK) {
    const people = Array.from({ length: CHUNK }, (_, offset) => ({
      esiaOid: `bench-${start + offset}`,
      lastName: `Заявитель${start + offset}`,
      firstName: "Анна",
      middleName: "Сергеевна",
      trusted: true,
    }));
    const inserted = await db.insert(users).values(people).returning({ id: users.id });
    await db.insert(applications).values(
      inserted.map((user, offset) => {
        const index = start + offset;
        const status = statuses[index % statuses.length] as ApplicationStatus;
        const [specialtyCode, specialtyName] = specialties[index % specialties.length] ?? specialties[0];
        const running = status === "submitted" || status === "under_review" || status === "with_commission";
        return {
          userId: user.id,
          kind: kinds[index % kinds.length] as ApplicationKind,
          specialtyCode,
          specialtyName,
          status,
          stageDueOn: running ? addWorkingDays(today, (index % 50) - 30) : null,
          submittedAt: now,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
  }
}

async function measureQueue(label: string): Promise<void> {
  const clock = fakeClock(new Date());
  const orlov = esiaPersonOf(standinAccounts.orlov);
  const { app, deps } = await buildPlatformApp({
    clock,
    // One client sending thousands of requests: the per-IP limit would cut the benchmark short.
    env: { RATE_LIMIT_PER_MINUTE: "100000000" },
    extraRoutes: (instance) => {
      instance.get("/bench/enter", async (request, reply) => {
        const outcome = await instance.deps.identityService.signIn(orlov, request.ip);
        if (!outcome.ok) throw new Error("sign-in refused");
        request.session.regenerate({ userId: outcome.user.id, context: { kind: "commission" } }, clock.now());
        return reply.code(204).send();
      });
    },
  });
  const started = Date.now();
  await seedQueue(deps.database.db, clock.now());
  await addOperator(deps.database.db, orlov.snils ?? "", clock.now());
  // Planner statistics, as autovacuum keeps them on a working database.
  await deps.database.db.execute(sql`analyze`);
  console.log(
    `${label}: ${APPLICATIONS} applications seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const entered = await fetch(`${base}/bench/enter`);
    const cookie = cookiesFrom(entered.headers.getSetCookie());
    const baseline = await measureBaseline();
    const first = await measure("queue, first page /review", `${base}/review`, { cookie });
    const filtered = await measure(
      "queue, filtered (status, kind, specialty, overdue)",
      `${base}/review?status=under_review&kind=primary_specialized&specialty=76&overdue=1`,
      { cookie },
    );
    const deep = await measure("queue, page 200", `${base}/review?page=200`, { cookie });
    printTable(`Review queue with ${APPLICATIONS} applications on ${label}`, baseline, [
      first,
      filtered,
      deep,
    ]);
  } finally {
    await app.close();
  }
}

export async function run(): Promise<void> {
  await measureQueue("PGlite");
  if (testDatabaseUrl) await measureQueue("PostgreSQL");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
