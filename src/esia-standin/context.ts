// Configuration of the stand-in and the per-app context every route module receives.
import type { RegisteredClient, StandinClient } from "./client-auth.ts";
import type { StandinStore } from "./store.ts";
import type { StandinKeys, TokenAlg, TokenSigner } from "./tokens.ts";

export interface StandinConfig {
  /** Where browsers and relying parties reach the stand-in, e.g. http://localhost:3001. */
  publicUrl: string;
  /** `iss` of the tokens; ESIA uses `http://…/` with a trailing slash (§3.3). */
  issuer: string;
  tokenAlg: TokenAlg;
  keys: StandinKeys;
  clients: StandinClient[];
  timestampWindowSeconds: number;
  codeTtlSeconds: number;
  accessTokenTtlSeconds: number;
  /** Fake clock for tests. */
  clock?: () => Date;
  /** Requests per minute and IP on the login and code forms (default 60). */
  formRateLimitPerMinute?: number;
}

export interface StandinContext {
  config: StandinConfig;
  now: () => Date;
  nowMs: () => number;
  store: StandinStore;
  clients: ReadonlyMap<string, RegisteredClient>;
  signer: TokenSigner;
  /** Key for the anti-CSRF tokens; random per start, since all state is in memory anyway. */
  csrfKey: Buffer;
  secureCookies: boolean;
  /** publicUrl without a trailing slash, for absolute element URLs. */
  baseUrl: string;
}

/** Refuses settings that would make the stand-in behave unlike ESIA or leak codes. */
export function checkConfig(config: StandinConfig): void {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/]+/.test(config.publicUrl)) problems.push("publicUrl must be an absolute http(s) URL");
  if (config.issuer === "") problems.push("issuer must not be empty");
  for (const [name, value] of Object.entries({
    timestampWindowSeconds: config.timestampWindowSeconds,
    codeTtlSeconds: config.codeTtlSeconds,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
  })) {
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer`);
  }
  for (const client of config.clients) {
    if (client.redirectUris.length === 0) problems.push(`client ${client.clientId} has no redirect URI`);
    for (const uri of client.redirectUris) {
      if (!URL.canParse(uri)) problems.push(`client ${client.clientId}: ${uri} is not an absolute URL`);
    }
  }
  if (problems.length > 0) throw new Error(`ESIA stand-in configuration: ${problems.join("; ")}`);
}
