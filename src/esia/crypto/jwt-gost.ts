// Compact JWS with ESIA's non-registered alg GOST3410_2012_256 (domain/esia.md §10.1, §10.5): the
// signature is GOST R 34.10-2012 over Streebog-256 of the ASCII `header.payload`, 64 bytes in the
// OpenSSL order, used as decoded (verified against a real ESIA token, §17).
import { base64UrlEncode } from "../protocol.ts";
import { type GostCurve, gostSign, gostVerify } from "./gost.ts";

export const GOST_JWT_ALG = "GOST3410_2012_256";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Signs with the key's alg forced to GOST3410_2012_256; other header fields are kept in their order. */
export function signJwtGost(header: object, payload: object, privateKey: Uint8Array): string {
  const encode = (value: object) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
  const signingInput = `${encode({ ...header, alg: GOST_JWT_ALG })}.${encode(payload)}`;
  const signature = gostSign(privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64UrlEncode(signature)}`;
}

/**
 * Checks the signature only (the header's alg and the claims are the caller's business); false for
 * anything malformed. The curve matters only for certificates on CryptoPro-B/C or XchB (§17: ESIA's
 * test certificate used XchA, which is the default's curve).
 */
export function verifyJwtGostSignature(
  token: string,
  publicKey: Uint8Array,
  curve: GostCurve = "S-256-A",
): boolean {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const signatureBytes = new Uint8Array(Buffer.from(signature, "base64url"));
  return gostVerify(publicKey, new TextEncoder().encode(`${header}.${payload}`), signatureBytes, curve);
}
