// The stored signatures over an organization's files (its documents, its representatives' powers of
// attorney): read and downloaded the same way for every kind of file, so another organization's
// signature reads as missing everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { DbExecutor } from "../../db/client.ts";
import { sendError } from "../../http/errors.tsx";
import { cabinetActorOf } from "../organizations/cabinet.guard.tsx";
import { sendSignaturePart } from "./signatures.http.ts";
import { type SignatureRow, type SignatureSubject, signaturesOf } from "./signatures.repository.ts";

/** The signatures over the subjects `ids` that the organization's head made. */
export async function organizationSignatures(
  db: DbExecutor,
  organizationId: string,
  subjectType: SignatureSubject,
  ids: readonly string[],
): Promise<SignatureRow[]> {
  const rows = await signaturesOf(db, subjectType, ids);
  return rows.filter((row) => row.organizationId === organizationId);
}

const signatureParams = Type.Object({
  id: Type.String({ format: "uuid" }),
  signatureId: Type.String({ format: "uuid" }),
  part: Type.Literal("sig"),
});

/** GET `${prefix}/:id/signatures/:signatureId/sig`: one stored signature as a .sig file. */
export function signatureDownloadRoute(
  app: FastifyInstance,
  o: {
    db: DbExecutor;
    prefix: string;
    preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    subjectType: SignatureSubject;
    /** The downloaded file's name, without the extension, for the subject's id. */
    baseName: (id: string) => string;
  },
): void {
  app.get<{ Params: { id: string; signatureId: string; part: string } }>(
    `${o.prefix}/:id/signatures/:signatureId/:part`,
    { preHandler: o.preHandler, schema: { params: signatureParams }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const actor = cabinetActorOf(request);
      const rows = await organizationSignatures(o.db, actor.organization.id, o.subjectType, [
        request.params.id,
      ]);
      const row = rows.find((candidate) => candidate.id === request.params.signatureId);
      if (!row) return sendError(request, reply, "NOT_FOUND");
      return sendSignaturePart(reply, row, "sig", o.baseName(request.params.id));
    },
  );
}
