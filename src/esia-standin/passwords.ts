// Password hashing with scrypt from node:crypto (no native addon), plus the stand-in's password rules
// (REQUIREMENTS E2: at least 8 characters with digits and letters of both cases).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

// OWASP's scrypt baseline (N=2^17, r=8, p=1) needs 128 MiB per hash; the stand-in is a test stand
// hashing a handful of passwords, so it uses Node's default cost and keeps tests fast.
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return [
    "scrypt",
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString("base64url"),
    hash.toString("base64url"),
  ].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/** A dummy hash to verify against when the login names no account, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

/** Russian message about what the new password lacks, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return "Пароль должен содержать не менее 8 символов.";
  if (!/\d/.test(password)) return "Пароль должен содержать хотя бы одну цифру.";
  if (!/\p{Lu}/u.test(password) || !/\p{Ll}/u.test(password)) {
    return "Пароль должен содержать строчные и заглавные буквы.";
  }
  return undefined;
}
