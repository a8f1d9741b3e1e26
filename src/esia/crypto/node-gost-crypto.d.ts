// Minimal typings for the parts of node-gost-crypto (untyped CommonJS) that gost.ts and its tests use.
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
  interface GostDigest {
    digest(data: ArrayBuffer): ArrayBuffer;
  }
  interface GostSign {
    sign(privateKey: ArrayBuffer, data: ArrayBuffer): ArrayBuffer;
    verify(publicKey: ArrayBuffer, signature: ArrayBuffer, data: ArrayBuffer): boolean;
    generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  }
  const gost: {
    gostEngine: {
      getGostDigest(algorithm: GostDigestAlgorithm): GostDigest;
      getGostSign(algorithm: GostSignAlgorithm): GostSign;
    };
  };
  export default gost;
}
