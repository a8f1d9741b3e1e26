// The head's signature over a stored file (an organization document, a representative's power of
// attorney): the same path for every kind of file, so the checks, the stored row and its audit row
// cannot drift apart between them.
import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { DbExecutor } from "../../db/client.ts";
import type { AuditEventName } from "../audit/audit.events.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import type { FileStorage } from "../documents/storage.ts";
import type { SignatureProblem } from "./signature.problems.ts";
import { MAX_SIGNATURE_BYTES, readSignatureForm } from "./signature-form.ts";
import { signatureActorOf } from "./signatures.http.ts";
import {
  insertSignature,
  listCertificates,
  type SignatureRow,
  type SignatureSubject,
} from "./signatures.repository.ts";
import type { SignaturesService, VerifiedSignature } from "./signatures.service.ts";

/** Whether the head can sign now: an active registered certificate, and browser signing not locked. */
export async function signingState(
  db: DbExecutor,
  signatures: Pick<SignaturesService, "lockedUntil">,
  actor: { userId: string; organization: { id: string } },
  problem?: SignatureProblem,
): Promise<{ hasCertificate: boolean; locked: boolean; problem: SignatureProblem | undefined }> {
  const active = (await listCertificates(db, actor.organization.id, actor.userId)).find((row) => row.active);
  const locked = active ? await signatures.lockedUntil(actor.userId, active.id) : undefined;
  return {
    hasCertificate: active !== undefined,
    locked: locked !== undefined,
    problem: problem ?? (locked ? "LOCKED" : undefined),
  };
}

/** A stored file's exact bytes: what is signed, and what the signature is checked against. */
export async function storedBytes(storage: FileStorage, storageKey: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.open(storageKey)) chunks.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

export type ReceivedSignature<T> =
  | { ok: true; subject: T; bytes: Uint8Array; signature: VerifiedSignature }
  | { ok: false; notFound: true }
  | { ok: false; forbidden: true }
  | { ok: false; problem: SignatureProblem };

/**
 * Reads the signature form (a .sig file or the browser's signature) and verifies it over the
 * subject's bytes. The form is read first: the multipart stream must be drained in every case.
 */
export async function receiveFileSignature<T>(
  request: FastifyRequest,
  signatures: Pick<SignaturesService, "verifySignature">,
  load: () => Promise<{ subject: T; bytes: Uint8Array } | undefined>,
): Promise<ReceivedSignature<T>> {
  const form = await readSignatureForm(request);
  const loaded = await load();
  if (!loaded) return { ok: false, notFound: true };
  const tooLarge = form.signature && form.signature.length > MAX_SIGNATURE_BYTES;
  const verified =
    form.signature && !tooLarge
      ? await signatures.verifySignature(signatureActorOf(request), loaded.bytes, form.signature, {
          browser: form.browser,
        })
      : ({ ok: false, problem: "DAMAGED" } as const);
  if (!verified.ok)
    return verified.problem === "FORBIDDEN"
      ? { ok: false, forbidden: true }
      : { ok: false, problem: verified.problem };
  return { ok: true, subject: loaded.subject, bytes: loaded.bytes, signature: verified };
}

/** The stored signature's columns that come from the verified signature and the bytes it signs. */
export function signatureColumns(signature: VerifiedSignature, bytes: Uint8Array) {
  return {
    certificateId: signature.certificate.id,
    contentSha256: createHash("sha256").update(bytes).digest("hex"),
    signatureDer: Buffer.from(signature.der).toString("base64"),
    signerName: signature.certificate.ownerName,
    serialHex: signature.certificate.serialHex,
    issuerName: signature.certificate.issuerName,
    certificateNotAfter: signature.certificate.notAfter,
    signingTime: signature.signingTime,
    revocation: signature.revocation,
  };
}

/** Stores a verified signature over a file with its audit row; run inside the caller's transaction. */
export async function recordFileSignature(
  tx: DbExecutor,
  o: {
    actor: { userId: string; organization: { id: string }; ip: string };
    subjectType: SignatureSubject;
    subjectId: string;
    bytes: Uint8Array;
    signature: VerifiedSignature;
    at: Date;
    event: AuditEventName;
    details: Record<string, unknown>;
  },
): Promise<SignatureRow> {
  const { actor } = o;
  const row = await insertSignature(tx, {
    organizationId: actor.organization.id,
    userId: actor.userId,
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    signedContent: null,
    ...signatureColumns(o.signature, o.bytes),
    createdAt: o.at,
  });
  await writeAudit(tx, {
    event: o.event,
    outcome: "success",
    userId: actor.userId,
    organizationId: actor.organization.id,
    ip: actor.ip,
    details: { ...o.details, signatureId: row.id, serial: row.serialHex, revocation: row.revocation },
  });
  return row;
}
