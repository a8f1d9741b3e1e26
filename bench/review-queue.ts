// The commission's queue (/review) with 10 000 filed applications (500 with --quick): the first
// page, a filtered page (status + kind + specialty + overdue) and a middle page, against the baseline.

import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import type { ApplicationKind } from "../src/modules/applications/applications.kinds.ts";
import { applications } from "../src/modules/applications/applications.schema.ts";
import type { ApplicationStatus } from "../src/modules/applications/applications.status.ts";
import { users } from "../src/modules/identity/identity.schema.ts";
import { QUEUE_PAGE_SIZE } from "../src/modules/review/review.service.ts";
import { addWorkingDays, moscowDay } from "../src/shared/working-days.ts";
import type { TestSystem } from "../test/support/system.ts";
import { signInCommission } from "./login.ts";
import { measure, printTable, serverTime } from "./measure.ts";
import type { BenchContext } from "./scenarios.ts";

const APPLICATIONS = 10_000;
const QUICK_APPLICATIONS = 500;
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

/** Applicants with one filed application each; deadlines spread from 30 working days ago to 20 ahead. */
export async function seedQueue(db: Database, now: Date, count: number): Promise<void> {
  const today = moscowDay(now);
  for (let start = 0; start < count; start += CHUNK) {
    const people = Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => ({
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

export async function reviewQueueServer(system: TestSystem, options: { quick: boolean }) {
  const db = system.deps.database.db;
  await seedQueue(db, system.deps.clock.now(), options.quick ? QUICK_APPLICATIONS : APPLICATIONS);
  // Planner statistics, as autovacuum keeps them on a working database.
  await db.execute(sql`analyze`);
  return {};
}

export async function reviewQueueBench({ label, server, baseline }: BenchContext): Promise<void> {
  const base = server.url;
  const cookie = await signInCommission(base);
  const count = server.details.quick ? QUICK_APPLICATIONS : APPLICATIONS;
  const middle = Math.ceil(count / QUEUE_PAGE_SIZE / 2);
  const pages = {
    first: `${base}/review`,
    filtered: `${base}/review?status=under_review&kind=primary_specialized&specialty=76&overdue=1`,
    deep: `${base}/review?page=${middle}`,
  };
  const times: string[] = [];
  for (const [name, url] of Object.entries(pages))
    times.push(`${name} ${(await serverTime(url, cookie)).toFixed(1)} ms`);
  console.log(`${label}: review queue server time p50, one request at a time — ${times.join(", ")}`);
  const rows = [
    await measure("queue, first page /review", pages.first, { cookie }),
    await measure("queue, filtered (status, kind, specialty, overdue)", pages.filtered, { cookie }),
    await measure(`queue, middle page ${middle}`, pages.deep, { cookie }),
  ];
  printTable(`Review queue with ${count} applications on ${label}`, await baseline(), rows);
}
