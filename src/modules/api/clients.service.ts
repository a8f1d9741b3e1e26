// Registration of API clients (C4) by an operator or the CLI, their suspension, and the check of
// their credentials at the token endpoint. The secret is shown once and stored as its SHA-256.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { OrganizationsDirectory } from "../organizations/organizations.directory.ts";
import type { ApiClientKind } from "./api.schema.ts";
import { type ApiScope, scopesAllowed } from "./api.scopes.ts";
import {
  type ApiClientRow,
  findClientByClientId,
  insertClient,
  listClients,
  setSuspended,
} from "./clients.repository.ts";

export interface NewClientInput {
  kind: ApiClientKind;
  name: string;
  organizationOid?: string | undefined;
  scopes: ApiScope[];
  /** Public JWK for private_key_jwt; a secret is issued as well unless `secret` is false. */
  publicJwk?: Record<string, unknown> | undefined;
}

export type NewClientOutcome =
  | { ok: true; clientId: string; clientSecret: string }
  | { ok: false; message: string };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function createApiClientsService({
  db,
  organizations,
}: {
  db: Database;
  organizations: OrganizationsDirectory;
}) {
  return {
    async register(input: NewClientInput): Promise<NewClientOutcome> {
      const allowed = scopesAllowed[input.kind];
      const extra = input.scopes.filter((scope) => !allowed.includes(scope));
      if (extra.length > 0)
        return { ok: false, message: `scopes not allowed for ${input.kind}: ${extra.join(" ")}` };
      if (input.scopes.length === 0) return { ok: false, message: "at least one scope is required" };
      if (input.kind === "organization") {
        if (!input.organizationOid)
          return { ok: false, message: "an organization client needs --org <ФРМО OID>" };
        if (!(await organizations.byFrmoOid(input.organizationOid)))
          return { ok: false, message: `no registered organization with ФРМО OID ${input.organizationOid}` };
      } else if (input.organizationOid) {
        return { ok: false, message: "--org is only for organization clients" };
      }
      const clientId = `frmr-${randomBytes(9).toString("base64url")}`;
      const clientSecret = randomBytes(32).toString("base64url");
      await db.transaction(async (tx) => {
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
          details: { apiClientId: row.id, kind: input.kind, scopes: input.scopes },
        });
      });
      return { ok: true, clientId, clientSecret };
    },

    async setSuspended(clientId: string, suspended: boolean, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const row = await setSuspended(tx, clientId, suspended ? now : null);
        if (!row) return false;
        await writeAudit(tx, {
          event: "api.client_suspended",
          outcome: "success",
          details: { apiClientId: row.id, suspended },
        });
        return true;
      });
    },

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
