// The HTTP steps every organization's submission shares: the cabinet's multipart form that files it,
// and the back office's queue, one submission's page and the operator's decision on it.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { Type } from "typebox";
import type { DbExecutor } from "../../db/client.ts";
import { sendError } from "../../http/errors.tsx";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError, FormState } from "../../ui/form.tsx";
import type { PageContext } from "../../ui/layout.tsx";
import type { CabinetActor } from "../applications/applications.access.ts";
import { cabinetActor } from "../applications/routes-support.ts";
import { downloadHeaders } from "../documents/download.ts";
import type { FileStorage } from "../documents/storage.ts";
import { cabinetActorOf } from "../organizations/cabinet.guard.tsx";
import { formBody } from "../organizations/form-body.ts";
import { discardForm, type MultipartForm, readMultipartForm } from "../organizations/organization-files.ts";
import { requireCommission } from "../review/review.routes.tsx";
import { authorizeOperator } from "../review/review.service.ts";

/** The organization's own row that `:id` names; a malformed id reads as missing. */
export async function ownById<Row>(
  request: FastifyRequest & { params: { id: string } },
  find: (organizationId: string, id: string) => Promise<Row | undefined>,
): Promise<Row | undefined> {
  if (request.validationError) return undefined;
  return find(cabinetActorOf(request).organization.id, request.params.id);
}

/** A stored file as a download, under its original name. */
export async function sendStoredFile(
  reply: FastifyReply,
  storage: FileStorage,
  file: Parameters<typeof downloadHeaders>[0] & { storageKey: string },
) {
  return reply.headers(downloadHeaders(file)).send(await storage.open(file.storageKey));
}

export const idParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export const byId = { schema: { params: idParams }, attachValidation: true } as const;

/** A page shown for the first time: nothing typed, nothing wrong. */
export const blankForm: FormState<Record<string, string>> = { values: {}, errors: [] };

type Refusal =
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true }
  | { ok: false; notFound: true };
type Filed<Done> = ({ ok: true } & Done) | Refusal;

/**
 * Reads the cabinet's multipart form and files it: on success a flash and a redirect, on refused
 * fields the form again with its errors (400); the staged files are discarded either way.
 */
export async function fileFromForm<Done>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: {
    receive: Parameters<typeof readMultipartForm>[1];
    fieldSize?: number;
    file: (form: MultipartForm) => Promise<Filed<Done>>;
    done: (outcome: Done, form: MultipartForm) => { flash: string; location: string };
    refused: (ctx: PageContext, form: MultipartForm, errors: FieldError[]) => VNode | Promise<VNode>;
  },
) {
  const limits = spec.fieldSize ? { fieldSize: spec.fieldSize } : undefined;
  const form = await readMultipartForm(request, spec.receive, [], limits);
  try {
    const outcome = await spec.file(form);
    if (outcome.ok) {
      const { flash, location } = spec.done(outcome, form);
      setFlash(request, flash);
      return reply.redirect(location, 303);
    }
    if (!("errors" in outcome))
      return sendError(request, reply, "notFound" in outcome ? "NOT_FOUND" : "FORBIDDEN");
    return sendHtml(reply, await spec.refused(pageContext(request, reply), form, outcome.errors), 400);
  } finally {
    await discardForm(form);
  }
}

/**
 * The back office's side: `path` lists the queue, `path/:id` shows one submission that `rows` finds
 * and `path/:id/<decide.path>` takes the operator's decision. Operators only, checked against the
 * operators table before anything is read; the refusals are audited as `<operatorActions>.queue|view`.
 */
export function reviewRoutes<Entry>(
  fastify: FastifyInstance,
  spec: {
    path: string;
    operatorActions: string;
    rows: { findForOperator(db: DbExecutor, id: string): Promise<Entry | undefined> };
    queuePage: (ctx: PageContext, flash: string | undefined) => Promise<VNode>;
    reviewPage: (ctx: PageContext, entry: Entry, form: FormState<Record<string, string>>) => Promise<VNode>;
    decide: {
      path: string;
      run: (actor: CabinetActor, id: string, body: Record<string, string>) => Promise<Refusal | { ok: true }>;
      flash: (body: Record<string, string>) => string;
    };
  },
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps.database;
  const operator = (request: FastifyRequest, action: string) =>
    authorizeOperator(db, cabinetActor(request), action);

  app.get(spec.path, { preHandler: requireCommission }, async (request, reply) => {
    if (!(await operator(request, `${spec.operatorActions}.queue`)))
      return sendError(request, reply, "NOT_OPERATOR");
    return sendHtml(reply, await spec.queuePage(pageContext(request, reply), takeFlash(request)));
  });

  async function showReview(request: FastifyRequest, reply: FastifyReply, id: string, form = blankForm) {
    const entry = await spec.rows.findForOperator(db, id);
    if (!entry) return sendError(request, reply, "NOT_FOUND");
    const page = await spec.reviewPage(pageContext(request, reply), entry, form);
    return sendHtml(reply, page, form.errors.length > 0 ? 400 : 200);
  }

  app.get(`${spec.path}/:id`, { preHandler: requireCommission, ...byId }, async (request, reply) => {
    if (!(await operator(request, `${spec.operatorActions}.view`)))
      return sendError(request, reply, "NOT_OPERATOR");
    if (request.validationError) return sendError(request, reply, "NOT_FOUND");
    return showReview(request, reply, request.params.id);
  });

  app.post(
    `${spec.path}/:id/${spec.decide.path}`,
    { preHandler: requireCommission, schema: { params: idParams, body: formBody }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return sendError(request, reply, "NOT_FOUND");
      const outcome = await spec.decide.run(cabinetActor(request), request.params.id, request.body);
      if (outcome.ok) {
        setFlash(request, spec.decide.flash(request.body));
        return reply.redirect(spec.path, 303);
      }
      if ("errors" in outcome)
        return showReview(request, reply, request.params.id, {
          values: request.body,
          errors: outcome.errors,
        });
      return sendError(request, reply, "forbidden" in outcome ? "NOT_OPERATOR" : "NOT_FOUND");
    },
  );
}
