// One-time codes that confirm the consent (W2): six digits, five minutes, five attempts, one use.
// Only an HMAC of the code is stored, keyed with a server secret, so a database copy does not give
// the codes away.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
/** At most this many codes per person in SEND_WINDOW_MS (an SMS costs money and annoys). */
export const MAX_CODES_PER_WINDOW = 5;
export const SEND_WINDOW_MS = 15 * 60 * 1000;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashCode(secret: string, codeId: string, code: string): string {
  return createHmac("sha256", secret).update(`consent-code:${codeId}:${code}`).digest("hex");
}

export function codeMatches(secret: string, codeId: string, entered: string, storedHash: string): boolean {
  const actual = Buffer.from(hashCode(secret, codeId, entered), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The six digits as typed, spaces and dashes allowed; undefined for anything else. */
export function normalizeEnteredCode(raw: string | undefined): string | undefined {
  const compact = (raw ?? "").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(compact) ? compact : undefined;
}
