// Lockout after repeated failures (E4), counted per account and source address: a stranger elsewhere
// cannot lock a person out, and an unknown login is throttled exactly like a known one, so the answers
// never tell whether an account exists. Failures before the lock are slowed by growing pauses.
import type { StandinContext } from "./context.ts";
import type { AccountState } from "./store.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;
/** Pause after the n-th failure (n ≥ 2) before the next attempt is looked at: 1, 2, 4 … seconds. */
const pauseSeconds = (failures: number) => (failures < 2 ? 0 : Math.min(2 ** (failures - 2), 60));
/** How long a source's failures are remembered without a new one. */
const MEMORY_SECONDS = 24 * 60 * 60;

export interface LoginAttempts {
  failures: number;
  /** When the first of these failures happened; an SMS unlock after it voids them. */
  since: number;
  nextAllowedAt: number;
  lockedUntil?: number;
}

export type AttemptGate =
  | { kind: "open" }
  | { kind: "wait"; seconds: number }
  | { kind: "locked"; minutesLeft: number };

/** The key of a login attempt: the account (or, for an unknown login, the login as typed) and the source. */
export function attemptKey(account: AccountState | undefined, login: string, ip: string): string {
  const subject = account ? `oid:${account.person.oid}` : `login:${login.trim().toLowerCase()}`;
  return `${subject}|${ip}`;
}

function current(ctx: StandinContext, key: string, account: AccountState | undefined) {
  const row = ctx.store.attempts.get(key);
  if (!row) return undefined;
  // An unlock by SMS (or a new password) proved the owner: what came before no longer counts.
  if (account?.unlockedAt !== undefined && row.since <= account.unlockedAt) {
    ctx.store.attempts.delete(key);
    return undefined;
  }
  return row;
}

export function attemptGate(
  ctx: StandinContext,
  key: string,
  account: AccountState | undefined,
): AttemptGate {
  const row = current(ctx, key, account);
  const now = ctx.nowMs();
  if (!row) return { kind: "open" };
  if (row.lockedUntil !== undefined && row.lockedUntil > now)
    return { kind: "locked", minutesLeft: Math.ceil((row.lockedUntil - now) / 60_000) };
  if (row.lockedUntil !== undefined) {
    // The lock is over: a fresh count, as after the owner's own unlock.
    ctx.store.attempts.delete(key);
    return { kind: "open" };
  }
  if (row.nextAllowedAt > now) return { kind: "wait", seconds: Math.ceil((row.nextAllowedAt - now) / 1000) };
  return { kind: "open" };
}

/** Counts a failed password or code from this source; the fifth locks it for 30 minutes. */
export function recordFailure(
  ctx: StandinContext,
  key: string,
  account: AccountState | undefined,
): AttemptGate {
  const now = ctx.nowMs();
  const row = current(ctx, key, account) ?? { failures: 0, since: now, nextAllowedAt: now };
  row.failures += 1;
  row.nextAllowedAt = now + pauseSeconds(row.failures) * 1000;
  if (row.failures >= MAX_FAILED_LOGINS) row.lockedUntil = now + LOCKOUT_MINUTES * 60_000;
  ctx.store.attempts.set(key, row, MEMORY_SECONDS);
  return attemptGate(ctx, key, account);
}

export function clearAttempts(ctx: StandinContext, key: string): void {
  ctx.store.attempts.delete(key);
}

/** The owner proved themselves (SMS code, new password): every source's count for the account ends. */
export function unlockAccount(ctx: StandinContext, account: AccountState): void {
  account.unlockedAt = ctx.nowMs();
}
