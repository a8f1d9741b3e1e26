// The status page's checks (C6): every dependency the cabinet talks to, each with its state and the
// time it was last looked at. Results are kept for a short while so that a busy /status does not
// knock on the mail server or ESIA for every visitor; the database is asked every time (it is cheap
// and the page must say at once when it is gone).
import type { Clock } from "../../shared/clock.ts";
import { withTimeout } from "../../shared/timeout.ts";

/** `attention`: an integrity check found something for an operator; `unknown`: not run yet. */
export type DependencyState = "ok" | "degraded" | "down" | "off" | "attention" | "unknown";

export interface DependencyStatus {
  /** Russian name shown on the page. */
  name: string;
  state: DependencyState;
  /** Russian details, e.g. «Старейшее задание ждёт 2 минуты». */
  detail?: string;
  checkedAt: Date;
}

export interface DependencyCheck {
  name: string;
  /** Seconds a result stays fresh; 0: checked on every request. */
  ttlSeconds: number;
  /** `checkedAt` is for results of periodic jobs, which were checked when the job ran, not now. */
  run(): Promise<{ state: DependencyState; detail?: string; checkedAt?: Date }>;
}

export interface StatusChecker {
  check(): Promise<DependencyStatus[]>;
}

const CHECK_TIMEOUT_MS = 3000;

export function createStatusChecker(checks: readonly DependencyCheck[], clock: Clock): StatusChecker {
  const cache = new Map<
    string,
    { result: DependencyStatus; fetchedAt: number; pending?: Promise<DependencyStatus> }
  >();

  async function runOne(check: DependencyCheck): Promise<DependencyStatus> {
    const outcome = await withTimeout(check.run(), CHECK_TIMEOUT_MS, "check").catch(() => ({
      state: "down" as const,
    }));
    const result: DependencyStatus = { name: check.name, checkedAt: clock.now(), ...outcome };
    cache.set(check.name, { result, fetchedAt: clock.now().getTime() });
    return result;
  }

  return {
    async check() {
      return Promise.all(
        checks.map((check) => {
          const cached = cache.get(check.name);
          const age = cached ? clock.now().getTime() - cached.fetchedAt : Infinity;
          if (cached && age < check.ttlSeconds * 1000) return cached.result;
          if (cached?.pending) return cached.pending;
          const pending = runOne(check);
          if (cached) cached.pending = pending;
          return pending;
        }),
      );
    },
  };
}

/** Any HTTP answer, even 4xx, means the server is there; only a network failure or timeout is «down». */
export async function httpReachable(url: string): Promise<{ state: DependencyState }> {
  const response = await fetch(url, {
    method: "GET",
    redirect: "manual",
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  return { state: response.status >= 500 ? "degraded" : "ok" };
}
