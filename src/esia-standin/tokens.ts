// Signing and checking the stand-in's JWTs: header `{ver, typ, sbt, alg}` as ESIA writes it (§10.1),
// RS256 through jose by default, or GOST3410_2012_256 when configured (§18 "Tokens").
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { CompactSign, compactVerify } from "jose";
import {
  gostPrivateKeyInfoFromPem,
  gostPublicKeyInfoFromCertificate,
  pemToDer,
} from "../esia/crypto/certificate.ts";
import { signJwtGost, verifyJwtGostSignature } from "../esia/crypto/jwt-gost.ts";

export type TokenKind = "access" | "id" | "authorization_code";
export type TokenAlg = "RS256" | "GOST3410_2012_256";

export interface StandinKeys {
  rsaPrivateKeyPem: string;
  rsaCertificatePem: string;
  gostPrivateKeyPem: string;
  gostCertificatePem: string;
}

export interface TokenSigner {
  sign(kind: TokenKind, claims: Record<string, unknown>): Promise<string>;
  /** Claims of a token this stand-in signed with its current algorithm, or undefined. */
  verify(token: string, kind: TokenKind): Promise<Record<string, unknown> | undefined>;
}

export function createTokenSigner(alg: TokenAlg, keys: StandinKeys): TokenSigner {
  return alg === "RS256" ? rsaSigner(keys) : gostSigner(keys);
}

const header = (kind: TokenKind, alg: TokenAlg) => ({ ver: 1, typ: "JWT", sbt: kind, alg });

function rsaSigner(keys: StandinKeys): TokenSigner {
  const privateKey: KeyObject = createPrivateKey(keys.rsaPrivateKeyPem);
  const publicKey = new X509Certificate(keys.rsaCertificatePem).publicKey;
  return {
    sign: (kind, claims) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader(header(kind, "RS256"))
        .sign(privateKey),
    async verify(token, kind) {
      try {
        const { protectedHeader, payload } = await compactVerify(token, publicKey, { algorithms: ["RS256"] });
        if (protectedHeader.sbt !== kind) return undefined;
        return parseClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}

function gostSigner(keys: StandinKeys): TokenSigner {
  const { privateKey, curve } = gostPrivateKeyInfoFromPem(keys.gostPrivateKeyPem);
  // signJwtGost signs on CryptoPro-A, the curve of the generated dev keys; fail at start, not per login.
  if (curve !== "S-256-A")
    throw new Error("The stand-in's GOST token key must use the CryptoPro-A parameter set");
  const { publicKey } = gostPublicKeyInfoFromCertificate(pemToDer(keys.gostCertificatePem));
  return {
    sign: async (kind, claims) => signJwtGost(header(kind, "GOST3410_2012_256"), claims, privateKey),
    async verify(token, kind) {
      if (!verifyJwtGostSignature(token, publicKey, curve)) return undefined;
      const [head, payload] = token.split(".") as [string, string];
      const parsedHeader = parseClaims(Buffer.from(head, "base64url"));
      if (parsedHeader?.alg !== "GOST3410_2012_256" || parsedHeader.sbt !== kind) return undefined;
      return parseClaims(Buffer.from(payload, "base64url"));
    },
  };
}

function parseClaims(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
