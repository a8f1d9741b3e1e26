// The support operators' queue (/support-desk) with 100 000 requests: the first page, a filtered
// page (priority + line) and a page deep in the queue through its keyset cursor, against a bare
// Fastify handler measured in the same run; on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { standinAccounts } from "../src/esia-standin/seed.ts";
import { cursorOf } from "../src/modules/support/support.desk.ts";
import { addSupportOperator } from "../src/modules/support/support.operators.ts";
import { supportRequests } from "../src/modules/support/support.schema.ts";
import { fakeClock } from "../src/shared/clock.ts";
import { testDatabaseUrl } from "../test/support/db.ts";
import { buildPlatformApp, cookiesFrom } from "../test/support/platform.ts";
import { esiaPersonOf } from "../test/support/worker.ts";
import { measure, measureBaseline, printTable } from "./measure.ts";

const REQUESTS = 100_000;
const CHUNK = 2_000;
const kinds = ["login", "data_confirmation", "two_factor", "organization_blocked", "signature", "other"];
const priorities = ["blocked", "critical", "simple", "complex"];
const statuses = ["new", "in_progress", "awaiting_sender", "resolved", "closed"];

/** Public requests over the last 100 days; three in five still open, due times spread around now. */
export async function seedRequests(db: Database, now: Date): Promise<void> {
  for (let start = 0; start < REQUESTS; start += CHUNK) {
    await db.insert(supportRequests).values(
      Array.from({ length: CHUNK }, (_, offset) => {
        const index = start + offset;
        const createdAt = new Date(now.getTime() - (index % 100) * 86_400_000 - index * 1000);
        const dueAt = new Date(now.getTime() + ((index % 200) - 100) * 3_600_000);
        return {
          number: `SUP-2026-${String(index + 1).padStart(6, "0")}`,
          kind: kinds[index % kinds.length] ?? "other",
          channel: "public",
          senderName: `Отправитель ${index}`,
          email: `sender${index}@example.org`,
          description: "Не удаётся войти в кабинет",
          priority: priorities[index % priorities.length] ?? "simple",
          line: index % 7 === 0 ? "senior" : "first",
          status: statuses[index % statuses.length] ?? "new",
          createdAt,
          firstAnswerDueAt: dueAt,
          resolutionDueAt: dueAt,
          dueAt,
        };
      }),
    );
  }
}

export async function measureQueue(label: string): Promise<void> {
  const clock = fakeClock(new Date("2026-11-23T09:00:00Z"));
  const orlov = esiaPersonOf(standinAccounts.orlov);
  const { app, deps } = await buildPlatformApp({
    clock,
    env: { RATE_LIMIT_PER_MINUTE: "100000000" },
    extraRoutes: (instance) => {
      instance.get("/bench/enter", async (request, reply) => {
        const outcome = await instance.deps.identityService.signIn(orlov, request.ip);
        if (!outcome.ok) throw new Error("sign-in refused");
        request.session.regenerate({ userId: outcome.user.id, context: { kind: "support" } }, clock.now());
        return reply.code(204).send();
      });
    },
  });
  const started = Date.now();
  await seedRequests(deps.database.db, clock.now());
  await addSupportOperator(deps.database.db, orlov.snils ?? "", clock.now());
  await deps.database.db.execute(sql`analyze`);
  console.log(`${label}: ${REQUESTS} requests seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // A cursor about half-way down the open queue, as «Следующие обращения» would carry it.
  const [middle] = await deps.database.db
    .select({ id: supportRequests.id, dueAt: supportRequests.dueAt })
    .from(supportRequests)
    .where(sql`${supportRequests.status} in ('new', 'in_progress', 'awaiting_sender')`)
    .orderBy(supportRequests.dueAt, supportRequests.id)
    .offset(30_000)
    .limit(1);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const entered = await fetch(`${base}/bench/enter`);
    const cookie = cookiesFrom(entered.headers.getSetCookie());
    const baseline = await measureBaseline();
    const first = await measure("queue, first page /support-desk", `${base}/support-desk`, { cookie });
    const filtered = await measure(
      "queue, filtered (priority, line)",
      `${base}/support-desk?priority=blocked&line=senior`,
      { cookie },
    );
    const deep = await measure(
      "queue, 30 000 rows down (keyset)",
      `${base}/support-desk?after=${middle ? cursorOf(middle) : ""}`,
      { cookie },
    );
    printTable(`Support queue with ${REQUESTS} requests on ${label}`, baseline, [first, filtered, deep]);
  } finally {
    await app.close();
  }
}

export async function run(): Promise<void> {
  await measureQueue("PGlite");
  if (testDatabaseUrl) await measureQueue("PostgreSQL");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
