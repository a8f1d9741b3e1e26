// The stored signatures over an organization's files (its documents, its representatives' powers of
// attorney): read and downloaded the same way for every kind of file, so another organization's
// signature reads as missing everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { Type } from "typebox";
import type { DbExecutor } from "../../db/client.ts";
import { sendError } from "../../http/errors.tsx";
import { setFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { PageContext } from "../../ui/layout.tsx";
import { type CabinetActor, cabinetActorOf } from "../organizations/cabinet.guard.tsx";
import type { SignatureProblem } from "./signature.problems.ts";
import { sendSignaturePart } from "./signatures.http.ts";
import { type SignatureRow, type SignatureSubject, signaturesOf } from "./signatures.repository.ts";
import type { SignaturesService, VerifiedSignature } from "./signatures.service.ts";
import { receiveFileSignature, signingState } from "./signed-files.ts";

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

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
type SigningState = Awaited<ReturnType<typeof signingState>>;

const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });

/**
 * GET `${prefix}/:id/sign`, the page to sign a stored file on, and POST `${prefix}/:id/signature`,
 * which verifies the signature over the file's bytes, records it and goes back to the list. A
 * refused signature shows the page again with its cause.
 */
export function fileSigningRoutes<Found>(
  app: FastifyInstance,
  o: {
    db: DbExecutor;
    signatures: Pick<SignaturesService, "lockedUntil" | "verifySignature">;
    prefix: string;
    preHandler: PreHandler;
    /** The subject of the page, or undefined when it is not this organization's. */
    find: (actor: CabinetActor, id: string) => Promise<Found | undefined>;
    /** Where to send the head instead when the subject cannot be signed now. */
    elsewhere?: (found: Found) => string | undefined;
    page: (ctx: PageContext, actor: CabinetActor, found: Found, state: SigningState) => VNode;
    /** The exact bytes to sign with the subject's name for the message. */
    content: (actor: CabinetActor, id: string) => Promise<{ subject: string; bytes: Uint8Array } | undefined>;
    record: (
      actor: CabinetActor,
      id: string,
      bytes: Uint8Array,
      signature: VerifiedSignature,
    ) => Promise<unknown>;
    signed: (subject: string) => string;
  },
): void {
  async function showSigning(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problem?: SignatureProblem,
  ) {
    const actor = cabinetActorOf(request);
    const found = await o.find(actor, id);
    if (!found) return sendError(request, reply, "NOT_FOUND");
    const elsewhere = o.elsewhere?.(found);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const state = await signingState(o.db, o.signatures, actor, problem);
    return sendHtml(reply, o.page(pageContext(request, reply), actor, found, state), problem ? 400 : 200);
  }

  const byId = { preHandler: o.preHandler, schema: { params: idParams }, attachValidation: true };
  app.get<{ Params: { id: string } }>(`${o.prefix}/:id/sign`, byId, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showSigning(request, reply, request.params.id);
  });

  app.post<{ Params: { id: string } }>(`${o.prefix}/:id/signature`, byId, async (request, reply) => {
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    const actor = cabinetActorOf(request);
    const { id } = request.params;
    const received = await receiveFileSignature(request, o.signatures, () => o.content(actor, id));
    if (!received.ok) {
      if ("notFound" in received) return sendError(request, reply, "NOT_FOUND");
      if ("forbidden" in received) return sendError(request, reply, "FORBIDDEN");
      return showSigning(request, reply, id, received.problem);
    }
    const row = await o.record(actor, id, received.bytes, received.signature);
    if (!row) return sendError(request, reply, "NOT_FOUND");
    setFlash(request, o.signed(received.subject));
    return reply.redirect(o.prefix, 303);
  });
}
