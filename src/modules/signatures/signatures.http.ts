// HTTP glue shared by the routes that take signatures (approvals, the organization's documents):
// who signs, as the signature checks need them, and serving a stored signature and its signed bytes.
import type { FastifyReply, FastifyRequest } from "fastify";
import { cabinetActorOf } from "../organizations/cabinet.guard.tsx";
import type { SignatureRow } from "./signatures.repository.ts";
import type { SignatureActor } from "./signatures.service.ts";

export function signatureActorOf(request: FastifyRequest): SignatureActor {
  const actor = cabinetActorOf(request);
  return {
    userId: actor.userId,
    role: actor.role,
    snils: actor.snils,
    organization: actor.organization,
    ip: actor.ip,
  };
}

/** `sig`: the detached CMS as DER; `document`: the exact bytes it signs, where the cabinet made them. */
export function sendSignaturePart(reply: FastifyReply, row: SignatureRow, part: string, baseName: string) {
  if (part === "document" && row.signedContent !== null) {
    return reply
      .type("text/plain; charset=utf-8")
      .header("content-disposition", `attachment; filename="${baseName}.txt"`)
      .header("cache-control", "private, no-store")
      .send(Buffer.from(row.signedContent, "base64"));
  }
  return reply
    .type("application/pkcs7-signature")
    .header("content-disposition", `attachment; filename="${baseName}.sig"`)
    .header("cache-control", "private, no-store")
    .send(Buffer.from(row.signatureDer, "base64"));
}
