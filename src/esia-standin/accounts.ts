// Accounts: login by phone, e-mail or СНИЛС (E2), and lockout after repeated failures (E4).
import { isValidSnils, normalizeSnils } from "../shared/identifiers.ts";
import { normalizePhone } from "../shared/phone.ts";
import type { StandinPerson } from "./model.ts";
import { hashPassword } from "./passwords.ts";
import { seedPeople } from "./seed.ts";
import type { AccountState, StandinStore } from "./store.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;

// Hashing is deliberately slow, and tests build many apps: the seed hashes are computed once per process.
let seedHashes: Promise<string[]> | undefined;

/** Fresh, independent copies of the seeded accounts (an app may change them without affecting others). */
export async function createSeedAccounts(password: string): Promise<AccountState[]> {
  seedHashes ??= Promise.all(seedPeople.map(() => hashPassword(password)));
  const hashes = await seedHashes;
  return seedPeople.map((person, i) => ({
    person: structuredClone(person) as StandinPerson,
    passwordHash: hashes[i] as string,
    failedLogins: 0,
    secondFactor: "off",
  }));
}

/**
 * The account a login names. Eleven digits can be both a phone (8…) and a СНИЛС, so every reading is
 * tried and only an unambiguous match counts.
 */
export function findAccountByLogin(store: StandinStore, login: string): AccountState | undefined {
  const trimmed = login.trim();
  if (trimmed === "") return undefined;
  const accounts = [...store.accounts.values()];
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    return accounts.find((a) => a.person.email?.toLowerCase() === email);
  }
  const phone = normalizePhone(trimmed);
  const snils = isValidSnils(trimmed) ? normalizeSnils(trimmed) : undefined;
  const matches = accounts.filter(
    (a) =>
      (phone !== undefined && a.person.phone === phone) || (snils !== undefined && a.person.snils === snils),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export function isLocked(account: AccountState, now: number): boolean {
  return account.lockedUntil !== undefined && account.lockedUntil > now;
}

/** Counts a failed password or code; the fifth failure locks the account for 30 minutes. */
export function recordFailedLogin(account: AccountState, now: number): void {
  account.failedLogins += 1;
  if (account.failedLogins >= MAX_FAILED_LOGINS) {
    account.lockedUntil = now + LOCKOUT_MINUTES * 60_000;
    account.failedLogins = 0;
  }
}

export function clearFailedLogins(account: AccountState): void {
  account.failedLogins = 0;
  delete account.lockedUntil;
}

export function personOrganizations(store: StandinStore, person: StandinPerson) {
  return person.roles.flatMap((role) => {
    const org = store.organizations.get(role.orgOid);
    return org ? [{ role, org }] : [];
  });
}
