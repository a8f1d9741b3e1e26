// Minimal typings for the parts of node-gost-crypto (untyped CommonJS) that gost.ts, the GOST
// protection of PKCS#12 and their tests use.
declare module "node-gost-crypto" {
  interface GostDigestAlgorithm {
    name: "GOST R 34.11";
    version: 2012;
    length: 256 | 512;
  }
  interface GostSignAlgorithm {
    name: "GOST R 34.10";
    version: 2012;
    length: 256 | 512;
    namedCurve: string;
    procreator?: "CP" | "SC" | "VN";
    hash?: GostDigestAlgorithm;
    /** Fixed random scalar: the signing nonce k for sign(), the private key d for generateKey(). */
    ukm?: ArrayBuffer;
  }
  /** HMAC and PBKDF2 modes: over Streebog of the given length; salt and iterations for PBKDF2. */
  interface GostDigestModeAlgorithm extends GostDigestAlgorithm {
    mode: "HMAC" | "PBKDF2";
    salt?: ArrayBuffer;
    iterations?: number;
    /** PBKDF2: derive this many times the asked length and return its last part (3: a PKCS#12 MAC key). */
    diversifier?: number;
  }
  interface GostDigest {
    digest(data: ArrayBuffer): ArrayBuffer;
    sign(key: ArrayBuffer, data: ArrayBuffer): ArrayBuffer;
    deriveBits(password: ArrayBuffer, bits: number): ArrayBuffer;
  }
  interface GostCipherAlgorithm {
    name: "GOST 28147";
    block: "CFB";
    sBox: string;
    keyMeshing: "CP" | "NO";
    iv: ArrayBuffer;
  }
  interface GostCipher {
    decrypt(key: ArrayBuffer, data: ArrayBuffer): ArrayBuffer;
  }
  interface GostSign {
    sign(privateKey: ArrayBuffer, data: ArrayBuffer): ArrayBuffer;
    verify(publicKey: ArrayBuffer, signature: ArrayBuffer, data: ArrayBuffer): boolean;
    generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  }
  const gost: {
    gostEngine: {
      getGostDigest(algorithm: GostDigestAlgorithm | GostDigestModeAlgorithm): GostDigest;
      getGostCipher(algorithm: GostCipherAlgorithm): GostCipher;
      getGostSign(algorithm: GostSignAlgorithm): GostSign;
    };
  };
  export default gost;
}
