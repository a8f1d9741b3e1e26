// Test helpers for the stand-in: an app with throw-away keys and a fake clock, and a signing relying
// party built from the same crypto functions the cabinet's client uses.
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { gostPrivateKeyFromPem } from "../esia/crypto/certificate.ts";
import { type DevKeys, loadOrCreateDevKeys } from "../esia/crypto/dev-keys.ts";
import { gostSign } from "../esia/crypto/gost.ts";
import { loadVerificationKeys, verifyEsiaTokenPair } from "../esia/jwt.ts";
import {
  authorizationSignedString,
  base64UrlEncode,
  esiaTimestamp,
  refreshSignedStrings,
  tokenSignedString,
} from "../esia/protocol.ts";
import { buildStandinApp, type StandinConfig } from "./app.ts";

export const CLIENT_ID = "FRMRLK";
export const REDIRECT_URI = "http://localhost:3000/auth/esia/callback";
export const PUBLIC_URL = "http://localhost:3001";
export const ALLOWED_SCOPES = [
  "openid",
  "fullname",
  "birthdate",
  "gender",
  "snils",
  "inn",
  "id_doc",
  "email",
  "mobile",
  "contacts",
  "addresses",
  "usr_org",
  "org_shortname",
  "org_fullname",
  "org_ogrn",
  "org_inn",
  "org_kpp",
  "org_type",
];

let keys: Promise<DevKeys> | undefined;
export function testKeys(): Promise<DevKeys> {
  keys ??= mkdtemp(join(tmpdir(), "standin-keys-")).then(loadOrCreateDevKeys);
  return keys;
}

export class FakeClock {
  current = new Date("2025-06-02T09:00:00Z");
  now = () => new Date(this.current);
  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export interface TestStandin {
  app: FastifyInstance;
  keys: DevKeys;
  clock: FakeClock;
  config: StandinConfig;
}

export async function buildTestStandin(overrides: Partial<StandinConfig> = {}): Promise<TestStandin> {
  const k = await testKeys();
  const clock = new FakeClock();
  const config: StandinConfig = {
    publicUrl: PUBLIC_URL,
    issuer: `${PUBLIC_URL}/`,
    tokenAlg: "RS256",
    keys: k.standin,
    clients: [
      {
        clientId: CLIENT_ID,
        redirectUris: [REDIRECT_URI],
        certificateDer: k.client.certificateDer,
        allowedScopes: ALLOWED_SCOPES,
        logoutRedirectUrls: ["http://localhost:3000/auth/logged-out"],
      },
    ],
    timestampWindowSeconds: 300,
    codeTtlSeconds: 240,
    accessTokenTtlSeconds: 3600,
    clock: clock.now,
    ...overrides,
  };
  return { app: await buildStandinApp(config), keys: k, clock, config };
}

const sign = (k: DevKeys, message: string) =>
  base64UrlEncode(gostSign(gostPrivateKeyFromPem(k.client.privateKeyPem), new TextEncoder().encode(message)));

export interface AcParams {
  scope?: string;
  scopeOrg?: string;
  state?: string;
  accessType?: "online" | "offline";
  now?: Date;
}

type Named<K extends string> = Record<string, string> & Record<K, string>;
export type AcQuery = Named<
  "client_id" | "client_secret" | "client_certificate_hash" | "scope" | "state" | "timestamp"
>;

/** Query parameters of a correctly signed /v2/ac request. */
export function acParams(t: TestStandin, p: AcParams = {}): AcQuery {
  const scope = p.scope ?? "openid fullname snils email";
  const scopeOrg = p.scopeOrg ?? "";
  const state = p.state ?? randomUUID();
  const timestamp = esiaTimestamp(p.now ?? t.clock.now());
  const secret = sign(
    t.keys,
    authorizationSignedString({
      clientId: CLIENT_ID,
      scope,
      scopeOrg,
      timestamp,
      state,
      redirectUri: REDIRECT_URI,
    }),
  );
  return {
    client_id: CLIENT_ID,
    client_certificate_hash: t.keys.client.certificateHash,
    client_secret: secret,
    redirect_uri: REDIRECT_URI,
    scope,
    scope_org: scopeOrg,
    response_type: "code",
    state,
    access_type: p.accessType ?? "online",
    timestamp,
  };
}

export const acUrl = (params: Record<string, string>) => `/aas/oauth2/v2/ac?${new URLSearchParams(params)}`;

export interface TokenOptions {
  scope?: string;
  scopeOrg?: string;
  clientId?: string;
  redirectUri?: string;
}

/** Form body of a correctly signed /v3/te code exchange. */
export function tokenParams(
  t: TestStandin,
  code: string,
  o: TokenOptions = {},
): Named<"state" | "client_secret"> {
  const scope = o.scope ?? "openid fullname snils email";
  const scopeOrg = o.scopeOrg ?? "";
  const clientId = o.clientId ?? CLIENT_ID;
  const redirectUri = o.redirectUri ?? REDIRECT_URI;
  const state = randomUUID();
  const timestamp = esiaTimestamp(t.clock.now());
  const fields = { clientId, scope, scopeOrg, timestamp, state, redirectUri };
  return {
    client_id: clientId,
    code,
    grant_type: "authorization_code",
    client_certificate_hash: t.keys.client.certificateHash,
    client_secret: sign(t.keys, tokenSignedString({ ...fields, code })),
    state,
    redirect_uri: redirectUri,
    scope,
    scope_org: scopeOrg,
    timestamp,
    token_type: "Bearer",
  };
}

/** Form body of a refresh request in either disputed signed-string form (§5.2). */
export function refreshParams(
  t: TestStandin,
  refreshToken: string,
  form: "ilimurzin" | "aisgorod",
  scope = "openid fullname snils email",
) {
  const state = randomUUID();
  const timestamp = esiaTimestamp(t.clock.now());
  const strings = refreshSignedStrings({
    clientId: CLIENT_ID,
    scope,
    scopeOrg: "",
    timestamp,
    state,
    redirectUri: REDIRECT_URI,
    refreshToken,
  });
  const common = {
    client_id: CLIENT_ID,
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    state,
    scope,
    timestamp,
    client_secret: sign(t.keys, strings[form]),
  };
  return form === "ilimurzin"
    ? {
        ...common,
        redirect_uri: REDIRECT_URI,
        scope_org: "",
        client_certificate_hash: t.keys.client.certificateHash,
        token_type: "Bearer",
      }
    : common;
}

/** What the cabinet's own verifier says of a token pair from this stand-in, signed with `certificatePem`. */
export function verifyIssuedPair(
  t: TestStandin,
  tokens: { access_token: string; id_token: string },
  certificatePem: string,
) {
  return verifyEsiaTokenPair(
    { accessToken: tokens.access_token, idToken: tokens.id_token },
    {
      keys: loadVerificationKeys([certificatePem]),
      issuer: [`${PUBLIC_URL}/`],
      clientId: CLIENT_ID,
      now: t.clock.now(),
      leewaySeconds: 60,
    },
  );
}
