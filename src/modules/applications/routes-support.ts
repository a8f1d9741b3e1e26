// Helpers shared by the routes of applications, approvals and the back office: the actor, reading
// a multipart upload, turning a use case's outcome into a redirect or an error page, and the route
// shapes they all repeat (a form post on an application, a found-or-«не найдено» GET, a signature file).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { Type } from "typebox";
import { assertNoControlCharacters } from "../../http/control-characters.ts";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext } from "../../http/render.ts";
import type { DocumentsService, ReceivedFile } from "../documents/documents.service.ts";
import { downloadHeaders } from "../documents/download.ts";
import type { FileStorage } from "../documents/storage.ts";
import { viewerOf } from "../identity/viewer.ts";
import { sendSignaturePart } from "../signatures/signatures.http.ts";
import type { SignatureRow } from "../signatures/signatures.repository.ts";
import type { CabinetActor } from "./applications.access.ts";
import { REPORT_SLOT_ID } from "./applications.kinds.ts";
import type { Problem } from "./applications.policy.ts";
import type { Outcome } from "./applications.service.ts";
import type { StepKey } from "./views/steps.ts";

export type Body = Record<string, string | string[] | undefined>;

/** Shows the application page again, with the problems of a refused action (given to the filing routes). */
export type ShowApplication = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  problems?: Problem[],
  values?: Record<string, string>,
  step?: StepKey,
) => Promise<unknown>;

/** Shows a slot's own page again, with the problems of a refused attach or upload. */
export type ShowSlot = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  slotId: string,
  problems?: Problem[],
) => Promise<unknown>;

/** Back to a slot on its step: the report's slot is on «Отчёт», the others on «Документы». */
export function slotHref(id: string, slotId: unknown): string {
  const step = slotId === REPORT_SLOT_ID ? "report" : "documents";
  return `/lk/applications/${id}${step === "report" ? "/report" : "/documents"}${slotAnchor(slotId)}`;
}

/** A slot id as the kinds define them, safe in a redirect's anchor; anything else gives none. */
export function slotAnchor(value: unknown): string {
  return typeof value === "string" && /^[a-z][a-z_-]{0,40}$/.test(value) ? `#field-slot-${value}` : "";
}

export const idParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const itemParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  itemId: Type.String({ maxLength: 64 }),
});
/** A stored signature's part (`sig`, or the `document` it signs) of an application. */
export const signatureParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  signatureId: Type.String({ maxLength: 64 }),
  part: Type.Union([Type.Literal("sig"), Type.Literal("document")]),
});
/** A query of optional strings, each with its longest length: the filters of a list page. */
export const optionalStrings = (maxLengths: Record<string, number>) =>
  Type.Object(
    Object.fromEntries(
      Object.entries(maxLengths).map(([name, maxLength]) => [
        name,
        Type.Optional(Type.String({ maxLength })),
      ]),
    ),
  );
/** Url-encoded forms: every value a string, repeated fields (checkboxes) an array. */
export const formBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));

export function cabinetActor(request: FastifyRequest): CabinetActor {
  const viewer = viewerOf(request);
  return { userId: viewer.id, ip: request.ip, context: viewer.context };
}

/** A single form value; repeated fields (checkboxes) give their first value here. */
export function field(body: Body | undefined, name: string): string | undefined {
  const value = body?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The form's plain values, to show again next to the errors. */
export function formValues(body: Body | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body ?? {}).flatMap(([name, value]) =>
      name === "_csrf" || typeof value !== "string" ? [] : [[name, value]],
    ),
  );
}

/**
 * ok → the flash message and a redirect (post/redirect/get); a refused form → `showErrors`;
 * anything else → the error page from the catalogue.
 */
export async function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: Outcome,
  onSuccess: { flash: string; redirect: string },
  showErrors: (problems: Problem[]) => Promise<unknown>,
): Promise<unknown> {
  if (outcome.ok) {
    setFlash(request, onSuccess.flash);
    return reply.redirect(onSuccess.redirect, 303);
  }
  if (outcome.reason === "invalid") return showErrors(outcome.problems);
  return sendError(request, reply, outcome.reason === "not-found" ? "NOT_FOUND" : "APPLICATION_NOT_EDITABLE");
}

/** Reads a multipart form: the file goes to staging while it arrives, the other fields are kept. */
export async function readUpload(
  request: FastifyRequest,
  receive: DocumentsService["receive"],
): Promise<{ fields: Record<string, string>; file: ReceivedFile | undefined }> {
  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  try {
    for await (const part of request.parts()) {
      // File names are checked (with a field error) by the documents module's name rules.
      if (part.type !== "file") assertNoControlCharacters([part.fieldname, part.value]);
      if (part.type === "file") {
        if (file) {
          // One file per form: a second one is read to its end and dropped.
          part.file.resume();
          continue;
        }
        file = await receive(part.file, part.filename);
      } else if (typeof part.value === "string") fields[part.fieldname] = part.value;
    }
  } catch (error) {
    await file?.staged.discard();
    throw error;
  }
  return { fields, file };
}

type FormRequest<Params> = FastifyRequest<{ Params: Params; Body: Body }>;

/** The three parts of a form post on an application; `respond` joins them. */
export interface OutcomePost<Params> {
  run: (request: FormRequest<Params>) => Promise<Outcome>;
  done: (request: FormRequest<Params>) => { flash: string; redirect: string };
  again: (request: FormRequest<Params>, reply: FastifyReply, problems: Problem[]) => Promise<unknown>;
}

/** A form post that runs one use case and answers through `respond`: the steps every move shares. */
export function postOutcome<Params>(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  post: OutcomePost<Params>,
): void {
  app.post<{ Params: Params; Body: Body }>(url, options, async (request, reply) =>
    respond(request, reply, await post.run(request), post.done(request), (problems) =>
      post.again(request, reply, problems),
    ),
  );
}

/** A GET of one thing the viewer may see: `send` answers with it; nothing found gives «не найдено». */
export function getFound<Params, Found>(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  find: (request: FastifyRequest<{ Params: Params }>) => Promise<Found | undefined>,
  send: (reply: FastifyReply, found: Found, request: FastifyRequest<{ Params: Params }>) => unknown,
): void {
  app.get<{ Params: Params }>(url, options, async (request, reply) => {
    const found = await find(request);
    if (!found) return sendError(request, reply, "NOT_FOUND");
    return send(reply, found, request);
  });
}

/** Sends a stored document as a download; the file is opened first, so a failing storage leaves no headers. */
export const sendStoredFile =
  (storage: FileStorage) =>
  async (reply: FastifyReply, document: Parameters<typeof downloadHeaders>[0] & { storageKey: string }) => {
    const content = await storage.open(document.storageKey);
    return reply.headers(downloadHeaders(document)).send(content);
  };

type SignatureKey = { id: string; signatureId: string; part: string };

/** The signatures of an application the viewer may see, and the base of their file names. */
export type VisibleSignatures = (
  request: FastifyRequest<{ Params: SignatureKey }>,
) => Promise<{ rows: SignatureRow[]; baseName: string }>;

/** A stored signature of the application, or the document it signs, as a file. */
export function signaturePartRoute(
  app: FastifyInstance,
  url: string,
  preHandler: RouteShorthandOptions["preHandler"],
  visible: VisibleSignatures,
): void {
  getFound<SignatureKey, { row: SignatureRow; baseName: string }>(
    app,
    url,
    { preHandler, schema: { params: signatureParams } },
    async (request) => {
      const { rows, baseName } = await visible(request);
      const row = rows.find((candidate) => candidate.id === request.params.signatureId);
      return row && { row, baseName };
    },
    (reply, { row, baseName }, request) => sendSignaturePart(reply, row, request.params.part, baseName),
  );
}

/** What every page shows around its content: the page context and the one-time message. */
export const pageFrame = (request: FastifyRequest, reply: FastifyReply) => ({
  ctx: pageContext(request, reply),
  flash: takeFlash(request),
});
