import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { derToPem } from "../../esia/crypto/certificate.ts";
import { standinAccounts, standinOrganizations } from "../../esia-standin/seed.ts";
import { checkCertificate } from "./certificate.checks.ts";
import { CertificateFormatError, ownerName, parseCertificate } from "./certificate.parse.ts";
import { personSubject } from "./test-ca.ts";
import {
  clinic,
  clinicHead,
  crlsOf,
  DAY,
  headCertificate,
  smirnov,
  testCa,
  trustOf,
  unreachableCrls,
} from "./test-support.ts";

const now = new Date();
// The CA is older than every certificate below, so that signatures made in the past can be checked.
const ca = testCa(new Date(now.getTime() - 500 * DAY));
const check = (
  certificate: ReturnType<typeof headCertificate>["certificate"],
  o: { at?: Date; crls?: typeof unreachableCrls } = {},
) =>
  checkCertificate(certificate, {
    at: o.at ?? now,
    trust: trustOf(ca),
    crls: o.crls ?? crlsOf(ca),
    head: clinicHead,
  });

describe("certificate checks", () => {
  test("the head's valid certificate passes, with the revocation checked against the CRL", async () => {
    const { certificate } = headCertificate(ca);
    const verdict = await check(certificate);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.ok && verdict.revocation, "good");
    assert.equal(verdict.ok && verdict.chain.length, 2);
    assert.equal(ownerName(certificate), "Смирнов Алексей Викторович");
  });

  test("a head's certificate with a 512-bit key (TC26 paramSetA/C) passes the same checks", async () => {
    for (const curve of ["TC26-512-A", "TC26-512-C"] as const) {
      const { certificate } = headCertificate(ca, { curve });
      assert.equal(certificate.publicKeyAlgorithm, "1.2.643.7.1.1.1.2");
      assert.equal(certificate.gostKey?.curve, curve);
      assert.equal(certificate.gostKey?.publicKey.length, 128);
      const verdict = await check(certificate);
      assert.equal(verdict.ok && verdict.revocation, "good", JSON.stringify(verdict));
    }
  });

  test("PEM and DER parse to the same certificate; the CDP URL is read", () => {
    const { certificate } = headCertificate(ca);
    const fromPem = parseCertificate(Buffer.from(derToPem(certificate.der, "CERTIFICATE")));
    assert.equal(fromPem.serialHex, certificate.serialHex);
    assert.deepEqual(certificate.crlUrls, [ca.crlUrl]);
    assert.equal(certificate.keyUsage?.nonRepudiation, true);
  });

  test("expired, not yet valid", async () => {
    assert.deepEqual(await check(headCertificate(ca, { fromDays: -400, toDays: -1 }).certificate), {
      ok: false,
      problem: "EXPIRED",
    });
    assert.deepEqual(await check(headCertificate(ca, { fromDays: 2, toDays: 30 }).certificate), {
      ok: false,
      problem: "NOT_YET_VALID",
    });
    // The same certificate is fine at a moment inside its validity (a signature made back then).
    const old = headCertificate(ca, { fromDays: -400, toDays: -1 }).certificate;
    assert.equal((await check(old, { at: new Date(now.getTime() - 10 * DAY) })).ok, true);
  });

  test("revoked by the CA's CRL", async () => {
    const { certificate } = headCertificate(ca);
    ca.revoke(certificate.serialHex);
    assert.deepEqual(await check(certificate), { ok: false, problem: "REVOKED" });
  });

  test("a CRL service that does not answer gives «unchecked», not acceptance in silence", async () => {
    const verdict = await check(headCertificate(ca).certificate, { crls: unreachableCrls });
    assert.equal(verdict.ok && verdict.revocation, "unchecked");
  });

  test("a CRL signed by another CA is not believed", async () => {
    const other = testCa(now);
    const verdict = await check(headCertificate(ca).certificate, { crls: crlsOf(other) });
    assert.equal(verdict.ok && verdict.revocation, "unchecked");
  });

  test("issued by an untrusted CA, or a chain with a missing intermediate", async () => {
    const stranger = testCa(now);
    assert.deepEqual(await check(headCertificate(stranger).certificate), { ok: false, problem: "CHAIN" });
  });

  test("wrong key usage", async () => {
    const { certificate } = ca.issue({
      subject: personSubject(smirnov, clinic),
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
      keyUsage: { keyCertSign: true },
    });
    assert.deepEqual(await check(certificate), { ok: false, problem: "KEY_USAGE" });
  });

  test("another person's certificate, the head's personal one, another organization's", async () => {
    const other = headCertificate(ca, { person: standinAccounts.kuznetsova }).certificate;
    assert.deepEqual(await check(other), { ok: false, problem: "NOT_HEAD" });
    const personal = ca.issue({
      subject: personSubject(smirnov),
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    assert.deepEqual(await check(personal.certificate), { ok: false, problem: "NOT_HEAD" });
    const zdorovye = ca.issue({
      subject: personSubject(smirnov, standinOrganizations.zdorovye),
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
    });
    assert.deepEqual(await check(zdorovye.certificate), { ok: false, problem: "NOT_HEAD" });
  });

  test("damaged files are a format error, never a crash", () => {
    const { certificate } = headCertificate(ca);
    for (const bytes of [
      Buffer.from("not a certificate"),
      certificate.der.subarray(0, 100),
      Buffer.from("-----BEGIN CERTIFICATE-----\n@@\n-----END CERTIFICATE-----"),
    ]) {
      assert.throws(() => parseCertificate(bytes), CertificateFormatError);
    }
  });

  test("a certificate with its signature altered does not chain", async () => {
    const { certificate } = headCertificate(ca);
    const der = Uint8Array.from(certificate.der);
    der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0xff;
    assert.deepEqual(await check(parseCertificate(der)), { ok: false, problem: "CHAIN" });
  });
});
