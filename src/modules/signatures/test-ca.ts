// «Тестовый УЦ»: a development certification authority that issues GOST certificates to the demo
// persons and publishes its CRL beside the ESIA stand-in. Never used in production (the composition
// root refuses it there); its root is trusted only when it is on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  derToPem,
  gostPrivateKeyFromPem,
  gostPrivateKeyToPem,
  pemToDer,
} from "../../esia/crypto/certificate.ts";
import { type GostCurve, generateGostKeyPair, gostPublicKeyFromPrivate } from "../../esia/crypto/gost.ts";
import { fullNameOf, type StandinOrganization, type StandinPerson } from "../../esia-standin/model.ts";
import {
  type CaKey,
  type CertificateRequest,
  issueCertificate,
  issueCrl,
  nameDer,
} from "./certificate.build.ts";
import { type NameAttribute, type ParsedCertificate, parseCertificate } from "./certificate.parse.ts";
import { OID } from "./signature.oids.ts";

export const TEST_CA_NAME: NameAttribute[] = [
  { oid: OID.country, value: "RU" },
  { oid: OID.organization, value: "Тестовый УЦ ФРМР" },
  { oid: OID.commonName, value: "Тестовый УЦ" },
];

export interface TestCa {
  root: ParsedCertificate;
  crlUrl: string;
  /**
   * A certificate and its private key for subject, valid from notBefore to notAfter, on request.curve
   * (CryptoPro-A unless told otherwise; the CA's own key stays 256-bit whatever the subject's).
   */
  issue(request: Omit<CertificateRequest, "publicKey" | "crlUrl"> & { crlUrl?: string | null }): {
    certificate: ParsedCertificate;
    privateKey: Uint8Array;
    curve: GostCurve;
  };
  revoke(serialHex: string, at?: Date): void;
  crl(now?: Date): Uint8Array;
}

interface Revoked {
  serialHex: string;
  revokedAt: string;
}

/** A CA held in memory (tests); persist makes it keep its key and revocations on disk. */
export function createTestCa(o: {
  crlUrl: string;
  now?: Date;
  key?: Uint8Array;
  rootDer?: Uint8Array;
  revoked?: Revoked[];
  persist?: (revoked: Revoked[]) => void;
  /** Re-reads the revocations (the CLI may revoke while the cabinet runs). */
  load?: () => Revoked[];
}): TestCa {
  const now = o.now ?? new Date();
  const privateKey = o.key ?? generateGostKeyPair().privateKey;
  const publicKey = gostPublicKeyFromPrivate(privateKey);
  const signer: CaKey = { privateKey, curve: "S-256-A", nameDer: nameDer(TEST_CA_NAME), publicKey };
  const rootDer =
    o.rootDer ??
    issueCertificate(signer, {
      subject: TEST_CA_NAME,
      publicKey,
      isCa: true,
      // Backdated a year, so that test clocks set in the past still see a valid root.
      notBefore: new Date(now.getTime() - 365 * 86_400_000),
      notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    });
  const root = parseCertificate(rootDer);
  let revoked = [...(o.load?.() ?? o.revoked ?? [])];
  const refresh = () => {
    if (o.load) revoked = o.load();
  };
  return {
    root,
    crlUrl: o.crlUrl,
    issue(request) {
      const curve = request.curve ?? "S-256-A";
      const pair = generateGostKeyPair(curve);
      const crlUrl = request.crlUrl === null ? undefined : (request.crlUrl ?? o.crlUrl);
      const der = issueCertificate(signer, { ...request, curve, crlUrl, publicKey: pair.publicKey });
      return { certificate: parseCertificate(der), privateKey: pair.privateKey, curve };
    },
    revoke(serialHex, at = new Date()) {
      refresh();
      if (!revoked.some((r) => r.serialHex === serialHex))
        revoked.push({ serialHex, revokedAt: at.toISOString() });
      o.persist?.(revoked);
    },
    crl(at = new Date()) {
      refresh();
      return issueCrl(signer, {
        revoked: revoked.map((r) => ({
          serial: Buffer.from(r.serialHex.padStart(2, "0"), "hex"),
          revokedAt: new Date(r.revokedAt),
        })),
        thisUpdate: new Date(at.getTime() - 60_000),
        // Short-lived on purpose: a revocation shows up within minutes in the cabinet's CRL cache.
        nextUpdate: new Date(at.getTime() + 10 * 60_000),
        number: revoked.length + 1,
      });
    },
  };
}

/** The CA kept in dir (created on first use): ca.key (PKCS#8), ca.crt, revoked.json. */
export function openTestCa(dir: string, crlUrl: string): TestCa {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyPath = join(dir, "ca.key");
  const certificatePath = join(dir, "ca.crt");
  const revokedPath = join(dir, "revoked.json");
  const persist = (revoked: Revoked[]) => writeFileSync(revokedPath, `${JSON.stringify(revoked, null, 2)}\n`);
  const load = () =>
    existsSync(revokedPath) ? (JSON.parse(readFileSync(revokedPath, "utf8")) as Revoked[]) : [];
  if (!existsSync(keyPath) || !existsSync(certificatePath)) {
    const key = generateGostKeyPair().privateKey;
    const ca = createTestCa({ crlUrl, key, persist, load });
    writeFileSync(keyPath, gostPrivateKeyToPem(key), { mode: 0o600 });
    writeFileSync(certificatePath, derToPem(ca.root.der, "CERTIFICATE"));
    persist([]);
    return ca;
  }
  return createTestCa({
    crlUrl,
    key: gostPrivateKeyFromPem(readFileSync(keyPath, "utf8")),
    rootDer: pemToDer(readFileSync(certificatePath, "utf8")),
    load,
    persist,
  });
}

/** The subject of a demo person's certificate; with organization, as its head (ИНН ЮЛ, ОГРН). */
export function personSubject(
  person: StandinPerson,
  organization?: StandinOrganization,
  title?: string,
): NameAttribute[] {
  const given = [person.firstName, person.middleName].filter(Boolean).join(" ");
  return [
    { oid: OID.country, value: "RU" },
    ...(organization
      ? [
          { oid: OID.organization, value: organization.shortName },
          ...(title ? [{ oid: OID.title, value: title }] : []),
          { oid: OID.innLe, value: organization.inn },
          { oid: OID.ogrn, value: organization.ogrn },
        ]
      : []),
    { oid: OID.commonName, value: fullNameOf(person) },
    { oid: OID.surname, value: person.lastName ?? "" },
    { oid: OID.givenName, value: given },
    ...(person.snils ? [{ oid: OID.snils, value: person.snils.replace(/\D/g, "") }] : []),
    ...(person.inn ? [{ oid: OID.inn, value: person.inn }] : []),
  ];
}
