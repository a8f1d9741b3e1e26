// OAuth 2.0 client credentials (RFC 6749 §4.4): short-lived access tokens signed with jose (HS256,
// keyed from the session secret, so every instance verifies them), and the check of a client's
// private_key_jwt assertion (RFC 7523 §2.2).
import { createHmac, randomUUID } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from "jose";
import type { Clock } from "../../shared/clock.ts";
import type { ApiScope } from "./api.scopes.ts";
import type { ApiClientRow } from "./clients.repository.ts";

/** Five minutes: a leaked token is worth little, and a client asks again cheaply. */
export const ACCESS_TOKEN_TTL_SECONDS = 300;
export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export interface TokenClaims {
  clientId: string;
  scopes: ApiScope[];
}

export function createTokenIssuer({
  secret,
  issuer,
  clock,
}: {
  secret: string;
  issuer: string;
  clock: Clock;
}) {
  const key = createHmac("sha256", secret).update("frmr api access token").digest();
  const audience = `${issuer}/api`;
  return {
    async issue(client: ApiClientRow, scopes: ApiScope[]): Promise<string> {
      const now = Math.floor(clock.now().getTime() / 1000);
      return new SignJWT({ scope: scopes.join(" "), kind: client.kind })
        .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(client.clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
        .setJti(randomUUID())
        .sign(key);
    },

    /** The claims of a valid token; undefined when forged, expired or not ours. */
    async verify(token: string): Promise<TokenClaims | undefined> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          audience,
          algorithms: ["HS256"],
          typ: "at+jwt",
          currentDate: clock.now(),
        });
        if (typeof payload.sub !== "string" || typeof payload.scope !== "string") return undefined;
        return { clientId: payload.sub, scopes: payload.scope.split(" ").filter(Boolean) as ApiScope[] };
      } catch {
        return undefined;
      }
    },
  };
}

export type TokenIssuer = ReturnType<typeof createTokenIssuer>;

/** The `iss` of an assertion, read before the signature is checked to find the client's key. */
export function assertionIssuer(assertion: string): string | undefined {
  try {
    const claims = decodeJwt(assertion);
    return typeof claims.iss === "string" ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}

const ASSERTION_MAX_AGE_SECONDS = 300;
const assertionAlgorithms = ["RS256", "PS256", "ES256", "EdDSA"];

/**
 * RFC 7523: iss = sub = client_id, aud = the token endpoint, signed by the client's registered key,
 * with a `jti` (the caller refuses one seen before) and an expiry; undefined when any of it fails.
 */
export async function verifyClientAssertion(
  assertion: string,
  client: ApiClientRow,
  tokenEndpoint: string,
  now: Date,
): Promise<{ jti: string; expiresAt: Date } | undefined> {
  if (!client.publicJwk) return undefined;
  try {
    // A JWK without `alg` takes the assertion's, from the short list below only.
    const { alg } = decodeProtectedHeader(assertion);
    if (!alg || !assertionAlgorithms.includes(alg)) return undefined;
    const key = await importJWK(client.publicJwk as Parameters<typeof importJWK>[0], alg);
    const { payload } = await jwtVerify(assertion, key, {
      issuer: client.clientId,
      subject: client.clientId,
      audience: tokenEndpoint,
      currentDate: now,
      maxTokenAge: ASSERTION_MAX_AGE_SECONDS,
      algorithms: assertionAlgorithms,
    });
    if (typeof payload.exp !== "number" || typeof payload.jti !== "string") return undefined;
    if (payload.jti.length === 0 || payload.jti.length > 200) return undefined;
    // Refused once past its exp or five minutes after iat, whichever is first: kept until then.
    const until = Math.min(payload.exp, (payload.iat ?? payload.exp) + ASSERTION_MAX_AGE_SECONDS);
    return { jti: payload.jti, expiresAt: new Date(until * 1000) };
  } catch {
    return undefined;
  }
}
