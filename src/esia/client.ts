// ESIA relying-party client over the current protocol: `GET /aas/oauth2/v2/ac`, `POST /aas/oauth2/v3/te`,
// then the person REST API (domain/esia.md §1.1, §4, §5, §9, §11). Expected failures come back as
// LoginFailure values; only a broken signer or a programming error throws.
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { Signer } from "./crypto/signer.ts";
import type { IdentityProvider, LoginFailure, LoginOutcome } from "./identity-provider.ts";
import { loadVerificationKeys, verifyEsiaTokenPair } from "./jwt.ts";
import { mapEsiaPerson, mapEsiaRoles } from "./person.ts";
import {
  authorizationSignedString,
  base64UrlEncode,
  EMBED_SCOPES,
  esiaTimestamp,
  tokenSignedString,
} from "./protocol.ts";

export interface EsiaClientConfig {
  /** e.g. `https://esia.gosuslugi.ru` */
  baseUrl: string;
  /** The IS mnemonic. */
  clientId: string;
  redirectUri: string;
  /** Short person scopes (§12.1), e.g. `openid fullname snils`; `usr_org` adds the organisation roles. */
  scopes: string[];
  signer: Signer;
  /** Accepted token issuers, compared exactly (§3.3). */
  issuer: string | string[];
  /** ESIA's certificates (PEM, RSA and/or GOST); list the old and the new one during a rotation. */
  verificationCertificates: string[];
  /** Per HTTP call. */
  timeoutMs: number;
  /** Leeway for exp/nbf/iat; 60 s by default, as fr05t1k uses. */
  clockSkewSeconds?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

// Which embedded collections of /rs/prns/{oid} each granted scope unlocks (§11.1); only those are
// asked for, since ESIA filters by grant.
const EMBEDS: ReadonlyArray<[embed: string, scopes: readonly string[]]> = [
  ["contacts.elements", EMBED_SCOPES.contacts],
  ["documents.elements", EMBED_SCOPES.documents],
  ["addresses.elements", EMBED_SCOPES.addresses],
];

// States seen by this process stay refused for this long; the session store is the first line against
// replays (the cabinet drops the state), this one covers callbacks racing each other.
const USED_STATE_TTL_MS = 60 * 60 * 1000;
const USED_STATE_LIMIT = 10_000;

type Fetched = { ok: true; body: unknown } | { ok: false; error: LoginFailure };

export function createEsiaClient(config: EsiaClientConfig): IdentityProvider {
  const keys = loadVerificationKeys(config.verificationCertificates);
  const issuer = typeof config.issuer === "string" ? [config.issuer] : config.issuer;
  const base = config.baseUrl.replace(/\/+$/, "");
  const scope = config.scopes.join(" ");
  const scopeOrg = ""; // sent and signed empty, as ilimurzin does (§4.1)
  const now = config.now ?? (() => new Date());
  const doFetch = config.fetch ?? fetch;
  const usedStates = new Map<string, number>();

  async function clientSecret(signedString: string): Promise<string> {
    return base64UrlEncode(await config.signer.sign(new TextEncoder().encode(signedString)));
  }

  async function call(what: string, url: string, init: RequestInit): Promise<Fetched> {
    let status: number;
    let text: string;
    try {
      const response = await doFetch(url, {
        ...init,
        redirect: "manual",
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const reason = timedOut ? `no answer within ${config.timeoutMs} ms` : describe(error);
      return { ok: false, error: { kind: "unavailable", reason: `${what}: ${reason}` } };
    }
    if (status >= 500) {
      return { ok: false, error: { kind: "unavailable", reason: `${what}: HTTP ${status}` } };
    }
    const body = parseJson(text);
    if (status >= 400) return { ok: false, error: providerError(what, status, body) };
    if (status >= 300 || body === undefined) {
      return { ok: false, error: { kind: "refused", reason: `${what}: unexpected HTTP ${status} response` } };
    }
    return { ok: true, body };
  }

  function consumeState(
    callbackState: string | undefined,
    expectedState: string | undefined,
  ): string | undefined {
    if (!expectedState) return "no login in progress: the session holds no state";
    if (!callbackState) return "callback carries no state";
    if (!sameString(callbackState, expectedState)) return "callback state differs from the session's";
    const at = now().getTime();
    for (const [state, expiresAt] of usedStates) {
      if (expiresAt > at && usedStates.size < USED_STATE_LIMIT) break; // insertion order: the rest is newer
      usedStates.delete(state);
    }
    if (usedStates.has(callbackState)) return "state has already been used";
    usedStates.set(callbackState, at + USED_STATE_TTL_MS);
    return undefined;
  }

  async function exchangeCode(code: string): Promise<Fetched> {
    const state = randomUUID(); // a new one: the MR requires it to differ from the /ac state (§5.1)
    const timestamp = esiaTimestamp(now());
    const signed = {
      clientId: config.clientId,
      scope,
      scopeOrg,
      timestamp,
      state,
      redirectUri: config.redirectUri,
    };
    const form = new URLSearchParams({
      client_id: config.clientId,
      code,
      grant_type: "authorization_code",
      client_secret: await clientSecret(tokenSignedString({ ...signed, code })),
      state,
      redirect_uri: config.redirectUri,
      scope,
      scope_org: scopeOrg,
      timestamp,
      token_type: "Bearer",
      client_certificate_hash: config.signer.certificateHash(),
    });
    const response = await call("token endpoint", `${base}/aas/oauth2/v3/te`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form.toString(),
    });
    if (!response.ok) return response;
    const body = asObject(response.body);
    if (body.state !== state) {
      return {
        ok: false,
        error: { kind: "refused", reason: "token response state differs from the request's" },
      };
    }
    return response;
  }

  return {
    async beginLogin() {
      const state = randomUUID();
      const timestamp = esiaTimestamp(now());
      const redirectUri = config.redirectUri;
      const signed = authorizationSignedString({
        clientId: config.clientId,
        scope,
        scopeOrg,
        timestamp,
        state,
        redirectUri,
      });
      const query = new URLSearchParams({
        client_id: config.clientId,
        client_certificate_hash: config.signer.certificateHash(),
        client_secret: await clientSecret(signed),
        redirect_uri: redirectUri,
        scope,
        scope_org: scopeOrg,
        response_type: "code",
        state,
        access_type: "online",
        timestamp,
      });
      return { redirectUrl: `${base}/aas/oauth2/v2/ac?${query}`, state };
    },

    async completeLogin(callback, expectedState): Promise<LoginOutcome> {
      // Mapped before the state check: an error grants nothing, and ESIA's code is what support needs.
      if (callback.error !== undefined) {
        return { ok: false, error: callbackError(callback.error, callback.error_description) };
      }
      const stateProblem = consumeState(callback.state, expectedState);
      if (stateProblem !== undefined) return refused(stateProblem);
      if (!callback.code) return refused("callback carries no code");

      const exchanged = await exchangeCode(callback.code);
      if (!exchanged.ok) return exchanged;
      const tokenBody = asObject(exchanged.body);
      const accessToken = tokenBody.access_token;
      if (typeof accessToken !== "string") return refused("token response has no access_token");
      const idToken = typeof tokenBody.id_token === "string" ? tokenBody.id_token : undefined;
      const refreshToken = typeof tokenBody.refresh_token === "string" ? tokenBody.refresh_token : undefined;

      const verified = await verifyEsiaTokenPair(
        { accessToken, idToken },
        { keys, issuer, clientId: config.clientId, now: now(), leewaySeconds: config.clockSkewSeconds ?? 60 },
      );
      if (!verified.ok) {
        return refused(`${verified.token} token refused (${verified.refusal}): ${verified.detail}`);
      }
      const { oid, access } = verified;
      const granted = grantedScopes(access.scope);

      const headers = { authorization: `Bearer ${accessToken}`, accept: "application/json" };
      const embeds = EMBEDS.filter(([, scopes]) => scopes.some((s) => granted.has(s))).map(
        ([embed]) => embed,
      );
      const personUrl = `${base}/rs/prns/${oid}${embeds.length > 0 ? `?embed=(${embeds.join(",")})` : ""}`;
      const personResponse = await call("person resource", personUrl, { headers });
      if (!personResponse.ok) return personResponse;
      const person = mapEsiaPerson(oid, personResponse.body);
      if (!person.ok) return refused(person.reason);

      let roles: ReturnType<typeof mapEsiaRoles> = [];
      if (granted.has("usr_org")) {
        const rolesResponse = await call("roles resource", `${base}/rs/prns/${oid}/roles`, { headers });
        if (!rolesResponse.ok) return rolesResponse;
        roles = mapEsiaRoles(rolesResponse.body);
      }

      const expiresIn = tokenBody.expires_in;
      const expiresAt =
        typeof expiresIn === "number" && expiresIn > 0
          ? new Date(now().getTime() + expiresIn * 1000)
          : new Date((access.exp as number) * 1000); // verifyEsiaToken has checked exp is a number
      const sessionId = access["urn:esia:sid"];
      return {
        ok: true,
        value: {
          person: person.value,
          roles,
          sessionId: typeof sessionId === "string" ? sessionId : undefined,
          tokens: { accessToken, idToken, refreshToken, expiresAt },
        },
      };
    },

    logoutUrl(returnUrl) {
      // ESIA names this parameter redirect_url, not redirect_uri (§3.2).
      const query = new URLSearchParams({ client_id: config.clientId, redirect_url: returnUrl });
      return `${base}/idp/ext/Logout?${query}`;
    },
  };
}

/** ESIA errors are identified by the `ESIA-NNNNNN` that starts error_description (§13.1). */
function esiaCode(description: unknown): string | undefined {
  return typeof description === "string" && /^ESIA-\d{6}/.test(description)
    ? description.slice(0, 11)
    : undefined;
}

function callbackError(error: string, description: string | undefined): LoginFailure {
  return { kind: "provider-error", code: esiaCode(description) ?? error, description: description ?? error };
}

// Token endpoint: {error, error_description: "ESIA-…"}; REST: {code: "ESIA-005029", message} (§9, §11.9).
function providerError(what: string, status: number, body: unknown): LoginFailure {
  const fields = asObject(body);
  const description = [fields.error_description, fields.message].find((v) => typeof v === "string") as
    | string
    | undefined;
  const code =
    esiaCode(fields.error_description) ??
    esiaCode(fields.code) ??
    (typeof fields.error === "string" ? fields.error : `HTTP-${status}`);
  return { kind: "provider-error", code, description: description ?? `${what}: HTTP ${status}` };
}

/**
 * Plain scope names from the access token's `scope`: personal scopes carry `?oid=…` and some are full
 * URLs such as `http://esia.gosuslugi.ru/usr_inf?mode=w&oid=…` (§10.2).
 */
function grantedScopes(scope: unknown): Set<string> {
  if (typeof scope !== "string") return new Set();
  return new Set(
    scope
      .split(/\s+/)
      .filter((entry) => entry !== "")
      .map((entry) => entry.split("?")[0]?.split("/").pop() ?? ""),
  );
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function refused(reason: string): { ok: false; error: LoginFailure } {
  return { ok: false, error: { kind: "refused", reason } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
