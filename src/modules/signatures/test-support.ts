// Test support (not a test itself): a test CA and the demo head's certificates in every state the
// checks must recognise.
import type { GostCurve } from "../../esia/crypto/gost.ts";
import { standinAccounts, standinOrganizations } from "../../esia-standin/seed.ts";
import type { Head, TrustStore } from "./certificate.checks.ts";
import type { CrlSource } from "./crl.ts";
import { parseCrl } from "./crl.ts";
import { createTestCa, personSubject, type TestCa } from "./test-ca.ts";

export const DAY = 86_400_000;
export const smirnov = standinAccounts.smirnov;
export const clinic = standinOrganizations.clinic;

export const clinicHead: Head = {
  snils: smirnov.snils ?? "",
  organization: { inn: clinic.inn, ogrn: clinic.ogrn },
};

export function testCa(now = new Date()): TestCa {
  return createTestCa({ crlUrl: "http://127.0.0.1:9/test-ca/crl", now });
}

/** The head's certificate, valid for a year from yesterday, with a CryptoPro-A key unless told otherwise. */
export function headCertificate(
  ca: TestCa,
  o: { now?: Date; fromDays?: number; toDays?: number; person?: typeof smirnov; curve?: GostCurve } = {},
) {
  const now = o.now ?? new Date();
  return ca.issue({
    subject: personSubject(o.person ?? smirnov, clinic, "Главный врач"),
    notBefore: new Date(now.getTime() + (o.fromDays ?? -1) * DAY),
    notAfter: new Date(now.getTime() + (o.toDays ?? 365) * DAY),
    curve: o.curve,
  });
}

export function trustOf(ca: TestCa): TrustStore {
  return { roots: [ca.root], intermediates: [] };
}

/** CRLs straight from the CA, as if every CDP URL answered with its current list. */
export function crlsOf(ca: TestCa): CrlSource {
  return async () => parseCrl(ca.crl());
}

export const unreachableCrls: CrlSource = async () => undefined;
