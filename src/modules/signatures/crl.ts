// Certificate revocation lists: parsing and checking one against its issuer (RFC 5280 §5), and
// fetching them from the certificate's CDP URL with a timeout and a cache, so that a verification
// normally costs no network round trip and a dead CRL service is reported, not waited on.
import * as asn1js from "asn1js";
import { decodeDer, oidOf, sequenceItems } from "../../esia/crypto/asn1.ts";
import {
  CertificateFormatError,
  type ParsedCertificate,
  rawBytes,
  serialHex,
  signedByIssuerKey,
} from "./certificate.parse.ts";

export interface ParsedCrl {
  issuerDer: Uint8Array;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Revoked serials (lower-case hex) and when. */
  revoked: Map<string, Date>;
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

export function parseCrl(der: Uint8Array): ParsedCrl {
  try {
    const [tbsNode, algorithmNode, signatureNode] = sequenceItems(decodeDer(der, "CRL"), "CRL");
    if (!tbsNode || !(signatureNode instanceof asn1js.BitString)) throw new CertificateFormatError("CRL");
    const fields = sequenceItems(tbsNode, "tbsCertList");
    const rest = fields[0] instanceof asn1js.Integer ? fields.slice(1) : fields;
    const [, issuerNode, thisUpdate, maybeNext, ...tail] = rest;
    if (!issuerNode) throw new CertificateFormatError("CRL issuer");
    const nextUpdate = isTime(maybeNext) ? maybeNext.toDate() : undefined;
    const revokedNode = [...(isTime(maybeNext) ? [] : [maybeNext]), ...tail].find(
      (node) => node instanceof asn1js.Sequence,
    );
    const revoked = new Map<string, Date>();
    for (const entry of revokedNode ? sequenceItems(revokedNode, "revokedCertificates") : []) {
      const [serial, date] = sequenceItems(entry, "revokedCertificate");
      if (!(serial instanceof asn1js.Integer) || !isTime(date)) throw new CertificateFormatError("CRL entry");
      revoked.set(serialHex(new Uint8Array(serial.valueBlock.valueHexView)), date.toDate());
    }
    if (!isTime(thisUpdate)) throw new CertificateFormatError("CRL thisUpdate");
    return {
      issuerDer: rawBytes(issuerNode),
      thisUpdate: thisUpdate.toDate(),
      nextUpdate,
      revoked,
      tbs: rawBytes(tbsNode),
      signatureAlgorithm: oidOf(sequenceItems(algorithmNode, "CRL algorithm")[0], "CRL algorithm"),
      signature: new Uint8Array(signatureNode.valueBlock.valueHexView),
    };
  } catch (error) {
    if (error instanceof CertificateFormatError) throw error;
    throw new CertificateFormatError(`CRL: ${(error as Error).message}`);
  }
}

/** Whether issuer really signed crl (same name, GOST signature over the TBSCertList). */
export function crlSignedBy(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  if (!Buffer.from(crl.issuerDer).equals(Buffer.from(issuer.subjectDer))) return false;
  return signedByIssuerKey(issuer, crl);
}

export type CrlSource = (url: string) => Promise<ParsedCrl | undefined>;

/**
 * Fetches CRLs over HTTP. A CRL is kept until its nextUpdate (at most maxAgeMs); a failed fetch gives
 * undefined, and the caller records «проверка отзыва не выполнена» rather than accepting silently.
 */
export function createCrlFetcher(o: {
  timeoutMs: number;
  maxAgeMs: number;
  now?: () => Date;
  fetch?: typeof fetch;
}): CrlSource & { clear(): void } {
  const cache = new Map<string, { crl: ParsedCrl; until: number }>();
  const now = o.now ?? (() => new Date());
  const doFetch = o.fetch ?? fetch;
  const source = async (url: string) => {
    const cached = cache.get(url);
    if (cached && cached.until > now().getTime()) return cached.crl;
    try {
      const response = await doFetch(url, { signal: AbortSignal.timeout(o.timeoutMs), redirect: "error" });
      if (!response.ok) return undefined;
      const crl = parseCrl(new Uint8Array(await response.arrayBuffer()));
      const until = Math.min(
        crl.nextUpdate?.getTime() ?? Number.POSITIVE_INFINITY,
        now().getTime() + o.maxAgeMs,
      );
      cache.set(url, { crl, until });
      return crl;
    } catch {
      return undefined;
    }
  };
  return Object.assign(source, { clear: () => cache.clear() });
}

function isTime(node: unknown): node is asn1js.UTCTime | asn1js.GeneralizedTime {
  return node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime;
}
