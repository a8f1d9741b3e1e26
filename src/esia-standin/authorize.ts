// Validation of `GET /aas/oauth2/v2/ac` in the order of the stand-in checklist (domain/esia.md §18),
// and of the legacy `GET /aas/oauth2/ac` (v1: a detached CMS client_secret over
// scope+timestamp+client_id+state, no certificate hash), which systems connected earlier still use.
// Until the client and its redirect_uri are established, errors are shown on the stand-in's own page;
// after that they go back to the (registered) redirect_uri, as ESIA does (§4.3, §13.1).
import { randomUUID } from "node:crypto";
import { authorizationSignedString } from "../esia/protocol.ts";
import { checkClientProof, type RegisteredClient, singleParams } from "./client-auth.ts";
import { type EsiaError, esiaError } from "./errors.ts";
import { parseScopes, type RequestedScope } from "./scopes.ts";
import type { AuthRequest } from "./store.ts";

export type AuthorizeOutcome =
  | { kind: "page-error"; error: EsiaError }
  | { kind: "redirect-error"; redirectUri: string; state: string | undefined; error: EsiaError }
  | { kind: "ok"; request: AuthRequest };

export interface AuthorizeContext {
  clients: ReadonlyMap<string, RegisteredClient>;
  now: Date;
  timestampWindowSeconds: number;
  /** `v1`: the legacy `/aas/oauth2/ac`. */
  version?: "v1" | "v2";
}

const MANDATORY = [
  "client_secret",
  "scope",
  "response_type",
  "state",
  "timestamp",
  "client_certificate_hash",
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateAuthorization(query: unknown, ctx: AuthorizeContext): AuthorizeOutcome {
  const raw = (query ?? {}) as Record<string, unknown>;
  const page = (error: EsiaError): AuthorizeOutcome => ({ kind: "page-error", error });

  const clientId = raw.client_id;
  if (Array.isArray(clientId)) return page(esiaError("ESIA-007003", "client_id"));
  if (typeof clientId !== "string" || clientId === "") return page(esiaError("ESIA-007014", "client_id"));
  const client = ctx.clients.get(clientId);
  if (!client) return page(esiaError("ESIA-007002"));

  const redirectUri = raw.redirect_uri;
  if (Array.isArray(redirectUri)) return page(esiaError("ESIA-007003", "redirect_uri"));
  if (typeof redirectUri !== "string" || redirectUri === "")
    return page(esiaError("ESIA-007014", "redirect_uri"));
  // Exact match: a prefix or pattern match would let a crafted URI on the same host receive the code.
  if (!client.config.redirectUris.includes(redirectUri))
    return page(esiaError("ESIA-007023", "redirect_uri"));

  const stateValue = typeof raw.state === "string" ? raw.state : undefined;
  const fail = (error: EsiaError): AuthorizeOutcome => ({
    kind: "redirect-error",
    redirectUri,
    state: stateValue,
    error,
  });

  const params = singleParams(raw);
  if (!params.ok) return fail(params.error);
  const get = params.get;
  const v1 = ctx.version === "v1";
  // v1 carries the certificate inside the CMS, so there is no certificate hash to ask for (§6.2).
  for (const name of v1 ? MANDATORY.slice(0, -1) : MANDATORY) {
    if (!get(name)) return fail(esiaError("ESIA-007014", name));
  }
  const [secret, scope, responseType, state, timestamp, certHash = ""] = MANDATORY.map(
    (name) => get(name) ?? "",
  ) as [string, string, string, string, string, string];
  const scopeOrg = get("scope_org") ?? "";

  if (responseType !== "code") return fail(esiaError("ESIA-007009", "response_type"));
  const proofError = checkClientProof(
    client,
    v1
      ? { version: "v1", secret, timestamp, signed: { scope, timestamp, clientId, state } }
      : {
          version: "v2",
          secret,
          timestamp,
          certificateHash: certHash,
          messages: [authorizationSignedString({ clientId, scope, scopeOrg, timestamp, state, redirectUri })],
        },
    ctx.now,
    ctx.timestampWindowSeconds,
  );
  if (proofError) return fail(proofError);

  // The MR asks for a UUID state; checking it catches clients that reuse one fixed value.
  if (!UUID.test(state)) return fail(esiaError("ESIA-007003", "state"));
  const accessType = get("access_type") ?? "online";
  if (accessType !== "online" && accessType !== "offline")
    return fail(esiaError("ESIA-007003", "access_type"));

  const scopes = checkScopes(`${scope} ${scopeOrg}`, client);
  if (!Array.isArray(scopes)) return fail(scopes);

  return {
    kind: "ok",
    request: { id: randomUUID(), clientId, redirectUri, scope, scopeOrg, scopes, state, accessType },
  };
}

/** Unknown or malformed → 007006; known but not granted to this IS → 007019; none at all → 007013. */
function checkScopes(value: string, client: RegisteredClient): RequestedScope[] | EsiaError {
  const parsed = parseScopes(value);
  if (!parsed.ok) return esiaError("ESIA-007006", parsed.invalid);
  if (parsed.scopes.length === 0) return esiaError("ESIA-007013");
  const notAllowed = parsed.scopes.find((s) => !client.config.allowedScopes.includes(s.name));
  if (notAllowed) return esiaError("ESIA-007019", notAllowed.raw);
  return parsed.scopes;
}
