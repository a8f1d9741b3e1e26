// Use cases of the head's electronic signature (O11, O12): registering a certificate. The policy check
// comes first; each outcome a person can cause is a typed result with its problem code.

import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { checkCertificate } from "./certificate.checks.ts";
import {
  CertificateFormatError,
  nameValue,
  ownerName,
  type ParsedCertificate,
  parseCertificate,
} from "./certificate.parse.ts";
import { unarmour } from "./cms.parse.ts";
import { verifyDetached } from "./cms.ts";
import { OID } from "./signature.oids.ts";
import type { SignatureProblem } from "./signature.problems.ts";
import { type CertificateRow, insertActiveCertificate, listCertificates } from "./signatures.repository.ts";
import { signingPasswordFailures } from "./signatures.schema.ts";
import type { SignatureTrust } from "./signatures.setup.ts";

export interface SignatureActor {
  userId: string;
  role: "head" | "employee";
  snils: string | null;
  organization: { id: string; inn: string | null; ogrn: string | null };
  ip: string;
}

/** An accepted signature: the certificate it was made with, when, and the CMS as DER. */
export interface VerifiedSignature {
  certificate: CertificateRow;
  signingTime: Date;
  revocation: "good" | "unchecked";
  der: Uint8Array;
}

export type VerifyOutcome =
  | ({ ok: true } & VerifiedSignature)
  | { ok: false; problem: SignatureProblem | "FORBIDDEN" };

// Wrong .pfx passwords before browser signing with that certificate is locked, and for how long.
export const PASSWORD_ATTEMPTS = 5;
export const PASSWORD_LOCK_MS = 15 * 60_000;

// A signing time a little ahead of the server's clock is a clock skew; far ahead it is a forgery.
const CLOCK_SKEW_MS = 5 * 60_000;

export type RegisterOutcome =
  | { ok: true; certificate: CertificateRow }
  | { ok: false; problem: SignatureProblem | "FORBIDDEN" };

export function createSignaturesService(deps: { db: Database; clock: Clock; trust: () => SignatureTrust }) {
  const { db, clock } = deps;
  /** Until when browser signing with the certificate is locked for this person; undefined if not. */
  async function lockedUntil(userId: string, certificateId: string): Promise<Date | undefined> {
    const [row] = await db
      .select()
      .from(signingPasswordFailures)
      .where(
        and(
          eq(signingPasswordFailures.userId, userId),
          eq(signingPasswordFailures.certificateId, certificateId),
        ),
      );
    return row?.lockedUntil && row.lockedUntil > clock.now() ? row.lockedUntil : undefined;
  }

  return {
    verifySignature,
    lockedUntil,
    /**
     * The browser reports a wrong password for the active certificate's .pfx. Counted here, not in
     * the browser, since a stolen file is tried anywhere; the fifth in a row locks for 15 minutes.
     */
    async recordPasswordFailure(
      actor: SignatureActor,
    ): Promise<{ ok: true; remaining: number; lockedUntil?: Date } | { ok: false }> {
      if (actor.role !== "head") return { ok: false };
      const active = (await listCertificates(db, actor.organization.id, actor.userId)).find(
        (row) => row.active,
      );
      if (!active) return { ok: false };
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(signingPasswordFailures)
          .where(
            and(
              eq(signingPasswordFailures.userId, actor.userId),
              eq(signingPasswordFailures.certificateId, active.id),
            ),
          )
          .for("update");
        if (current?.lockedUntil && current.lockedUntil > now)
          return { ok: true as const, remaining: 0, lockedUntil: current.lockedUntil };
        // After a lock has run out the count starts again.
        const failures = (current?.lockedUntil ? 0 : (current?.failures ?? 0)) + 1;
        const until = failures >= PASSWORD_ATTEMPTS ? new Date(now.getTime() + PASSWORD_LOCK_MS) : null;
        await tx
          .insert(signingPasswordFailures)
          .values({
            userId: actor.userId,
            certificateId: active.id,
            failures,
            lockedUntil: until,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [signingPasswordFailures.userId, signingPasswordFailures.certificateId],
            set: { failures, lockedUntil: until, updatedAt: sql`excluded.updated_at` },
          });
        await writeAudit(tx, {
          event: "signature.password_failed",
          outcome: "failure",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: { serial: active.serialHex, failures, locked: until !== null },
        });
        return {
          ok: true as const,
          remaining: Math.max(0, PASSWORD_ATTEMPTS - failures),
          ...(until ? { lockedUntil: until } : {}),
        };
      });
    },
    /** Checks the uploaded .cer (DER or PEM) and makes it the head's active signing certificate. */
    async registerCertificate(actor: SignatureActor, bytes: Uint8Array): Promise<RegisterOutcome> {
      if (actor.role !== "head" || !actor.snils) return { ok: false, problem: "FORBIDDEN" };
      let certificate: ParsedCertificate;
      try {
        certificate = parseCertificate(bytes);
      } catch (error) {
        if (error instanceof CertificateFormatError) return refuse(actor, "DAMAGED");
        throw error;
      }
      const { trust, crls } = deps.trust();
      const now = clock.now();
      const verdict = await checkCertificate(certificate, {
        at: now,
        trust,
        crls,
        head: { snils: actor.snils, organization: actor.organization },
      });
      if (!verdict.ok) return refuse(actor, verdict.problem, certificate);
      const row = await db.transaction(async (tx) => {
        const inserted = await insertActiveCertificate(tx, {
          organizationId: actor.organization.id,
          userId: actor.userId,
          certificateDer: Buffer.from(certificate.der).toString("base64"),
          serialHex: certificate.serialHex,
          issuerName: issuerName(certificate),
          ownerName: ownerName(certificate),
          notBefore: certificate.notBefore,
          notAfter: certificate.notAfter,
          revocation: verdict.revocation,
          registeredAt: now,
        });
        await writeAudit(tx, {
          event: "signature.certificate_registered",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: {
            serial: certificate.serialHex,
            issuer: inserted.issuerName,
            revocation: verdict.revocation,
          },
        });
        return inserted;
      });
      return { ok: true, certificate: row };
    },
  };

  /**
   * Verifies a detached signature file over content: the CMS, then the certificate at the signing
   * time (chain, CRL, owner), then that it is the head's active registered certificate. Used for the
   * «Загрузить файл подписи» way and for what the browser sends alike.
   */
  async function verifySignature(
    actor: SignatureActor,
    content: Uint8Array,
    signatureFile: Uint8Array,
    o: { browser?: boolean } = {},
  ): Promise<VerifyOutcome> {
    if (actor.role !== "head" || !actor.snils) return { ok: false, problem: "FORBIDDEN" };
    const outcome = await check({ ...actor, snils: actor.snils }, content, signatureFile, o.browser ?? false);
    if (!outcome.ok && outcome.problem !== "FORBIDDEN") {
      await writeAudit(db, {
        event: "signature.signature_refused",
        outcome: "failure",
        userId: actor.userId,
        organizationId: actor.organization.id,
        ip: actor.ip,
        details: { problem: outcome.problem },
      });
    }
    return outcome;
  }

  async function check(
    actor: SignatureActor & { snils: string },
    content: Uint8Array,
    signatureFile: Uint8Array,
    browser: boolean,
  ): Promise<VerifyOutcome> {
    const active = (await listCertificates(db, actor.organization.id, actor.userId)).find(
      (row) => row.active,
    );
    // The lock after wrong passwords holds the browser way; a .sig made elsewhere needs no password here.
    if (browser && active && (await lockedUntil(actor.userId, active.id)))
      return { ok: false, problem: "LOCKED" };
    const known = active ? [parseCertificate(Buffer.from(active.certificateDer, "base64"))] : [];
    const cms = verifyDetached(signatureFile, content, known);
    if (!cms.ok) return cms;
    const now = clock.now();
    const signingTime = cms.signingTime ?? now;
    if (signingTime.getTime() > now.getTime() + CLOCK_SKEW_MS) return { ok: false, problem: "DAMAGED" };
    const { trust, crls } = deps.trust();
    const verdict = await checkCertificate(cms.signer, {
      at: signingTime,
      trust,
      crls,
      head: { snils: actor.snils, organization: actor.organization },
      extra: cms.certificates,
    });
    if (!verdict.ok) return verdict;
    const signer = cms.signer;
    if (!active || active.serialHex !== signer.serialHex || active.issuerName !== issuerName(signer)) {
      return { ok: false, problem: "NOT_REGISTERED" };
    }
    return {
      ok: true,
      certificate: active,
      signingTime,
      revocation: verdict.revocation,
      der: unarmour(signatureFile),
    };
  }

  async function refuse(
    actor: SignatureActor,
    problem: SignatureProblem,
    certificate?: ParsedCertificate,
  ): Promise<RegisterOutcome> {
    await writeAudit(db, {
      event: "signature.certificate_refused",
      outcome: "failure",
      userId: actor.userId,
      organizationId: actor.organization.id,
      ip: actor.ip,
      details: { problem, ...(certificate ? { serial: certificate.serialHex } : {}) },
    });
    return { ok: false, problem };
  }
}

export function issuerName(certificate: ParsedCertificate): string {
  return (
    nameValue(certificate.issuer, OID.commonName) ?? nameValue(certificate.issuer, OID.organization) ?? ""
  );
}

export type SignaturesService = ReturnType<typeof createSignaturesService>;
