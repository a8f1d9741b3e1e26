// The public form's check against automated submissions, without JavaScript: a small sum to solve,
// its terms and the time it was shown signed with an HMAC in a hidden field, an empty honeypot field
// that people never see, and a minimum time between showing the form and sending it.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 2 * 3_600_000;

export interface Challenge {
  question: string;
  /** The hidden field's value. */
  token: string;
}

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`support-challenge:${payload}`).digest("base64url");

export function newChallenge(secret: string, now: Date): Challenge {
  const a = randomInt(2, 10);
  const b = randomInt(1, 10);
  const payload = `${a}.${b}.${now.getTime()}`;
  return { question: `Сколько будет ${a} + ${b}?`, token: `${payload}.${sign(secret, payload)}` };
}

/** The question of a token already shown, to show the form again with the same sum. */
export function questionOf(token: string): string | undefined {
  const [a, b] = token.split(".");
  return a && b && /^\d+$/.test(a) && /^\d+$/.test(b) ? `Сколько будет ${a} + ${b}?` : undefined;
}

export type ChallengeVerdict = "ok" | "wrong" | "too-fast" | "expired" | "bot";

export function checkChallenge(
  secret: string,
  input: { token: string | undefined; answer: string | undefined; honeypot: string | undefined },
  now: Date,
): ChallengeVerdict {
  if (input.honeypot) return "bot";
  const parts = (input.token ?? "").split(".");
  if (parts.length !== 4) return "bot";
  const [a, b, shownAt, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${a}.${b}.${shownAt}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "bot";
  const age = now.getTime() - Number(shownAt);
  if (age < MIN_FILL_MS) return "too-fast";
  if (age > MAX_AGE_MS) return "expired";
  return Number((input.answer ?? "").trim()) === Number(a) + Number(b) ? "ok" : "wrong";
}
