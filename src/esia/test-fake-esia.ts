// Test support (not a test itself): a loopback ESIA with scripted answers and a client pointed at it,
// shared by the client's test files. Every request is captured for the assertions.
import { createPrivateKey } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach } from "node:test";
import { CompactSign } from "jose";
import { createEsiaClient, type EsiaClientConfig } from "./client.ts";
import { type DevKeys, loadOrCreateDevKeys } from "./crypto/dev-keys.ts";
import { createPureJsSigner } from "./crypto/signer.ts";
import type { IdentityProvider, LoginOutcome } from "./identity-provider.ts";

export const ISSUER = "http://esia-portal1.test.gosuslugi.ru/";
export const CLIENT_ID = "FRMRLK";
export const REDIRECT_URI = "https://lk.frmr.example/auth/esia/callback";
export const SCOPES = ["openid", "fullname", "snils", "email", "id_doc", "usr_org"];
export const OID = 1000000001;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface Captured {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: string;
}
export type Reply = { status: number; json?: unknown; raw?: string } | "hang";

// A loopback ESIA with scripted answers; every request is captured for the assertions.
export async function startFakeEsia(answer: (request: Captured) => Reply | Promise<Reply>) {
  const captured: Captured[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = { method: req.method ?? "", path: url.pathname, url, headers: req.headers, body: "" };
    request.body = Buffer.concat(chunks).toString("utf8");
    captured.push(request);
    const reply = await answer(request);
    if (reply === "hang") return; // never answers; closeAllConnections ends it
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(reply.raw ?? JSON.stringify(reply.json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    captured,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ClientFixture {
  dir: string;
  keys: DevKeys;
  esia: Awaited<ReturnType<typeof startFakeEsia>>;
  /** What the fake ESIA answers; reset before each test. */
  script: { token: (request: Captured) => Reply | Promise<Reply>; person: Reply; roles: Reply };
  signedToken(kind: "access" | "id", claims: Record<string, unknown>): Promise<string>;
  tokenResponse(request: Captured, overrides?: Record<string, unknown>): Promise<Reply>;
  client(overrides?: Partial<EsiaClientConfig>): IdentityProvider;
  login(provider?: IdentityProvider): Promise<LoginOutcome>;
}

/** Registers the hooks of a test file and returns the fixture they fill in. */
export function useClientFixture(): ClientFixture {
  const f = {} as ClientFixture;

  f.signedToken = async function signedToken(
    kind: "access" | "id",
    claims: Record<string, unknown>,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new CompactSign(
      new TextEncoder().encode(
        JSON.stringify({ iss: ISSUER, nbf: now, iat: now, exp: now + 3600, ...claims }),
      ),
    )
      .setProtectedHeader({ ver: 1, typ: "JWT", sbt: kind, alg: "RS256" })
      .sign(createPrivateKey(f.keys.standin.rsaPrivateKeyPem));
  };

  f.tokenResponse = async function tokenResponse(
    request: Captured,
    overrides: Record<string, unknown> = {},
  ): Promise<Reply> {
    const form = new URLSearchParams(request.body);
    return {
      status: 200,
      json: {
        access_token: await f.signedToken("access", {
          client_id: CLIENT_ID,
          "urn:esia:sbj_id": OID,
          "urn:esia:sid": "sid-42",
          scope: `openid fullname?oid=${OID} snils?oid=${OID} email?oid=${OID} id_doc?oid=${OID} usr_org?oid=${OID}`,
        }),
        id_token: await f.signedToken("id", { aud: CLIENT_ID, sub: OID }),
        state: form.get("state"),
        token_type: "Bearer",
        expires_in: 3600,
        ...overrides,
      },
    };
  };

  f.client = function client(overrides: Partial<EsiaClientConfig> = {}): IdentityProvider {
    return createEsiaClient({
      baseUrl: f.esia.baseUrl,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      scopes: SCOPES,
      signer: createPureJsSigner(f.keys.client),
      issuer: ISSUER,
      verificationCertificates: [f.keys.standin.rsaCertificatePem, f.keys.standin.gostCertificatePem],
      timeoutMs: 2000,
      ...overrides,
    });
  };

  // Runs beginLogin, then completes it with a code as ESIA would redirect back.
  f.login = async function login(provider = f.client()): Promise<LoginOutcome> {
    const { state } = await provider.beginLogin();
    return provider.completeLogin({ code: "code-1", state }, state);
  };

  before(async () => {
    f.dir = await mkdtemp(join(tmpdir(), "esia-client-"));
    f.keys = await loadOrCreateDevKeys(f.dir);
    f.esia = await startFakeEsia((request) => {
      if (request.method === "POST" && request.path === "/aas/oauth2/v3/te") return f.script.token(request);
      if (request.path === `/rs/prns/${OID}`) return f.script.person;
      if (request.path === `/rs/prns/${OID}/roles`) return f.script.roles;
      return { status: 404, json: {} };
    });
  });
  after(async () => {
    await f.esia.close();
    await rm(f.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    f.esia.captured.length = 0;
    f.script = {
      token: (request) => f.tokenResponse(request),
      person: {
        status: 200,
        json: {
          firstName: "Анна",
          lastName: "Иванова",
          trusted: true,
          snils: "112-233-445 95",
          contacts: { elements: [{ type: "EML", vrfStu: "VERIFIED", value: "anna@example.org" }] },
        },
      },
      roles: {
        status: 200,
        json: {
          elements: [
            { oid: 1000000500, fullName: "ГБУЗ «Пример»", shortName: "ГБУЗ", type: "LEGAL", chief: true },
          ],
        },
      },
    };
  });
  return f;
}
