// Verification of the JWTs ESIA issues (domain/esia.md §10). Generic JOSE libraries cannot do it
// alone: ESIA signs with RS256 or with GOST3410_2012_256 (not a registered JWS algorithm), marks the
// token kind in a non-standard `sbt` header, names the audience `client_id` in access tokens and
// sends `sub` as a number (§10.6). So the signature is checked per algorithm and the claims here.

import type { KeyObject } from "node:crypto";
import { X509Certificate } from "node:crypto";
import { compactVerify } from "jose";
import { gostPublicKeyInfoFromCertificate, pemToDer } from "./crypto/certificate.ts";
import type { GostCurve } from "./crypto/gost.ts";
import { verifyJwtGostSignature } from "./crypto/jwt-gost.ts";
import { identifier } from "./person.ts";

export type EsiaTokenKind = "access" | "id";

export type EsiaVerificationKey =
  | { alg: "RS256"; key: KeyObject }
  | { alg: "GOST3410_2012_256"; key: { publicKey: Uint8Array; curve: GostCurve } };

export type TokenRefusal =
  | "malformed"
  | "algorithm"
  | "token-kind"
  | "signature"
  | "issuer"
  | "audience"
  | "expired"
  | "not-yet-valid"
  | "issued-in-future"
  | "subject";

export type TokenVerification =
  /** `subject` is the oid: `urn:esia:sbj_id` of an access token, `sub` of an id_token. */
  | { ok: true; claims: Record<string, unknown>; subject: string }
  | { ok: false; refusal: TokenRefusal; detail: string };

export interface TokenCheck {
  keys: readonly EsiaVerificationKey[];
  /** Compared exactly: ESIA's issuer is `http://…/` with the trailing slash (§3.3). */
  issuer: readonly string[];
  clientId: string;
  now: Date;
  leewaySeconds: number;
}

const ALGORITHMS = ["RS256", "GOST3410_2012_256"] as const;
type Algorithm = (typeof ALGORITHMS)[number];
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export async function verifyEsiaToken(
  token: string,
  check: TokenCheck & { kind: EsiaTokenKind },
): Promise<TokenVerification> {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return refuse("malformed", "not a compact JWS");
  }
  const header = decodeJson(parts[0] as string);
  const claims = decodeJson(parts[1] as string);
  if (header === undefined || claims === undefined)
    return refuse("malformed", "header or payload is not JSON");

  const alg = header.alg;
  if (!isAlgorithm(alg)) return refuse("algorithm", `alg ${JSON.stringify(alg)} is not accepted`);
  if (header.crit !== undefined) return refuse("malformed", "critical header extensions are not supported");
  if (header.sbt !== check.kind)
    return refuse("token-kind", `sbt ${JSON.stringify(header.sbt)}, expected ${check.kind}`);

  const candidates = check.keys.filter((key) => key.alg === alg);
  if (candidates.length === 0) return refuse("signature", `no ${alg} certificate configured`);
  if (!(await verifiedByAny(token, candidates)))
    return refuse("signature", `${alg} signature does not verify`);

  if (typeof claims.iss !== "string" || !check.issuer.includes(claims.iss)) {
    return refuse("issuer", `iss ${JSON.stringify(claims.iss)} is not configured`);
  }
  const audience = check.kind === "access" ? claims.client_id : claims.aud;
  const audiences = Array.isArray(audience) ? audience : [audience];
  if (!audiences.includes(check.clientId)) {
    return refuse("audience", `${check.kind === "access" ? "client_id" : "aud"} is not ${check.clientId}`);
  }
  const timing = checkTimes(claims, check.now.getTime() / 1000, check.leewaySeconds);
  if (timing !== undefined) return timing;

  const subject = identifier(check.kind === "access" ? claims["urn:esia:sbj_id"] : claims.sub);
  if (subject === undefined) return refuse("subject", "token names no subject oid");
  return { ok: true, claims, subject };
}

export type TokenPairVerification =
  | { ok: true; oid: string; access: Record<string, unknown>; id?: Record<string, unknown> }
  | { ok: false; token: EsiaTokenKind; refusal: TokenRefusal; detail: string };

/** Verifies the access token and, when present, the id_token, and that both name the same person. */
export async function verifyEsiaTokenPair(
  tokens: { accessToken: string; idToken?: string },
  check: TokenCheck,
): Promise<TokenPairVerification> {
  const access = await verifyEsiaToken(tokens.accessToken, { ...check, kind: "access" });
  if (!access.ok) return { ...access, token: "access" };
  if (tokens.idToken === undefined) return { ok: true, oid: access.subject, access: access.claims };
  const id = await verifyEsiaToken(tokens.idToken, { ...check, kind: "id" });
  if (!id.ok) return { ...id, token: "id" };
  if (id.subject !== access.subject) {
    return {
      ok: false,
      token: "id",
      refusal: "subject",
      detail: "id_token sub differs from access token oid",
    };
  }
  return { ok: true, oid: access.subject, access: access.claims, id: id.claims };
}

/**
 * Reads ESIA's certificates (PEM; a string may hold several) into verification keys, RSA ones for
 * RS256 and GOST R 34.10-2012 ones for GOST3410_2012_256. Throws on anything else: a configuration
 * error must stop the start-up, not every login.
 */
export function loadVerificationKeys(certificatesPem: readonly string[]): EsiaVerificationKey[] {
  const blocks = certificatesPem.flatMap(
    (pem) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [pem],
  );
  return blocks.map((block, index) => {
    const rsa = rsaPublicKey(block);
    if (rsa !== undefined) return { alg: "RS256", key: rsa };
    try {
      return { alg: "GOST3410_2012_256", key: gostPublicKeyInfoFromCertificate(pemToDer(block)) };
    } catch (error) {
      throw new Error(
        `ESIA verification certificate #${index + 1} is neither RSA nor GOST R 34.10-2012 256`,
        {
          cause: error,
        },
      );
    }
  });
}

function rsaPublicKey(pem: string): KeyObject | undefined {
  try {
    const key = new X509Certificate(pem).publicKey;
    return key.asymmetricKeyType === "rsa" ? key : undefined;
  } catch {
    return undefined; // OpenSSL has no GOST support without the engine, so GOST certificates land here
  }
}

// Several certificates per algorithm are configured while ESIA rotates its keys (§17).
async function verifiedByAny(token: string, keys: readonly EsiaVerificationKey[]): Promise<boolean> {
  for (const candidate of keys) {
    if (candidate.alg === "GOST3410_2012_256") {
      if (verifyJwtGostSignature(token, candidate.key.publicKey, candidate.key.curve)) return true;
      continue;
    }
    try {
      await compactVerify(token, candidate.key, { algorithms: ["RS256"] });
      return true;
    } catch {
      // a failed verification with this key; the next one may be the current certificate
    }
  }
  return false;
}

function checkTimes(
  claims: Record<string, unknown>,
  now: number,
  leeway: number,
): TokenVerification | undefined {
  const { exp, nbf, iat } = claims;
  if (!isTime(exp)) return refuse("malformed", "exp is missing");
  if ((nbf !== undefined && !isTime(nbf)) || (iat !== undefined && !isTime(iat))) {
    return refuse("malformed", "nbf or iat is not a number");
  }
  if (now >= exp + leeway) return refuse("expired", "token has expired");
  if (nbf !== undefined && now + leeway < nbf) return refuse("not-yet-valid", "token is not valid yet");
  if (iat !== undefined && iat > now + leeway)
    return refuse("issued-in-future", "token was issued in the future");
  return undefined;
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isAlgorithm(value: unknown): value is Algorithm {
  return ALGORITHMS.includes(value as Algorithm);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function refuse(refusal: TokenRefusal, detail: string): TokenVerification & { ok: false } {
  return { ok: false, refusal, detail };
}
