// A status row that shows the last result of a periodic job (the audit chain's verification, the
// orphan check): «unknown» before its first run, its own verdict while fresh, «degraded» with the
// verdict when the job has not run for three of its periods (no worker runs it).
import type { DependencyCheck, DependencyState } from "./status.checks.ts";

export function periodicResultRow<Last extends { checkedAt: Date }>(spec: {
  name: string;
  everyMs: number;
  now: () => Date;
  last: () => Promise<Last | undefined>;
  neverRun: string;
  /** What the status page says when the result is old («Проверка давно не выполнялась»). */
  stale: string;
  judge: (last: Last) => { state: DependencyState; detail: string; staleMatters?: boolean };
}): DependencyCheck {
  return {
    name: spec.name,
    ttlSeconds: 60,
    run: async () => {
      const last = await spec.last();
      if (!last) return { state: "unknown", detail: spec.neverRun };
      const { checkedAt } = last;
      const verdict = spec.judge(last);
      const old = spec.now().getTime() - checkedAt.getTime() > 3 * spec.everyMs;
      if (old && verdict.staleMatters !== false)
        return { state: "degraded", detail: `${spec.stale}. ${verdict.detail}`, checkedAt };
      return { state: verdict.state, detail: verdict.detail, checkedAt };
    },
  };
}
