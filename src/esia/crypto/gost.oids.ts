// Object identifiers of GOST R 34.10-2012 keys and signatures and GOST R 34.11-2012 digests
// (RFC 9215), shared by the ESIA certificates and the signature module's CMS and PKCS#12.
export const GOST_OID = {
  gost2012_256: "1.2.643.7.1.1.1.1",
  gost2012_512: "1.2.643.7.1.1.1.2",
  signWithStreebog256: "1.2.643.7.1.1.3.2",
  signWithStreebog512: "1.2.643.7.1.1.3.3",
  streebog256: "1.2.643.7.1.1.2.2",
  streebog512: "1.2.643.7.1.1.2.3",
} as const;
