// Sign-in use cases: the login record, failed attempts and logout, each audited in its transaction.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { EsiaPerson } from "../../esia/identity-provider.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { decideEntry } from "./identity.policy.ts";
import { type UserRow, upsertUserOnLogin } from "./identity.repository.ts";

export type LoginOutcome = { ok: true; user: UserRow } | { ok: false; reason: "not-confirmed" };

/** Runs inside the login transaction once the user row is written (the register keeps the ESIA data). */
export type SignInHook = (tx: DbExecutor, userId: string, person: EsiaPerson, ip: string) => Promise<void>;

export interface IdentityService {
  signIn(person: EsiaPerson, ip: string): Promise<LoginOutcome>;
  recordFailedLogin(reason: string, ip: string, providerCode?: string): Promise<void>;
  recordLogout(userId: string, ip: string): Promise<void>;
}

export function createIdentityService({
  db,
  clock,
  onSignIn = [],
}: {
  db: Database;
  clock: Clock;
  onSignIn?: readonly SignInHook[];
}): IdentityService {
  return {
    async signIn(person, ip) {
      const decision = decideEntry(person);
      if (!decision.allowed) {
        await writeAudit(db, {
          event: "auth.login_failed",
          outcome: "denied",
          ip,
          details: { reason: decision.reason, esiaOid: person.oid },
        });
        return { ok: false, reason: decision.reason };
      }
      const user = await db.transaction(async (tx) => {
        const row = await upsertUserOnLogin(
          tx,
          {
            esiaOid: person.oid,
            lastName: person.lastName,
            firstName: person.firstName,
            middleName: person.middleName ?? null,
            snils: person.snils ?? null,
            trusted: person.trusted,
          },
          clock.now(),
        );
        await writeAudit(tx, { event: "auth.login", outcome: "success", userId: row.id, ip });
        for (const hook of onSignIn) await hook(tx, row.id, person, ip);
        return row;
      });
      return { ok: true, user };
    },

    async recordFailedLogin(reason, ip, providerCode) {
      await writeAudit(db, {
        event: "auth.login_failed",
        outcome: "failure",
        ip,
        details: providerCode ? { reason, providerCode } : { reason },
      });
    },

    async recordLogout(userId, ip) {
      await writeAudit(db, { event: "auth.logout", outcome: "success", userId, ip });
    },
  };
}
