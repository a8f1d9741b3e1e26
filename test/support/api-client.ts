// Integration API test helpers: registering clients, getting tokens, calling with a bearer token.
import assert from "node:assert/strict";
import type { ApiClientKind } from "../../src/modules/api/api.schema.ts";
import type { ApiScope } from "../../src/modules/api/api.scopes.ts";
import type { CabinetHarness } from "./organization-cabinet.ts";

export interface TestClient {
  clientId: string;
  clientSecret: string;
  token: string;
}

export async function registerClient(
  h: CabinetHarness,
  kind: ApiClientKind,
  scopes: ApiScope[],
  organizationOid?: string,
  publicJwk?: Record<string, unknown>,
): Promise<Omit<TestClient, "token">> {
  const outcome = await h.deps.api.clients.register({
    kind,
    name: `${kind} test`,
    organizationOid,
    scopes,
    publicJwk,
  });
  assert.ok(outcome.ok, outcome.ok ? "" : outcome.message);
  return { clientId: outcome.clientId, clientSecret: outcome.clientSecret };
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

export async function requestToken(h: CabinetHarness, form: Record<string, string>, authorization?: string) {
  return h.app.inject({
    method: "POST",
    url: "/api/oauth/token",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
    },
    payload: new URLSearchParams(form).toString(),
  });
}

export async function clientWithToken(
  h: CabinetHarness,
  kind: ApiClientKind,
  scopes: ApiScope[],
  organizationOid?: string,
): Promise<TestClient> {
  const client = await registerClient(h, kind, scopes, organizationOid);
  const response = await requestToken(
    h,
    { grant_type: "client_credentials" },
    basic(client.clientId, client.clientSecret),
  );
  assert.equal(response.statusCode, 200, response.body);
  return { ...client, token: response.json().access_token };
}

export function call(
  h: CabinetHarness,
  client: { token: string } | undefined,
  method: "GET" | "POST" | "PUT",
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  return h.app.inject({
    method,
    url,
    headers: {
      ...(client ? { authorization: `Bearer ${client.token}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
}
