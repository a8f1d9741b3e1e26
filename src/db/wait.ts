// At start the database may not be up yet (a container starting beside the cabinet, a failover):
// the process waits with growing pauses and says so, instead of failing on its first query.
import { type DatabaseHandle, isDatabaseUnavailable } from "./client.ts";

interface Log {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface WaitOptions {
  /** host:port/database of the connection string, without credentials; shown in the log and /readyz. */
  target: string;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Called with the reason while waiting (for /readyz). */
  onWaiting?: (reason: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Where a PostgreSQL URL points, without the user and password. */
export function databaseTarget(url: string | undefined): string {
  if (!url) return "embedded PGlite";
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the configured PostgreSQL";
  }
}

const errorCode = (error: unknown): string => {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return error instanceof Error ? error.message.slice(0, 120) : String(error);
};

/** Resolves once `select 1` succeeds; errors other than «cannot reach the database» are thrown. */
export async function waitForDatabase(
  database: DatabaseHandle,
  log: Log,
  options: WaitOptions,
): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxDelay = options.maxDelayMs ?? 15_000;
  let delay = options.firstDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await database.ping();
      if (attempt > 1)
        log.info({ attempt, target: options.target }, `database ${options.target} is reachable now`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const code = errorCode(error);
      const seconds = Math.round(delay / 100) / 10;
      const reason = `waiting for the database ${options.target} (${code}), attempt ${attempt}, next in ${seconds} s`;
      options.onWaiting?.(reason);
      log.warn({ attempt, target: options.target, code, retryInMs: delay }, reason);
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
