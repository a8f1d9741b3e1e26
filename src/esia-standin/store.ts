// All mutable state of the stand-in lives here, in memory: it is a test stand, restarting it resets
// it to the seed. Every table is a small keyed collection with optional expiry, so that a database
// or Redis implementation could replace this module without touching the routes.
import type { LoginAttempts } from "./lockout.ts";
import type { StandinOrganization, StandinPerson } from "./model.ts";
import type { RequestedScope } from "./scopes.ts";

export interface Table<T> {
  get(key: string): T | undefined;
  /** `ttlSeconds` counts from the stand-in clock; expired rows behave as absent. */
  set(key: string, value: T, ttlSeconds?: number): void;
  delete(key: string): void;
  values(): T[];
}

function memoryTable<T>(now: () => number): Table<T> {
  const rows = new Map<string, { value: T; expiresAt: number }>();
  const live = (key: string) => {
    const row = rows.get(key);
    if (row && row.expiresAt <= now()) {
      rows.delete(key);
      return undefined;
    }
    return row;
  };
  return {
    get: (key) => live(key)?.value,
    set: (key, value, ttlSeconds) =>
      void rows.set(key, {
        value,
        expiresAt: ttlSeconds === undefined ? Infinity : now() + ttlSeconds * 1000,
      }),
    delete: (key) => void rows.delete(key),
    values: () =>
      [...rows.keys()].flatMap((key) => {
        const row = live(key);
        return row ? [row.value] : [];
      }),
  };
}

export type SecondFactor = "off" | "sms" | "totp";

export interface AccountState {
  person: StandinPerson;
  passwordHash: string;
  /** Epoch ms of the last unlock by SMS or new password; failures counted before it are void. */
  unlockedAt?: number;
  secondFactor: SecondFactor;
  totpSecret?: string;
  /** Last TOTP step accepted, so that a code cannot be used twice. */
  totpLastStep?: number;
  /** Extra phone or e-mail for codes when the main phone is unavailable (E3). */
  backupContact?: string;
}

/** A validated `/v2/ac` request waiting for the user to log in and consent. */
export interface AuthRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  /** Values exactly as sent: they are signed again by the client at the token endpoint. */
  scope: string;
  scopeOrg: string;
  scopes: RequestedScope[];
  state: string;
  accessType: "online" | "offline";
}

export interface SsoSession {
  id: string;
  /** Public session id put into tokens as `urn:esia:sid`; the cookie value is never exposed. */
  sid: string;
  oid: number;
  authTime: number;
  amr: string;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  oid: number;
  scopes: RequestedScope[];
  accessType: "online" | "offline";
  sid: string;
  authTime: number;
  amr: string;
  used: boolean;
  /** Refresh token issued from this code, revoked if the code is replayed. */
  refreshToken?: string;
}

export interface RefreshGrant {
  clientId: string;
  oid: number;
  scopes: RequestedScope[];
  sid: string;
  authTime: number;
  amr: string;
}

/** A short multi-step interaction: second factor, password recovery or unlock by SMS. */
export interface CodeFlow {
  id: string;
  purpose: "second-factor" | "recovery" | "unlock" | "totp-setup";
  /** Undefined when the login named no account: the flow then fails like a wrong code, revealing nothing. */
  oid?: number;
  /** SHA-256 of the code; a slow hash adds nothing to a short-lived code with capped attempts. */
  codeHash?: string;
  method?: "sms" | "email" | "totp";
  /** Where the last code went (`+7…` or an e-mail address). */
  sentTo?: string;
  attempts: number;
  /** Pending `/ac` request to continue with afterwards, if any. */
  requestId?: string;
  /** Secret being set up (totp-setup only). */
  totpSecret?: string;
}

export interface OutboxMessage {
  id: number;
  at: number;
  channel: "sms" | "email";
  to: string;
  subject: string;
  text: string;
}

export interface StandinStore {
  accounts: Map<number, AccountState>;
  organizations: Map<number, StandinOrganization>;
  authRequests: Table<AuthRequest>;
  sessions: Table<SsoSession>;
  codes: Table<IssuedCode>;
  refreshTokens: Table<RefreshGrant>;
  /** Scopes a person has already granted to a system: `${oid} ${clientId}` → raw scope strings. */
  consents: Table<string[]>;
  flows: Table<CodeFlow>;
  /** Sliding counters for per-account rate limits: key → event times (epoch ms). */
  events: Table<number[]>;
  /** Failed logins per account (or unknown login) and source address, see lockout.ts. */
  attempts: Table<LoginAttempts>;
  outbox: OutboxMessage[];
}

export function createMemoryStore(
  now: () => number,
  accounts: AccountState[],
  organizations: StandinOrganization[],
): StandinStore {
  return {
    accounts: new Map(accounts.map((a) => [a.person.oid, a])),
    organizations: new Map(organizations.map((o) => [o.oid, o])),
    authRequests: memoryTable(now),
    sessions: memoryTable(now),
    codes: memoryTable(now),
    refreshTokens: memoryTable(now),
    consents: memoryTable(now),
    flows: memoryTable(now),
    events: memoryTable(now),
    attempts: memoryTable(now),
    outbox: [],
  };
}
