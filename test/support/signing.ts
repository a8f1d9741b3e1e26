// Test support (not a test itself): the head's qualified signature in tests. A certificate from the
// cabinet's own test CA is registered in «Электронные подписи», and a decision on a report is signed
// the «Загрузить файл подписи» way: the decision document the page offers, signed with the key.
import { join } from "node:path";
import type { LightMyRequestResponse } from "fastify";
import type { Deps } from "../../src/deps.ts";
import { derToPem, gostPrivateKeyToPem, pemToDer } from "../../src/esia/crypto/certificate.ts";
import { findGostOpenssl, opensslPkcs12 } from "../../src/esia/crypto/test-openssl.ts";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import { signDetached } from "../../src/modules/signatures/cms.ts";
import { buildPkcs12 } from "../../src/modules/signatures/pkcs12.ts";
import { testCaCrlUrl } from "../../src/modules/signatures/signatures.setup.ts";
import { openTestCa, personSubject, type TestCa } from "../../src/modules/signatures/test-ca.ts";
import type { Clock } from "../../src/shared/clock.ts";
import type { Visitor } from "./accreditation.ts";
import { csrfTokenIn } from "./platform.ts";

const DAY = 86_400_000;

export type Issued = ReturnType<TestCa["issue"]>;

/** The cabinet's test CA (the files it trusts); crlUrl goes into the certificates it issues. */
export function cabinetTestCa(deps: Deps, crlUrl = "http://127.0.0.1:9/test-ca/crl"): TestCa {
  return openTestCa(join(deps.config.dataDir, "test-ca"), crlUrl);
}

/** Issues a certificate to Смирнов for the clinic and registers it as his active one. */
export async function registerHeadCertificate(
  deps: Deps,
  clock: Clock,
  head: Visitor,
  o: { ca?: TestCa; crlUrl?: string | null; issued?: Issued } = {},
): Promise<Issued> {
  const ca = o.ca ?? cabinetTestCa(deps);
  const now = clock.now().getTime();
  const issued =
    o.issued ??
    ca.issue({
      subject: personSubject(standinAccounts.smirnov, standinOrganizations.clinic, "Главный врач"),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      ...(o.crlUrl !== undefined ? { crlUrl: o.crlUrl } : {}),
    });
  const page = await head.get("/org/signatures");
  const response = await head.multipart(
    `/org/signatures?_csrf=${encodeURIComponent(csrfTokenIn(page.body))}`,
    [{ name: "certificate", filename: "head.cer", content: Buffer.from(issued.certificate.der) }],
  );
  if (response.statusCode !== 303)
    throw new Error(`certificate not registered: ${response.statusCode} ${response.body.slice(0, 400)}`);
  return issued;
}

/** The signing page of a decision: its hidden fields and the upload form's action. */
export interface SigningPage {
  response: LightMyRequestResponse;
  fields: { decision: string; reason: string; at: string };
  uploadAction: string;
  csrf: string;
}

export async function openSigning(
  head: Visitor,
  id: string,
  decision: "agree" | "refuse",
  reason?: string,
): Promise<SigningPage> {
  const response =
    decision === "agree"
      ? await head.submit(`/org/approvals/${id}`, `/org/approvals/${id}/agree`)
      : await head.submit(`/org/approvals/${id}`, `/org/approvals/${id}/refuse`, { reason: reason ?? "" });
  return signingPageOf(response);
}

export function signingPageOf(response: LightMyRequestResponse): SigningPage {
  const body = response.body;
  const form = /<form[^>]*id="signature-upload"[\s\S]*?<\/form>/.exec(body)?.[0] ?? "";
  const value = (name: string) =>
    decodeEntities(new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? "");
  const action = decodeEntities(/action="([^"]*)"/.exec(form)?.[1] ?? "");
  return {
    response,
    fields: { decision: value("decision"), reason: value("reason"), at: value("at") },
    uploadAction: action,
    csrf: csrfTokenIn(body),
  };
}

/** The decision document exactly as the page offers it for download. */
export async function decisionDocumentOf(head: Visitor, id: string, page: SigningPage): Promise<Buffer> {
  const response = await head.post(`/org/approvals/${id}/decision-document`, {
    _csrf: page.csrf,
    ...page.fields,
  });
  if (response.statusCode !== 200) throw new Error(`no decision document: ${response.statusCode}`);
  return response.rawPayload;
}

export function signWith(issued: Issued, content: Uint8Array, signingTime: Date): Uint8Array {
  return signDetached({
    content,
    certificate: issued.certificate,
    privateKey: issued.privateKey,
    curve: issued.curve,
    signingTime,
  });
}

/** Uploads signature (a .sig) for the decision of page. */
export function uploadSignature(
  head: Visitor,
  page: SigningPage,
  signature: Uint8Array,
  name = "reshenie.sig",
) {
  return head.multipart(page.uploadAction, [
    ...Object.entries(page.fields).map(([field, value]) => ({ name: field, value })),
    {
      name: "signature",
      filename: name,
      content: Buffer.from(signature),
      contentType: "application/pkcs7-signature",
    },
  ]);
}

/** Takes the head's decision the whole way: the signing page, the document, the .sig upload. */
export async function signDecision(
  head: Visitor,
  id: string,
  issued: Issued,
  clock: Clock,
  decision: "agree" | "refuse" = "agree",
  reason?: string,
): Promise<LightMyRequestResponse> {
  const page = await openSigning(head, id, decision, reason);
  if (page.response.statusCode !== 200)
    throw new Error(`signing page answered ${page.response.statusCode}: ${page.response.body.slice(0, 400)}`);
  const document = await decisionDocumentOf(head, id, page);
  return uploadSignature(head, page, signWith(issued, document, clock.now()));
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
}

/** The head's .pfx (PKCS#12) of issued, as the test CA's CLI writes it. */
export async function pfxOf(issued: Issued, password: string): Promise<Uint8Array> {
  return buildPkcs12({
    certificateDer: issued.certificate.der,
    pkcs8Der: pemToDer(gostPrivateKeyToPem(issued.privateKey, issued.curve)),
    password,
    friendlyName: "Смирнов Алексей Викторович",
  });
}

/**
 * The same key and certificate as КриптоПро CSP 5 exports them: the TC26 protection (GOST 28147-89
 * bags, a Streebog-512 MAC), written by OpenSSL's gost engine, which the test machines have.
 */
export function tc26PfxOf(issued: Issued, password: string): Buffer {
  const openssl = findGostOpenssl();
  if (typeof openssl === "string") throw new Error(openssl);
  try {
    return opensslPkcs12(openssl, {
      keyPem: gostPrivateKeyToPem(issued.privateKey, issued.curve),
      certificatePem: derToPem(issued.certificate.der, "CERTIFICATE"),
      password,
      protection: ["-keypbe", "gost89", "-certpbe", "gost89", "-macalg", "md_gost12_512"],
    });
  } finally {
    openssl.cleanup();
  }
}

/** Issues a certificate to Смирнов (CDP: the cabinet's own test CA list) and returns its .cer and .pfx. */
export async function headKeyFiles(deps: Deps, password: string) {
  const ca = cabinetTestCa(deps, testCaCrlUrl(deps.config));
  const now = Date.now();
  const issued = ca.issue({
    subject: personSubject(standinAccounts.smirnov, standinOrganizations.clinic, "Главный врач"),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
  });
  return {
    issued,
    cer: Buffer.from(issued.certificate.der),
    pfx: Buffer.from(await pfxOf(issued, password)),
  };
}
