// Object identifiers of the X.509, CMS and PKCS#12 structures the signature module reads and writes
// (RFC 5280, RFC 5652, RFC 5035, RFC 7292, RFC 9215; Russian subject attributes from Приказ ФСБ № 795).
import { GOST_OID } from "../../esia/crypto/gost.oids.ts";

export const OID = {
  // GOST R 34.10-2012 keys and signatures, GOST R 34.11-2012 digests.
  ...GOST_OID,
  cryptoProA: "1.2.643.2.2.35.1",
  // Subject attributes of a qualified certificate.
  snils: "1.2.643.100.3",
  inn: "1.2.643.3.131.1.1",
  innLe: "1.2.643.100.4",
  ogrn: "1.2.643.100.1",
  ogrnip: "1.2.643.100.5",
  commonName: "2.5.4.3",
  surname: "2.5.4.4",
  givenName: "2.5.4.42",
  title: "2.5.4.12",
  organization: "2.5.4.10",
  country: "2.5.4.6",
  // Certificate extensions.
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  crlDistributionPoints: "2.5.29.31",
  crlNumber: "2.5.29.20",
  // CMS.
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  encryptedData: "1.2.840.113549.1.7.6",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  // PKCS#12 and password-based encryption.
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  localKeyId: "1.2.840.113549.1.9.21",
  friendlyName: "1.2.840.113549.1.9.20",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  hmacWithSha256: "1.2.840.113549.2.9",
  aes256Cbc: "2.16.840.1.101.3.4.1.42",
  // The TC26 protection of PKCS#12 (Р 50.1.112-2016): HMAC-Streebog PRFs and GOST 28147-89.
  hmacStreebog256: "1.2.643.7.1.1.4.1",
  hmacStreebog512: "1.2.643.7.1.1.4.2",
  gost28147: "1.2.643.2.2.21",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;
