// «How well support works» (seed 001: the journal lets one follow the service's efficiency): per
// week, type and priority, the requests, the share answered within target, and the median and 90th
// percentile of the time to the first answer and to the resolution, in minutes.
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { WorkingHours } from "./support.hours.ts";
import type { SupportActor } from "./support.policy.ts";

export interface ReportRow {
  week: string;
  kind: string;
  priority: string;
  requests: number;
  answered: number;
  withinTarget: number;
  firstAnswerMedian: number | null;
  firstAnswerP90: number | null;
  resolutionMedian: number | null;
  resolutionP90: number | null;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function createSupportReport({ db, clock }: { db: Database; clock: Clock; hours: WorkingHours }) {
  return {
    /** The last `weeks` weeks (Monday to Sunday, Moscow time); the caller checks the operator. */
    async rows(_actor: SupportActor, weeks = 8): Promise<ReportRow[]> {
      const since = new Date(clock.now().getTime() - weeks * 7 * 86_400_000);
      const result = await db.execute(sql`
        select to_char(date_trunc('week', created_at at time zone 'Europe/Moscow'), 'YYYY-MM-DD') as week,
               kind, priority,
               count(*)::int as requests,
               count(first_answered_at)::int as answered,
               count(*) filter (where first_answered_at <= first_answer_due_at)::int as within_target,
               percentile_cont(0.5) within group (order by extract(epoch from first_answered_at - created_at) / 60) as fa_median,
               percentile_cont(0.9) within group (order by extract(epoch from first_answered_at - created_at) / 60) as fa_p90,
               percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 60) as res_median,
               percentile_cont(0.9) within group (order by extract(epoch from resolved_at - created_at) / 60) as res_p90
        from support_requests
        where created_at >= ${since}
        group by 1, 2, 3
        order by 1 desc, 2, 3`);
      return (result.rows as Record<string, unknown>[]).map((row) => ({
        week: String(row.week),
        kind: String(row.kind),
        priority: String(row.priority),
        requests: Number(row.requests),
        answered: Number(row.answered),
        withinTarget: Number(row.within_target),
        firstAnswerMedian: num(row.fa_median),
        firstAnswerP90: num(row.fa_p90),
        resolutionMedian: num(row.res_median),
        resolutionP90: num(row.res_p90),
      }));
    },
  };
}
