// Accounts: login by phone, e-mail or СНИЛС (E2); the lockout (E4) is in lockout.ts.
import { isValidSnils, normalizeSnils } from "../shared/identifiers.ts";
import { normalizePhone } from "../shared/phone.ts";
import type { StandinPerson } from "./model.ts";
import { hashPassword } from "./passwords.ts";
import { seedPeople } from "./seed.ts";
import type { AccountState, StandinStore } from "./store.ts";

// Hashing is deliberately slow, and tests build many apps: the seed hashes are computed once per process.
let seedHashes: Promise<string[]> | undefined;

/** Fresh, independent copies of the seeded accounts (an app may change them without affecting others). */
export async function createSeedAccounts(password: string): Promise<AccountState[]> {
  seedHashes ??= Promise.all(seedPeople.map(() => hashPassword(password)));
  const hashes = await seedHashes;
  return seedPeople.map((person, i) => ({
    person: structuredClone(person) as StandinPerson,
    passwordHash: hashes[i] as string,
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

export function personOrganizations(store: StandinStore, person: StandinPerson) {
  return person.roles.flatMap((role) => {
    const org = store.organizations.get(role.orgOid);
    return org ? [{ role, org }] : [];
  });
}
