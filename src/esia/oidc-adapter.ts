// The second IdentityProvider: standard OpenID Connect (discovery, authorization code + PKCE), for ESIA
// gateways and ESIA's announced OIDC transition (domain/esia.md §1.1, §2). panva's openid-client does
// the protocol and validates the id_token; this file maps its outcomes to the port's.
import { createHmac, timingSafeEqual } from "node:crypto";
import * as oidc from "openid-client";
import { normalizeSnils } from "../shared/identifiers.ts";
import type {
  EsiaContact,
  EsiaPerson,
  IdentityProvider,
  LoginFailure,
  LoginOutcome,
} from "./identity-provider.ts";

export interface OidcAdapterConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Must include `openid`. */
  scopes: string[];
  /** Claim holding the "confirmed account" flag; the person is trusted only if it is present and true. */
  trustedClaim?: string;
  /** Send and check a nonce. Off by default: ESIA stopped returning it (§10.3), and PKCE covers code injection. */
  useNonce?: boolean;
  /** Plain-http issuer, for loopback tests only. */
  allowInsecureHttp?: boolean;
  /** Per HTTP call; openid-client's default is 30 s. */
  timeoutMs?: number;
  now?: () => Date;
}

type Claims = Record<string, unknown>;

export function createOidcIdentityProvider(config: OidcAdapterConfig): IdentityProvider {
  const trustedClaim = config.trustedClaim ?? "trusted";
  const now = config.now ?? (() => new Date());
  let discovered: Promise<oidc.Configuration> | undefined;
  let configuration: oidc.Configuration | undefined;

  // Discovered once and cached; a failure is forgotten so that the next login tries again.
  function discover(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(new URL(config.issuerUrl), config.clientId, config.clientSecret, undefined, {
        execute: config.allowInsecureHttp ? [oidc.allowInsecureRequests] : [],
        timeout: config.timeoutMs === undefined ? undefined : config.timeoutMs / 1000,
      })
      .then((result) => {
        configuration = result;
        return result;
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }
  // Warm up, so that logoutUrl (synchronous) knows the end-session endpoint; errors surface at login.
  discover().catch(() => undefined);

  // The port hands back only the state, so the PKCE verifier and the nonce are derived from it with a
  // key the attacker does not have; any cabinet instance can recompute them, no extra session field.
  const derive = (purpose: string, state: string) =>
    createHmac("sha256", config.clientSecret).update(`${purpose}\0${state}`).digest("base64url");

  return {
    async beginLogin() {
      const server = await discover();
      const state = oidc.randomState();
      const parameters: Record<string, string> = {
        redirect_uri: config.redirectUri,
        scope: config.scopes.join(" "),
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(derive("pkce", state)),
        code_challenge_method: "S256",
      };
      if (config.useNonce) parameters.nonce = derive("nonce", state);
      return { redirectUrl: oidc.buildAuthorizationUrl(server, parameters).href, state };
    },

    async completeLogin(callback, expectedState): Promise<LoginOutcome> {
      if (!expectedState) return refused("no login in progress: the session holds no state");
      if (callback.error === undefined && !sameString(callback.state ?? "", expectedState)) {
        return refused("callback state differs from the session's");
      }
      const currentUrl = new URL(config.redirectUri);
      for (const [name, value] of Object.entries(callback)) {
        if (value !== undefined) currentUrl.searchParams.set(name, value);
      }
      try {
        const server = await discover();
        const tokens = await oidc.authorizationCodeGrant(server, currentUrl, {
          expectedState,
          pkceCodeVerifier: derive("pkce", expectedState),
          expectedNonce: config.useNonce ? derive("nonce", expectedState) : undefined,
          idTokenExpected: true,
        });
        const idClaims = (tokens.claims() ?? {}) as Claims;
        const subject = String(idClaims.sub);
        const userinfo = server.serverMetadata().userinfo_endpoint
          ? ((await oidc.fetchUserInfo(server, tokens.access_token, subject)) as Claims)
          : {};
        const person = mapClaims({ ...idClaims, ...userinfo }, trustedClaim);
        if (!person.ok) return refused(person.reason);
        const expiresIn = tokens.expiresIn();
        return {
          ok: true,
          value: {
            person: person.value,
            roles: [], // standard OIDC has no organisation roles
            sessionId: typeof idClaims.sid === "string" ? idClaims.sid : undefined,
            tokens: {
              accessToken: tokens.access_token,
              idToken: tokens.id_token,
              refreshToken: tokens.refresh_token,
              expiresAt: new Date(now().getTime() + (expiresIn ?? 0) * 1000),
            },
          },
        };
      } catch (error) {
        return { ok: false, error: failureOf(error) };
      }
    },

    logoutUrl(returnUrl) {
      // Before discovery has succeeded the end-session endpoint is unknown: log out locally only.
      if (configuration?.serverMetadata().end_session_endpoint === undefined) return returnUrl;
      return oidc.buildEndSessionUrl(configuration, {
        client_id: config.clientId,
        post_logout_redirect_uri: returnUrl,
      }).href;
    },
  };
}

type Mapped = { ok: true; value: EsiaPerson } | { ok: false; reason: string };

/** Standard claims (OIDC Core §5.1), plus the `snils` and `inn` claims an ESIA gateway may add. */
export function mapClaims(claims: Claims, trustedClaim: string): Mapped {
  const lastName = text(claims.family_name);
  const firstName = text(claims.given_name);
  if (typeof claims.sub !== "string" || lastName === undefined || firstName === undefined) {
    return { ok: false, reason: "claims lack sub, family_name or given_name (scope profile not granted?)" };
  }
  const contacts: EsiaContact[] = [];
  const email = text(claims.email);
  if (email !== undefined)
    contacts.push({ type: "email", value: email, verified: claims.email_verified === true });
  const phone = text(claims.phone_number);
  if (phone !== undefined) {
    contacts.push({ type: "mobile", value: phone, verified: claims.phone_number_verified === true });
  }
  const birthDate = text(claims.birthdate);
  const gender = { male: "M", female: "F" }[String(claims.gender)] as "M" | "F" | undefined;
  const snils = text(claims.snils);
  return {
    ok: true,
    value: {
      oid: claims.sub,
      lastName,
      firstName,
      middleName: text(claims.middle_name),
      // OIDC allows 0000 for an unknown year; only a full date is useful.
      birthDate:
        birthDate !== undefined && /^(?!0000)\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : undefined,
      gender,
      snils: snils === undefined ? undefined : normalizeSnils(snils),
      inn: text(claims.inn),
      trusted: claims[trustedClaim] === true,
      contacts,
      documents: [],
      addresses: [],
    },
  };
}

function failureOf(error: unknown): LoginFailure {
  if (error instanceof oidc.AuthorizationResponseError) {
    return { kind: "provider-error", code: error.error, description: error.error_description ?? error.error };
  }
  if (error instanceof oidc.ResponseBodyError) {
    if (error.status >= 500) return { kind: "unavailable", reason: `HTTP ${error.status}: ${error.error}` };
    return { kind: "provider-error", code: error.error, description: error.error_description ?? error.error };
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    const code = error.cause[0]?.parameters.error ?? `HTTP-${error.status}`;
    return {
      kind: "provider-error",
      code,
      description: error.cause[0]?.parameters.error_description ?? code,
    };
  }
  if (error instanceof oidc.ClientError) {
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT") {
      return { kind: "unavailable", reason: error.message };
    }
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    if (status !== undefined && status >= 500) return { kind: "unavailable", reason: `HTTP ${status}` };
    return { kind: "refused", reason: `${error.code ?? "openid-client"}: ${error.message}` };
  }
  // fetch rejects with a plain TypeError on network failures; openid-client's own argument errors
  // are TypeErrors too, but carry an ERR_INVALID_ARG_* code and are bugs, so they are rethrown.
  if (error instanceof TypeError && !("code" in error)) {
    return {
      kind: "unavailable",
      reason: `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}`,
    };
  }
  throw error;
}

function refused(reason: string): { ok: false; error: LoginFailure } {
  return { ok: false, error: { kind: "refused", reason } };
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
