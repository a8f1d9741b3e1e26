// The commission's queue (/review) with 10 000 filed applications (500 with --quick; times --scale):
// the first page, a filtered page (status + kind + specialty + overdue), a middle and the last page
// (keyset: the «Следующая страница» link's cursor, asked from the server), against the baseline.

import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import type { ApplicationKind } from "../src/modules/applications/applications.kinds.ts";
import { applications } from "../src/modules/applications/applications.schema.ts";
import type { ApplicationStatus } from "../src/modules/applications/applications.status.ts";
import { users } from "../src/modules/identity/identity.schema.ts";
import { formatQueueCursor, inWorkStatuses } from "../src/modules/review/review.repository.ts";
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

const countOf = (quick: boolean, scale: number) =>
  Math.round((quick ? QUICK_APPLICATIONS : APPLICATIONS) * scale);

export async function reviewQueueServer(system: TestSystem, options: { quick: boolean; scale: number }) {
  const db = system.deps.database.db;
  await seedQueue(db, system.deps.clock.now(), countOf(options.quick, options.scale));
  // Planner statistics, as autovacuum keeps them on a working database.
  await db.execute(sql`analyze`);
  return {
    /** The cursor that page `n` (1-based) of the default queue starts after, as its link carries it. */
    cursorBefore: async (page: unknown) => {
      const rows = await db.execute<{ stage_due_on: string | null; number: string | number }>(sql`
        select stage_due_on::text, number from applications
        where status in (${sql.join(
          inWorkStatuses.map((status) => sql`${status}`),
          sql`, `,
        )})
        order by stage_due_on asc nulls last, number asc
        offset ${(Number(page) - 1) * QUEUE_PAGE_SIZE - 1} limit 1`);
      const row = ("rows" in rows ? rows.rows : rows)[0] as {
        stage_due_on: string | null;
        number: string | number;
      };
      return formatQueueCursor({ stageDueOn: row.stage_due_on, number: Number(row.number) });
    },
  };
}

export async function reviewQueueBench({ label, server, baseline }: BenchContext): Promise<void> {
  const base = server.url;
  const cookie = await signInCommission(base);
  const count = countOf(Boolean(server.details.quick), Number(server.details.scale ?? 1));
  const inWork = Math.ceil((count * 4) / statuses.length);
  const middle = Math.max(2, Math.ceil(inWork / QUEUE_PAGE_SIZE / 2));
  const last = Math.max(2, Math.ceil(inWork / QUEUE_PAGE_SIZE));
  const link = async (page: number) =>
    `${base}/review?after=${encodeURIComponent(await server.call<string>("cursorBefore", page))}&page=${page}`;
  const pages = {
    first: `${base}/review`,
    filtered: `${base}/review?status=under_review&kind=primary_specialized&specialty=76&overdue=1`,
    deep: await link(middle),
    last: await link(last),
  };
  const times: string[] = [];
  for (const [name, url] of Object.entries(pages))
    times.push(`${name} ${(await serverTime(url, cookie)).toFixed(1)} ms`);
  console.log(`${label}: review queue server time p50, one request at a time — ${times.join(", ")}`);
  const rows = [
    await measure("queue, first page /review", pages.first, { cookie }),
    await measure("queue, filtered (status, kind, specialty, overdue)", pages.filtered, { cookie }),
    await measure(`queue, middle page ${middle}`, pages.deep, { cookie }),
    await measure(`queue, last page ${last}`, pages.last, { cookie }),
  ];
  printTable(`Review queue with ${count} applications on ${label}`, await baseline(), rows);
}
