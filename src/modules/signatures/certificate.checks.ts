// The checks a signing certificate must pass (issue 11 item 1): GOST algorithm, key usage,
// validity at the given moment, chain to a trusted root, revocation, and that the owner is the head
// of the organization. Expected refusals are returned as problem codes, never thrown.
import {
  isGostKeyAlgorithm,
  nameValue,
  type ParsedCertificate,
  signedByIssuerKey,
} from "./certificate.parse.ts";
import { type CrlSource, crlSignedBy } from "./crl.ts";
import { OID } from "./signature.oids.ts";
import type { SignatureProblem } from "./signature.problems.ts";

export interface TrustStore {
  roots: ParsedCertificate[];
  /** Known intermediate CA certificates (the CMS may bring more). */
  intermediates: ParsedCertificate[];
}

export interface Head {
  snils: string;
  organization: { inn?: string | null; ogrn?: string | null };
}

export type Revocation = "good" | "unchecked";

export type CertificateVerdict =
  | { ok: true; revocation: Revocation; chain: ParsedCertificate[] }
  | { ok: false; problem: SignatureProblem };

const MAX_CHAIN = 6;

export async function checkCertificate(
  certificate: ParsedCertificate,
  o: { at: Date; trust: TrustStore; crls: CrlSource; head?: Head; extra?: ParsedCertificate[] },
): Promise<CertificateVerdict> {
  if (!certificate.gostKey || !isGostKeyAlgorithm(certificate.publicKeyAlgorithm)) return refuse("NOT_GOST");
  const usage = certificate.keyUsage;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) return refuse("KEY_USAGE");
  if (o.at < certificate.notBefore) return refuse("NOT_YET_VALID");
  if (o.at > certificate.notAfter) return refuse("EXPIRED");
  if (o.head && !ownedByHead(certificate, o.head)) return refuse("NOT_HEAD");
  const chain = buildChain(certificate, o.trust, o.extra ?? [], o.at);
  if (!chain) return refuse("CHAIN");
  let revocation: Revocation = "good";
  // Each certificate below the root is checked against its issuer's CRL.
  for (let i = 0; i < chain.length - 1; i++) {
    const status = await revocationStatus(
      chain[i] as ParsedCertificate,
      chain[i + 1] as ParsedCertificate,
      o.crls,
    );
    if (status === "revoked") return refuse("REVOKED");
    if (status === "unchecked") revocation = "unchecked";
  }
  return { ok: true, revocation, chain };
}

/** СНИЛС must match the person, and the organization's ИНН ЮЛ / ОГРН every one the certificate names. */
export function ownedByHead(certificate: ParsedCertificate, head: Head): boolean {
  const digits = (value: string | null | undefined) => (value ?? "").replace(/\D/g, "");
  const snils = nameValue(certificate.subject, OID.snils);
  if (!snils || digits(snils) !== digits(head.snils)) return false;
  const innLe = nameValue(certificate.subject, OID.innLe);
  const ogrn = nameValue(certificate.subject, OID.ogrn);
  if (!innLe && !ogrn) return false; // a personal certificate, not one issued for the organization
  if (innLe && digits(innLe) !== digits(head.organization.inn)) return false;
  if (ogrn && digits(ogrn) !== digits(head.organization.ogrn)) return false;
  return true;
}

/** The chain from certificate up to a trusted root, each link's signature checked; undefined if none. */
function buildChain(
  certificate: ParsedCertificate,
  trust: TrustStore,
  extra: ParsedCertificate[],
  at: Date,
): ParsedCertificate[] | undefined {
  const chain = [certificate];
  const candidates = [...trust.intermediates, ...extra];
  let current = certificate;
  while (chain.length <= MAX_CHAIN) {
    const root = trust.roots.find((r) => issuedBy(current, r));
    if (root) {
      if (!sameDer(root, current)) chain.push(root);
      return withinValidity(chain, at) ? chain : undefined;
    }
    const next = candidates.find((c) => c.isCa && issuedBy(current, c) && !chain.includes(c));
    if (!next) return undefined;
    chain.push(next);
    current = next;
  }
  return undefined;
}

function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!Buffer.from(child.issuerDer).equals(Buffer.from(issuer.subjectDer))) return false;
  if (!sameDer(child, issuer) && !issuer.isCa) return false;
  return signedByIssuerKey(issuer, child);
}

// A CA certificate outside its validity breaks the chain as much as a missing one does.
function withinValidity(chain: ParsedCertificate[], at: Date): boolean {
  return chain.slice(1).every((c) => c.notBefore <= at && at <= c.notAfter);
}

async function revocationStatus(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
  crls: CrlSource,
): Promise<"good" | "revoked" | "unchecked"> {
  for (const url of certificate.crlUrls) {
    const crl = await crls(url);
    if (!crl || !crlSignedBy(crl, issuer)) continue;
    return crl.revoked.has(certificate.serialHex) ? "revoked" : "good";
  }
  return "unchecked";
}

function sameDer(a: ParsedCertificate, b: ParsedCertificate): boolean {
  return Buffer.from(a.der).equals(Buffer.from(b.der));
}

function refuse(problem: SignatureProblem): CertificateVerdict {
  return { ok: false, problem };
}
