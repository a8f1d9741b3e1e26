// «Электронные подписи»: the head's certificates (O11). Multipart upload of the .cer, post/redirect/get.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import { counted, nouns } from "../../shared/plural.ts";
import { cabinetActorOf, cabinetRoute } from "../organizations/cabinet.guard.tsx";
import { type SignatureProblem, signatureProblems } from "./signature.problems.ts";
import { signatureActorOf } from "./signatures.http.ts";
import { listCertificates } from "./signatures.repository.ts";
import { SignaturesPage } from "./views/signatures-page.tsx";

// A certificate is a few kilobytes; anything far larger is not one.
const MAX_CERTIFICATE_BYTES = 64 * 1024;

/**
 * The certificate from the form: the .cer file, or the DER the page's script took out of a .pfx
 * (`certificateBase64`; the key and its password stay in the browser). Empty bytes read as damaged.
 */
async function readUpload(request: FastifyRequest): Promise<Uint8Array | undefined> {
  let file: Uint8Array | undefined;
  let fromPfx: string | undefined;
  for await (const part of request.parts()) {
    if (part.type !== "file") {
      if (part.fieldname === "certificateBase64") fromPfx = String(part.value).trim();
      continue;
    }
    if (part.filename === "") {
      part.file.resume();
      continue;
    }
    const bytes = await part.toBuffer().catch(() => undefined);
    file = bytes && !part.file.truncated ? new Uint8Array(bytes) : new Uint8Array();
  }
  if (file) return file;
  if (!fromPfx) return undefined;
  return /^[A-Za-z0-9+/=]+$/.test(fromPfx) && fromPfx.length <= (MAX_CERTIFICATE_BYTES * 4) / 3 + 4
    ? new Uint8Array(Buffer.from(fromPfx, "base64"))
    : new Uint8Array();
}

export async function signaturesRoutes(app: FastifyInstance): Promise<void> {
  const { database, signatures } = app.deps;
  const guard = cabinetRoute("signatures.manage");
  // Scoped to this plugin: one small file per form.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_CERTIFICATE_BYTES,
      files: 1,
      fields: 5,
      // The certificate taken out of a .pfx arrives as base64 in a field.
      fieldSize: 96 * 1024,
      parts: 6,
      headerPairs: 20,
    },
  });

  // The page with the head's certificates, with the flash after a registration or a refusal's cause.
  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    notice: { flash?: string | undefined; problem?: SignatureProblem },
    status = 200,
  ) {
    const actor = cabinetActorOf(request);
    const certificates = await listCertificates(database.db, actor.organization.id, actor.userId);
    return sendHtml(
      reply,
      <SignaturesPage
        ctx={pageContext(request, reply)}
        actor={actor}
        certificates={certificates}
        {...notice}
      />,
      status,
    );
  }

  app.get("/org/signatures", { preHandler: guard }, (request, reply) =>
    showPage(request, reply, { flash: takeFlash(request) }),
  );

  // The page's script reports a wrong .pfx password; the count and the lock are kept here.
  app.post("/org/signatures/password-failure", { preHandler: guard }, async (request, reply) => {
    const outcome = await signatures.recordPasswordFailure(signatureActorOf(request));
    if (!outcome.ok)
      return reply.code(400).send({ locked: false, message: signatureProblems.NOT_REGISTERED.message });
    const locked = outcome.lockedUntil !== undefined;
    const message = locked
      ? signatureProblems.LOCKED.message
      : `${signatureProblems.WRONG_PASSWORD.message} ${remainingText(outcome.remaining)}`;
    return reply.header("cache-control", "no-store").send({ locked, message });
  });

  app.post("/org/signatures", { preHandler: guard }, async (request, reply) => {
    const bytes = await readUpload(request).catch(() => undefined);
    const outcome = bytes
      ? await signatures.registerCertificate(signatureActorOf(request), bytes)
      : ({ ok: false, problem: "DAMAGED" } as const);
    if (outcome.ok) {
      setFlash(request, `Сертификат ${outcome.certificate.serialHex} зарегистрирован и стал действующим.`);
      return reply.redirect("/org/signatures", 303);
    }
    if (outcome.problem === "FORBIDDEN") return sendError(request, reply, "FORBIDDEN");
    return showPage(request, reply, { problem: outcome.problem }, 400);
  });
}

function remainingText(remaining: number): string {
  const verb = remaining % 10 === 1 && remaining % 100 !== 11 ? "Осталась" : "Осталось";
  return `${verb} ${counted(remaining, nouns.attempt)}, затем подписание будет заблокировано на 15 минут.`;
}
