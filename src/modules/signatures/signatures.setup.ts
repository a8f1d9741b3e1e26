// Composition of the signature checks: the trusted roots from SIGNATURE_TRUSTED_ROOTS (plus the test
// CA's root where it is on), the CRL fetcher with its cache, and the test CA's HTTP routes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../config/config.ts";
import type { TrustStore } from "./certificate.checks.ts";
import { type ParsedCertificate, parseCertificate } from "./certificate.parse.ts";
import { type CrlSource, createCrlFetcher } from "./crl.ts";
import { openTestCa, type TestCa } from "./test-ca.ts";

export interface SignatureTrust {
  trust: TrustStore;
  crls: CrlSource;
  testCa?: TestCa;
}

// CRLs of accredited CAs are republished every few hours; a day is the longest we rely on one.
const CRL_MAX_AGE_MS = 24 * 3600_000;

export function testCaDir(config: Config): string {
  return join(config.dataDir, "test-ca");
}

export function testCaCrlUrl(config: Config): string {
  return `${config.standin.publicUrl}/test-ca/crl`;
}

export function createSignatureTrust(config: Config): SignatureTrust {
  const configured = config.signatures.trustedRootFiles.flatMap((path) =>
    certificatesInPem(readFileSync(path, "utf8"), path),
  );
  const testCa = config.signatures.testCa ? openTestCa(testCaDir(config), testCaCrlUrl(config)) : undefined;
  const all = [...configured, ...(testCa ? [testCa.root] : [])];
  const selfIssued = (c: ParsedCertificate) => Buffer.from(c.issuerDer).equals(Buffer.from(c.subjectDer));
  return {
    trust: { roots: all.filter(selfIssued), intermediates: all.filter((c) => !selfIssued(c)) },
    crls: createCrlFetcher({ timeoutMs: config.signatures.crlTimeoutMs, maxAgeMs: CRL_MAX_AGE_MS }),
    testCa,
  };
}

/** Every CERTIFICATE block of a PEM bundle; a file without one is a configuration error. */
export function certificatesInPem(pem: string, source: string): ParsedCertificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`SIGNATURE_TRUSTED_ROOTS: no certificate in ${source}`);
  return blocks.map((block) => parseCertificate(new TextEncoder().encode(block)));
}

/** The test CA's CRL and root, served beside the ESIA stand-in (development only). */
export function testCaRoutes(ca: TestCa) {
  return (app: FastifyInstance) => {
    app.get("/test-ca/crl", async (_request, reply) =>
      reply.type("application/pkix-crl").header("cache-control", "no-store").send(Buffer.from(ca.crl())),
    );
    app.get("/test-ca/root.crt", async (_request, reply) =>
      reply
        .type("application/pkix-cert")
        .header("content-disposition", 'attachment; filename="test-ca.crt"')
        .send(Buffer.from(ca.root.der)),
    );
  };
}
