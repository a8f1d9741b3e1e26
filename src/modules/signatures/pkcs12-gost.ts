// The TC26 protection of a PKCS#12 file (Р 50.1.112-2016), as КриптоПро CSP 5 exports a key and as
// OpenSSL's gost engine writes one (`-keypbe gost89 -certpbe gost89 -macalg md_gost12_512`): PBES2
// with PBKDF2 over HMAC-Streebog and GOST 28147-89 in CFB mode with CryptoPro key meshing for the
// bags; a MAC of HMAC-Streebog keyed by the last 32 of 96 PBKDF2 bytes. The password enters as its
// UTF-8 bytes in both (not as the BMP string of RFC 7292's own MAC). Built on node-gost-crypto,
// which the page's signing script bundles anyway, so the same code runs in Node and in the page.
import gost from "node-gost-crypto";
import { OID } from "./signature.oids.ts";

type Bits = 256 | 512;

/** Streebog's length behind a PBKDF2 PRF or a MAC digest, undefined for anything else. */
export function streebogBits(oid: string): Bits | undefined {
  if (oid === OID.hmacStreebog512 || oid === OID.streebog512) return 512;
  if (oid === OID.hmacStreebog256 || oid === OID.streebog256) return 256;
  return undefined;
}

// GOST 28147-89 parameter sets (RFC 4357 §11.2, RFC 7836 for TC26 Z) and node-gost-crypto's names
// for their S-boxes. All of them switch on CryptoPro key meshing for CFB.
const S_BOX: Record<string, string> = {
  "1.2.643.2.2.31.1": "E-A",
  "1.2.643.2.2.31.2": "E-B",
  "1.2.643.2.2.31.3": "E-C",
  "1.2.643.2.2.31.4": "E-D",
  "1.2.643.7.1.2.5.1.1": "E-Z",
};

export function isGost28147ParamSet(oid: string): boolean {
  return oid in S_BOX;
}

const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;
const utf8 = (password: string): ArrayBuffer => buffer(new TextEncoder().encode(password));

function pbkdf2(
  o: { password: string; salt: Uint8Array; iterations: number; bits: Bits },
  diversifier: number,
) {
  return gost.gostEngine.getGostDigest({
    name: "GOST R 34.11",
    version: 2012,
    length: o.bits,
    mode: "PBKDF2",
    salt: buffer(o.salt),
    iterations: o.iterations,
    diversifier,
  });
}

/** The 32-byte key of a bag's GOST 28147-89 encryption. */
export function gostBagKey(o: { password: string; salt: Uint8Array; iterations: number; bits: Bits }) {
  return new Uint8Array(pbkdf2(o, 1).deriveBits(utf8(o.password), 256));
}

/** HMAC-Streebog of the authenticated safe under the TC26 MAC key. */
export function gostMac(
  o: { password: string; salt: Uint8Array; iterations: number; bits: Bits },
  content: Uint8Array,
): Uint8Array {
  const key = pbkdf2(o, 3).deriveBits(utf8(o.password), 256);
  const hmac = gost.gostEngine.getGostDigest({
    name: "GOST R 34.11",
    version: 2012,
    length: o.bits,
    mode: "HMAC",
  });
  return new Uint8Array(hmac.sign(key, buffer(content)));
}

/** GOST 28147-89 CFB decryption with CryptoPro key meshing; paramSet must pass isGost28147ParamSet. */
export function decryptGost28147(key: Uint8Array, iv: Uint8Array, paramSet: string, data: Uint8Array) {
  const cipher = gost.gostEngine.getGostCipher({
    name: "GOST 28147",
    block: "CFB",
    sBox: S_BOX[paramSet] ?? "E-A",
    keyMeshing: "CP",
    iv: buffer(iv),
  });
  return new Uint8Array(cipher.decrypt(buffer(key), buffer(data)));
}
