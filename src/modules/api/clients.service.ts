// Registration of API clients (C4) by an operator or the CLI, their suspension, and the check of
// their credentials at the token endpoint. The secret is shown once and stored as its SHA-256.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { auditSuccess, writeAudit } from "../audit/audit.repository.ts";
import type { OrganizationsDirectory } from "../organizations/organizations.directory.ts";
import type { ApiClientKind } from "./api.schema.ts";
import { type ApiScope, scopesAllowed } from "./api.scopes.ts";
import { addApiClientOperator, isApiClientOperatorUser } from "./clients.operators.ts";
import {
  type ApiClientRow,
  findClientByClientId,
  findClientById,
  insertClient,
  listClients,
  setSecretHash,
  setSuspended,
  spendAssertion,
  touchClient,
} from "./clients.repository.ts";

export interface NewClientInput {
  kind: ApiClientKind;
  name: string;
  organizationOid?: string | undefined;
  scopes: ApiScope[];
  /** Public JWK for private_key_jwt; a secret is issued as well unless `secret` is false. */
  publicJwk?: Record<string, unknown> | undefined;
}

/** Why a registration is refused; the CLI and the back office word it each in their own language. */
export type RegistrationProblem =
  | { problem: "no-scopes" }
  | { problem: "scopes-not-allowed"; scopes: ApiScope[] }
  | { problem: "org-required" }
  | { problem: "org-unknown" }
  | { problem: "org-not-allowed" };

export type NewClientOutcome =
  | { ok: true; id: string; clientId: string; clientSecret: string }
  | ({ ok: false; message: string } & RegistrationProblem);

/** Who acts in the back office (absent for the CLI, which runs with the server's own rights). */
export interface ClientOperator {
  userId: string;
  ip: string;
}

const refusal = (problem: RegistrationProblem, message: string): NewClientOutcome => ({
  ok: false,
  message,
  ...problem,
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const newSecret = () => randomBytes(32).toString("base64url");

export function createApiClientsService({
  db,
  organizations,
}: {
  db: Database;
  organizations: OrganizationsDirectory;
}) {
  return {
    async register(input: NewClientInput, operator?: ClientOperator): Promise<NewClientOutcome> {
      const allowed = scopesAllowed[input.kind];
      const extra = input.scopes.filter((scope) => !allowed.includes(scope));
      if (extra.length > 0)
        return refusal(
          { problem: "scopes-not-allowed", scopes: extra },
          `scopes not allowed for ${input.kind}: ${extra.join(" ")}`,
        );
      if (input.scopes.length === 0)
        return refusal({ problem: "no-scopes" }, "at least one scope is required");
      if (input.kind === "organization") {
        if (!input.organizationOid)
          return refusal({ problem: "org-required" }, "an organization client needs --org <ФРМО OID>");
        if (!(await organizations.byFrmoOid(input.organizationOid)))
          return refusal(
            { problem: "org-unknown" },
            `no registered organization with ФРМО OID ${input.organizationOid}`,
          );
      } else if (input.organizationOid) {
        return refusal({ problem: "org-not-allowed" }, "--org is only for organization clients");
      }
      const clientId = `frmr-${randomBytes(9).toString("base64url")}`;
      const clientSecret = newSecret();
      const id = await db.transaction(async (tx) => {
        const row = await insertClient(tx, {
          clientId,
          name: input.name,
          kind: input.kind,
          organizationOid: input.organizationOid ?? null,
          scopes: input.scopes,
          secretHash: sha256(clientSecret),
          publicJwk: input.publicJwk ?? null,
        });
        await writeAudit(tx, {
          event: "api.client_added",
          outcome: "success",
          userId: operator?.userId,
          ip: operator?.ip,
          details: {
            apiClientId: row.id,
            kind: input.kind,
            scopes: input.scopes,
            via: operator ? "desk" : "cli",
          },
        });
        return row.id;
      });
      return { ok: true, id, clientId, clientSecret };
    },

    async setSuspended(
      clientId: string,
      suspended: boolean,
      now: Date,
      operator?: ClientOperator,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const row = await setSuspended(tx, clientId, suspended ? now : null);
        if (!row) return false;
        await auditSuccess(
          tx,
          { userId: operator?.userId, ip: operator?.ip },
          suspended ? "api.client_suspended" : "api.client_resumed",
          { apiClientId: row.id },
        );
        return true;
      });
    },

    /**
     * A new secret for a client (the old one stops working at once; tokens already issued live out
     * their five minutes). Shown once, like the first.
     */
    async rotateSecret(id: string, operator: ClientOperator): Promise<string | undefined> {
      const clientSecret = newSecret();
      const done = await db.transaction(async (tx) => {
        const row = await setSecretHash(tx, id, sha256(clientSecret));
        if (!row) return false;
        await auditSuccess(tx, operator, "api.client_secret_rotated", { apiClientId: row.id });
        return true;
      });
      return done ? clientSecret : undefined;
    },

    byId: (id: string) => findClientById(db, id),

    /** Gives a person (by СНИЛС) the right to manage clients in the back office. */
    async grantOperator(snils: string, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const added = await addApiClientOperator(tx, snils, now);
        if (added)
          await writeAudit(tx, { event: "api.operator_added", outcome: "success", details: { via: "cli" } });
        return added;
      });
    },

    /** Checked on every request of the back office's screens: the right may be withdrawn meanwhile. */
    mayManage: (userId: string) => isApiClientOperatorUser(db, userId),

    /** A token was issued: the client is marked as in use, with the audit record of the issue. */
    async recordTokenIssued(client: ApiClientRow, scopes: readonly ApiScope[], ip: string, now: Date) {
      await db.transaction(async (tx) => {
        await touchClient(tx, client.id, now);
        await auditSuccess(tx, { ip }, "api.token_issued", { apiClientId: client.id, scopes: [...scopes] });
      });
    },

    /** Records an accepted assertion's `jti`; false on a replay. */
    spendAssertion: (id: string, jti: string, expiresAt: Date) =>
      spendAssertion(db, { clientId: id, jti, expiresAt }),

    list: () => listClients(db),

    /** The client, if it exists and is not suspended. */
    async active(clientId: string): Promise<ApiClientRow | undefined> {
      const row = await findClientByClientId(db, clientId);
      return row && !row.suspendedAt ? row : undefined;
    },

    /** client_secret_basic: the active client whose secret this is. */
    async withSecret(clientId: string, secret: string): Promise<ApiClientRow | undefined> {
      const row = await this.active(clientId);
      if (!row?.secretHash) return undefined;
      const expected = Buffer.from(row.secretHash, "hex");
      const given = Buffer.from(sha256(secret), "hex");
      return timingSafeEqual(expected, given) ? row : undefined;
    },
  };
}

export type ApiClientsService = ReturnType<typeof createApiClientsService>;
